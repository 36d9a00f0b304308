package io.tributary.core.input;

import io.tributary.core.InputException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * How every engine turns an input's raw bytes into the bytes of its CSV text, and what it says when that fails.
 * Compression is decided by the content, never by the file name: a stream that starts with gzip's magic bytes
 * ({@code 1f 8b}) is decompressed, any other is read as it is, so {@code export.csv} that is really gzipped and
 * {@code export.csv.gz} that is really plain both read. Every I/O failure becomes a reason a person understands
 * ("truncated gzip file: the stream ends before its trailer"), not a Java exception's message.
 */
public final class InputFiles {
  private static final int BUFFER = 1 << 16;

  private InputFiles() {}

  /** An I/O failure already worded for a person (see {@link #reason}). */
  public static final class Unreadable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreadable(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  /** @return whether {@code b0, b1} (the first two bytes of a stream, -1 at its end) are gzip's magic bytes */
  public static boolean isGzip(int b0, int b1) {
    return b0 == 0x1f && b1 == 0x8b;
  }

  /**
   * @param raw an input's bytes from their start
   * @return its text bytes: decompressed when they start with gzip's magic bytes; every read failure an
   *     {@link Unreadable} with a worded reason
   * @throws Unreadable when even the first bytes cannot be read
   */
  public static InputStream open(InputStream raw) throws Unreadable {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    try {
      in.mark(2);
      int b0 = in.read();
      int b1 = b0 < 0 ? -1 : in.read();
      in.reset();
      if (isGzip(b0, b1)) {
        return new Worded(new GZIPInputStream(in, BUFFER), true);
      }
      return new Worded(in, false);
    } catch (IOException e) {
      throw new Unreadable(reason(e, isGzipFailure(e)), e);
    }
  }

  /**
   * @param e a failure reading or opening an input
   * @return what went wrong, in words: a truncated or corrupt gzip file, a missing file, a denied permission, or
   *     {@code cannot read: ...}
   */
  public static String reason(IOException e) {
    return reason(e, false);
  }

  private static String reason(IOException e, boolean gzip) {
    if (e instanceof Unreadable) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (gzip && e instanceof EOFException) {
      return "truncated gzip file: the stream ends before its trailer";
    }
    if (gzip && e instanceof ZipException) {
      return "corrupt gzip file: " + words(e);
    }
    return "cannot read: " + words(e);
  }

  /**
   * @param file the input's name for the message
   * @param line the line being read, or 0
   * @param e the failure
   * @return the failure as bad input naming the file (and line)
   */
  public static InputException failure(String file, long line, IOException e) {
    return new InputException(file, line, null, reason(e));
  }

  private static boolean isGzipFailure(IOException e) {
    return e instanceof ZipException;
  }

  /* An exception's message as a clause: never "null", never a class name alone. */
  private static String words(IOException e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      String name = e.getClass().getSimpleName().replaceAll("Exception$", "");
      return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + " error";
    }
    return m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
  }

  /* Re-words every failure of the stream below it once, so that callers only ever see an Unreadable. */
  private static final class Worded extends FilterInputStream {
    private final boolean gzip;

    Worded(InputStream in, boolean gzip) {
      super(in);
      this.gzip = gzip;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new Unreadable(reason(e, gzip), e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw new Unreadable(reason(e, gzip), e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException e) {
        throw new Unreadable(reason(e, gzip), e);
      }
    }
  }
}
