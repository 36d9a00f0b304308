package io.tributary.core.input;

/**
 * Whether the ranges a file was read in (CLI slices, Spark splits) found the same record boundaries a reading in one
 * piece finds. Each range guesses its first record ({@link CsvRecords#firstRecord}); the range before it knows where
 * its own last record ended ({@link CsvRecords#stoppedAt}). The first range starts at the file's start, so it is
 * right; and a range is right when the range before it is right and ended where it began. So the ranges are right up
 * to the first pair that disagrees, which only a quoted line break across the boundary (or a file whose lines end in
 * a bare carriage return) can cause; from there on the file must be read in one piece.
 */
public final class RangeCheck {
  private RangeCheck() {}

  /**
   * @param firstRecord each range's first record, in file order
   * @param stoppedAt where each range stopped, in file order (-1 when it stopped early, at an error)
   * @return the index of the first range whose first record is not where the range before it stopped, or -1 when
   *     every range agrees with the one before it; a range after one that stopped early is not judged (the error
   *     ends the reading anyway)
   */
  public static int firstDisagreement(long[] firstRecord, long[] stoppedAt) {
    for (int k = 1; k < firstRecord.length; k++) {
      if (stoppedAt[k - 1] < 0) {
        return -1;
      }
      if (firstRecord[k] != stoppedAt[k - 1]) {
        return k;
      }
    }
    return -1;
  }

  /** What engines say when a file is read in one piece from a boundary on. */
  public static String onePieceNote(String file) {
    return file + ": a quoted line break crosses a boundary between parallel ranges; the rest of the file was read"
        + " in one piece";
  }
}
