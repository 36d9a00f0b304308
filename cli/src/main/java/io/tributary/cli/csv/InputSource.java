package io.tributary.cli.csv;

import io.tributary.core.InputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Where an input's bytes come from: a file or, for {@code -}, standard input. Gzip is recognised by its magic bytes,
 * not by the file name, so {@code export.csv} that is really gzipped reads fine and {@code x.gz} that is not does too.
 *
 * @param name the name the user gave ({@code -} for stdin), used in every message
 * @param stdin the stream behind {@code -}
 */
public record InputSource(String name, InputStream stdin) {
  private static final int BUFFER = 1 << 16;

  public InputSource {
    Objects.requireNonNull(name, "name");
  }

  /** @return whether this reads standard input */
  public boolean isStdin() {
    return name.equals("-");
  }

  /** @return the name shown in messages: the file name, or {@code <stdin>} */
  public String displayName() {
    return isStdin() ? "<stdin>" : name;
  }

  /**
   * Opens the bytes, decompressed when they are gzip.
   *
   * @throws InputException when the file is missing, a directory or unreadable
   */
  public InputStream open() {
    InputStream raw;
    if (isStdin()) {
      if (stdin == null) {
        throw new InputException(displayName(), 0, null, "standard input is not available");
      }
      raw = new FilterInputStream(stdin) {
        @Override
        public void close() {
          // Standard input belongs to the caller; reading it to the end is enough.
        }
      };
    } else {
      Path p = Path.of(name);
      if (Files.isDirectory(p)) {
        throw new InputException(name, 0, null, "is a directory, expected a CSV file");
      }
      try {
        raw = Files.newInputStream(p);
      } catch (NoSuchFileException e) {
        throw new InputException(name, 0, null, "no such file");
      } catch (IOException | SecurityException e) {
        throw new InputException(name, 0, null, "cannot open: " + e.getMessage());
      }
    }
    try {
      BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new GZIPInputStream(in, BUFFER);
      }
      return in;
    } catch (IOException e) {
      throw new InputException(displayName(), 0, null, "cannot read: " + e.getMessage());
    }
  }
}
