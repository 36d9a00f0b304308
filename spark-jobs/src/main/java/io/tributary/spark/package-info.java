/**
 * The nightly attribution job: Spark reads and validates the inputs, stitches identities, groups events per customer
 * on the executors and folds them with the core; the driver receives only the merged aggregate, computes the report
 * with the core and writes SPEC's tables as Delta (or Parquet), partitioned by {@code run_date}.
 */
package io.tributary.spark;
