package io.tributary.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The run whose loaded classes become the class-data-sharing archive of {@code cli/bin/tributary} (see
 * {@code cli/bin/build-class-data}): the common commands on a small event log and path file written here, in one JVM,
 * so that every class they load is parsed, verified and laid out once and mapped at each later start. Self-contained
 * (no sample data needed) and quick: about a second.
 *
 * <p>Run: {@code java -XX:ArchiveClassesAtExit=tributary.jsa -cp tributary.jar io.tributary.cli.ClassDataTraining DIR}
 * with a scratch folder {@code DIR}; exits 0 when every command succeeded.
 */
public final class ClassDataTraining {
  private static final String[] CHANNELS = {"search", "email", "display", "social", "direct", "affiliate"};

  private ClassDataTraining() {}

  /** @param args the scratch folder */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ClassDataTraining <scratch folder>");
      System.exit(2);
    }
    System.exit(train(Path.of(args[0])) == 0 ? 0 : 1);
  }

  /**
   * Runs the training commands.
   *
   * @param scratch a folder for the generated inputs and the outputs (created when missing)
   * @return how many commands failed (each is named on stderr)
   */
  static int train(Path scratch) throws IOException {
    Path dir = Files.createDirectories(scratch);
    Path events = writeEvents(dir.resolve("events.csv"));
    Path spend = writeSpend(dir.resolve("spend.csv"));
    Path paths = dir.resolve("paths.csv");
    String out = dir.toString();
    List<String[]> runs = List.of(
        new String[] {"paths", "--events", events.toString(), "--output", paths.toString(), "-q"},
        new String[] {"attribute", "--paths", paths.toString(), "--models", "all", "-q"},
        new String[] {"attribute", "--paths", paths.toString(), "--markov-order", "3", "--format", "csv",
          "--output", out + "/credit.csv", "-q"},
        new String[] {"attribute", "--events", events.toString(), "--spend", spend.toString(), "-q"},
        new String[] {"attribute", "--events", events.toString(), "--format", "csv", "--output", out + "/tables/",
          "-q"},
        new String[] {"attribute", "--events", events.toString(), "--format", "json", "--output",
          out + "/all.json", "-q"},
        new String[] {"validate", "--events", events.toString()},
        new String[] {"report", "--events", events.toString(), "--output", out + "/report.html", "-q"});
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    int failed = 0;
    for (String[] run : runs) {
      int exit = Main.run(new ByteArrayInputStream(new byte[0]), nowhere, System.err, run);
      if (exit != 0) {
        System.err.println("class-data training: " + String.join(" ", run) + " exited " + exit);
        failed++;
      }
    }
    return failed;
  }

  /* 300 customers, a few touches each over March 2024, one in four converting. */
  private static Path writeEvents(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("customer_id,timestamp,channel,conversion,conversion_value\n");
      for (int c = 0; c < 300; c++) {
        int touches = 1 + c % 5;
        for (int t = 0; t < touches; t++) {
          boolean converts = t == touches - 1 && c % 4 == 0;
          w.write(String.format(Locale.ROOT, "c%04d,2024-03-%02dT%02d:15:00Z,%s,%d,%s%n", c, 1 + (c + t) % 28,
              t + 8, CHANNELS[(c * 7 + t * 3) % CHANNELS.length], converts ? 1 : 0,
              converts ? (10 + c % 90) + ".50" : ""));
        }
      }
    }
    return file;
  }

  private static Path writeSpend(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("date,channel,spend\n");
      for (int d = 1; d <= 28; d++) {
        for (String channel : CHANNELS) {
          w.write(String.format(Locale.ROOT, "2024-03-%02d,%s,%d.25%n", d, channel, 5 + d % 7));
        }
      }
    }
    return file;
  }
}
