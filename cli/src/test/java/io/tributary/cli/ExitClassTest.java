package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's error classes as exit statuses: a failed write is a failure (1), not bad input (2). */
class ExitClassTest {
  @TempDir Path dir;

  @Test
  void attribute_parquetWriteFails_exit1OneLine() throws IOException {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, RandomEvents.csv(30, 5L, false), StandardCharsets.UTF_8);
    Path file = Files.writeString(dir.resolve("not-a-dir.txt"), "x");
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--format", "parquet", "--output",
        file.resolve("out") + "/", "-q");
    assertEquals(1, r.exit(), r.err());
    assertEquals(1, r.errLines().length, r.err());
    assertTrue(r.err().startsWith("tributary: cannot write Parquet to "), r.err());
  }

  @Test
  void attribute_badOptionValue_exit2OneLine() throws IOException {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, RandomEvents.csv(30, 5L, false), StandardCharsets.UTF_8);
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--shapley-samples", "1");
    assertEquals(2, r.exit(), r.err());
    assertEquals("tributary: --shapley-samples: expected a whole number at least 2, got \"1\"", r.err().strip());
  }
}
