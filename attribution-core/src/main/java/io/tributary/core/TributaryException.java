package io.tributary.core;

/**
 * Root of every exception Tributary throws on purpose. Engines catch it at their edge, print its message as one line
 * and exit with its {@link ErrorClass}'s status ({@link Errors#exitCode}); anything else escaping is a bug.
 */
public class TributaryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorClass errorClass;

  /** @param message a complete, one-line explanation for the user; the input or usage is at fault */
  public TributaryException(String message) {
    this(ErrorClass.BAD_INPUT, message, null);
  }

  /**
   * @param message a complete, one-line explanation for the user; the input or usage is at fault
   * @param cause the underlying failure, kept for debugging
   */
  public TributaryException(String message, Throwable cause) {
    this(ErrorClass.BAD_INPUT, message, cause);
  }

  /**
   * @param errorClass whose fault it is, which decides the exit status
   * @param message a complete, one-line explanation for the user
   * @param cause the underlying failure, kept for debugging; may be null
   */
  public TributaryException(ErrorClass errorClass, String message, Throwable cause) {
    super(message, cause);
    this.errorClass = java.util.Objects.requireNonNull(errorClass, "errorClass");
  }

  /** @return whose fault it is */
  public ErrorClass errorClass() {
    return errorClass;
  }
}
