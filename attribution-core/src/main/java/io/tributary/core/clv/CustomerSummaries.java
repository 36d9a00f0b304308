package io.tributary.core.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The summaries of a purchase log, by customer id (sorted), and what the calibration window left out.
 *
 * @param byCustomer each calibration customer's summary, in customer id order
 * @param calibrationEnd the calibration end day used (the given one, or the log's last purchase day)
 * @param acquiredAfterEnd customers whose first purchase is after the calibration end: not summarised
 */
public record CustomerSummaries(SortedMap<String, CustomerSummary> byCustomer, LocalDate calibrationEnd,
    int acquiredAfterEnd) {
  public CustomerSummaries {
    byCustomer = Collections.unmodifiableSortedMap(new TreeMap<>(byCustomer));
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
  }

  /**
   * Summarises a purchase log by {@link PurchaseHistory}'s rules.
   *
   * @param purchases the log, in any order
   * @param options the calibration end (null: the last purchase's day) and the time unit
   * @return the summaries
   * @throws ClvException when the log is empty
   */
  public static CustomerSummaries fromPurchases(Collection<Purchase> purchases, ClvOptions options) {
    Map<String, List<Purchase>> byCustomer = new TreeMap<>();
    LocalDate last = null;
    for (Purchase p : purchases) {
      byCustomer.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(p);
      last = last == null || p.date().isAfter(last) ? p.date() : last;
    }
    if (last == null) {
      throw new ClvException("no purchase in the log: nothing to fit");
    }
    LocalDate end = options.calibrationEnd() == null ? last : options.calibrationEnd();
    PurchaseHistory history = new PurchaseHistory();
    SortedMap<String, CustomerSummary> out = new TreeMap<>();
    int after = 0;
    for (Map.Entry<String, List<Purchase>> e : byCustomer.entrySet()) {
      history.clear();
      for (Purchase p : e.getValue()) {
        history.add(p.date(), p.value());
      }
      CustomerSummary s = history.summary(end.toEpochDay(), options.timeUnit());
      if (s == null) {
        after++;
      } else {
        out.put(e.getKey(), s);
      }
    }
    return new CustomerSummaries(out, end, after);
  }

  /** @return the summaries in customer id order */
  public List<CustomerSummary> summaries() {
    return List.copyOf(byCustomer.values());
  }
}
