package io.tributary.cli.output;

import io.tributary.cli.csv.CsvCells;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a {@link Table} as CSV: a header of SPEC's column names, comma-delimited, {@code \n} line ends, UTF-8 (the
 * caller's writer), numbers in {@link Numbers}' format, nulls as empty cells, text neutralised by {@link CsvCells}.
 */
public final class CsvTableWriter {
  private static final char COMMA = ',';

  private CsvTableWriter() {}

  /** Writes {@code table} to {@code out}; does not close it. */
  public static void write(Table table, Writer out) throws IOException {
    out.write(String.join(",", table.columns()));
    out.write('\n');
    StringBuilder line = new StringBuilder();
    for (List<Object> row : table.rows()) {
      line.setLength(0);
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
      out.write(line.toString());
    }
  }
}
