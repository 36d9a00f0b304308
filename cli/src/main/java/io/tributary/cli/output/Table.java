package io.tributary.cli.output;

import io.tributary.core.metrics.ShownPath;
import io.tributary.core.output.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One output table in long format: a SPEC name, its column names and its rows. A cell is text ({@link String}, or a
 * {@link ShownPath} a writer may copy without spelling it out), a number ({@link Long}, {@link Double},
 * {@link BigDecimal}) or null (not defined; an empty CSV cell, JSON null).
 *
 * @param name the table's name, e.g. {@code channel_credit}
 * @param columns column names, snake_case
 * @param types the columns' types as the core defines them ({@code run_date}, a {@link ColumnType#DATE}, is text here)
 * @param rows the rows, each as wide as {@code columns}
 */
public record Table(String name, List<String> columns, List<ColumnType> types, List<List<Object>> rows) {
  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    types = List.copyOf(types);
    if (types.size() != columns.size()) {
      throw new IllegalArgumentException(name + ": " + types.size() + " types for " + columns.size() + " columns");
    }
    int width = columns.size();
    if (rows instanceof LazyRows lazy) {
      // Made and checked as they are read (written), never held at once.
      rows = lazy.checkedAs(name, width);
    } else {
      rows = rows.stream().map(r -> checked(name, width, r)).toList();
    }
  }

  /**
   * Rows made when they are read, each checked then: a large table (path_summary: a million rows with their path
   * texts) is not held at once. Held, its rows were hundreds of MB that survived into the old generation: a collector
   * pause of 1.2-1.6 s in a segmented run's write (benchmarks/results/segments.md). The writers read a large table's
   * rows in blocks on every core, so {@code row} must be safe to call from several threads.
   */
  static final class LazyRows extends java.util.AbstractList<List<Object>> implements java.util.RandomAccess {
    private final int size;
    private final java.util.function.IntFunction<List<Object>> row;
    private final String name;
    private final int width;

    /**
     * @param size the number of rows
     * @param row makes row i (any thread, any order, any number of times: the same cells each time)
     */
    LazyRows(int size, java.util.function.IntFunction<List<Object>> row) {
      this(size, row, null, -1);
    }

    private LazyRows(int size, java.util.function.IntFunction<List<Object>> row, String name, int width) {
      this.size = size;
      this.row = Objects.requireNonNull(row, "row");
      this.name = name;
      this.width = width;
    }

    LazyRows checkedAs(String tableName, int tableWidth) {
      return new LazyRows(size, row, tableName, tableWidth);
    }

    @Override
    public List<Object> get(int i) {
      Objects.checkIndex(i, size);
      List<Object> r = row.apply(i);
      if (width < 0) {
        return r;
      }
      check(name, width, r);
      return r instanceof Cells ? r : java.util.Collections.unmodifiableList(r);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /* An unmodifiable copy of a row, checked: as wide as the table, each cell a supported type. */
  private static List<Object> checked(String name, int width, List<Object> r) {
    return java.util.Collections.unmodifiableList(new ArrayList<>(check(name, width, r)));
  }

  /* The row itself, checked: as wide as the table, each cell a supported type. */
  private static List<Object> check(String name, int width, List<Object> r) {
    if (r.size() != width) {
      throw new IllegalArgumentException(name + ": row of " + r.size() + " cells, " + width + " columns");
    }
    // By index: an iterator per row was 26 MB of a campaign-level path_summary write's garbage (1.12M rows).
    for (int i = 0; i < width; i++) {
      Object cell = r.get(i);
      if (cell != null && !(cell instanceof String) && !(cell instanceof Long) && !(cell instanceof Double)
          && !(cell instanceof BigDecimal) && !(cell instanceof ShownPath)) {
        throw new IllegalArgumentException(name + ": unsupported cell type " + cell.getClass().getName());
      }
    }
    return r;
  }

  /**
   * @param cells a row's cells, taken (not copied): the caller hands the array over
   * @return them as an unmodifiable row, one object: a large table's rows, made as they are written, were each an
   *     {@link java.util.Arrays#asList} and an unmodifiable view of it
   */
  static List<Object> cells(Object[] cells) {
    return new Cells(cells);
  }

  /* A row over an array no one else holds: read-only (AbstractList's set throws), random access. */
  private static final class Cells extends java.util.AbstractList<Object> implements java.util.RandomAccess {
    private final Object[] cells;

    Cells(Object[] cells) {
      this.cells = cells;
    }

    @Override
    public Object get(int i) {
      return cells[i];
    }

    @Override
    public int size() {
      return cells.length;
    }
  }

  /** @return the number as written in CSV and JSON, or null for a null cell; fails on text */
  static String number(Object cell) {
    if (cell == null) {
      return null;
    }
    if (cell instanceof Double d) {
      return Numbers.format(d);
    }
    if (cell instanceof Long l) {
      return Long.toString(l);
    }
    if (cell instanceof BigDecimal b) {
      BigDecimal s = b.stripTrailingZeros();
      return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
    throw new IllegalArgumentException("not a number: " + cell);
  }
}
