package io.tributary.core.input;

import io.tributary.core.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one CSV reader of every engine: reads UTF-8 bytes into records by RFC 4180 — quoted cells holding delimiters,
 * doubled quotes and line breaks; {@code \n}, {@code \r\n} or {@code \r} line ends; blank lines skipped; a byte-order
 * mark skipped at the start of a file — without decoding what it need not: a record is cell offsets into a byte
 * buffer, and a cell becomes a String only when a parser asks for its text. Every record's bytes are checked to be
 * UTF-8; the first bad byte is reported with its line and column. Every problem is an {@link InputException} naming
 * file, line and column.
 *
 * <p>It reads a whole input ({@link #open}) or a byte range of an uncompressed file ({@link #range}: a slice of the
 * CLI, a split of the Spark job), with one rule for where a range's records begin and end:
 *
 * <ul>
 *   <li>a range {@code [start, end)} owns the records that start inside it;
 *   <li>its first record starts just after the first line feed at or after byte {@code start - 1} (byte 0 for the
 *       first range), so a range never needs the bytes before it;
 *   <li>it reads records while they start before {@code end}, finishing the last one past {@code end}; where it
 *       stops ({@link #stoppedAt}) is where the next range's first record must start ({@link #firstRecord}).
 * </ul>
 *
 * A range that starts inside a quoted cell holding a line break guesses its first record wrong; then, and only then,
 * the previous range stops somewhere else than where it started. Engines compare the two positions of every pair of
 * neighbouring ranges and read a file whose ranges disagree in one piece from the last boundary they agree on (see
 * {@link RangeCheck}), so a quoted line break never changes a row.
 *
 * <p>Limits, so that a broken file is an error rather than an out-of-memory death: a cell of more than
 * {@value #MAX_FIELD_BYTES} bytes and a record of more than {@value #MAX_RECORD_BYTES} bytes are errors. Line numbers
 * count every line end, those inside quoted cells included; a whole input's header is line 1, a range's first record
 * line 1 of that range (the engine adds the lines of the ranges before it).
 *
 * <p>Not thread-safe; one reader per input or range.
 */
public final class CsvRecords implements Fields, Closeable {
  /** Longest cell accepted, in bytes: a 1,000,000-character channel name still reaches the row parser. */
  public static final int MAX_FIELD_BYTES = 1_000_000;
  /** Longest record accepted, in bytes (line breaks inside quoted cells included). */
  public static final int MAX_RECORD_BYTES = 1 << 20;
  /** The delimiter argument that asks for detection from the header line ({@link Delimiters#detect}). */
  public static final char DETECT = 0;

  private static final int BUFFER = 1 << 20;
  // Eight buffer bytes read as one long, the first byte lowest (tokenizeSimple's word-at-a-time scan).
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  // Longest record tokenizeSimple reads; a longer one is read byte by byte (a cell never reaches MAX_FIELD_BYTES here).
  private static final int SIMPLE_RECORD = 4096;

  private final String file;
  private final InputStream in;
  private long end = Long.MAX_VALUE;
  private byte delimiter;
  // The delimiter in every byte of a long.
  private long delimiterWord;
  private List<String> header;
  private final boolean[] special = new boolean[256];
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  // A read failure is held until the bytes read before it are used up, so that it names the line it cut.
  private IOException failure;
  private long bufStart;
  private long first;
  private long stop = -1;
  private long lines;
  private long recordLine;
  private int innerLines;
  private int recordLength;
  private boolean ascii;
  // Whether the current record was split by tokenizeSimple: every cell plain and unquoted, the two arrays below unset.
  private boolean simple;
  private int count;
  private int[] from = new int[16];
  private int[] to = new int[16];
  private boolean[] quoted = new boolean[16];
  private boolean[] plain = new boolean[16];

  private CsvRecords(String file, InputStream in, long origin, int bufferSize) {
    this.file = file;
    this.in = in;
    this.buf = new byte[bufferSize];
    this.bufStart = origin;
  }

  /**
   * Opens a whole input (or its first range) and reads its header.
   *
   * @param file the input's name for messages
   * @param text the input's bytes from its first one (decompressed: see {@link InputFiles#open})
   * @param delimiter the delimiter, or {@link #DETECT}
   * @param end records starting at or after this byte are left to the next range ({@link Long#MAX_VALUE}: none)
   * @return a reader positioned after the header
   * @throws InputException for an empty input, a header that is not UTF-8 text, or a read failure
   */
  public static CsvRecords open(String file, InputStream text, char delimiter, long end) {
    return open(file, text, delimiter, end, BUFFER);
  }

  /** {@link #open(String, InputStream, char, long)} with a buffer size of its own (tests use tiny ones). */
  static CsvRecords open(String file, InputStream text, char delimiter, long end, int bufferSize) {
    CsvRecords r = new CsvRecords(file, text, 0, bufferSize);
    r.fill();
    if (r.limit >= 3 && (r.buf[0] & 0xFF) == 0xEF && (r.buf[1] & 0xFF) == 0xBB && (r.buf[2] & 0xFF) == 0xBF) {
      r.pos = 3;
    }
    r.first = 0;
    r.setDelimiter(delimiter == DETECT ? Delimiters.detect(r.firstLine()) : delimiter);
    if (!r.next()) {
      throw new InputException(file, 0, null, "empty file (expected a header line)");
    }
    String[] names = r.texts();
    binaryCheck(file, names);
    r.header = List.of(names);
    r.end = end;
    return r;
  }

  /**
   * Opens a byte range of an uncompressed file that does not start at its first byte.
   *
   * @param file the file's name for messages
   * @param bytes the file's bytes from byte {@code start - 1} on (from {@code start} when {@code startsAtRecord})
   * @param start the range's first byte, {@code > 0}
   * @param end records starting at or after this byte belong to the next range
   * @param startsAtRecord whether {@code start} is known to be where a record starts (a boundary two ranges agreed
   *     on): then no line feed is looked for
   * @param delimiter the file's delimiter (as its first range detected it)
   * @param header the file's header as its first range read it (to name columns in messages)
   * @return a reader positioned before the range's first record
   */
  public static CsvRecords range(String file, InputStream bytes, long start, long end, boolean startsAtRecord,
      char delimiter, List<String> header) {
    return range(file, bytes, start, end, startsAtRecord, delimiter, header, BUFFER);
  }

  static CsvRecords range(String file, InputStream bytes, long start, long end, boolean startsAtRecord,
      char delimiter, List<String> header, int bufferSize) {
    if (start <= 0) {
      throw new IllegalArgumentException("a range after the first starts at byte 1 or later, not " + start);
    }
    CsvRecords r = new CsvRecords(file, bytes, startsAtRecord ? start : start - 1, bufferSize);
    r.setDelimiter(delimiter);
    r.header = List.copyOf(header);
    r.fill();
    if (!startsAtRecord) {
      r.skipToLineFeed();
    }
    r.first = r.bufStart + r.pos;
    r.end = end;
    return r;
  }

  private void setDelimiter(char d) {
    if (d >= 0x80 || d == '"' || d == '\n' || d == '\r') {
      throw new IllegalArgumentException("unsupported delimiter " + (int) d);
    }
    delimiter = (byte) d;
    delimiterWord = (d & 0xFFL) * 0x0101010101010101L;
    Arrays.fill(special, false);
    for (int b = 0; b < 0x20; b++) {
      special[b] = true;
    }
    for (int b = 0x7F; b < 0x100; b++) {
      special[b] = true;
    }
    special[d] = true;
    special['"'] = true;
  }

  /** @return the input's name as shown in messages */
  public String file() {
    return file;
  }

  /** @return the header's cells as read (byte-order mark removed, not trimmed) */
  public List<String> header() {
    return header;
  }

  /** @return the delimiter in use */
  public char delimiter() {
    return (char) delimiter;
  }

  /** @return the byte at which this reader's first record (the header, for a whole input) starts */
  public long firstRecord() {
    return first;
  }

  /**
   * @return where this reader stopped after its last record: the end of the input, or the first line start at or
   *     after its range's end; -1 before {@link #next} has returned false
   */
  public long stoppedAt() {
    return stop;
  }

  /** @return lines read so far (after the last record: every line this reader owns) */
  public long linesRead() {
    return lines;
  }

  @Override
  public long line() {
    return recordLine;
  }

  @Override
  public int count() {
    return count;
  }

  @Override
  public boolean plain(int i) {
    return simple || plain[i];
  }

  @Override
  public byte[] bytes() {
    return buf;
  }

  @Override
  public int from(int i) {
    return from[i];
  }

  @Override
  public int to(int i) {
    return to[i];
  }

  @Override
  public String text(int i) {
    int a = from[i];
    int n = to[i] - a;
    String s = ascii ? new String(buf, a, n, StandardCharsets.ISO_8859_1) : new String(buf, a, n,
        StandardCharsets.UTF_8);
    return !simple && quoted[i] ? s.replace("\"\"", "\"") : s;
  }

  /**
   * Moves to the next record.
   *
   * @return whether there was one in this reader's input or range
   * @throws InputException for a malformed or oversized record, bytes that are not UTF-8, or a read failure
   */
  public boolean next() {
    while (true) {
      if (pos >= limit) {
        if (eof) {
          stop = bufStart + pos;
          return false;
        }
        refill();
        continue;
      }
      if (bufStart + pos >= end) {
        stop = bufStart + pos;
        return false;
      }
      byte c = buf[pos];
      if (c == '\n' || c == '\r') {
        if (c == '\r' && pos + 1 >= limit && !eof) {
          refill();
          continue;
        }
        pos += c == '\r' && pos + 1 < limit && buf[pos + 1] == '\n' ? 2 : 1;
        lines++;
        continue;
      }
      int e = tokenizeSimple(pos);
      simple = e >= 0;
      if (e < 0) {
        e = tokenize(pos);
      }
      if (e < 0) {
        refill();
        continue;
      }
      recordLine = lines + 1;
      if (recordLength > MAX_RECORD_BYTES) {
        throw recordTooLong();
      }
      if (!ascii) {
        validate(pos);
      }
      lines += 1 + innerLines;
      pos = e;
      return true;
    }
  }

  /*
   * The common record, split eight bytes at a time: unquoted cells of printable ASCII ended by \n or \r\n, the whole
   * record well inside the buffer. Each word gives the delimiters in it (every one) and its first other special byte;
   * the cells end at the delimiters before that byte, and the byte must end the line. Returns what tokenize returns
   * for such a record, with the same cells, or -1 for any other record (quotes, control or non-ASCII bytes, a lone
   * \r, a record near the buffer's end or longer than SIMPLE_RECORD), which tokenize then reads byte by byte.
   */
  private int tokenizeSimple(int start) {
    int last = Math.min(limit - Long.BYTES - 1, start + SIMPLE_RECORD);
    count = 0;
    int cell = start;
    for (int i = start; i <= last; i += Long.BYTES) {
      long w = (long) LONGS.get(buf, i);
      long delimiters = zeroBytes(w ^ delimiterWord);
      long low = w & 0x7F7F7F7F7F7F7F7FL;
      long control = ~((low + 0x6060606060606060L) | w);
      long others = (control | w | zeroBytes(w ^ 0x7F7F7F7F7F7F7F7FL) | zeroBytes(w ^ 0x2222222222222222L))
          & ~delimiters & 0x8080808080808080L;
      if (others != 0) {
        delimiters &= (others & -others) - 1;
      }
      while (delimiters != 0) {
        int at = i + firstByte(delimiters);
        addCell(cell, at);
        cell = at + 1;
        delimiters &= delimiters - 1;
      }
      if (others != 0) {
        int at = i + firstByte(others);
        byte c = buf[at];
        int next;
        if (c == '\n') {
          next = at + 1;
        } else if (c == '\r' && buf[at + 1] == '\n') {
          next = at + 2;
        } else {
          return -1;
        }
        addCell(cell, at);
        innerLines = 0;
        ascii = true;
        recordLength = at - start;
        return next;
      }
    }
    return -1;
  }

  /*
   * The index of the lowest byte of a word of 0x80 bits (at least one) that has its bit set: the lowest bit isolated
   * and moved to the bottom of its byte is 256^k, which times the constant puts k in the top byte. The same as
   * Long.numberOfTrailingZeros(w) >>> 3, which the quick compiler (inputs under 1 GB run with it alone) calls rather
   * than inlines: that call was 16 % of a read.
   */
  static int firstByte(long w) {
    return (int) ((((w & -w) >>> 7) * 0x0001020304050607L) >>> 56);
  }

  /* Every zero byte of the word as its 0x80 bit, exactly (no carry crosses a byte). */
  private static long zeroBytes(long w) {
    return ~(((w & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | w | 0x7F7F7F7F7F7F7F7FL);
  }

  /*
   * Splits the record starting at `start` into cell offsets. Returns the index just after the record's line end,
   * or -1 when the buffer ends before the record does and more input may follow.
   */
  private int tokenize(int start) {
    count = 0;
    innerLines = 0;
    ascii = true;
    int i = start;
    while (true) {
      if (i >= limit) {
        if (!eof) {
          return -1;
        }
        addField(i, i, false, true);
        recordLength = i - start;
        return i;
      }
      if (buf[i] == '"') {
        int j = i + 1;
        while (true) {
          if (j >= limit) {
            if (!eof) {
              return -1;
            }
            throw new InputException(file, lines + 1, column(count),
                "quoted field is never closed (a stray \" opens a quote that runs to the end of the file)");
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
          if (j - i > MAX_FIELD_BYTES + 1) {
            throw fieldTooLong(count);
          }
        }
        addField(i + 1, j, true, false);
        i = j + 1;
        if (i >= limit) {
          if (!eof) {
            return -1;
          }
          recordLength = i - start;
          return i;
        }
        byte c = buf[i];
        if (c == delimiter) {
          i++;
          continue;
        }
        if (c == '\n' || c == '\r') {
          recordLength = i - start;
          return c == '\n' ? i + 1 : lineEnd(i);
        }
        throw new InputException(file, lines + 1, column(count - 1), "unexpected character " + shown(c)
            + " after a closing quote (inside a quoted field write \"\" for \")");
      }
      int j = i;
      boolean isPlain = true;
      byte c = 0;
      int bound = Math.min(limit, i + MAX_FIELD_BYTES + 1);
      while (j < bound) {
        c = buf[j];
        if (special[c & 0xFF]) {
          if (c == delimiter || c == '\n' || c == '\r') {
            break;
          }
          isPlain = false;
          if (c < 0) {
            ascii = false;
          }
        }
        j++;
      }
      if (j - i > MAX_FIELD_BYTES) {
        throw fieldTooLong(count);
      }
      if (j >= limit) {
        if (!eof) {
          return -1;
        }
        addField(i, j, false, isPlain);
        recordLength = j - start;
        return j;
      }
      addField(i, j, false, isPlain);
      if (c == delimiter) {
        i = j + 1;
        continue;
      }
      recordLength = j - start;
      if (c == '\n') {
        return j + 1;
      }
      return lineEnd(j);
    }
  }

  /* A cell of tokenizeSimple: plain and unquoted by construction, so only its offsets are written (see simple). */
  private void addCell(int a, int b) {
    if (count == from.length) {
      grow();
    }
    from[count] = a;
    to[count++] = b;
  }

  private void grow() {
    int n = count * 2;
    from = Arrays.copyOf(from, n);
    to = Arrays.copyOf(to, n);
    quoted = Arrays.copyOf(quoted, n);
    plain = Arrays.copyOf(plain, n);
  }

  private void addField(int a, int b, boolean q, boolean p) {
    if (count == from.length) {
      grow();
    }
    from[count] = a;
    to[count] = b;
    quoted[count] = q;
    plain[count++] = p;
  }

  /* Index after a line end that starts with \r at `i`, or -1 when it cannot yet tell \r from \r\n. */
  private int lineEnd(int i) {
    if (i + 1 >= limit) {
      return eof ? i + 1 : -1;
    }
    return buf[i + 1] == '\n' ? i + 2 : i + 1;
  }

  /*
   * Checks that the current record (starting at `start`, `recordLength` bytes) is UTF-8 as Java's strict decoder
   * reads it: no stray continuation byte, no overlong form, no surrogate, nothing above U+10FFFF, no sequence cut
   * short. The first bad byte is reported with its own line (a quoted cell may span lines) and column.
   */
  private void validate(int start) {
    int endAt = start + recordLength;
    int j = start;
    while (j < endAt) {
      int b = buf[j] & 0xFF;
      if (b < 0x80) {
        j++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) {
          lo = 0xA0;
        } else if (b == 0xED) {
          hi = 0x9F;
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) {
          lo = 0x90;
        } else if (b == 0xF4) {
          hi = 0x8F;
        }
      } else {
        throw notUtf8(start, j);
      }
      if (j + need >= endAt) {
        throw notUtf8(start, j);
      }
      int b1 = buf[j + 1] & 0xFF;
      if (b1 < lo || b1 > hi) {
        throw notUtf8(start, j);
      }
      for (int k = 2; k <= need; k++) {
        int bk = buf[j + k] & 0xFF;
        if (bk < 0x80 || bk > 0xBF) {
          throw notUtf8(start, j);
        }
      }
      j += need + 1;
    }
  }

  private InputException notUtf8(int start, int bad) {
    long line = recordLine;
    int lineStart = start;
    for (int k = start; k < bad; k++) {
      byte c = buf[k];
      if (c == '\n' || (c == '\r' && (k + 1 >= bad || buf[k + 1] != '\n'))) {
        line++;
        lineStart = k + 1;
      }
    }
    int field = 0;
    for (int f = 0; f < count; f++) {
      if (from[f] - (!simple && quoted[f] ? 1 : 0) <= bad) {
        field = f;
      }
    }
    String where = String.format(Locale.ROOT, "byte 0x%02X at byte %d of the line", buf[bad] & 0xFF,
        bad - lineStart + 1);
    return new InputException(file, line, column(field),
        "not valid UTF-8 text: " + where + " (save the export as UTF-8)");
  }

  /*
   * A header holding NUL or other control bytes is not a CSV export at all (a binary file, say): saying so beats
   * saying that its "columns" lack customer_id.
   */
  private static void binaryCheck(String file, String[] names) {
    for (String name : names) {
      for (int k = 0; k < name.length(); k++) {
        char c = name.charAt(k);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
          throw new InputException(file, 1, null, String.format(Locale.ROOT,
              "binary data, not UTF-8 text: control byte 0x%02X in the header line (save the export as UTF-8 CSV)",
              (int) c));
        }
      }
    }
  }

  private static String shown(byte c) {
    return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format(Locale.ROOT, "byte 0x%02X", c & 0xFF);
  }

  private InputException fieldTooLong(int index) {
    return new InputException(file, lines + 1, column(index), "field is longer than " + MAX_FIELD_BYTES + " bytes");
  }

  private InputException recordTooLong() {
    return new InputException(file, lines + 1, null,
        "record is longer than " + MAX_RECORD_BYTES + " bytes (an unbalanced quote, or not a CSV file?)");
  }

  private String column(int index) {
    if (header == null) {
      return null;
    }
    if (index >= 0 && index < header.size()) {
      String name = header.get(index).strip();
      return name.isEmpty() ? "#" + (index + 1) : name;
    }
    return "#" + (index + 1);
  }

  /* Skips to just after the first line feed (a range's first record); to the end when there is none. */
  private void skipToLineFeed() {
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          pos = i + 1;
          return;
        }
      }
      pos = limit;
      if (eof) {
        return;
      }
      refill();
    }
  }

  private void refill() {
    if (failure != null) {
      throw InputFiles.failure(file, lines + 1, failure);
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      bufStart += pos;
      limit -= pos;
      pos = 0;
    } else if (limit == buf.length) {
      if (buf.length > MAX_RECORD_BYTES + 2) {
        throw recordTooLong();
      }
      buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD_BYTES + 4));
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
      failure = e;
    }
  }

  /* The first line as Latin-1 text (only ASCII delimiters and quotes are counted in it). */
  private String firstLine() {
    boolean q = false;
    for (int i = pos; i < limit; i++) {
      byte c = buf[i];
      if (c == '"') {
        q = !q;
      } else if (!q && (c == '\n' || c == '\r')) {
        return new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
      }
    }
    return new String(buf, pos, limit - pos, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // Nothing was written; a failed close of an input loses nothing.
    }
  }
}
