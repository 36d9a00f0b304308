package io.tributary.core.options;

import java.time.LocalDate;
import java.util.List;

/**
 * Which events a run reads from a date-partitioned event table, defined once for every engine: the partition column
 * and the first and last event dates to read. Kept apart from {@link ModelOptionSpec}: these choose rows, not
 * models, and an engine that reads no partitioned table (the CLI today) does not offer them.
 *
 * <p>{@code --events-from}/{@code --events-to} are the read range given by hand; once a run derives its read range
 * from its report window and lookback, that range is used instead and these narrow nothing further.
 */
public final class EventReadOptionSpec {
  /** The date column a Delta or Parquet event input is partitioned by. */
  public static final OptionDef<String> EVENT_DATE_COLUMN = new OptionDef<>("event-date-column", "COLUMN",
      "event_date", "Date column a Delta or Parquet event input is partitioned by; when the input has it, a run with "
          + "a read range reads only the partitions of those dates (one more on each side, for partitions dated in "
          + "another zone) and filters by timestamp exactly", ValueReaders.nonBlank("a column name"));

  /** The first event date a run reads. */
  public static final OptionDef<LocalDate> EVENTS_FROM = new OptionDef<>("events-from", "DATE", "none",
      "First event date read, inclusive, in --timezone; give --events-to with it", ValueReaders.optionalDate(),
      ValueReaders::showDate);

  /** The last event date a run reads. */
  public static final OptionDef<LocalDate> EVENTS_TO = new OptionDef<>("events-to", "DATE", "none",
      "Last event date read, inclusive, in --timezone; give --events-from with it", ValueReaders.optionalDate(),
      ValueReaders::showDate);

  /** Every option, in the order help lists them. */
  public static final List<OptionDef<?>> ALL = List.of(EVENT_DATE_COLUMN, EVENTS_FROM, EVENTS_TO);

  private EventReadOptionSpec() {}

  /** @return the option named {@code name} (long name without dashes), or null */
  public static OptionDef<?> named(String name) {
    return OptionDef.named(ALL, name);
  }
}
