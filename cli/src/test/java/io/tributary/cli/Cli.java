package io.tributary.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real command in-process with captured streams. */
final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    /** @return the stderr lines */
    String[] errLines() {
      return err.isEmpty() ? new String[0] : err.split("\n");
    }
  }

  static Result run(String... args) {
    return runWithStdin(new ByteArrayInputStream(new byte[0]), args);
  }

  static Result runWithStdin(byte[] stdin, String... args) {
    return runWithStdin(new ByteArrayInputStream(stdin), args);
  }

  static Result runWithStdin(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(stdin, o, e, args);
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
