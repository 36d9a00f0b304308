package io.tributary.cli.csv;

import io.tributary.core.InputException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.InputFiles;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Where an input's bytes come from: a file or, for {@code -}, standard input. Gzip is recognised by its magic bytes,
 * not by the file name, and every read failure is worded, both by the core's {@link InputFiles} (the Spark job uses
 * the same).
 *
 * @param name the name the user gave ({@code -} for stdin), used in every message
 * @param stdin the stream behind {@code -}
 */
public record InputSource(String name, InputStream stdin) {
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
      } catch (IOException e) {
        throw InputFiles.failure(name, 0, e);
      } catch (SecurityException e) {
        throw new InputException(name, 0, null, "permission denied");
      }
    }
    try {
      return InputFiles.open(raw);
    } catch (IOException e) {
      throw InputFiles.failure(displayName(), 0, e);
    }
  }

  /**
   * Opens the input and reads its header with the core's reader.
   *
   * @param delimiter the delimiter, or detection
   * @param end records starting at or after this byte are left to later slices ({@link Long#MAX_VALUE}: none)
   * @throws InputException when the input is missing, empty or unreadable
   */
  public CsvRecords records(Delimiter delimiter, long end) {
    InputStream in = open();
    try {
      return CsvRecords.open(displayName(), in, delimiter.auto() ? CsvRecords.DETECT : delimiter.given(), end);
    } catch (RuntimeException e) {
      try {
        in.close();
      } catch (IOException ignored) {
        // The failure being reported matters, not the close.
      }
      throw e;
    }
  }

  /**
   * Opens a byte range of a plain file after its first (see {@link CsvRecords#range}).
   *
   * @param from the range's first byte, {@code > 0}
   * @param to records starting at or after this byte belong to the next range
   * @param startsAtRecord whether {@code from} is known to be where a record starts
   * @param delimiter the file's delimiter, as its first range detected it
   * @param header the file's header, as its first range read it
   * @throws InputException when the file cannot be opened
   */
  public CsvRecords range(long from, long to, boolean startsAtRecord, char delimiter, java.util.List<String> header) {
    FileChannel ch;
    try {
      ch = FileChannel.open(Path.of(name), StandardOpenOption.READ);
      ch.position(startsAtRecord ? from : from - 1);
    } catch (IOException e) {
      throw InputFiles.failure(displayName(), 0, e);
    }
    return CsvRecords.range(displayName(), java.nio.channels.Channels.newInputStream(ch), from, to, startsAtRecord,
        delimiter, header);
  }

  /**
   * @return the size of a plain (not gzip) file that can be read in byte ranges, or -1 for standard input and gzip
   *     files, which are read in one piece
   */
  public long sliceableSize() {
    if (isStdin()) {
      return -1;
    }
    try (FileChannel ch = FileChannel.open(Path.of(name), StandardOpenOption.READ)) {
      ByteBuffer magic = ByteBuffer.allocate(2);
      ch.read(magic, 0);
      boolean gzip = magic.position() == 2 && InputFiles.isGzip(magic.get(0) & 0xFF, magic.get(1) & 0xFF);
      return gzip ? -1 : ch.size();
    } catch (IOException | RuntimeException e) {
      return -1; // the reading in one piece words the failure
    }
  }
}
