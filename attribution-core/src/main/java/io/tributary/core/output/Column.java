package io.tributary.core.output;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of an output table: its name, type, whether it may hold null, and how a row's cell is read.
 *
 * @param name snake_case, as every engine writes it
 * @param type the stored type
 * @param nullable whether a cell may be null ("not defined": an empty CSV cell, JSON null, SQL NULL)
 * @param presence when an engine writes the column
 * @param value reads the cell from a row; returns null only when {@code nullable}
 * @param <R> the row type
 */
public record Column<R>(
    String name, ColumnType type, boolean nullable, Presence presence, Function<R, Object> value) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(value, "value");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column name must be snake_case, got \"" + name + "\"");
    }
    if (presence != Presence.ALWAYS && !nullable) {
      throw new IllegalArgumentException("column " + name + ": a column left out when unset must be nullable");
    }
  }

  /**
   * @param tableEngine true for an engine that keeps tables (the Spark job), false for one that writes files
   * @return whether the engine leaves this column out when no row of the table has a value in it
   */
  public boolean omittedWhenUnset(boolean tableEngine) {
    return presence == Presence.WHEN_SET || (presence == Presence.WHEN_SET_IN_FILES && !tableEngine);
  }

  /** @return the cell of {@code row} in this column */
  public Object cell(R row) {
    return value.apply(row);
  }
}
