package io.tributary.core;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place errors are worded and classified. Engines build their errors here and turn any throwable that reaches
 * their edge into one line ({@link #oneLine}) and an exit status ({@link #exitCode}) the same way.
 */
public final class Errors {
  private Errors() {}

  /**
   * @param option the option's long name without dashes, e.g. {@code lookback}
   * @param reason what is wrong with the value and what is allowed, naming the value
   * @return bad input: {@code --lookback: invalid duration "3q" (e.g. 30d, 12h, 90m, P7D, or inf)}
   */
  public static TributaryException badOption(String option, String reason) {
    return new TributaryException(ErrorClass.BAD_INPUT, "--" + option + ": " + reason, null);
  }

  /** @return bad input: the main input has a header and no data row (nothing, or blank lines, after it) */
  public static InputException noDataRows(String file) {
    return new InputException(file, 0, null, "no data rows after the header");
  }

  /** @return bad input: every one of the main input's {@code read} rows was rejected (under a skipping policy) */
  public static InputException everyRowRejected(String file, long read) {
    return new InputException(file, 0, null, "every one of the " + read + " rows was rejected; nothing to attribute");
  }

  /** @return a failure: an output could not be written (never the input's fault) */
  public static TributaryException cannotWrite(String target, Throwable cause) {
    return new TributaryException(ErrorClass.FAILURE, "cannot write " + target + ": " + reason(cause), cause);
  }

  /**
   * @param folder the temporary folder events were being spilled to
   * @param cause what failed (not writable, full, ...)
   * @return a failure: events beyond the memory budget could not be spilled to disk (never the input's fault)
   */
  public static TributaryException cannotSpill(String folder, Throwable cause) {
    return new TributaryException(ErrorClass.FAILURE, "cannot spill events to the temporary folder " + folder + ": "
        + reason(cause) + " (give --temp-dir a writable folder with free space, or a larger --memory-budget or "
        + "--temp-dir-limit)", cause);
  }

  /**
   * @param t what reached the engine's edge
   * @return its class: the {@link TributaryException}'s own (found anywhere in the cause chain, as a cluster wraps
   *     an executor's error), bad input for an {@link IllegalArgumentException} (a value the command line or a file
   *     gave), a failure for anything else (I/O, the cluster, a bug)
   */
  public static ErrorClass classify(Throwable t) {
    TributaryException known = known(t);
    if (known != null) {
      return known.errorClass();
    }
    return t instanceof IllegalArgumentException ? ErrorClass.BAD_INPUT : ErrorClass.FAILURE;
  }

  /** @return the exit status for {@code t}: 2 bad input, 1 failure */
  public static int exitCode(Throwable t) {
    return classify(t).exitCode();
  }

  /**
   * @param t what reached the engine's edge
   * @return the one line shown for it, without the engine's prefix: the message of a known error; "cannot write
   *     output" and the reason for an I/O error; "internal error (please report)" and the throwable otherwise
   */
  public static String oneLine(Throwable t) {
    TributaryException known = known(t);
    if (known != null) {
      return known.getMessage();
    }
    if (t instanceof IllegalArgumentException) {
      return t.getMessage();
    }
    if (t instanceof UncheckedIOException || t instanceof IOException) {
      Throwable io = t instanceof UncheckedIOException u ? u.getCause() : t;
      return "cannot write output: " + reason(io);
    }
    return "internal error (please report): " + t;
  }

  /** @return whether {@code t} is an error we know (a {@link TributaryException} or a bad value), not a bug */
  public static boolean expected(Throwable t) {
    return known(t) != null || t instanceof IllegalArgumentException || t instanceof UncheckedIOException
        || t instanceof IOException;
  }

  private static TributaryException known(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TributaryException te) {
        return te;
      }
    }
    return null;
  }

  private static String reason(Throwable cause) {
    if (cause == null) {
      return "unknown reason";
    }
    String m = cause.getMessage();
    return m == null ? cause.getClass().getSimpleName() : m;
  }
}
