package io.tributary.bench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * What a data engineer writes instead of Tributary: Spark's CSV reader with a typed schema, journeys numbered by a
 * running count of conversions per customer (window functions), touches within 30 days of their conversion, then
 * last-touch and linear credit per channel written as Parquet. No validation, no rejected rows, no identity
 * stitching, no data-driven models, no KPIs: the lower bound an attribution job on Spark can be compared with.
 *
 * <p>Usage: {@code BaselineSqlJob EVENTS.csv OUTPUT_DIR}.
 */
public final class BaselineSqlJob {
  private static final long LOOKBACK_SECONDS = 30L * 86_400;

  private BaselineSqlJob() {}

  public static void main(String[] args) {
    SparkSession.Builder b = SparkSession.builder().appName("baseline-sql-attribution");
    if (!new SparkConf().contains("spark.master")) {
      b.master("local[*]");
    }
    SparkSession spark = b.getOrCreate();
    long start = System.nanoTime();
    // Every column as text from the header, then typed: exports carry more columns than the job needs.
    Dataset<Row> events = spark.read().option("header", "true").csv(args[0])
        .select(col("customer_id"),
            col("timestamp").cast(DataTypes.TimestampType).cast(DataTypes.LongType).as("ts"),
            col("channel"),
            col("conversion").cast(DataTypes.IntegerType).as("conversion"),
            col("conversion_value").cast(DataTypes.DoubleType).as("conversion_value"));

    // Journey k of a customer = touches after its k-th conversion up to and including the (k+1)-th.
    WindowSpec byTime = Window.partitionBy("customer_id").orderBy("ts", "conversion")
        .rowsBetween(Window.unboundedPreceding(), -1);
    Dataset<Row> numbered = events
        .withColumn("journey", functionsCoalesce(sum("conversion").over(byTime)));
    WindowSpec journey = Window.partitionBy("customer_id", "journey");
    Dataset<Row> converting = numbered
        .withColumn("conv_ts", max(when(col("conversion").equalTo(1), col("ts"))).over(journey))
        .withColumn("conv_value", max(when(col("conversion").equalTo(1), col("conversion_value"))).over(journey))
        .where(col("conv_ts").isNotNull().and(col("ts").geq(col("conv_ts").minus(LOOKBACK_SECONDS))));

    WindowSpec lastFirst = Window.partitionBy("customer_id", "journey").orderBy(col("ts").desc());
    Dataset<Row> lastTouch = converting
        .withColumn("rank", row_number().over(lastFirst))
        .where(col("rank").equalTo(1))
        .groupBy("channel")
        .agg(count(lit(1)).cast(DataTypes.DoubleType).as("attributed_conversions"),
            sum("conv_value").as("attributed_value"))
        .withColumn("model", lit("last_touch"));
    Dataset<Row> linear = converting
        .withColumn("touches", count(lit(1)).over(journey))
        .groupBy("channel")
        .agg(sum(lit(1.0).divide(col("touches"))).as("attributed_conversions"),
            sum(col("conv_value").divide(col("touches"))).as("attributed_value"))
        .withColumn("model", lit("linear"));
    lastTouch.unionByName(linear).coalesce(1).write().mode(SaveMode.Overwrite).parquet(args[1]);
    System.out.printf(java.util.Locale.ROOT, "baseline: %.1f s after session start%n",
        (System.nanoTime() - start) / 1e9);
    spark.stop();
  }

  private static org.apache.spark.sql.Column functionsCoalesce(org.apache.spark.sql.Column c) {
    return org.apache.spark.sql.functions.coalesce(c, lit(0L));
  }
}
