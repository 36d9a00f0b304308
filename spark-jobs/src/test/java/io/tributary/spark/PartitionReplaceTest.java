package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.TributaryException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-running a date replaces that date's partition and nothing else; a failed run changes no report table. */
class PartitionReplaceTest {
  private static final LocalDate D1 = LocalDate.of(2024, 3, 30);
  private static final LocalDate D2 = LocalDate.of(2024, 3, 31);

  @TempDir Path dir;

  private long rows(String table, LocalDate date) {
    return SharedSpark.get().read().format("delta").load(dir.resolve("out/" + table).toString())
        .where("run_date = DATE'" + date + "'").count();
  }

  @Test
  void run_sameDateTwiceThenOtherDate_keepsOneCopyPerDate() {
    SparkSession spark = SharedSpark.get();
    JobConfig c = AttributionJobEndToEndTest.handChecked(dir, dir.resolve("out").toString()).withRunDate(D1);
    AttributionJob.run(spark, c);
    long creditRows = rows("channel_credit", D1);
    assertTrue(creditRows > 0);
    AttributionJob.run(spark, c);
    assertEquals(creditRows, rows("channel_credit", D1));
    assertEquals(1, rows("conversion_kpis", D1));
    assertEquals(1, rows("rejected_rows", D1));
    AttributionJob.run(spark, c.withRunDate(D2));
    assertEquals(creditRows, rows("channel_credit", D1));
    assertEquals(creditRows, rows("channel_credit", D2));
    assertEquals(2, SharedSpark.get().read().format("delta").load(dir.resolve("out/conversion_kpis").toString())
        .count());
    // run_log is an audit trail: every run appends its row.
    assertEquals(3, SharedSpark.get().read().format("delta").load(dir.resolve("out/run_log").toString()).count());

    Dataset<Row> history = spark.sql("DESCRIBE HISTORY delta.`" + dir.resolve("out/channel_credit") + "`");
    List<Row> writes = history.orderBy("version").select("version", "operation", "operationParameters")
        .collectAsList();
    assertEquals(3, writes.size(), writes.toString());
    for (Row w : writes) {
      assertEquals("WRITE", w.getString(1));
      assertEquals("Overwrite", w.getJavaMap(2).get("mode"));
    }
    assertTrue(writes.get(1).getJavaMap(2).get("predicate").toString().contains("2024-03-30"),
        writes.get(1).toString());
  }

  @Test
  void run_failingRerun_leavesPreviousGoodDataReadable() {
    SparkSession spark = SharedSpark.get();
    JobConfig good = AttributionJobEndToEndTest.handChecked(dir, dir.resolve("out").toString()).withRunDate(D1);
    AttributionJob.run(spark, good);
    long before = rows("channel_credit", D1);
    String broken = TestFiles.write(dir, "broken.csv", "customer_id,timestamp,channel", "a,yesterday,search",
        "b,2024-03-01T00:00:00Z,search");
    JobConfig bad = JobConfig.ofEvents(D1, broken, good.output());
    TributaryException e = assertThrows(TributaryException.class, () -> AttributionJob.run(spark, bad));
    assertTrue(e.getMessage().contains("1 of 2 rows rejected"), e.getMessage());
    assertEquals(before, rows("channel_credit", D1));
    assertEquals(1, rows("conversion_kpis", D1));
    List<Row> log = spark.read().format("delta").load(dir.resolve("out/run_log").toString())
        .orderBy("started_at").collectAsList();
    assertEquals(List.of("succeeded", "failed"), log.stream().map(r -> (String) r.getAs("status")).toList());
  }
}
