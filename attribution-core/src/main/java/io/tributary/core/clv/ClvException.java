package io.tributary.core.clv;

import io.tributary.core.TributaryException;

/**
 * The purchase log cannot give a lifetime-value fit: no purchase in the calibration window, no repeat customer, a
 * likelihood without an interior maximum. The message is one line for the user and says what was found.
 */
public final class ClvException extends TributaryException {
  private static final long serialVersionUID = 1L;

  /** @param message a complete, one-line explanation */
  public ClvException(String message) {
    super(message);
  }
}
