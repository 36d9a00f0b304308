package io.tributary.core.window;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A range of calendar dates in one zone, both ends included: the dates a run must read or report. Its instants are
 * the zone's start of {@code first} (included) to the start of the day after {@code last} (excluded), so a day of a
 * daylight-saving change has its 23 or 25 hours.
 *
 * @param first the first date, inclusive
 * @param last the last date, inclusive, not before {@code first}
 * @param zone the zone the dates are in
 */
public record DateRange(LocalDate first, LocalDate last, ZoneId zone) implements Serializable {
  public DateRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(zone, "zone");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("date range ends (" + last + ") before it starts (" + first + ")");
    }
  }

  /** @return the first instant of the range: the start of {@code first} in {@code zone} */
  public Instant startInclusive() {
    return first.atStartOfDay(zone).toInstant();
  }

  /** @return the first instant after the range: the start of the day after {@code last} in {@code zone} */
  public Instant endExclusive() {
    return last.plusDays(1).atStartOfDay(zone).toInstant();
  }

  @Override
  public String toString() {
    return first + ".." + last + " (" + zone + ")";
  }
}
