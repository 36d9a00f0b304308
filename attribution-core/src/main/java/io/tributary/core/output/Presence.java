package io.tributary.core.output;

/** When an engine writes a column. */
public enum Presence {
  /** In every output of its table. */
  ALWAYS,
  /**
   * File outputs (the CLI's CSV, JSON and Parquet) leave the column out when no row of the table has a value in it;
   * a table engine (the Spark job) always carries it. The bootstrap interval: most runs have none.
   */
  WHEN_SET_IN_FILES,
  /**
   * Every output leaves the column out when no row of the table has a value in it; a table engine adds it to the
   * table's schema (nullable, older rows null) the first time a run sets it. For columns that almost no run sets,
   * such as Shapley's sampling error, so that the tables of every other run keep their schema and bytes.
   */
  WHEN_SET
}
