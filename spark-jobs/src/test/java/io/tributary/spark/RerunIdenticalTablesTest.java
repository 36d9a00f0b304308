package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run of a date into the tables it already wrote (every nightly retry and backfill) leaves each report table
 * exactly as the first run left it, row for row and bit for bit, whether the tables are written with the writer's
 * settings for small tables ({@link TableWriter#TABLE_SETTINGS}) or with Delta's own defaults: the settings change how
 * Delta finds the partition's old files, never what the partition holds. The tables are read back with Delta Kernel
 * in a JVM without Spark, an independent reader.
 */
class RerunIdenticalTablesTest {
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);
  private static final List<String> TABLES = List.of(OutputTables.CHANNEL_CREDIT, OutputTables.CONVERSION_KPIS,
      OutputTables.PATH_SUMMARY, OutputTables.REJECTED_ROWS, OutputTables.MARKOV_TRANSITIONS,
      OutputTables.REMOVAL_EFFECTS);
  private static final String PARTITIONS = "spark.databricks.delta.snapshotPartitions";
  private static final String DATA_COLUMNS = "spark.databricks.delta.replaceWhere.dataColumns.enabled";
  private static final String STATS = "spark.databricks.delta.stats.collect";
  private static final String WRITERS = "spark.sql.maxConcurrentOutputFileWriters";

  @TempDir Path dir;

  @Test
  void rerun_sameInputs_leavesEveryTableIdentical_withOurSettingsAndWithDeltaDefaults() throws Exception {
    Path sample = Path.of("..", "sample-data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.exists(sample.resolve("events.csv")), "sample-data/events.csv is absent");
    SparkSession spark = SharedSpark.get();
    Path out = dir.resolve("out");
    // The sample log and two bad rows, so that rejected_rows has a partition to replace too.
    List<String> lines = new ArrayList<>(Files.readAllLines(sample.resolve("events.csv")));
    lines.add(3, "c000001,13/01/2024,email,0,,touch,,,");
    lines.add("c000002,2024-02-13T00:07:58Z,email,maybe,,touch,,,");
    String events = TestFiles.write(dir, "events.csv", lines.toArray(String[]::new));
    JobConfig c = JobConfig.ofEvents(DATE, events, out.toString())
        .withSideInputs(sample.resolve("spend.csv").toString(), sample.resolve("identities.csv").toString(),
            sample.resolve("consent.csv").toString());

    AttributionJob.run(spark, c);
    Map<String, List<String>> first = sorted(ChildJvm.kernelRead(out, TABLES));
    AttributionJob.run(spark, c);
    Map<String, List<String>> second = sorted(ChildJvm.kernelRead(out, TABLES));
    String before = spark.conf().get(PARTITIONS);
    try {
      // Delta's defaults, set in the caller's session, which the writer then keeps.
      spark.conf().set(PARTITIONS, "50");
      spark.conf().set(DATA_COLUMNS, "true");
      spark.conf().set(STATS, "true");
      // Spark's default: each write task sorts its rows by run_date before writing them.
      spark.conf().set(WRITERS, "0");
      AttributionJob.run(spark, c);
    } finally {
      spark.conf().set(PARTITIONS, before);
      spark.conf().unset(DATA_COLUMNS);
      spark.conf().unset(STATS);
      spark.conf().unset(WRITERS);
    }
    Map<String, List<String>> third = sorted(ChildJvm.kernelRead(out, TABLES));

    for (String t : TABLES) {
      assertTrue(first.get(t).size() > 1, t + " has rows: " + first.get(t));
      assertEquals(first.get(t), second.get(t), t + ": re-run with the writer's settings");
      assertEquals(first.get(t), third.get(t), t + ": re-run with Delta's defaults");
      // Each re-run replaced the partition in one commit, naming it.
      List<Row> history = spark.sql("DESCRIBE HISTORY delta.`" + out.resolve(t) + "`").orderBy("version")
          .select("operation", "operationParameters").collectAsList();
      assertEquals(3, history.size(), t + ": " + history);
      for (Row h : history) {
        assertEquals("WRITE", h.getString(0), t);
        assertTrue(h.getJavaMap(1).get("predicate").toString().contains(DATE.toString()), t + ": " + h);
      }
    }
    assertEquals(3, spark.read().format("delta").load(out.resolve(OutputTables.RUN_LOG).toString()).count());
  }

  @Test
  void writeSession_keepsCallerSettings_addsTableSettingsOnlyWhereUnset_leavesCallerUnchanged() {
    SparkSession caller = SharedSpark.get();
    String before = caller.conf().get(PARTITIONS);
    try {
      caller.conf().set(PARTITIONS, "7");
      caller.conf().set("spark.sql.parquet.compression.codec", "gzip");
      SparkSession w = TableWriter.writeSession(caller);
      assertEquals("7", w.conf().get(PARTITIONS), "the caller's own setting wins");
      assertEquals("false", w.conf().get(DATA_COLUMNS), "unset by the caller: the table setting");
      assertEquals("false", w.conf().get(STATS), "unset by the caller: no file statistics");
      // Two: with a limit of one, Spark's concurrent writer falls back to its sort when the first file opens.
      assertEquals("2", w.conf().get(WRITERS), "unset by the caller: rows written as they come, not sorted");
      assertEquals("gzip", w.conf().get("spark.sql.parquet.compression.codec"), "set at run time, carried over");
      assertFalse(caller.conf().contains(DATA_COLUMNS), "the caller's session is left as it was");
    } finally {
      caller.conf().set(PARTITIONS, before);
      caller.conf().unset("spark.sql.parquet.compression.codec");
    }
  }

  /** Rows in a fixed order (a table's file order is not part of its content); the header line stays first. */
  private static Map<String, List<String>> sorted(Map<String, List<String>> tables) {
    Map<String, List<String>> s = new LinkedHashMap<>();
    tables.forEach((t, lines) -> {
      List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
      rows.sort(null);
      rows.add(0, lines.get(0));
      s.put(t, rows);
    });
    return s;
  }
}
