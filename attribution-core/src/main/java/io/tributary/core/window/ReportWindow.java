package io.tributary.core.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The dates a run reports: every date from {@code first} to {@code last}, inclusive, each credited on its own (one
 * {@code run_date} each). A conversion belongs to the date of its timestamp in the run's zone; a non-converting journey
 * to the date of its last touch.
 *
 * @param first the first report date
 * @param last the last report date, not before {@code first}
 */
public record ReportWindow(LocalDate first, LocalDate last) implements java.io.Serializable {
  public ReportWindow {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (first.isAfter(last)) {
      throw new IllegalArgumentException("--from " + first + " is after --to " + last);
    }
  }

  /** @return the window of one date */
  public static ReportWindow day(LocalDate date) {
    return new ReportWindow(date, date);
  }

  /** @return the report dates, in order */
  public List<LocalDate> dates() {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }

  /** @return the number of report dates */
  public int days() {
    return (int) (last.toEpochDay() - first.toEpochDay() + 1);
  }

  /** @return whether {@code date} is a report date */
  public boolean contains(LocalDate date) {
    return !date.isBefore(first) && !date.isAfter(last);
  }

  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + ".." + last;
  }
}
