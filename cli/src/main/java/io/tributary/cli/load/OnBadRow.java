package io.tributary.cli.load;

/** What to do with a row that fails validation. */
public enum OnBadRow {
  /** Stop at the first bad row with its message (exit status 2). */
  FAIL,
  /** Set the row aside with its reason and go on. */
  SKIP
}
