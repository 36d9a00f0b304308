package io.tributary.cli;

import io.tributary.core.ErrorClass;
import io.tributary.core.Errors;
import io.tributary.core.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit status, as the core's {@link Errors} classify it: 2 for bad
 * input or usage (the user can fix it), 1 for anything else (a failed write, a bug). Never a stack trace: the message
 * must say it all.
 */
final class Failures implements IExitCodeExceptionMapper, IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Everything went well. */
  static final int OK = ErrorClass.OK;
  /** Something failed that is not the input's fault. */
  static final int FAILURE = ErrorClass.FAILURE.exitCode();
  /** Bad input or bad usage. */
  static final int BAD_INPUT = ErrorClass.BAD_INPUT.exitCode();

  @Override
  public int getExitCode(Throwable t) {
    return t instanceof ParameterException ? BAD_INPUT : Errors.exitCode(t);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parse) {
    if (outOfMemory(ex)) {
      // A worker thread ran out of heap and its pool wrapped the error: the same one line as Main's.
      Main.showOutOfMemory(line -> {
        cmd.getErr().println(line);
        cmd.getErr().flush();
      });
      return FAILURE;
    }
    cmd.getErr().println(message(ex));
    cmd.getErr().flush();
    return getExitCode(ex);
  }

  /* One line, no Java class names: picocli's "Invalid value ..." message carries the converter's own words. */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
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

  /** @return the one line shown for {@code t}: an input error names its file first, every other line "tributary:" */
  static String message(Throwable t) {
    return t instanceof InputException ? t.getMessage() : "tributary: " + Errors.oneLine(t);
  }
}
