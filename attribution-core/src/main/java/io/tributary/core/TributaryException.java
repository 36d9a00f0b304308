package io.tributary.core;

/**
 * Root of every exception Tributary throws on purpose. Engines catch it at their edge and print its message as one
 * line; anything else escaping is a bug.
 */
public class TributaryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message a complete, one-line explanation for the user */
  public TributaryException(String message) {
    super(message);
  }

  /**
   * @param message a complete, one-line explanation for the user
   * @param cause the underlying failure, kept for debugging
   */
  public TributaryException(String message, Throwable cause) {
    super(message, cause);
  }
}
