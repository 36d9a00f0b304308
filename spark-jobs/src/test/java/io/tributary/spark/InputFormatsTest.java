package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.metrics.ChannelCreditRow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path files, and event logs stored as Parquet or Delta, go through the same rules as CSV. */
class InputFormatsTest {
  private static final double EPS = 1e-9;
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);

  @TempDir Path dir;

  /**
   * Path rows: "search > email" ×2 conversions (value 100) + 1 null; "email" ×1 conversion (20) + 3 nulls; one bad row.
   * last_touch: email 3 (120). first_touch: search 2 (100), email 1 (20). linear: search 1 (50), email 2 (70).
   * journeys = 3 + 4 = 7, conversions 3.
   */
  @Test
  void run_pathFile_matchesHandComputation() {
    String paths = TestFiles.write(dir, "paths.csv", "path,total_conversions,total_conversion_value,total_null",
        "search > email,2,100,1", "email,1,20,3", " > ,1,0,0");
    JobConfig c = JobConfig.ofEvents(DATE, paths, dir.resolve("out").toString());
    JobConfig cfg = new JobConfig(DATE, null, c.events(), null, null, null, c.mapping(), "UTC", ">", c.models(),
        null, null, c.output(), c.format(), 0.5);
    JobResult r = AttributionJob.run(SharedSpark.get(), cfg);
    Map<String, ChannelCreditRow> credit = new HashMap<>();
    r.report().channelCredit().forEach(x -> credit.put(x.model() + "/" + x.channel(), x));
    assertEquals(3, credit.get("last_touch/email").attributedConversions(), EPS);
    assertEquals(120, credit.get("last_touch/email").attributedValue(), EPS);
    assertEquals(2, credit.get("first_touch/search").attributedConversions(), EPS);
    assertEquals(1, credit.get("linear/search").attributedConversions(), EPS);
    assertEquals(70, credit.get("linear/email").attributedValue(), EPS);
    assertTrue(r.report().channelCredit().stream().noneMatch(x -> x.model().equals("time_decay")),
        "time_decay needs timestamps, a path file has none");
    assertEquals(7, r.report().kpis().journeys());
    assertEquals(3, r.stats().read());
    assertEquals(1, r.stats().rejected());
    Row rejected = SharedSpark.get().read().format("delta").load(dir.resolve("out/rejected_rows").toString())
        .first();
    assertEquals(4L, (long) rejected.getAs("line"));
    assertTrue(((String) rejected.getAs("reason")).startsWith("column path: empty channel name"),
        (String) rejected.getAs("reason"));
  }

  @Test
  void run_parquetAndDeltaEventLogs_equalTheCsvRun() {
    SparkSession spark = SharedSpark.get();
    JobConfig csv = AttributionJobEndToEndTest.handChecked(dir, dir.resolve("csv-out").toString());
    List<ChannelCreditRow> expected = AttributionJob.run(spark, csv).report().channelCredit();
    // Typed columns, as a lake table would have them: a real timestamp, an int flag, a double value.
    Dataset<Row> typed = spark.read().option("header", "true").csv(csv.events().location())
        .where("timestamp <> 'not-a-time'")
        .withColumn("timestamp", functions.col("timestamp").cast(DataTypes.TimestampType))
        .withColumn("conversion", functions.col("conversion").cast(DataTypes.IntegerType))
        .withColumn("conversion_value", functions.col("conversion_value").cast(DataTypes.DoubleType));
    typed.write().parquet(dir.resolve("events-parquet").toString());
    typed.write().format("delta").save(dir.resolve("events-delta").toString());
    for (String input : List.of(dir.resolve("events-parquet").toString(), dir.resolve("events-delta").toString())) {
      JobConfig c = new JobConfig(DATE, InputSpec.parse(input), null, csv.spend(), csv.identities(), csv.consent(),
          csv.mapping(), "UTC", ">", csv.models(), null, null, dir.resolve("out-" + input.hashCode()).toString(),
          OutputFormat.PARQUET, 0.0);
      JobResult r = AttributionJob.run(spark, c);
      assertEquals(expected, r.report().channelCredit(), input);
      assertEquals(0, r.stats().rejected());
    }
  }
}
