package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens in headless Chromium without console errors and shows its charts: the screenshot holds the
 * bar colours of the first two models in quantity. Skipped, saying why, when Debian's {@code chromium} is not
 * installed.
 */
class ReportScreenshotTest {
  @TempDir Path dir;

  private static Path chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /* Pixels within a small distance of the colour `rgb`. */
  private static int count(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        int dr = ((p >> 16) & 0xff) - ((rgb >> 16) & 0xff);
        int dg = ((p >> 8) & 0xff) - ((rgb >> 8) & 0xff);
        int db = (p & 0xff) - (rgb & 0xff);
        if (dr * dr + dg * dg + db * db < 300) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void report_inHeadlessChromium_rendersChartsWithoutConsoleErrors() throws IOException, InterruptedException {
    Path browser = chromium();
    assumeTrue(browser != null, "chromium is not installed (apt-get install chromium): screenshot test skipped");
    Path events = dir.resolve("events.csv");
    Files.writeString(events, RandomEvents.csv(300, 3L, true));
    Path html = dir.resolve("report.html");
    Cli.Result r = Cli.run("report", "--events", events.toString(), "--models", "first_touch,last_touch,linear",
        "--output", html.toString(), "-q");
    assertEquals(0, r.exit(), r.err());

    Path png = dir.resolve("shot.png");
    Path log = dir.resolve("chromium.log");
    Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + dir.resolve("profile"),
        "--window-size=1200,1600", "--screenshot=" + png, html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertFalse(output.contains("Uncaught") || output.contains(":CONSOLE("), output);

    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1200, img.getWidth());
    // Palette: first_touch #0072B2, last_touch #E69F00 (HtmlReport's first two colours). The two legends' swatches
    // hold a few hundred such pixels; bars of 5 channels in 2 charts hold thousands.
    assertTrue(count(img, 0x0072B2) > 2000, "first model's bars visible: " + count(img, 0x0072B2));
    assertTrue(count(img, 0xE69F00) > 2000, "second model's bars visible: " + count(img, 0xE69F00));
  }
}
