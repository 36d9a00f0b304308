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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's JVM killed with SIGKILL while it writes its tables, at two points found by watching the output folder:
 * once when the first data file of the new run appears (nothing committed yet), once when its first Delta commit
 * appears (some tables replaced, others not). What is promised, and checked with Delta Kernel (an independent reader
 * without Spark):
 *
 * <ul>
 *   <li>each report table is atomic: it shows either the previous run's complete rows for the date or the killed
 *       run's complete rows, never a mix or a part; tables may differ in which (they are separate commits), and the
 *       table whose commit was seen before the kill shows the new rows;
 *   <li>{@code run_log} holds no row of a killed run (it is appended after the tables), so it still names the previous
 *       run as the last success for the date;
 *   <li>each table's latest Delta commit names the run that wrote it ({@code userMetadata}): a table of the killed run
 *       names a run with no {@code run_log} row, so a reader can tell a mixed date from a whole one;
 *   <li>re-running the date to completion gives exactly the tables of an uninterrupted run: no row twice, none
 *       missing.
 * </ul>
 */
class CrashDuringWriteTest {
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);
  private static final List<String> TABLES = List.of(OutputTables.CHANNEL_CREDIT, OutputTables.CONVERSION_KPIS,
      OutputTables.PATH_SUMMARY, OutputTables.REJECTED_ROWS);

  @TempDir Path dir;

  @Test
  void sigkillDuringWrite_eachTableStaysWhole_andReRunEqualsUninterruptedRun() throws Exception {
    List<List<String>> a = EventLogGenerator.generate(21, 300);
    String eventsA = TestFiles.write(dir, "a/events.csv", a.get(0).toArray(String[]::new));
    String spendA = TestFiles.write(dir, "a/spend.csv", a.get(3).toArray(String[]::new));
    List<List<String>> b = EventLogGenerator.generate(22, 300);
    List<String> bEvents = new ArrayList<>(b.get(0));
    // Two bad rows, so that rejected_rows changes between the runs too.
    bEvents.add(5, "u00002,13/01/2024,email,0,,touch,");
    bEvents.add(40, "u00009,2024-01-05T10:00:00Z,email,maybe,,touch,");
    String eventsB = TestFiles.write(dir, "b/events.csv", bEvents.toArray(String[]::new));
    String spendB = TestFiles.write(dir, "b/spend.csv", b.get(3).toArray(String[]::new));
    Path out = dir.resolve("tables");

    // Good run A, then the truth for run B: the same job run uninterrupted into a folder of its own.
    runToEnd(eventsA, spendA, out, "run-a.log");
    Map<String, List<String>> runA = ChildJvm.kernelRead(out, TABLES);
    Path reference = dir.resolve("reference");
    AttributionJob.run(SharedSpark.get(), JobConfig.ofEvents(DATE, eventsB, reference.toString())
        .withSideInputs(spendB, null, null));
    Map<String, List<String>> runB = ChildJvm.kernelRead(reference, TABLES);
    for (String t : TABLES) {
      assertNotEquals(runA.get(t), runB.get(t), t + ": the two runs must differ for the test to tell them apart");
      assertTrue(runB.get(t).size() > 1, t + " of run B has rows");
    }

    // Kill 1: a data file of the new run is being written, nothing of it is committed.
    Set<Path> before = files(out);
    killWhen(eventsB, spendB, out, "kill-1.log", p -> isDataFile(p) && !before.contains(p));
    assertHistoryNamesEachTablesRun(out, assertEachTableWhole(out, runA, runB, null, eventsA, eventsB),
        lastSuccessRead(out).contains(eventsB) ? runB : runA);

    // Kill 2: the first replace of the date is committed (a new _delta_log entry), the others may not be.
    Set<Path> beforeCommit = files(out);
    Path committed = killWhen(eventsB, spendB, out, "kill-2.log", p -> isReportCommit(p) && !beforeCommit.contains(p));
    String committedTable = committed.getParent().getParent().getFileName().toString();
    assertHistoryNamesEachTablesRun(out, assertEachTableWhole(out, runA, runB, committedTable, eventsA, eventsB),
        lastSuccessRead(out).contains(eventsB) ? runB : runA);

    // The re-run of the date repairs everything: exactly the uninterrupted run's rows, each once.
    runToEnd(eventsB, spendB, out, "re-run.log");
    Map<String, List<String>> repaired = ChildJvm.kernelRead(out, TABLES);
    assertEquals(runB, repaired);
    assertTrue(lastSuccessRead(out).contains(eventsB));
    assertHistoryNamesEachTablesRun(out, repaired, runB);
    List<Row> log = SharedSpark.get().read().format("delta").load(out.resolve(OutputTables.RUN_LOG).toString())
        .collectAsList();
    assertTrue(log.stream().allMatch(r -> "succeeded".equals(r.getAs("status"))), log.toString());
  }

  private void runToEnd(String events, String spend, Path out, String logName) throws InterruptedException {
    Path log = dir.resolve(logName);
    Process p = ChildJvm.startJob(log, Map.of("spark.master", "local[2]"), args(events, spend, out));
    assertEquals(0, ChildJvm.await(p, 300, log), ChildJvm.read(log));
  }

  /** Starts the job and SIGKILLs it as soon as a file matching {@code trigger} exists under {@code out}. */
  private Path killWhen(String events, String spend, Path out, String logName, Predicate<Path> trigger)
      throws InterruptedException {
    Path log = dir.resolve(logName);
    Process p = ChildJvm.startJob(log, Map.of("spark.master", "local[2]"), args(events, spend, out));
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (System.nanoTime() < deadline) {
        Path hit = files(out).stream().filter(trigger).findFirst().orElse(null);
        if (hit != null) {
          p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block of the job runs
          assertTrue(p.waitFor(30, TimeUnit.SECONDS));
          assertEquals(137, p.exitValue(), "killed by SIGKILL, not finished: " + ChildJvm.read(log));
          return hit;
        }
        if (!p.isAlive()) {
          throw new AssertionError("the job ended before the trigger (exit " + p.exitValue() + "): "
              + ChildJvm.read(log));
        }
        Thread.sleep(2);
      }
      throw new AssertionError("no trigger file within 5 minutes: " + ChildJvm.read(log));
    } finally {
      ChildJvm.kill(p);
    }
  }

  private static List<String> args(String events, String spend, Path out) {
    return List.of("--run-date", DATE.toString(), "--conversions", "all", "--events", events, "--spend", spend,
        "--output", out.toString());
  }

  /**
   * Each table shows run A's rows or run B's, whole; {@code mustBeNew} (if any) shows run B's. {@code run_log} is
   * appended after the four tables, so the killed run B has no row in it, unless the kill came after everything
   * (then every table must be B's).
   */
  private static Map<String, List<String>> assertEachTableWhole(Path out, Map<String, List<String>> runA,
      Map<String, List<String>> runB, String mustBeNew, String eventsA, String eventsB)
      throws IOException, InterruptedException {
    Map<String, List<String>> now = ChildJvm.kernelRead(out, TABLES);
    for (String t : TABLES) {
      List<String> rows = now.get(t);
      assertTrue(rows.equals(runA.get(t)) || rows.equals(runB.get(t)),
          t + " is neither the old run's rows nor the new run's: " + rows);
      if (t.equals(mustBeNew)) {
        assertEquals(runB.get(t), rows, t + " was committed before the kill");
      }
    }
    if (lastSuccessRead(out).contains(eventsB)) {
      assertEquals(runB, now, "run_log records run B: all its tables are written");
    } else {
      assertTrue(lastSuccessRead(out).contains(eventsA), "run_log still names run A as the last success");
    }
    return now;
  }

  /**
   * What a reader can check after a crash: each table's latest Delta commit names the run that wrote it
   * ({@code userMetadata}). A table holding the rows of the last run {@code run_log} records as succeeded names that
   * run; a table holding the rows of a killed run names a run with no {@code run_log} row. So a date is whole
   * exactly when its four tables name the run_log's last run.
   */
  private static void assertHistoryNamesEachTablesRun(Path out, Map<String, List<String>> now,
      Map<String, List<String>> lastSucceededRows) {
    List<Row> log = SharedSpark.get().read().format("delta").load(out.resolve(OutputTables.RUN_LOG).toString())
        .orderBy(org.apache.spark.sql.functions.col("finished_at")).collectAsList();
    Set<String> logged = new HashSet<>();
    log.forEach(r -> logged.add(r.getAs("run_id")));
    String lastRun = log.get(log.size() - 1).getAs("run_id");
    for (String t : TABLES) {
      String run = latestCommitRun(out.resolve(t));
      if (now.get(t).equals(lastSucceededRows.get(t))) {
        assertEquals(lastRun, run, t + " holds the last succeeded run's rows: its commit names that run");
      } else {
        assertTrue(!logged.contains(run), t + " holds a killed run's rows: its commit names a run not in run_log");
      }
    }
  }

  private static String latestCommitRun(Path table) {
    Row latest = SharedSpark.get().sql("DESCRIBE HISTORY delta.`" + table + "`")
        .orderBy(org.apache.spark.sql.functions.col("version").desc()).first();
    String meta = latest.getAs("userMetadata");
    assertTrue(meta != null && meta.startsWith(TableWriter.COMMIT_TAG), table + ": " + meta);
    return meta.substring(TableWriter.COMMIT_TAG.length());
  }

  /** @return the inputs of the last {@code run_log} row, which must be a success */
  private static String lastSuccessRead(Path out) {
    Row last = SharedSpark.get().read().format("delta").load(out.resolve(OutputTables.RUN_LOG).toString())
        .orderBy(org.apache.spark.sql.functions.col("finished_at").desc()).first();
    assertEquals("succeeded", last.getAs("status"));
    return last.getAs("inputs");
  }

  private static boolean isDataFile(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".parquet") && p.getParent().getFileName().toString().equals("run_date=" + DATE)
        && TABLES.contains(p.getParent().getParent().getFileName().toString());
  }

  private static boolean isReportCommit(Path p) {
    return p.getFileName().toString().matches("\\d{20}\\.json")
        && p.getParent().getFileName().toString().equals("_delta_log")
        && TABLES.contains(p.getParent().getParent().getFileName().toString());
  }

  private static Set<Path> files(Path root) {
    if (!Files.exists(root)) {
      return Set.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      Set<Path> all = new HashSet<>();
      s.forEach(all::add);
      return all;
    } catch (IOException | UncheckedIOException e) {
      // A file renamed or deleted while walking (Delta's temporary files): look again on the next poll.
      return Set.of();
    }
  }
}
