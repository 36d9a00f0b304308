package io.tributary.cli.output;

import io.tributary.cli.csv.CsvCells;
import io.tributary.core.metrics.ShownPath;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes a {@link Table} as CSV: a header of SPEC's column names, comma-delimited, {@code \n} line ends, UTF-8,
 * numbers in {@link Numbers}' format, nulls as empty cells, text neutralised and quoted as {@link CsvCells} does it.
 */
public final class CsvTableWriter {
  private static final byte COMMA = ',';
  private static final byte[] SEPARATOR = ShownPath.SEPARATOR.getBytes(StandardCharsets.US_ASCII);
  /*
   * A large table is encoded in blocks of rows on every core and written block after block in row order, so the
   * bytes are those of one thread. A window of blocks bounds what is held at once (a few MB), and its buffers are
   * reused from window to window: a campaign-level path_summary is 252 MB of text, and memory the process has not
   * touched before costs more than the encoding itself on a virtual machine (page faults the host must back).
   */
  private static final int BLOCK = 2048;
  private static final int WINDOW = 16;

  private CsvTableWriter() {}

  /**
   * Writes {@code table} to {@code out} as UTF-8 bytes, the form a file takes: no text is made of the blocks and
   * nothing is encoded twice. Does not close {@code out}.
   */
  public static void write(Table table, OutputStream out) throws IOException {
    write(table, (bytes, length) -> out.write(bytes, 0, length));
  }

  /** Writes {@code table} to {@code out}; does not close it. */
  public static void write(Table table, Writer out) throws IOException {
    write(table, (bytes, length) -> out.write(new String(bytes, 0, length, StandardCharsets.UTF_8)));
  }

  /* Where encoded bytes go: a stream, or a writer (decoded back to text). */
  private interface Sink {
    void accept(byte[] bytes, int length) throws IOException;
  }

  private static void write(Table table, Sink sink) throws IOException {
    CsvBytes header = new CsvBytes(256);
    List<String> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        header.put(COMMA);
      }
      // A segment column is named after the event log's column, which may be any UTF-8 text.
      byte[] name = columns.get(i).getBytes(StandardCharsets.UTF_8);
      header.room(name.length);
      System.arraycopy(name, 0, header.bytes, header.length, name.length);
      header.length += name.length;
    }
    header.put((byte) '\n');
    sink.accept(header.bytes, header.length);
    List<List<Object>> rows = table.rows();
    int n = rows.size();
    if (n <= BLOCK) {
      CsvBytes block = new CsvBytes(4096);
      block.rows(rows, 0, n);
      sink.accept(block.bytes, block.length);
      return;
    }
    int blocks = (n + BLOCK - 1) / BLOCK;
    CsvBytes[] window = new CsvBytes[Math.min(WINDOW, blocks)];
    for (int b = 0; b < window.length; b++) {
      window[b] = new CsvBytes(1 << 16);
    }
    for (int first = 0; first < blocks; first += WINDOW) {
      int from = first;
      int to = Math.min(blocks, first + WINDOW);
      // Each block into its own buffer; the stream's end orders every buffer's bytes before the writes below.
      IntStream.range(from, to).parallel().forEach(b -> {
        CsvBytes block = window[b - from];
        block.length = 0;
        block.rows(rows, b * BLOCK, Math.min(n, (b + 1) * BLOCK));
      });
      for (int b = from; b < to; b++) {
        sink.accept(window[b - from].bytes, window[b - from].length);
      }
    }
  }

  /**
   * A growing buffer of CSV bytes. Text goes in as UTF-8 (one copy: {@link String#getBytes} of an ASCII string is a
   * copy of its bytes), numbers as their ASCII digits.
   */
  static final class CsvBytes {
    byte[] bytes;
    int length;

    CsvBytes(int capacity) {
      bytes = new byte[capacity];
    }

    /*
     * Per column (the first REPEATS), the text cell written last in this block and where its bytes are: a column's
     * text mostly repeats from row to row (a segment value, a model's name, the same String each time), and such a
     * cell is copied from there instead of checked a char at a time again (String.charAt's index checks on the segment
     * columns were a fifth of a segmented path_summary's write samples; copied, that write took 0.46-0.49 s instead of
     * 0.50-0.55 s).
     */
    private static final int REPEATS = 8;

    /* Rows [from, to) as CSV lines. */
    void rows(List<List<Object>> rows, int from, int to) {
      // The block's own, not fields of the buffer: as fields, written at every cell on both cores, they made the
      // segmented write of 1.12M rows 2.8 s instead of 0.5 s (measured, not explained).
      String[] repeated = new String[REPEATS];
      int[] repeatedAt = new int[REPEATS];
      int[] repeatedLength = new int[REPEATS];
      for (int r = from; r < to; r++) {
        if (r == from + 1) {
          // Room for the block at the first row's length and a quarter more, so that the buffer rarely grows.
          room((int) Math.min(1 << 26, (long) length * (to - from) * 5 / 4));
        }
        List<Object> row = rows.get(r);
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            put(COMMA);
          }
          Object cell = row.get(i);
          if (i < REPEATS && cell instanceof String s) {
            if (s == repeated[i]) {
              int n = repeatedLength[i];
              room(n);
              System.arraycopy(bytes, repeatedAt[i], bytes, length, n);
              length += n;
              continue;
            }
            int at = length;
            text(s);
            repeated[i] = s;
            repeatedAt[i] = at;
            repeatedLength[i] = length - at;
            continue;
          }
          cell(cell);
        }
        put((byte) '\n');
      }
    }

    void cell(Object cell) {
      if (cell instanceof String s) {
        text(s);
      } else if (cell instanceof Long l) {
        number(l);
      } else if (cell instanceof ShownPath p) {
        path(p);
      } else if (cell != null) {
        plain(Table.number(cell));
      }
    }

    /*
     * A text cell as CsvCells.text makes it: a leading apostrophe when a spreadsheet would read a formula, the whole
     * quoted (quotes doubled) when it holds a comma, a quote or a line break. UTF-8 never puts an ASCII byte inside a
     * multi-byte character, so the encoded bytes are searched for those four.
     */
    void text(String s) {
      if (ascii(s)) {
        return;
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      boolean quoted = false;
      for (byte c : b) {
        if (c == COMMA || c == '"' || c == '\n' || c == '\r') {
          quoted = true;
          break;
        }
      }
      boolean neutralised = CsvCells.dangerous(s);
      room(b.length + 3);
      if (!quoted) {
        if (neutralised) {
          bytes[length++] = '\'';
        }
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
        return;
      }
      put((byte) '"');
      if (neutralised) {
        put((byte) '\'');
      }
      for (byte c : b) {
        if (c == '"') {
          put(c);
        }
        put(c);
      }
      put((byte) '"');
    }

    /*
     * The common case of text(): ASCII with nothing to quote or neutralise, copied char by char into the
     * buffer. Nothing is allocated (a million campaign paths of 225 characters each were 250 MB of byte arrays from
     * getBytes, which grew the heap). False, the length unchanged, for any other text.
     */
    private boolean ascii(String s) {
      int n = s.length();
      if (n == 0 || CsvCells.dangerous(s)) {
        return n == 0;
      }
      room(n);
      byte[] to = bytes;
      int at = length;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80 || c == COMMA || c == '"' || c == '\n' || c == '\r') {
          return false;
        }
        to[at + i] = (byte) c;
      }
      length = at + n;
      return true;
    }

    /*
     * A path's text as text() writes it, from its names' bytes: each of a table's names is encoded and checked once
     * per buffer, and a path is its names' bytes copied with the separator between. Spelling each path out as a
     * String and copying it back char by char was most of a campaign-level path_summary's write (252 MB of text).
     * The separator needs no quoting, and the text starts with its first name: quoted when any of its names would
     * be, neutralised when its first name would be.
     */
    private void path(ShownPath p) {
      ShownPath.Names names = p.names();
      if (names != namesOf) {
        prepare(names);
      }
      int n = p.touches();
      if (n == 0) {
        return;
      }
      int start = length;
      int first = p.name(0);
      if (neutralised[first]) {
        put((byte) '\'');
      }
      for (int k = 0; k < n; k++) {
        int c = k == 0 ? first : p.name(k);
        if (quoted[c]) {
          length = start; // written again, quoted, from the text
          text(p.toString());
          return;
        }
        byte[] name = encoded[c];
        room(name.length + SEPARATOR.length);
        if (k > 0) {
          for (byte b : SEPARATOR) {
            bytes[length++] = b;
          }
        }
        System.arraycopy(name, 0, bytes, length, name.length);
        length += name.length;
      }
    }

    // The names path() last prepared, and per name: its UTF-8 bytes, whether text() would quote or neutralise it.
    private ShownPath.Names namesOf;
    private byte[][] encoded;
    private boolean[] quoted;
    private boolean[] neutralised;

    private void prepare(ShownPath.Names names) {
      int n = names.size();
      encoded = new byte[n][];
      quoted = new boolean[n];
      neutralised = new boolean[n];
      for (int c = 0; c < n; c++) {
        encoded[c] = names.get(c).getBytes(StandardCharsets.UTF_8);
        for (byte b : encoded[c]) {
          quoted[c] |= b == COMMA || b == '"' || b == '\n' || b == '\r';
        }
        neutralised[c] = CsvCells.dangerous(names.get(c));
      }
      namesOf = names;
    }

    /* ASCII text as it is: formatted numbers. */
    void plain(String ascii) {
      int n = ascii.length();
      room(n);
      for (int i = 0; i < n; i++) {
        bytes[length++] = (byte) ascii.charAt(i);
      }
    }

    /* Long.toString's digits, without the String. */
    void number(long v) {
      if (v == Long.MIN_VALUE) {
        plain(Long.toString(v));
        return;
      }
      room(20);
      if (v < 0) {
        bytes[length++] = '-';
        v = -v;
      }
      int digits = 1;
      for (long t = v; t >= 10; t /= 10) {
        digits++;
      }
      int end = length + digits;
      for (int i = end - 1; i >= length; i--) {
        bytes[i] = (byte) ('0' + v % 10);
        v /= 10;
      }
      length = end;
    }

    void put(byte b) {
      room(1);
      bytes[length++] = b;
    }

    void room(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
      }
    }
  }
}
