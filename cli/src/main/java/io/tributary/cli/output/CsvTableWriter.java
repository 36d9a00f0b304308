package io.tributary.cli.output;

import io.tributary.cli.csv.CsvCells;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes a {@link Table} as CSV: a header of SPEC's column names, comma-delimited, {@code \n} line ends, UTF-8 (the
 * caller's writer), numbers in {@link Numbers}' format, nulls as empty cells, text neutralised by {@link CsvCells}.
 */
public final class CsvTableWriter {
  private static final char COMMA = ',';
  /*
   * A large table is formatted in blocks of rows on every core and written block after block in row order, so the
   * bytes are those of one thread. Formatting numbers (shortest round trip) is most of writing: a segmented run's
   * channel_credit has 674,688 rows of ten numbers. A window of blocks bounds the text held at once (a few MB).
   */
  private static final int BLOCK = 2048;
  private static final int WINDOW = 16;

  private CsvTableWriter() {}

  /** Writes {@code table} to {@code out}; does not close it. */
  public static void write(Table table, Writer out) throws IOException {
    out.write(String.join(",", table.columns()));
    out.write('\n');
    List<List<Object>> rows = table.rows();
    int n = rows.size();
    if (n <= BLOCK) {
      out.write(lines(rows, 0, n));
      return;
    }
    int blocks = (n + BLOCK - 1) / BLOCK;
    for (int first = 0; first < blocks; first += WINDOW) {
      int from = first;
      int to = Math.min(blocks, first + WINDOW);
      List<String> texts = IntStream.range(from, to).parallel()
          .mapToObj(b -> lines(rows, b * BLOCK, Math.min(n, (b + 1) * BLOCK))).toList();
      for (String text : texts) {
        out.write(text);
      }
    }
  }

  /* Rows [from, to) as CSV lines. */
  private static String lines(List<List<Object>> rows, int from, int to) {
    StringBuilder line = new StringBuilder();
    for (int r = from; r < to; r++) {
      if (r == from + 1) {
        // Room for the block at the first row's length and a quarter more, so that the builder rarely grows (each
        // growth copies the block: a campaign-level path_summary block is half a MB).
        line.ensureCapacity((int) Math.min(1 << 26, (long) line.length() * (to - from) * 5 / 4));
      }
      List<Object> row = rows.get(r);
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          line.append(COMMA);
        }
        Object cell = row.get(i);
        if (cell instanceof String s) {
          line.append(CsvCells.text(s, COMMA));
        } else if (cell != null) {
          line.append(Table.number(cell));
        }
      }
      line.append('\n');
    }
    return line.toString();
  }
}
