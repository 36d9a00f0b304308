package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Runs the job's real command on every file of the hostile-input corpus ({@code sample-data/hostile}, expectations
 * in its {@code MANIFEST.tsv}, the same the CLI's HostileInputTest checks), with {@code --max-rejected-share 1} so
 * that every bad row is reported rather than stopping the run: each case ends in a one-line failure (non-zero exit,
 * the manifest's message, no stack trace) or in {@code rejected_rows} holding exactly the manifest's lines and first
 * reason, with {@code run_log} showing rows read = accepted + rejected. Where the manifest has no Spark column of its
 * own the job must reject the same rows for the same reasons as the CLI. Parquet output keeps the class to about a
 * minute; the tables are the same as Delta's.
 */
class HostileInputJobTest {
  private static final Path CORPUS = Path.of("..", "sample-data", "hostile");
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  /** Rows of {@code base/events.csv}, the clean event log a side input is run beside. */
  private static final long BASE_ROWS = 12;

  @TempDir static Path dir;

  /** A manifest line as the job must end: {@code outcome} is {@code error: MESSAGE} or {@code ok READ/REJECTED}. */
  record Case(String file, String kind, String hostile, String outcome, List<Long> lines, String reason,
      List<String> options, String notice) {
    Path path() {
      return CORPUS.resolve(file);
    }

    @Override
    public String toString() {
      return file + " (" + hostile + ")";
    }
  }

  static List<Case> manifest() throws IOException {
    List<String> lines = Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"));
    List<String> h = Arrays.asList(lines.get(0).split("\t"));
    List<Case> cases = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      String outcome = sparkOr(f[h.indexOf("spark")], f[h.indexOf("lenient")]);
      String rejected = sparkOr(f[h.indexOf("spark_rejected_lines")], f[h.indexOf("rejected_lines")]);
      String reason = sparkOr(f[h.indexOf("spark_first_reason")], f[h.indexOf("first_reason")]);
      cases.add(new Case(f[h.indexOf("file")], f[h.indexOf("kind")], f[h.indexOf("hostile")], outcome,
          rejected.equals("-") ? List.of() : Arrays.stream(rejected.split(" ")).map(Long::valueOf).toList(),
          reason, options(h, f), optional(h, f, "notice")));
    }
    return cases;
  }

  /* The optional column `options`: more options for both engines, space-separated ("-" or absent: none). */
  private static List<String> options(List<String> header, String[] f) {
    String cell = optional(header, f, "options");
    return cell == null ? List.of() : Arrays.asList(cell.split(" "));
  }

  /* An optional trailing column's cell, null when absent or "-". */
  private static String optional(List<String> header, String[] f, String column) {
    int i = header.indexOf(column);
    return i < 0 || i >= f.length || f[i].equals("-") ? null : f[i];
  }

  /* "=" in a spark column: the job ends as the CLI's lenient run does. */
  private static String sparkOr(String spark, String cli) {
    return spark.equals("=") ? cli : spark;
  }

  @TestFactory
  Stream<DynamicTest> job_eachCaseEndsAsTheManifestSays() throws IOException {
    SparkSession spark = SharedSpark.get();
    List<Case> cases = manifest();
    assertTrue(cases.size() >= 30, cases.size() + " cases");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      Path out = dir.resolve(c.file().replace('.', '_'));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      ByteArrayOutputStream summary = new ByteArrayOutputStream();
      int exit = assertTimeoutPreemptively(TIMEOUT, () -> AttributionJob.execute(
          new PrintStream(summary, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), args(c, out)));
      String printed = err.toString(StandardCharsets.UTF_8);
      assertFalse(printed.contains("Exception") || printed.contains("\tat "), printed);
      if (c.outcome().startsWith("error: ")) {
        assertNotEquals(0, exit, printed);
        assertEquals(1, printed.strip().lines().count(), printed);
        assertTrue(printed.startsWith("error: "), printed);
        assertTrue(printed.contains(c.outcome().substring("error: ".length())), printed);
        return;
      }
      assertEquals(0, exit, printed);
      if (c.notice() != null) {
        // The printed run summary names the file at fault, as the CLI's stderr does.
        String shown = summary.toString(StandardCharsets.UTF_8);
        assertTrue(shown.lines().anyMatch(l -> l.strip().startsWith(c.path() + ": ") && l.contains(c.notice())),
            shown);
      }
      String[] counts = c.outcome().substring("ok ".length()).split("/");
      long read = Long.parseLong(counts[0]) + (isSide(c) ? BASE_ROWS : 0);
      long rejected = Long.parseLong(counts[1]);
      Row log = spark.read().parquet(out.resolve("run_log").toString()).first();
      assertEquals(read, (long) log.getAs("rows_read"));
      assertEquals(rejected, (long) log.getAs("rows_rejected"));
      assertEquals(read, (long) log.getAs("rows_accepted") + (long) log.getAs("rows_rejected"));
      List<Row> rows = rejected == 0 ? List.of() : spark.read().parquet(out.resolve("rejected_rows").toString())
          .filter(org.apache.spark.sql.functions.col("source").equalTo(c.path().toString()))
          .orderBy("line").collectAsList();
      assertEquals(c.lines(), rows.stream().map(x -> (Long) x.getAs("line")).toList());
      if (!rows.isEmpty()) {
        String first = rows.get(0).getAs("reason");
        assertTrue(first.startsWith(c.reason()), first);
      }
    }));
  }

  private static boolean isSide(Case c) {
    return !c.kind().equals("events") && !c.kind().equals("paths");
  }

  private static String[] args(Case c, Path out) {
    List<String> a = new ArrayList<>(List.of("--run-date", "2024-03-31", "--conversions", "all",
        "--output", out.toString(), "--format",
        "parquet", "--max-rejected-share", "1"));
    a.addAll(c.options());
    if (isSide(c)) {
      a.addAll(List.of("--events", CORPUS.resolve("base/events.csv").toString(), "--" + c.kind(),
          c.path().toString()));
    } else {
      a.addAll(List.of("--" + c.kind(), c.path().toString()));
    }
    return a.toArray(String[]::new);
  }
}
