package io.tributary.cli.output;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where {@code --output} points: standard output ({@code -}), one file, or a directory receiving one file per table.
 * A value is a directory when it exists as one or ends with {@code /}; a file when it exists as anything else (a
 * regular file, or a device or pipe such as {@code /dev/null}) or its name has an extension ({@code .csv},
 * {@code .json}, {@code .txt}, {@code .html}, ...); and a directory (created) otherwise.
 *
 * @param kind stdout, file or directory
 * @param path the file or directory, null for stdout
 */
public record OutputTarget(Kind kind, Path path) {
  /** The three kinds of target. */
  public enum Kind {
    /** Standard output. */
    STDOUT,
    /** One file. */
    FILE,
    /** A directory of table files. */
    DIRECTORY
  }

  /** @param output the {@code --output} value, {@code -} or null for stdout */
  public static OutputTarget resolve(String output) {
    if (output == null || output.equals("-")) {
      return new OutputTarget(Kind.STDOUT, null);
    }
    Path p = Path.of(output);
    if (Files.isDirectory(p) || output.endsWith("/") || output.endsWith(java.io.File.separator)) {
      return new OutputTarget(Kind.DIRECTORY, p);
    }
    if (Files.exists(p)) {
      // Not a directory, so something to write into: a file, or a device such as /dev/null (timing a run).
      return new OutputTarget(Kind.FILE, p);
    }
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return new OutputTarget(dot > 0 && dot < name.length() - 1 ? Kind.FILE : Kind.DIRECTORY, p);
  }

  /**
   * The target of a command that writes one table ({@code paths}, {@code clv}): a file or stdout.
   *
   * @param output the {@code --output} value, {@code -} or null for stdout
   * @throws IllegalArgumentException for a directory
   */
  public static OutputTarget oneFile(String output) {
    OutputTarget target = resolve(output);
    if (target.kind() == Kind.DIRECTORY) {
      throw new IllegalArgumentException("--output must be a file with an extension or -, not a directory");
    }
    return target;
  }

  /** Writes text to an open target. */
  public interface Text {
    /** @param out the target, open */
    void write(Writer out) throws IOException;
  }

  /**
   * Opens the target, writes {@code text} and closes it (stdout is flushed, not closed).
   *
   * @param stdout the run's standard output
   * @throws java.io.UncheckedIOException when the write fails
   */
  public void write(PrintStream stdout, Text text) {
    try (Writer w = open(stdout)) {
      text.write(w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Opens the target for text (UTF-8). For stdout the returned writer flushes but never closes the stream.
   *
   * @param stdout the run's standard output
   */
  public Writer open(PrintStream stdout) throws IOException {
    if (kind == Kind.STDOUT) {
      OutputStream keepOpen = new FilterOutputStream(stdout) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
      return new BufferedWriter(new OutputStreamWriter(keepOpen, StandardCharsets.UTF_8), 1 << 16);
    }
    if (kind == Kind.DIRECTORY) {
      throw new IllegalStateException("a directory target opens one file per table");
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent);
    }
    return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
  }

  /** Opens the file {@code name} inside the directory target, creating the directory. */
  public Writer openIn(String name) throws IOException {
    Files.createDirectories(path);
    return Files.newBufferedWriter(path.resolve(name), StandardCharsets.UTF_8);
  }

  /**
   * Opens the file {@code name} inside the directory target for bytes, creating the directory: for writers that
   * encode their own UTF-8 ({@link CsvTableWriter}), which a text writer would copy and encode a second time.
   */
  public OutputStream openBytesIn(String name) throws IOException {
    Files.createDirectories(path);
    return new java.io.BufferedOutputStream(Files.newOutputStream(path.resolve(name)), 1 << 16);
  }

  /** @return a description for messages */
  public String describe() {
    return kind == Kind.STDOUT ? "stdout" : path.toString() + (kind == Kind.DIRECTORY ? "/" : "");
  }

  /** @return the extension of a file target, lower-case, or empty */
  public String extension() {
    if (path == null || path.getFileName() == null) {
      return "";
    }
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
