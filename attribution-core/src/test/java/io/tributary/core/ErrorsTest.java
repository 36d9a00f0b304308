package io.tributary.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** One classification for both engines: 2 for the input's or the user's fault, 1 for anything else. */
class ErrorsTest {
  @Test
  void exitCode_eachKindOfError_itsClass() {
    assertEquals(2, Errors.exitCode(new InputException("e.csv", 3, "timestamp", "cannot parse \"x\"")));
    assertEquals(2, Errors.exitCode(Errors.badOption("lookback", "invalid duration \"3q\"")));
    assertEquals(2, Errors.exitCode(new IllegalArgumentException("unknown model lastclick")));
    assertEquals(1, Errors.exitCode(Errors.cannotWrite("Parquet to out/", new IOException("disk full"))));
    assertEquals(1, Errors.exitCode(new UncheckedIOException(new IOException("broken pipe"))));
    assertEquals(1, Errors.exitCode(new IllegalStateException("a bug")));
    // A cluster wraps an executor's error: the class is found in the cause chain.
    assertEquals(2, Errors.exitCode(new RuntimeException("stage failed", new InputException("e.csv", 9, null, "x"))));
  }

  @Test
  void oneLine_everyError_oneLineWithoutJavaClassNamesExceptForABug() {
    assertEquals("--lookback: invalid duration \"3q\"", Errors.oneLine(Errors.badOption("lookback",
        "invalid duration \"3q\"")));
    assertEquals("cannot write Parquet to out/: disk full",
        Errors.oneLine(Errors.cannotWrite("Parquet to out/", new IOException("disk full"))));
    assertEquals("cannot write output: broken pipe",
        Errors.oneLine(new UncheckedIOException(new IOException("broken pipe"))));
    String bug = Errors.oneLine(new IllegalStateException("a bug"));
    assertTrue(bug.startsWith("internal error (please report): "), bug);
    assertTrue(Errors.expected(Errors.badOption("seed", "x")));
    assertFalse(Errors.expected(new IllegalStateException("a bug")));
  }
}
