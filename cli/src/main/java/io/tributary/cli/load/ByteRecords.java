package io.tributary.cli.load;

import io.tributary.cli.csv.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits UTF-8 bytes into CSV records the way {@link CsvReader} splits text (quoted fields with doubled quotes and line
 * breaks inside, {@code \n}, {@code \r\n} or {@code \r} line ends, blank lines skipped, a byte-order mark skipped at
 * the start of the file), without decoding: a record is field offsets into a byte buffer, so plain rows cost no
 * String at all. Line numbers count the same line ends {@link CsvReader} counts.
 *
 * <p>It reads only what it can read exactly as {@link CsvReader} does. Whatever would be an error there (an unclosed
 * quote, a character after a closing quote, an oversized field or record, bytes that are not UTF-8) throws
 * {@link Unsupported} instead, and the caller re-reads the input with {@link CsvReader}, which words the error. In
 * {@code parallel} mode (a slice of a file that may start inside a quoted field of the slice before) any quote
 * throws {@link Unsupported} as well.
 *
 * <p>Not thread-safe; one per slice.
 */
final class ByteRecords {
  /** This input cannot be read here exactly as {@link CsvReader} reads it; read it with that instead. */
  static final class Unsupported extends RuntimeException {
    final boolean quote;

    Unsupported(String why, boolean quote) {
      super(why, null, false, false);
      this.quote = quote;
    }
  }

  /*
   * Bytes that end an unquoted field's fast scan: the delimiter, CR, LF, '"' (literal inside an unquoted field, but
   * a parallel slice must not see one) and every byte >= 0x80 (to note a record that is not plain ASCII).
   */
  /*
   * Records of more bytes than this are left to CsvReader: below it they are surely under its limit in characters,
   * above it only CsvReader knows where its limit falls.
   */
  private static final int LONG_RECORD = CsvReader.MAX_RECORD_CHARS / 2;

  private final boolean[] special = new boolean[256];
  private final InputStream in;
  private final byte delimiter;
  private final boolean parallel;
  private byte[] buf = new byte[1 << 20];
  private int pos;
  private int limit;
  private boolean eof;
  private long nextLine;
  private long recordLine;
  private int innerLines;
  private boolean ascii;
  private int fields;
  private int[] from = new int[16];
  private int[] to = new int[16];
  private boolean[] quoted = new boolean[16];
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * @param in the bytes of a whole file or of a slice that starts at a record
   * @param delimiter an ASCII delimiter
   * @param fileStart whether {@code in} starts at the file's first byte (a byte-order mark is skipped there)
   * @param parallel whether the slice may start inside a quoted field: then any quote is {@link Unsupported}
   */
  ByteRecords(InputStream in, char delimiter, boolean fileStart, boolean parallel) {
    this.in = in;
    this.delimiter = (byte) delimiter;
    this.parallel = parallel;
    special[delimiter] = true;
    special['\n'] = true;
    special['\r'] = true;
    special['"'] = true;
    for (int b = 0x80; b < 0x100; b++) {
      special[b] = true;
    }
    fill();
    if (fileStart && limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
      pos = 3;
    }
  }

  /** @return the buffer holding the current record's bytes */
  byte[] buffer() {
    return buf;
  }

  /** @return the number of fields of the current record */
  int fields() {
    return fields;
  }

  /** @return the first byte of field {@code i} (inside the quotes for a quoted field) */
  int from(int i) {
    return from[i];
  }

  /** @return one past the last byte of field {@code i} */
  int to(int i) {
    return to[i];
  }

  /** @return whether field {@code i} was quoted (its bytes may hold doubled quotes) */
  boolean quoted(int i) {
    return quoted[i];
  }

  /** @return whether the current record has only ASCII bytes */
  boolean ascii() {
    return ascii;
  }

  /** @return the number of line ends before the current record, from the start of this input */
  long line() {
    return recordLine;
  }

  /** @return the number of line ends read so far (after the last record: all of this input's) */
  long linesRead() {
    return nextLine;
  }

  /**
   * @return whether a record was read
   * @throws Unsupported for input this class does not read exactly as {@link CsvReader} would
   */
  boolean next() {
    while (true) {
      if (pos >= limit) {
        if (eof) {
          return false;
        }
        refill();
        continue;
      }
      byte c = buf[pos];
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
      if (end - pos > LONG_RECORD) {
        throw new Unsupported("long record", false);
      }
      recordLine = nextLine;
      nextLine += 1 + innerLines;
      pos = end;
      return true;
    }
  }

  /** @return the current record's fields as {@link CsvReader} would return them */
  String[] strings() {
    String[] out = new String[fields];
    for (int i = 0; i < fields; i++) {
      out[i] = string(i);
    }
    return out;
  }

  private String string(int i) {
    int a = from[i];
    int b = to[i];
    String s;
    if (ascii) {
      s = new String(buf, a, b - a, StandardCharsets.ISO_8859_1);
    } else {
      try {
        s = utf8.decode(ByteBuffer.wrap(buf, a, b - a)).toString();
      } catch (CharacterCodingException e) {
        throw new Unsupported("not UTF-8", false);
      }
    }
    return quoted[i] ? s.replace("\"\"", "\"") : s;
  }

  /*
   * Splits the record starting at `start` into field offsets. Returns the index just after the record's line end,
   * or -1 when the buffer ends before the record does and more input may follow.
   */
  private int tokenize(int start) {
    fields = 0;
    innerLines = 0;
    ascii = true;
    int i = start;
    while (true) {
      if (i >= limit) {
        if (!eof) {
          return -1;
        }
        addField(i, i, false);
        return i;
      }
      if (buf[i] == '"') {
        if (parallel) {
          throw new Unsupported("quote in a parallel slice", true);
        }
        int j = i + 1;
        while (true) {
          if (j >= limit) {
            if (!eof) {
              return -1;
            }
            throw new Unsupported("unclosed quote", false);
          }
          byte q = buf[j];
          if (q == '"') {
            if (j + 1 >= limit && !eof) {
              return -1;
            }
            if (j + 1 < limit && buf[j + 1] == '"') {
              j += 2;
              continue;
            }
            break;
          }
          if (q < 0) {
            ascii = false;
          } else if (q == '\n') {
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
          if (j - i > CsvReader.MAX_FIELD_CHARS) {
            throw new Unsupported("long field", false);
          }
        }
        addField(i + 1, j, true);
        i = j + 1;
        if (i >= limit) {
          if (!eof) {
            return -1;
          }
          return i;
        }
        byte c = buf[i];
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
        throw new Unsupported("character after a closing quote", false);
      }
      int j = i;
      byte c = 0;
      while (j < limit) {
        c = buf[j];
        if (special[c & 0xFF]) {
          if (c == delimiter || c == '\n' || c == '\r') {
            break;
          }
          if (c == '"') {
            if (parallel) {
              throw new Unsupported("quote in a parallel slice", true);
            }
          } else {
            ascii = false;
          }
        }
        j++;
      }
      if (j - i > CsvReader.MAX_FIELD_CHARS) {
        throw new Unsupported("long field", false);
      }
      if (j >= limit) {
        if (!eof) {
          return -1;
        }
        addField(i, j, false);
        return j;
      }
      addField(i, j, false);
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

  private void addField(int a, int b, boolean q) {
    if (fields == from.length) {
      from = Arrays.copyOf(from, fields * 2);
      to = Arrays.copyOf(to, fields * 2);
      quoted = Arrays.copyOf(quoted, fields * 2);
    }
    from[fields] = a;
    to[fields] = b;
    quoted[fields++] = q;
  }

  /* Index after a line end that starts with \r at `i`, or -1 when it cannot yet tell \r from \r\n. */
  private int lineEnd(int i) {
    if (i + 1 >= limit) {
      return eof ? i + 1 : -1;
    }
    return buf[i + 1] == '\n' ? i + 2 : i + 1;
  }

  private void refill() {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    } else if (limit == buf.length) {
      if (buf.length > LONG_RECORD) {
        throw new Unsupported("long record", false);
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
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
