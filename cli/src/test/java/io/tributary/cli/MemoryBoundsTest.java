package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command in a JVM of its own with a heap far smaller than its input: it must stop with one line that says
 * what happened and which option to raise, and exit 1; never a JVM stack trace, never a hang.
 */
class MemoryBoundsTest {
  private static final int CUSTOMERS = 1_500_000;

  @TempDir Path dir;

  @Test
  void attribute_inputLargerThanHeap_failsWithOneLineNamingTheOption() throws Exception {
    // About 70 MB of events from a million and a half customers, in a 24 MB heap. Not 48 MB: the run's memory has
    // shrunk so far that it now completes there about half the time (and always at 40 MB), so the error path would
    // go untested; at 24 MB it fails every time (10 of 10 runs, 2026-12-05), after the JVM and the command started.
    Path events = dir.resolve("events.csv");
    try (BufferedWriter w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      w.write("customer_id,timestamp,channel,conversion,conversion_value\n");
      String[] channels = {"email", "paid_search", "social", "display", "direct"};
      for (int c = 0; c < CUSTOMERS; c++) {
        w.write("customer-" + c + ",2024-01-" + (10 + c % 20) + "T10:00:00Z," + channels[c % 5] + ",0,\n");
        if (c % 7 == 0) {
          w.write("customer-" + c + ",2024-01-" + (11 + c % 20) + "T12:00:00Z,direct,1,19.90\n");
        }
      }
    }
    assertTrue(Files.size(events) > 24L << 20, "the input is larger than the heap");

    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
        "-cp", cp, Main.class.getName(), "attribute", "--events", events.toString(), "--format", "csv",
        "--output", dir.resolve("result").toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the command hung out of memory");
    }

    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), String.join("\n", lines));
    assertEquals(1, lines.size(), "one line on stderr, no stack trace: " + String.join("\n", lines));
    String line = lines.get(0);
    assertTrue(line.startsWith("tributary: out of memory:"), line);
    assertTrue(line.contains("24 MB") || line.contains(" MB of heap"), line);
    assertTrue(line.contains("TRIBUTARY_JAVA_OPTS=-Xmx"), line);
    assertFalse(line.contains("Exception") || line.contains("\tat "), line);
    assertFalse(new File(dir.resolve("result").toString(), "channel_credit.csv").exists(), "no partial result");
  }
}
