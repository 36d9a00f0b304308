package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two engines run in this JVM with captured streams, for the tests that hold them to one contract: the CLI
 * ({@code tributary}, through {@link Main#run}) and the Spark job (through {@link AttributionJob#execute}).
 */
final class BothEngines {
  private BothEngines() {}

  /** One engine's run: exit status, standard error, standard output. */
  record Run(int exit, String err, String out) {}

  /** @return the CLI's run of {@code args} (a command first, e.g. {@code attribute}) */
  static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(exit, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
  }

  /** @return the job's run of {@code args} */
  static Run job(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = AttributionJob.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(exit, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
  }

  /**
   * Both engines refuse bad input alike: exit status 2 and one line, {@code expected} after each engine's prefix.
   *
   * @param expected the line without the engine's prefix
   * @param cliArgs the CLI's command line
   * @param jobArgs the job's command line
   */
  static void assertRefusedAlike(String expected, List<String> cliArgs, List<String> jobArgs) {
    Run c = cli(cliArgs.toArray(String[]::new));
    Run j = job(jobArgs.toArray(String[]::new));
    String what = String.join(" ", cliArgs);
    assertEquals(2, c.exit(), what + ": " + c.err());
    assertEquals(2, j.exit(), what + ": " + j.err());
    assertEquals("tributary: " + expected, c.err().strip(), what);
    assertEquals("error: " + expected, j.err().strip(), what);
  }
}
