package io.tributary.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession every test class of this module uses: starting Spark takes seconds, so it is started
 * once per test JVM (surefire runs all classes in one fork) and stopped when that JVM exits.
 */
final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  static synchronized SparkSession get() {
    if (session == null) {
      Path warehouse = Path.of("target", "spark-warehouse").toAbsolutePath();
      session = SparkSession.builder()
          .master("local[2]")
          .appName("tributary-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.sql.warehouse.dir", warehouse.toString())
          .config("spark.databricks.delta.snapshotPartitions", "2")
          .config("spark.sql.debug.maxToStringFields", "64")
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .getOrCreate();
      SparkSession s = session;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
    }
    return session;
  }
}
