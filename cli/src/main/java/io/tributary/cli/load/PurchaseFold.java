package io.tributary.cli.load;

import io.tributary.core.clv.ClvException;
import io.tributary.core.clv.ClvOptions;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.clv.PurchaseHistory;
import io.tributary.core.journey.CustomerEvents;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Summarises grouped events per customer for the lifetime-value models through the core: each customer's
 * conversions become purchases ({@link PurchaseHistory#addConversions}) and then one {@link CustomerSummary}.
 */
public final class PurchaseFold {
  private PurchaseFold() {}

  /**
   * The summaries of a log.
   *
   * @param byCustomer per customer in the grouping's order: the summary, or null for a customer without a purchase
   *     in the calibration window
   * @param summaries the non-null summaries, in customer index order
   * @param calibrationEnd the calibration end used (given, or the day of the log's last purchase)
   * @param acquiredAfterEnd customers whose first purchase is after the calibration end
   * @param withoutPurchase customers with events but no conversion
   * @param duplicateConversions conversions dropped as order-id duplicates
   */
  public record Result(List<CustomerSummary> byCustomer, List<CustomerSummary> summaries, LocalDate calibrationEnd,
      int acquiredAfterEnd, int withoutPurchase, long duplicateConversions) {}

  /**
   * @param grouped events per customer
   * @param zone the zone whose calendar gives a purchase's day
   * @param options calibration end and time unit
   * @param source the input's name, for messages
   * @return the summaries
   * @throws ClvException when the log has no conversion, or none on or before the calibration end
   */
  public static Result fold(CustomerGroups grouped, ZoneId zone, ClvOptions options, String source) {
    CustomerEvents buffer = grouped.newBuffer();
    PurchaseHistory history = new PurchaseHistory();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    // Pass 1: the log's purchase days (the default calibration end, and the message when the window is empty).
    // Spilled events are merged from disk once per pass; held ones are read in place.
    try (CustomerCursor cursor = grouped.cursor()) {
      while (cursor.next(buffer)) {
        history.clear();
        history.addConversions(buffer, zone);
        if (history.size() > 0) {
          first = Math.min(first, history.firstDay());
          last = Math.max(last, history.lastDay());
        }
      }
    }
    if (last == Long.MIN_VALUE) {
      throw new ClvException(source + ": no conversion rows: a purchase log needs conversions (conversion=1 or "
          + "event_type=conversion)");
    }
    LocalDate end = options.calibrationEnd() == null ? LocalDate.ofEpochDay(last) : options.calibrationEnd();
    if (end.toEpochDay() < first) {
      throw new ClvException(source + ": no purchase on or before the calibration end " + end
          + " (purchases run from " + LocalDate.ofEpochDay(first) + " to " + LocalDate.ofEpochDay(last) + ")");
    }
    List<CustomerSummary> byCustomer = new ArrayList<>();
    List<CustomerSummary> summaries = new ArrayList<>();
    int after = 0;
    int none = 0;
    long duplicates = 0;
    try (CustomerCursor cursor = grouped.cursor()) {
      while (cursor.next(buffer)) {
        history.clear();
        duplicates += history.addConversions(buffer, zone);
        CustomerSummary s = null;
        if (history.size() == 0) {
          none++;
        } else {
          s = history.summary(end.toEpochDay(), options.timeUnit());
          if (s == null) {
            after++;
          } else {
            summaries.add(s);
          }
        }
        byCustomer.add(s);
      }
    }
    return new Result(Collections.unmodifiableList(byCustomer), List.copyOf(summaries), end, after, none,
        duplicates);
  }
}
