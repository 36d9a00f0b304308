package io.tributary.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The standard streams a command run uses, so that tests run the real command with captured output.
 *
 * @param in what {@code -} reads
 * @param out results
 * @param err messages, notes, summaries
 */
public record Streams(InputStream in, PrintStream out, PrintStream err) {
  public Streams {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }
}
