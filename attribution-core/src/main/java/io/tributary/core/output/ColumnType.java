package io.tributary.core.output;

/**
 * The type of an output column, as every engine stores it: text, a whole number (64-bit), a decimal number (double),
 * a date or an instant. An engine maps each to its own type (Spark: {@code StringType}, {@code LongType},
 * {@code DoubleType}, {@code DateType}, {@code TimestampType}).
 */
public enum ColumnType {
  /** Text; a cell is a {@link String}, or a {@link io.tributary.core.metrics.ShownPath} (its {@code toString()}). */
  TEXT,
  /** A whole number; a cell is a {@link Long}. */
  LONG,
  /** A decimal number; a cell is a {@link Double}, or a {@link java.math.BigDecimal} where the sum is exact. */
  DOUBLE,
  /** A calendar date; a cell is a {@link java.time.LocalDate}. */
  DATE,
  /** An instant; a cell is a {@link java.time.Instant}. */
  TIMESTAMP
}
