package io.tributary.core.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The events a windowed run needs, as whole dates in the run's zone: from the date of (first date journeys are kept
 * for, at its start, minus the lookback) to the last report date. An engine may read exactly these dates (partition
 * pruning) or filter any input to {@link #start()}..{@link #end()}; events outside never change the result (see
 * {@link DatedFold}), so reading a few more is harmless and reading fewer is wrong.
 *
 * @param first the first date whose events are read
 * @param last the last date whose events are read
 * @param zone the run's zone ({@code --timezone}), in which the dates are taken
 */
public record ReadRange(LocalDate first, LocalDate last, ZoneId zone) {
  public ReadRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(zone, "zone");
    if (first.isAfter(last)) {
      throw new IllegalArgumentException("read range " + first + " is after " + last);
    }
  }

  /** @return the first instant read (inclusive): the start of {@link #first} in {@link #zone} */
  public Instant start() {
    return first.atStartOfDay(zone).toInstant();
  }

  /** @return the first instant no longer read (exclusive): the start of the day after {@link #last} */
  public Instant end() {
    return last.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** @return whether an event at {@code epochMillis} is read */
  public boolean contains(long epochMillis) {
    return epochMillis >= start().toEpochMilli() && epochMillis < end().toEpochMilli();
  }

  @Override
  public String toString() {
    return first + ".." + last + " (" + zone + ")";
  }
}
