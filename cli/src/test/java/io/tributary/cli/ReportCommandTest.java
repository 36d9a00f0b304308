package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary report}: one self-contained page whose charts carry the run's numbers. */
class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void report_workedExample_selfContainedChartsMatchCsv() throws IOException {
    Path events = dir.resolve("events.csv");
    // A channel name with markup must come out escaped, not as markup.
    Files.writeString(events, AttributeCommandTest.EVENTS.replace("social", "so<cial&co"));
    Path spend = dir.resolve("spend.csv");
    Files.writeString(spend, AttributeCommandTest.SPEND);
    Path html = dir.resolve("out/report.html");
    Cli.Result r = Cli.run("report", "--events", events.toString(), "--spend", spend.toString(), "--output",
        html.toString(), "--models", "first_touch,linear,markov", "-q");
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);

    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertFalse(page.contains("<script"), "no script");
    assertFalse(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http"), "nothing fetched");
    assertFalse(page.contains("so<cial"), "channel names are escaped");
    assertTrue(page.contains("so&lt;cial&amp;co"));
    for (String id : List.of("chart-conversions", "chart-value", "chart-roas")) {
      assertTrue(page.contains("<svg id=\"" + id + "\""), id);
    }
    // Every bar's tooltip holds its number: compare the conversions chart with the CSV output, bar by bar.
    Cli.Result csv = Cli.run("attribute", "--events", events.toString(), "--spend", spend.toString(),
        "--models", "first_touch,linear,markov", "--format", "csv", "-q");
    List<Map<String, String>> rows = SimpleCsv.parse(csv.out());
    String chart = page.substring(page.indexOf("<svg id=\"chart-conversions\""),
        page.indexOf("</svg>", page.indexOf("<svg id=\"chart-conversions\"")));
    Matcher m = Pattern.compile("<title>(.*?) / (.*?): (.*?)</title>").matcher(chart);
    int bars = 0;
    while (m.find()) {
      String channel = m.group(1).replace("&lt;", "<").replace("&amp;", "&");
      double expected = Double.parseDouble(SimpleCsv.row(rows, m.group(2), channel).get("attributed_conversions"));
      assertEquals(String.format(Locale.ROOT, "%,.2f", expected), m.group(3), channel + " " + m.group(2));
      bars++;
    }
    // display, email, search, so<cial&co, tv, (unattributed) x 3 models.
    assertEquals(6 * 3, bars);
    assertTrue(page.contains("<td>lookback</td><td>PT720H</td>"), "settings shown");

    Path again = dir.resolve("again.html");
    Cli.run("report", "--events", events.toString(), "--spend", spend.toString(), "--output", again.toString(),
        "--models", "first_touch,linear,markov", "-q");
    assertEquals(page.replace(html.toString(), ""), Files.readString(again).replace(again.toString(), ""),
        "same run, same bytes");
  }

  @Test
  void attribute_reportFlag_writesPageBesideTable() throws IOException {
    Path paths = dir.resolve("paths.csv");
    Files.writeString(paths, "path,total_conversions,total_conversion_value,total_null\na > b,2,10,3\nb,1,4,1\n");
    Path html = dir.resolve("r.html");
    Cli.Result r = Cli.run("attribute", "--paths", paths.toString(), "--report", html.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Attributed conversions"));
    assertTrue(Files.readString(html).contains("<svg id=\"chart-conversions\""));
  }
}
