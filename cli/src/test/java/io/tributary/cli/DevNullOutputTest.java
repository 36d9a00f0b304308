package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output /dev/null}, the usual way to time a run, writes into the device instead of failing. */
class DevNullOutputTest {
  private static final Path DEV_NULL = Path.of("/dev/null");

  @TempDir Path dir;

  @Test
  void attribute_devNullEveryOneFileFormat_exit0NothingOnStdout() throws IOException {
    assumeTrue(Files.exists(DEV_NULL) && Files.isWritable(DEV_NULL), "a system with /dev/null");
    Path events = dir.resolve("events.csv");
    Files.writeString(events, RandomEvents.csv(200, 3L, true), StandardCharsets.UTF_8);
    for (String format : List.of("table", "csv", "json")) {
      Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--format", format, "--output",
          DEV_NULL.toString(), "-q");
      assertEquals(0, r.exit(), format + ": " + r.err());
      assertEquals("", r.out(), format);
      assertEquals("", r.err(), format);
    }
    Cli.Result paths = Cli.run("paths", "--events", events.toString(), "--output", DEV_NULL.toString(), "-q");
    assertEquals(0, paths.exit(), paths.err());
    // Still a device: nothing replaced it with a file or a directory.
    assertEquals(false, Files.isRegularFile(DEV_NULL));
  }

  @Test
  void pathFileAndReport_devNull_exit0NothingOnStdout() throws IOException {
    assumeTrue(Files.exists(DEV_NULL) && Files.isWritable(DEV_NULL), "a system with /dev/null");
    Path paths = Files.writeString(dir.resolve("paths.csv"),
        "path,total_conversions,total_conversion_value,total_null\na > b,2,10.50,1\nb,0,0,3\n", StandardCharsets.UTF_8);
    Path events = dir.resolve("events.csv");
    Files.writeString(events, RandomEvents.csv(200, 5L, true), StandardCharsets.UTF_8);
    List<String[]> runs = List.of(
        new String[] {"attribute", "--paths", paths.toString(), "--format", "csv", "--output", DEV_NULL.toString(),
          "-q"},
        new String[] {"attribute", "--paths", paths.toString(), "--report", DEV_NULL.toString(), "--output",
          DEV_NULL.toString(), "-q"},
        new String[] {"report", "--events", events.toString(), "--output", DEV_NULL.toString(), "-q"});
    for (String[] run : runs) {
      Cli.Result r = Cli.run(run);
      String what = String.join(" ", run);
      assertEquals(0, r.exit(), what + ": " + r.err());
      assertEquals("", r.out(), what);
      assertEquals("", r.err(), what);
    }
    assertEquals(false, Files.isRegularFile(DEV_NULL));
  }

  @Test
  void attribute_existingFileWithoutExtension_writtenAsAFile() throws IOException {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, RandomEvents.csv(50, 4L, false), StandardCharsets.UTF_8);
    Path target = Files.writeString(dir.resolve("credit"), "old");
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--format", "csv", "--output",
        target.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    assertEquals("model,channel,attributed_conversions,attributed_value,share,spend,roas,roi,cpa",
        Files.readAllLines(target, StandardCharsets.UTF_8).get(0));
  }
}
