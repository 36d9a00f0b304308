package io.tributary.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the output tables under one folder, partitioned by {@code run_date}. A report table replaces exactly its
 * run date's partition: with Delta by a {@code replaceWhere} overwrite, one atomic commit (readers see the old rows or
 * the new, never a mix); with Parquet by Spark's dynamic partition overwrite. {@code run_log} is appended to, one row
 * per run, so failed attempts stay visible. Every Delta commit carries the run's id as its {@code userMetadata}
 * ({@link #COMMIT_TAG}), so that the tables' history says which run wrote each table: after a crash between the
 * tables' commits, a table whose latest commit names a run with no row in {@code run_log} holds an unfinished run.
 */
final class TableWriter {
  private final SparkSession spark;
  private final String root;
  private final OutputFormat format;
  private final String runId;

  /** Prefix of the {@code userMetadata} of every Delta commit; the run's id follows. */
  static final String COMMIT_TAG = "tributary run_id=";

  TableWriter(SparkSession spark, String root, OutputFormat format, String runId) {
    this.spark = spark;
    this.root = root.replaceAll("/+$", "");
    this.format = format;
    this.runId = runId;
  }

  /** @return the folder of table {@code name} */
  String location(String name) {
    return root + "/" + name;
  }

  /**
   * Replaces {@code runDate}'s partition of table {@code name} with {@code rows} (which may be empty: the partition is
   * then emptied).
   */
  void replace(String name, Dataset<Row> rows, LocalDate runDate) {
    String path = location(name);
    if (format == OutputFormat.DELTA) {
      rows.write()
          .format("delta")
          .mode(SaveMode.Overwrite)
          .partitionBy(OutputTables.RUN_DATE)
          .option("replaceWhere", String.format(Locale.ROOT, "%s = DATE'%s'", OutputTables.RUN_DATE, runDate))
          .option("userMetadata", COMMIT_TAG + runId)
          // A column the core adds only when a run sets it (Shapley's sampling error) joins the table's schema the
          // first time; a run without it leaves it null. Delta never drops or retypes a column this way.
          .option("mergeSchema", "true")
          .save(path);
      return;
    }
    if (rows.isEmpty()) {
      // A dynamic overwrite with no rows touches no partition; an empty result must still clear the old one.
      deletePartition(path, runDate);
      return;
    }
    rows.write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(OutputTables.RUN_DATE)
        .parquet(path);
  }

  /** @return whether table {@code name} has been written under this folder before */
  boolean exists(String name) {
    try {
      Path p = new Path(location(name));
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends {@code rows} to table {@code name}. */
  void append(String name, Dataset<Row> rows) {
    var writer = rows.write();
    if (format == OutputFormat.DELTA) {
      writer = writer.option("userMetadata", COMMIT_TAG + runId);
    }
    writer
        .format(format == OutputFormat.DELTA ? "delta" : "parquet")
        .mode(SaveMode.Append)
        .partitionBy(OutputTables.RUN_DATE)
        .save(location(name));
  }

  private void deletePartition(String path, LocalDate runDate) {
    try {
      Path p = new Path(path, OutputTables.RUN_DATE + "=" + runDate);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(p)) {
        fs.delete(p, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
