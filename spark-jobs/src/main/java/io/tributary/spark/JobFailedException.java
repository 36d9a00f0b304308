package io.tributary.spark;

import io.tributary.core.ErrorClass;
import io.tributary.core.TributaryException;

/**
 * The run stopped on purpose because of its input (too many rejected rows, no data rows): bad input, exit status 2, as
 * the CLI's "every row rejected". The message is the one-line reason.
 */
public final class JobFailedException extends TributaryException {
  private static final long serialVersionUID = 1L;

  /** @param message the one-line reason */
  public JobFailedException(String message) {
    super(ErrorClass.BAD_INPUT, message, null);
  }
}
