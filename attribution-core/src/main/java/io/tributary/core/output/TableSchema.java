package io.tributary.core.output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One output table, defined once for every engine: its name, its columns in order (after the {@code run_date}
 * partition column, which {@link #RUN_DATE} defines for all tables), what a row is read from, and the order of its
 * rows. Engines derive their layouts from it (the CLI's CSV/JSON/Parquet headers, the Spark job's {@code StructType})
 * and read cells through {@link #cells}; none names a column itself.
 *
 * @param name the table's name, e.g. {@code channel_credit}
 * @param rowOrder the order the rows are written in, for the docs
 * @param columns the columns after {@code run_date}, in order
 * @param <R> the row type the cells are read from
 */
public record TableSchema<R>(String name, String rowOrder, List<Column<R>> columns) {
  /** The partition column leading every table: the date the run reports for. */
  public static final String RUN_DATE = "run_date";

  public TableSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rowOrder, "rowOrder");
    columns = List.copyOf(columns);
    List<String> seen = new ArrayList<>();
    for (Column<R> c : columns) {
      if (c.name().equals(RUN_DATE) || seen.contains(c.name())) {
        throw new IllegalArgumentException(name + ": column " + c.name() + " given twice");
      }
      seen.add(c.name());
    }
  }

  /** @return a builder of the table {@code name} whose rows are listed in {@code rowOrder} */
  public static <R> Builder<R> named(String name, String rowOrder) {
    return new Builder<>(name, rowOrder);
  }

  /** @return the column names after {@code run_date}, in order */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column<R> c : columns) {
      names.add(c.name());
    }
    return Collections.unmodifiableList(names);
  }

  /** @return the column {@code name}, or null when the table has none of that name */
  public Column<R> column(String name) {
    for (Column<R> c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /**
   * @param rows the rows of one output
   * @param tableEngine true for the Spark job, false for the CLI's files (see {@link Column#omittedWhenUnset})
   * @return the columns that output carries: all but those left out because no row has a value in them
   */
  public List<Column<R>> columnsFor(List<R> rows, boolean tableEngine) {
    List<Column<R>> kept = new ArrayList<>(columns.size());
    for (Column<R> c : columns) {
      if (!c.omittedWhenUnset(tableEngine) || anySet(c, rows)) {
        kept.add(c);
      }
    }
    return Collections.unmodifiableList(kept);
  }

  private static <R> boolean anySet(Column<R> c, List<R> rows) {
    for (R r : rows) {
      if (c.cell(r) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param runDate the run date to lead the row with, or null for none
   * @param row the row
   * @return the row's cells in column order, {@code run_date} first when given
   */
  public Object[] cells(LocalDate runDate, R row) {
    int lead = runDate == null ? 0 : 1;
    Object[] cells = new Object[columns.size() + lead];
    if (runDate != null) {
      cells[0] = runDate;
    }
    for (int i = 0; i < columns.size(); i++) {
      cells[lead + i] = columns.get(i).cell(row);
    }
    return cells;
  }

  /** Collects the columns of a table in order. */
  public static final class Builder<R> {
    private final String name;
    private final String rowOrder;
    private final List<Column<R>> columns = new ArrayList<>();

    private Builder(String name, String rowOrder) {
      this.name = name;
      this.rowOrder = rowOrder;
    }

    /** Adds a column that never holds null. */
    public Builder<R> required(String column, ColumnType type, Function<R, Object> value) {
      columns.add(new Column<>(column, type, false, Presence.ALWAYS, value));
      return this;
    }

    /** Adds a column that may hold null. */
    public Builder<R> nullable(String column, ColumnType type, Function<R, Object> value) {
      columns.add(new Column<>(column, type, true, Presence.ALWAYS, value));
      return this;
    }

    /** Adds a nullable column that outputs may leave out when no row has a value (see {@link Presence}). */
    public Builder<R> nullable(String column, ColumnType type, Presence presence, Function<R, Object> value) {
      columns.add(new Column<>(column, type, true, presence, value));
      return this;
    }

    /** Adds a column made elsewhere (a per-run schema copying a fixed one's columns). */
    public Builder<R> column(Column<R> column) {
      columns.add(column);
      return this;
    }

    /** @return the table */
    public TableSchema<R> build() {
      return new TableSchema<>(name, rowOrder, columns);
    }
  }
}
