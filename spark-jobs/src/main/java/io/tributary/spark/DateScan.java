package io.tributary.spark;

import io.tributary.core.window.DateRange;
import java.io.Serializable;
import java.util.Objects;

/**
 * What a read of the event log may skip: events outside {@code range}. A Delta or Parquet input partitioned by
 * {@code dateColumn} is read only in the partitions that can hold such events, and a typed timestamp column is
 * filtered in the scan (Parquet row groups and Delta files whose statistics lie outside are skipped); every event is
 * then held to the range exactly by its parsed timestamp.
 *
 * <p>The partition column is a date in a zone the table's writer chose, which need not be the run's: an event at
 * 23:30 in New York is dated the next day in UTC. So the partitions read are the range's dates widened by one day on
 * each side, which covers any zone within 24 hours of the run's (every real zone), and the exact cut is made by
 * timestamp. Two extra partitions a run cost the same at any length of history.
 *
 * @param range the dates to read, in the run's zone
 * @param dateColumn the date partition column (used when the input has it)
 * @param timestampColumn the input's name of the event timestamp column (after the column mapping)
 */
record DateScan(DateRange range, String dateColumn, String timestampColumn) implements Serializable {
  DateScan {
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(dateColumn, "dateColumn");
    Objects.requireNonNull(timestampColumn, "timestampColumn");
  }

  /** @return the first partition date read: one day before the range, for partitions dated in another zone */
  java.time.LocalDate firstPartition() {
    return range.first().minusDays(1);
  }

  /** @return the last partition date read: one day after the range */
  java.time.LocalDate lastPartition() {
    return range.last().plusDays(1);
  }

  /** @return whether an event at {@code epochMillis} lies in the range */
  boolean contains(long epochMillis) {
    return epochMillis >= range.startInclusive().toEpochMilli() && epochMillis < range.endExclusive().toEpochMilli();
  }
}
