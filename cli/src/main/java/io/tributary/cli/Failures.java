package io.tributary.cli;

import io.tributary.core.InputException;
import io.tributary.core.TributaryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit status: 2 for bad input or usage (the user can fix it), 1
 * for anything else (a failed write, a bug). Never a stack trace: the message must say it all.
 */
final class Failures implements IExitCodeExceptionMapper, IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Everything went well. */
  static final int OK = 0;
  /** Something failed that is not the input's fault. */
  static final int FAILURE = 1;
  /** Bad input or bad usage. */
  static final int BAD_INPUT = 2;

  @Override
  public int getExitCode(Throwable t) {
    if (t instanceof ParameterException || t instanceof TributaryException
        || t instanceof IllegalArgumentException) {
      return BAD_INPUT;
    }
    return FAILURE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parse) {
    if (outOfMemory(ex)) {
      // A worker thread ran out of heap and its pool wrapped the error: the same one line as Main's.
      cmd.getErr().println(Main.outOfMemory());
      cmd.getErr().flush();
      return FAILURE;
    }
    cmd.getErr().println(message(ex));
    cmd.getErr().flush();
    return getExitCode(ex);
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return BAD_INPUT;
  }

  private static boolean outOfMemory(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** @return the one line shown for {@code t} */
  static String message(Throwable t) {
    if (t instanceof InputException) {
      return t.getMessage();
    }
    if (t instanceof TributaryException || t instanceof IllegalArgumentException) {
      return "tributary: " + t.getMessage();
    }
    if (t instanceof UncheckedIOException || t instanceof IOException) {
      Throwable io = t instanceof UncheckedIOException u ? u.getCause() : t;
      return "tributary: cannot write output: " + io.getMessage();
    }
    return "tributary: internal error (please report): " + t;
  }
}
