package io.tributary.spark;

/** How the job writes its tables. */
public enum OutputFormat {
  /** Delta Lake tables (the default): atomic partition replace, history, readable by Delta Kernel and engines. */
  DELTA,
  /** Plain Parquet folders, Hive-partitioned by {@code run_date}. */
  PARQUET
}
