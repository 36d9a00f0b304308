package io.tributary.core;

/**
 * What kind of failure an error is, and the exit status every engine gives it. {@code docs/errors.md} lists the
 * classes and the errors of each.
 */
public enum ErrorClass {
  /** The input or the command line is at fault: the user can fix it. Exit status 2. */
  BAD_INPUT(2),
  /** Anything else: a failed write, a cluster failure, a bug. Exit status 1. */
  FAILURE(1);

  /** The exit status of a run that ended well. */
  public static final int OK = 0;

  private final int exitCode;

  ErrorClass(int exitCode) {
    this.exitCode = exitCode;
  }

  /** @return the process exit status for this class */
  public int exitCode() {
    return exitCode;
  }
}
