package io.tributary.cli.output;

import io.tributary.core.output.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One output table in long format: a SPEC name, its column names and its rows. A cell is text ({@link String}), a
 * number ({@link Long}, {@link Double}, {@link BigDecimal}) or null (not defined; an empty CSV cell, JSON null).
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
    // A large table (path_summary: a million rows) is checked and copied on every core, in order.
    rows = rows.size() >= SpecTables.PARALLEL_ROWS
        ? rows.parallelStream().map(r -> checked(name, width, r)).toList()
        : rows.stream().map(r -> checked(name, width, r)).toList();
  }

  /* An unmodifiable copy of a row, checked: as wide as the table, each cell a supported type. */
  private static List<Object> checked(String name, int width, List<Object> r) {
    if (r.size() != width) {
      throw new IllegalArgumentException(name + ": row of " + r.size() + " cells, " + width + " columns");
    }
    for (Object cell : r) {
      if (cell != null && !(cell instanceof String) && !(cell instanceof Long) && !(cell instanceof Double)
          && !(cell instanceof BigDecimal)) {
        throw new IllegalArgumentException(name + ": unsupported cell type " + cell.getClass().getName());
      }
    }
    return java.util.Collections.unmodifiableList(new ArrayList<>(r));
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
