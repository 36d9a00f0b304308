package io.tributary.core.input;

import java.util.Objects;

/**
 * One row's cells as the row parsers read them: from a CSV file through {@link CsvRecords} (cells are byte ranges
 * of its buffer, decoded only when asked) or from a table whose columns are already text ({@link #of}). Parsers ask
 * for a cell's text, or, on their hot path, for its bytes when the cell is {@linkplain #plain plain}.
 */
public interface Fields {
  /** @return the number of cells */
  int count();

  /** @return cell {@code i} as text: quotes removed, {@code ""} unescaped, not stripped */
  String text(int i);

  /** @return the 1-based line on which the row starts (within its range when read by range) */
  long line();

  /**
   * @return whether cell {@code i} is unquoted printable ASCII ({@code 0x20..0x7E}) lying in {@link #bytes()}
   *     between {@link #from} and {@link #to}: then its bytes are its text, one character a byte
   */
  default boolean plain(int i) {
    return false;
  }

  /** @return the buffer holding the plain cells' bytes (valid until the next row), or null */
  default byte[] bytes() {
    return null;
  }

  /** @return the first byte of plain cell {@code i} */
  default int from(int i) {
    throw new UnsupportedOperationException("not a byte-backed row");
  }

  /** @return one past the last byte of plain cell {@code i} */
  default int to(int i) {
    throw new UnsupportedOperationException("not a byte-backed row");
  }

  /** @return every cell as text (for a rejected row's {@code raw} echo) */
  default String[] texts() {
    String[] out = new String[count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = text(i);
    }
    return out;
  }

  /**
   * @param cells the row's cells as text (a table row, a test)
   * @param line its 1-based line (or row number)
   * @return the row as {@link Fields}
   */
  static Fields of(String[] cells, long line) {
    Objects.requireNonNull(cells, "cells");
    return new Fields() {
      @Override
      public int count() {
        return cells.length;
      }

      @Override
      public String text(int i) {
        return cells[i];
      }

      @Override
      public long line() {
        return line;
      }

      @Override
      public String[] texts() {
        return cells;
      }
    };
  }
}
