package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.TributaryException;
import io.tributary.core.output.RunLogEntry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish record read from {@code run_log}'s newest commit files ({@link RunLogTail}) is the one Delta's own read
 * of the table finds with the documented query ({@link Publication#lastPublishedByQuery}), after a first run, after a
 * failed run on top of it and after a later run; and when the log holds a commit that is not a plain append (rows
 * deleted), the tail says it cannot tell and the query decides.
 */
class RunLogTailTest {
  private static final LocalDate D1 = LocalDate.of(2024, 3, 30);
  private static final LocalDate D2 = LocalDate.of(2024, 3, 31);

  @TempDir Path dir;

  @Test
  void lastRecord_equalsDeltasOwnRead_acrossRunsAndAFailure_andDefersOnADelete() {
    SparkSession spark = SharedSpark.get();
    String out = dir.resolve("out").toString();
    TableWriter writer = new TableWriter(spark, out, OutputFormat.DELTA, "test");
    assertNull(Publication.lastPublished(writer), "no run_log yet");

    JobConfig good = AttributionJobEndToEndTest.handChecked(dir, out).withRunDate(D1);
    AttributionJob.run(spark, good);
    Map<String, Long> first = fromTail(writer);
    assertEquals(Publication.lastPublishedByQuery(writer), first);
    assertEquals(writer.currentVersion(OutputTables.CHANNEL_CREDIT), first.get(OutputTables.CHANNEL_CREDIT));

    // A failed run appends a row without a record: the tail reads past its commit.
    String broken = TestFiles.write(dir, "broken.csv", "customer_id,timestamp,channel", "a,yesterday,search",
        "b,2024-03-01T00:00:00Z,search");
    assertThrows(TributaryException.class, () -> AttributionJob.run(spark, JobConfig.ofEvents(D1, broken, out)));
    assertEquals(first, fromTail(writer));
    assertEquals(Publication.lastPublishedByQuery(writer), fromTail(writer));

    AttributionJob.run(spark, good.withRunDate(D2));
    Map<String, Long> second = fromTail(writer);
    assertNotEquals(first, second);
    assertEquals(Publication.lastPublishedByQuery(writer), second);

    // Rows removed by a DELETE: the newest commit is no plain append, so the tail cannot tell; the query answers.
    spark.sql("DELETE FROM delta.`" + writer.location(OutputTables.RUN_LOG) + "` WHERE run_date = DATE'" + D2 + "'");
    assertNull(RunLogTail.lastRecord(writer.location(OutputTables.RUN_LOG),
        spark.sparkContext().hadoopConfiguration()));
    assertEquals(first, Publication.lastPublished(writer));
  }

  private static Map<String, Long> fromTail(TableWriter writer) {
    RunLogTail.Found found = RunLogTail.lastRecord(writer.location(OutputTables.RUN_LOG),
        SharedSpark.get().sparkContext().hadoopConfiguration());
    assertNotNull(found, "the tail can tell from plain appends");
    assertNotNull(found.tableVersions(), "a run has published");
    return RunLogEntry.parseTableVersions(found.tableVersions());
  }
}
