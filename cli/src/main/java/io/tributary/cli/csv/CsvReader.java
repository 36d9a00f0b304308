package io.tributary.cli.csv;

import io.tributary.core.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields with doubled quotes and line breaks inside, {@code \n}, {@code \r\n} or
 * {@code \r} line ends, a UTF-8 byte-order mark skipped, blank lines skipped. It tracks the line on which each record
 * starts (the header is line 1), so every message can name it, and it refuses absurd sizes instead of running out of
 * memory: a field longer than {@value #MAX_FIELD_CHARS} or a record longer than {@value #MAX_RECORD_CHARS} characters
 * is an input error.
 *
 * <p>Not thread-safe; one reader per input.
 */
public final class CsvReader implements Closeable {
  /*
   * The record being read always lies whole in the buffer: when the buffer runs out in the middle of a record, the
   * record is moved to the front (or the buffer doubled, up to the record limit), more is read and the record is
   * tokenised again from its start. Records are short, so the rare re-scan is cheaper than bookkeeping for fields
   * that straddle two buffer fills, and a field is then always one `new String(buf, from, length)`.
   */

  /**
   * Longest field accepted, in characters: a million, so that a cell the Spark job reads whole (a 1 MB channel name, a
   * 100,000-touch path) is handed to the core's parsers, which reject that row with its reason under either engine.
   */
  public static final int MAX_FIELD_CHARS = 1_000_000;
  /** Longest record accepted, in characters (line breaks inside quotes included). */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  private static final int INITIAL_BUFFER = 1 << 16;

  private final String file;
  private final Reader in;
  private final char delimiter;
  private final List<String> header;
  private final ArrayList<String> fields = new ArrayList<>();
  private char[] buf = new char[INITIAL_BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private long nextLine = 1;
  private long recordLine;
  private int innerLines;

  private CsvReader(String file, Reader in, Delimiter delimiter) {
    this.file = file;
    this.in = in;
    fill();
    if (limit > 0 && buf[0] == '\uFEFF') {
      pos = 1;
    }
    this.delimiter = delimiter.detect(firstLine());
    String[] h = next();
    if (h == null) {
      throw new InputException(file, 0, null, "empty file (expected a header line)");
    }
    this.header = List.of(h);
  }

  /**
   * Opens an input and reads its header.
   *
   * @param source the file or stdin
   * @param delimiter the delimiter, or auto-detection
   * @return a reader positioned after the header
   * @throws InputException when the input is missing, empty or malformed
   */
  public static CsvReader open(InputSource source, Delimiter delimiter) {
    InputStream bytes = source.open();
    Reader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    try {
      return new CsvReader(source.displayName(), reader, delimiter);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
  }

  /** Reads from an already decoded text, for tests and small inline inputs. */
  static CsvReader of(String file, Reader text, Delimiter delimiter) {
    return new CsvReader(file, text, delimiter);
  }

  /** @return the input's name as shown in messages */
  public String file() {
    return file;
  }

  /** @return the header fields as read (BOM removed, not trimmed) */
  public List<String> header() {
    return header;
  }

  /** @return the delimiter in use */
  public char delimiter() {
    return delimiter;
  }

  /** @return the 1-based line on which the record last returned by {@link #next()} starts */
  public long line() {
    return recordLine;
  }

  /**
   * @return the next record's fields, or null at the end of the input
   * @throws InputException for a malformed or oversized record, naming its line
   */
  public String[] next() {
    while (true) {
      if (pos >= limit) {
        if (eof) {
          return null;
        }
        refill();
        continue;
      }
      char c = buf[pos];
      if (c == '\n' || c == '\r') {
        if (c == '\r' && pos + 1 >= limit && !eof) {
          refill();
          continue;
        }
        pos += c == '\r' && pos + 1 < limit && buf[pos + 1] == '\n' ? 2 : 1;
        nextLine++;
        continue;
      }
      int end = tokenize(pos);
      if (end < 0) {
        refill();
        continue;
      }
      recordLine = nextLine;
      nextLine += 1 + innerLines;
      pos = end;
      return fields.toArray(new String[0]);
    }
  }

  /*
   * Splits the record starting at `start` into `fields`. Returns the index just after the record's line end, or -1
   * when the buffer ends before the record does and more input may follow.
   */
  private int tokenize(int start) {
    fields.clear();
    innerLines = 0;
    int i = start;
    while (true) {
      if (i >= limit) {
        if (!eof) {
          return -1;
        }
        fields.add("");
        return i;
      }
      if (buf[i] == '"') {
        int j = i + 1;
        int segment = j;
        StringBuilder sb = null;
        while (true) {
          if (j >= limit) {
            if (!eof) {
              return -1;
            }
            throw new InputException(file, nextLine, column(fields.size()),
                "quoted field is never closed (a stray \" opens a quote that runs to the end of the file)");
          }
          char q = buf[j];
          if (q == '"') {
            if (j + 1 >= limit && !eof) {
              return -1;
            }
            if (j + 1 < limit && buf[j + 1] == '"') {
              sb = (sb == null ? new StringBuilder() : sb).append(buf, segment, j + 1 - segment);
              j += 2;
              segment = j;
              continue;
            }
            break;
          }
          if (q == '\n') {
            innerLines++;
          } else if (q == '\r') {
            if (j + 1 >= limit && !eof) {
              return -1;
            }
            if (j + 1 >= limit || buf[j + 1] != '\n') {
              innerLines++;
            }
          }
          j++;
          if (j - i > MAX_FIELD_CHARS + 2) {
            throw fieldTooLong();
          }
        }
        String value = sb == null ? new String(buf, segment, j - segment) : sb.append(buf, segment, j - segment)
            .toString();
        if (value.length() > MAX_FIELD_CHARS) {
          throw fieldTooLong();
        }
        fields.add(value);
        i = j + 1;
        if (i >= limit) {
          if (!eof) {
            return -1;
          }
          return i;
        }
        char c = buf[i];
        if (c == delimiter) {
          i++;
          continue;
        }
        if (c == '\n') {
          return i + 1;
        }
        if (c == '\r') {
          return lineEnd(i);
        }
        throw new InputException(file, nextLine, column(fields.size() - 1),
            "unexpected character '" + c + "' after a closing quote (inside a quoted field write \"\" for \")");
      }
      int bound = Math.min(limit, i + MAX_FIELD_CHARS + 1);
      int j = i;
      char c = 0;
      while (j < bound) {
        c = buf[j];
        if (c == delimiter || c == '\n' || c == '\r') {
          break;
        }
        j++;
      }
      if (j - i > MAX_FIELD_CHARS) {
        throw fieldTooLong();
      }
      if (j >= limit) {
        if (!eof) {
          return -1;
        }
        fields.add(new String(buf, i, j - i));
        return j;
      }
      fields.add(new String(buf, i, j - i));
      if (c == delimiter) {
        i = j + 1;
        continue;
      }
      if (c == '\n') {
        return j + 1;
      }
      return lineEnd(j);
    }
  }

  /* Index after a line end that starts with \r at `i`, or -1 when it cannot yet tell \r from \r\n. */
  private int lineEnd(int i) {
    if (i + 1 >= limit) {
      return eof ? i + 1 : -1;
    }
    return buf[i + 1] == '\n' ? i + 2 : i + 1;
  }

  private InputException fieldTooLong() {
    return new InputException(file, nextLine, column(fields.size()),
        "field is longer than " + MAX_FIELD_CHARS + " characters");
  }

  private String column(int index) {
    if (header == null) {
      return null;
    }
    if (index < header.size()) {
      String name = header.get(index).strip();
      return name.isEmpty() ? "#" + (index + 1) : name;
    }
    return "#" + (index + 1);
  }

  private void refill() {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    } else if (limit == buf.length) {
      if (buf.length >= MAX_RECORD_CHARS) {
        throw new InputException(file, nextLine, null, "record is longer than " + MAX_RECORD_CHARS
            + " characters (an unbalanced quote, or not a CSV file?)");
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    fill();
  }

  private void fill() {
    try {
      while (limit < buf.length) {
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
          eof = true;
          return;
        }
        limit += n;
        if (n > 0 && limit - pos > 4096) {
          return;
        }
      }
    } catch (CharacterCodingException e) {
      throw new InputException(file, nextLine, null,
          "not valid UTF-8 text near this line (save the export as UTF-8)");
    } catch (IOException e) {
      throw new InputException(file, nextLine, null, "cannot read: " + e.getMessage());
    }
  }

  private String firstLine() {
    boolean quoted = false;
    for (int i = pos; i < limit; i++) {
      char c = buf[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        return new String(buf, pos, i - pos);
      }
    }
    return new String(buf, pos, limit - pos);
  }

  @Override
  public void close() {
    closeQuietly(in);
  }

  private static void closeQuietly(Reader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // Nothing was written; a failed close of an input loses nothing.
    }
  }
}
