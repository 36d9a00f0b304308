package io.tributary.bench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Writes the lake of the nightly benchmark (issue 13): a Delta event table partitioned by {@code event_date}, with
 * {@code days} days of history ending on {@code last}, the same number of events every day, one file a day. Columns:
 * {@code customer_id, timestamp} (a timestamp), {@code channel, conversion} (0/1), {@code conversion_value},
 * {@code event_date}. Every event is a function of its date and its number within the day alone, so two lakes of
 * different lengths hold the same events on the dates they share: a nightly run reads the same rows from both, and
 * only the history it should skip differs. About 3 % of events are conversions; customers are drawn from a pool of
 * twice the daily events, so journeys span days.
 *
 * <p>Usage: {@code LakeGenerator OUT_DIR DAYS EVENTS_PER_DAY [LAST_DATE (2024-12-31)]}, on the job's class path (Delta
 * is needed to write). The table is written to a scratch folder and never committed.
 */
public final class LakeGenerator {
  private static final String[] CHANNELS = {"affiliate", "app_push", "call_center", "direct", "display", "email",
    "marketplace", "organic_search", "paid_search", "social", "store_visit", "video"};

  private LakeGenerator() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: LakeGenerator OUT_DIR DAYS EVENTS_PER_DAY [LAST_DATE]");
      System.exit(2);
    }
    String out = args[0];
    int days = Integer.parseInt(args[1]);
    long perDay = Long.parseLong(args[2]);
    LocalDate last = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.of(2024, 12, 31);
    SparkSession.Builder b = SparkSession.builder().appName("tributary-lake-generator")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC");
    if (!new SparkConf().contains("spark.master")) {
      b.master("local[*]");
    }
    SparkSession spark = b.getOrCreate();
    lake(spark, days, perDay, last).repartition(col("event_date"))
        .write().format("delta").mode(SaveMode.Overwrite).partitionBy("event_date").save(out);
    System.out.printf("%s: %d days to %s, %d events a day, %d events%n", out, days, last, perDay, days * perDay);
    spark.stop();
  }

  /** @return the lake's rows: event {@code n} of date {@code d} is a function of {@code (d, n)} alone */
  static Dataset<Row> lake(SparkSession spark, int days, long perDay, LocalDate last) {
    Column date = date_sub(lit(java.sql.Date.valueOf(last)), col("id").divide(perDay).cast(DataTypes.IntegerType));
    Column n = pmod(col("id"), lit(perDay));
    Column seed = hash(date.cast(DataTypes.StringType), n);
    Column channels = functions.array(Arrays.stream(CHANNELS).map(functions::lit).toArray(Column[]::new));
    Column conversion = when(pmod(hash(seed, lit(4)), lit(100)).lt(3), 1).otherwise(0);
    return spark.range((long) days * perDay)
        .withColumn("event_date", date)
        .withColumn("customer_id", concat(lit("c"), pmod(hash(seed, lit(1)), lit(2 * perDay)).cast("string")))
        .withColumn("timestamp", timestamp_seconds(unix_timestamp(col("event_date").cast(DataTypes.TimestampType))
            .plus(pmod(hash(seed, lit(2)), lit(86_400)))))
        .withColumn("channel", element_at(channels, pmod(hash(seed, lit(3)), lit(CHANNELS.length)).plus(1)))
        .withColumn("conversion", conversion)
        .withColumn("conversion_value", when(conversion.equalTo(1),
            pmod(hash(seed, lit(5)), lit(20_000)).divide(100.0).plus(5)).otherwise(lit(null).cast("double")))
        .select("customer_id", "timestamp", "channel", "conversion", "conversion_value", "event_date");
  }
}
