package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both engines on every file of the hostile corpus ({@code sample-data/hostile}), each reading in several ranges (the
 * CLI in four slices of any size, the job in at least four splits): they must end the same way, with the same
 * one-line error, or with the same rows read and the same rejected rows — line, reason and the redacted raw text. The
 * expectation is the other engine, not a file of expected outcomes (the manifest tests each engine against that), so
 * any drift between the engines fails here whatever the manifest says.
 */
class BothEnginesHostileTest {
  private static final Path CORPUS = Path.of("..", "sample-data", "hostile");
  /** Rows of {@code base/events.csv}, the clean event log a side input is run beside. */
  private static final long BASE_ROWS = 12;

  @TempDir static Path dir;

  /** How a run ended: an error line, or rows read and the rejected rows as "line|reason|raw". */
  record Outcome(String error, long read, List<String> rejected) {}

  @TestFactory
  Stream<DynamicTest> bothEngines_sameRowsSameRejectsSameErrors() throws IOException {
    List<String> lines = Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"));
    List<String> h = Arrays.asList(lines.get(0).split("\t"));
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      String file = f[h.indexOf("file")];
      String kind = f[h.indexOf("kind")];
      int o = h.indexOf("options");
      List<String> options = o < 0 || o >= f.length || f[o].isBlank() || f[o].equals("-") ? List.of()
          : List.of(f[o].strip().split(" "));
      tests.add(DynamicTest.dynamicTest(file, () -> {
        Outcome cli = cli(file, kind, options);
        Outcome job = job(file, kind, options);
        assertEquals(cli, job, file);
        assertTrue(cli.error() != null || cli.read() > 0, file + " read nothing");
      }));
    }
    assertTrue(tests.size() >= 49, tests.size() + " files");
    return tests.stream();
  }

  private static List<String> inputs(String file, String kind) {
    String path = CORPUS.resolve(file).toString();
    return switch (kind) {
      case "events", "paths" -> List.of("--" + kind, path);
      default -> List.of("--events", CORPUS.resolve("base/events.csv").toString(), "--" + kind, path);
    };
  }

  private static Outcome cli(String file, String kind, List<String> options) throws IOException {
    Path out = dir.resolve("cli-" + file.replace('.', '_'));
    Path rejects = out.resolve("rejects.csv");
    Files.createDirectories(out);
    List<String> args = new ArrayList<>(List.of("attribute"));
    args.addAll(inputs(file, kind));
    args.addAll(options);
    args.addAll(List.of("--format", "csv", "--output", out.resolve("tables").toString(), "--on-bad-row", "skip",
        "--rejects", rejects.toString(), "--threads", "4", "--slice-min-bytes", "1"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = io.tributary.cli.Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    String printed = err.toString(StandardCharsets.UTF_8).strip();
    if (exit != 0) {
      assertEquals(1, printed.lines().count(), printed);
      return new Outcome(printed, 0, List.of());
    }
    String path = CORPUS.resolve(file).toString();
    long read = printed.lines().filter(l -> l.startsWith(path + ": ") && l.contains(" rows read = "))
        .mapToLong(l -> Long.parseLong(l.substring(path.length() + 2, l.indexOf(" rows read")))).findFirst()
        .orElseThrow(() -> new AssertionError("no row count for " + path + " in " + printed));
    List<Row> rows = SharedSpark.get().read().option("header", "true").option("multiLine", "true")
        .option("escape", "\"").csv(rejects.toString()).collectAsList();
    List<String> rejected = new ArrayList<>();
    for (Row r : rows) {
      if (path.equals(r.getAs("source"))) {
        rejected.add(r.getAs("line") + "|" + r.getAs("reason") + "|" + clip(unneutralised(r.getAs("raw"))));
      }
    }
    return new Outcome(null, read, rejected);
  }

  private static Outcome job(String file, String kind, List<String> options) {
    SparkSession spark = SharedSpark.get();
    Path out = dir.resolve("job-" + file.replace('.', '_'));
    List<String> args = new ArrayList<>(List.of("--run-date", "2024-03-31", "--conversions", "all",
        "--output", out.toString(),
        "--format", "parquet", "--max-rejected-share", "1"));
    args.addAll(inputs(file, kind));
    args.addAll(options);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    spark.conf().set(SourceReader.MIN_SPLITS, "4");
    int exit;
    try {
      exit = AttributionJob.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    } finally {
      spark.conf().unset(SourceReader.MIN_SPLITS);
    }
    String printed = err.toString(StandardCharsets.UTF_8).strip();
    if (exit != 0) {
      assertEquals(1, printed.lines().count(), printed);
      assertTrue(printed.startsWith("error: "), printed);
      return new Outcome(printed.substring("error: ".length()), 0, List.of());
    }
    String path = CORPUS.resolve(file).toString();
    Row log = spark.read().parquet(out.resolve("run_log").toString()).first();
    List<String> rejected = new ArrayList<>();
    if ((long) log.getAs("rows_rejected") > 0) {
      for (Row r : spark.read().parquet(out.resolve("rejected_rows").toString()).orderBy("line").collectAsList()) {
        if (path.equals(r.getAs("source"))) {
          rejected.add(r.getAs("line") + "|" + r.getAs("reason") + "|" + clip(r.getAs("raw")));
        }
      }
    }
    boolean side = !kind.equals("events") && !kind.equals("paths");
    return new Outcome(null, (long) log.getAs("rows_read") - (side ? BASE_ROWS : 0), rejected);
  }

  /*
   * The CLI's CSV writer puts an apostrophe before a cell a spreadsheet would run as a formula; the job's tables hold
   * the text itself. The raw row is the same; only its CSV form differs.
   */
  private static String unneutralised(String raw) {
    return raw != null && raw.length() > 1 && raw.charAt(0) == '\'' && "=+-@\t\r".indexOf(raw.charAt(1)) >= 0
        ? raw.substring(1) : raw;
  }

  private static String clip(String raw) {
    return raw == null ? "" : raw.length() <= SplitParser.MAX_RAW ? raw : raw.substring(0, SplitParser.MAX_RAW);
  }
}
