package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One published run per date. A run B of a date that run A published is stopped at every commit boundary: its JVM
 * halts (as SIGKILL would: {@link CommitKillPoint}) right after its 1st, 2nd, ... table commit, up to its last (the
 * {@code run_log} row, the publish step). After each stop, the read docs/spark-job.md gives BI, done twice, with the
 * documented Spark SQL and with Delta Kernel in a JVM without Spark ({@link KernelPublishedRead}), shows every table
 * at run A's rows while B's row is missing, and every table at B's rows once it is there: never a mix. Then a run of
 * another date (which repairs what B left) publishes, and the read, and the tables' latest snapshots too, still show
 * the stopped date whole.
 */
class PublishedRunTest {
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);
  private static final LocalDate OTHER = LocalDate.of(2024, 4, 1);
  /** Every table a run with every model writes, in the order of the docs. */
  private static final List<String> TABLES = List.of(OutputTables.CHANNEL_CREDIT, OutputTables.CONVERSION_KPIS,
      OutputTables.PATH_SUMMARY, OutputTables.REJECTED_ROWS, OutputTables.MARKOV_TRANSITIONS,
      OutputTables.REMOVAL_EFFECTS);
  /** A run's commits: one per table, then its {@code run_log} row. */
  private static final int COMMITS = TABLES.size() + 1;
  /** Stopped runs started at once. */
  private static final int PARALLEL = 4;
  /** JVM flags for a short job: the client compiler alone, the serial collector; both start Spark sooner. */
  private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  @TempDir Path dir;

  @Test
  void haltAfterEveryCommit_theDocumentedReadShowsTheOldRunOrTheNewOne_neverAMix() throws Exception {
    SparkSession spark = SharedSpark.get();
    List<List<String>> a = EventLogGenerator.generate(41, 60);
    String eventsA = TestFiles.write(dir, "a/events.csv", a.get(0).toArray(String[]::new));
    List<String> bLines = new ArrayList<>(EventLogGenerator.generate(42, 60).get(0));
    bLines.add(3, "u00001,13/01/2024,email,0,,touch,"); // a rejected row, so that rejected_rows changes too
    String eventsB = TestFiles.write(dir, "b/events.csv", bLines.toArray(String[]::new));

    // Run A published in a base folder; the truth for run B: B run uninterrupted into a folder of its own.
    Path base = dir.resolve("base");
    AttributionJob.run(spark, config(DATE, eventsA, base));
    Map<String, List<String>> runA = ChildJvm.kernelRead(base, TABLES);
    Path reference = dir.resolve("reference");
    AttributionJob.run(spark, config(DATE, eventsB, reference));
    Map<String, List<String>> runB = ChildJvm.kernelRead(reference, TABLES);
    for (String t : TABLES) {
      assertNotEquals(runA.get(t), runB.get(t), t + ": the two runs must differ for the test to tell them apart");
    }
    assertRun(runA, runB, sparkPublishedRead(spark, base), "A", "the documented Spark SQL read of a published run");
    assertRun(runA, runB, ChildJvm.kernelPublishedRead(base, TABLES), "A", "the Kernel read of a published run");

    // The runs to stop, a few at a time (each is mostly Spark starting up): B over a copy of A's folder, halted after
    // commit n.
    Map<Integer, Path> outs = new LinkedHashMap<>();
    for (int first = 1; first <= COMMITS; first += PARALLEL) {
      Map<Integer, Process> running = new LinkedHashMap<>();
      for (int n = first; n < first + PARALLEL && n <= COMMITS; n++) {
        Path out = dir.resolve("kill-" + n);
        copy(base, out);
        outs.put(n, out);
        running.put(n, ChildJvm.startJob(dir.resolve("kill-" + n + ".log"), Map.of("spark.master", "local[2]",
            "spark.sql.shuffle.partitions", "2", CommitKillPoint.PROPERTY, String.valueOf(n)), QUICK_START,
            List.of("--run-date", DATE.toString(), "--conversions", "all", "--events", eventsB, "--output",
                out.toString())));
      }
      for (Map.Entry<Integer, Process> e : running.entrySet()) {
        Path log = dir.resolve("kill-" + e.getKey() + ".log");
        assertEquals(CommitKillPoint.STATUS, ChildJvm.await(e.getValue(), 300, log), "halted after commit "
            + e.getKey() + ": " + ChildJvm.read(log));
      }
    }

    for (Map.Entry<Integer, Path> e : outs.entrySet()) {
      int n = e.getKey();
      Path out = e.getValue();
      // The last commit is run_log's row: B is published then, and not before.
      String want = n == COMMITS ? "B" : "A";
      String what = "halted after commit " + n + " of " + COMMITS;
      assertRun(runA, runB, sparkPublishedRead(spark, out), want, what + ": Spark SQL");
      assertRun(runA, runB, ChildJvm.kernelPublishedRead(out, TABLES), want, what + ": Delta Kernel");
      if (n != 1 && n != COMMITS - 1) {
        continue;
      }
      // The next run, of another date, repairs what B left: the stopped date stays whole for every reader. (Checked
      // after the first commit and after the last table's: a run's repair is the same at every boundary.)
      AttributionJob.run(spark, config(OTHER, eventsA, out));
      assertRun(runA, runB, onDate(sparkPublishedRead(spark, out)), want, what + ", after the next run: Spark SQL");
      assertRun(runA, runB, onDate(ChildJvm.kernelPublishedRead(out, TABLES)), want,
          what + ", after the next run: Kernel");
      assertRun(runA, runB, onDate(ChildJvm.kernelRead(out, TABLES)), want,
          what + ", after the next run: latest snapshot");
    }
  }

  /**
   * Asserts that {@code read} shows every table of run {@code want} ("A" or "B"); on failure names, per table, which
   * run it shows (A, B, or neither), not the rows.
   */
  private static void assertRun(Map<String, List<String>> runA, Map<String, List<String>> runB,
      Map<String, List<String>> read, String want, String what) {
    Map<String, List<String>> expected = want.equals("A") ? runA : runB;
    if (!expected.equals(read)) {
      Map<String, String> shows = new LinkedHashMap<>();
      for (String t : TABLES) {
        List<String> rows = read.get(t);
        shows.put(t, rows == null ? "missing" : rows.equals(runA.get(t)) ? "A" : rows.equals(runB.get(t)) ? "B"
            : "neither (" + rows.size() + " lines)");
      }
      throw new AssertionError(what + ": every table should show run " + want + ", but: " + shows);
    }
  }

  private static JobConfig config(LocalDate date, String events, Path out) {
    return JobConfig.ofEvents(date, events, out.toString());
  }

  /**
   * The read of docs/spark-job.md, statement for statement: the last published run's {@code table_versions}, then
   * each table it names at that version. Rows as text in {@link KernelTableDump}'s form, sorted.
   */
  static Map<String, List<String>> sparkPublishedRead(SparkSession spark, Path out) {
    String root = out.toString().replace("`", "``");
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    for (String t : TABLES) {
      List<Row> version = spark.sql("SELECT CAST(str_to_map(table_versions, ',', '=')['" + t + "'] AS BIGINT) "
          + "FROM delta.`" + root + "/run_log` WHERE status = 'succeeded' AND table_versions IS NOT NULL "
          + "ORDER BY finished_at DESC, run_id DESC LIMIT 1").collectAsList();
      if (version.isEmpty() || version.get(0).isNullAt(0)) {
        continue;
      }
      var rows = spark.sql("SELECT * FROM delta.`" + root + "/" + t + "` VERSION AS OF " + version.get(0).getLong(0));
      List<String> lines = new ArrayList<>(List.of(String.join("\t", rows.columns())));
      List<String> data = new ArrayList<>();
      for (Row r : rows.collectAsList()) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.length(); i++) {
          cells.add(String.valueOf(r.get(i)));
        }
        data.add(String.join("\t", cells));
      }
      data.sort(null);
      lines.addAll(data);
      byTable.put(t, lines);
    }
    return byTable;
  }

  /** @return each table's header and its rows of {@link #DATE} */
  private static Map<String, List<String>> onDate(Map<String, List<String>> tables) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    tables.forEach((t, lines) -> {
      List<String> kept = new ArrayList<>(List.of(lines.get(0)));
      kept.addAll(lines.subList(1, lines.size()).stream().filter(l -> l.startsWith(DATE + "\t"))
          .collect(Collectors.toList()));
      out.put(t, kept);
    });
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      s.forEach(p -> {
        try {
          Files.copy(p, to.resolve(from.relativize(p).toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
