package io.tributary.spark;

import io.tributary.core.TributaryException;

/** The run stopped on purpose (too many rejected rows, no data): the message is the one-line reason. */
public final class JobFailedException extends TributaryException {
  private static final long serialVersionUID = 1L;

  /** @param message the one-line reason */
  public JobFailedException(String message) {
    super(message);
  }
}
