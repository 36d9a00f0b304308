package io.tributary.core.journey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one customer's events into journeys by SPEC's rules. This is the only implementation of those rules: every
 * engine calls it per customer.
 *
 * <p>Thread-safe and stateless apart from its options.
 */
public final class JourneyBuilder {
  /*
   * Rules, in the order they are applied:
   *  1. Every event splits into a touch part and/or a conversion part. Parts are ordered by timestamp, then touch
   *     parts before conversion parts, then channel name, then order id, then value: a total order, so input order
   *     never matters.
   *  2. A conversion part whose non-empty order id was already seen for this customer is dropped as a duplicate (the
   *     touch part of the same row stays a touch). Counted, so the run can report it.
   *  3. A conversion closes the journey made of the pending touches no older than the lookback before it. Pending
   *     touches older than that form one non-converting journey of their own. No touch in the window: a touchless
   *     conversion, credited to (unattributed).
   *  4. Touches left after the last conversion form one non-converting journey.
   */

  /** The ordering of rule 1, written out by hand: it runs once per event on the hot path. */
  static final Comparator<Part> PART_ORDER = JourneyBuilder::compareParts;

  private static int compareParts(Part a, Part b) {
    int c = Long.compare(a.timestamp, b.timestamp);
    if (c != 0) {
      return c;
    }
    c = Boolean.compare(a.conversion, b.conversion);
    if (c != 0) {
      return c;
    }
    c = compareNullsFirst(a.channel, b.channel);
    if (c != 0) {
      return c;
    }
    c = compareNullsFirst(a.orderId, b.orderId);
    return c != 0 ? c : a.value.compareTo(b.value);
  }

  private static int compareNullsFirst(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  private final long lookbackMillis;

  /** @param options the lookback window */
  public JourneyBuilder(JourneyOptions options) {
    this.lookbackMillis = Objects.requireNonNull(options, "options").lookback().toMillis();
  }

  /**
   * Builds the journeys of one customer.
   *
   * @param events every event of one customer, in any order
   * @return the journeys in time order, and how many duplicate conversions were dropped
   */
  public CustomerJourneys build(List<Event> events) {
    List<Part> parts = new ArrayList<>(events.size() + 4);
    for (Event e : events) {
      if (e.touch()) {
        parts.add(new Part(e.timestamp(), false, e.channel(), null, BigDecimal.ZERO));
      }
      if (e.conversion()) {
        parts.add(new Part(e.timestamp(), true, e.channel(), emptyToNull(e.orderId()), e.value()));
      }
    }
    parts.sort(PART_ORDER);

    List<Journey> journeys = new ArrayList<>();
    List<Touch> pending = new ArrayList<>();
    Set<String> orders = new HashSet<>();
    int duplicates = 0;
    for (Part p : parts) {
      if (!p.conversion) {
        pending.add(new Touch(p.channel, p.timestamp));
        continue;
      }
      if (p.orderId != null && !orders.add(p.orderId)) {
        duplicates++;
        continue;
      }
      int firstInWindow = 0;
      while (firstInWindow < pending.size()
          && p.timestamp - pending.get(firstInWindow).timestamp() > lookbackMillis) {
        firstInWindow++;
      }
      if (firstInWindow > 0) {
        List<Touch> old = pending.subList(0, firstInWindow);
        journeys.add(new Journey(old, false, BigDecimal.ZERO, old.get(old.size() - 1).timestamp()));
      }
      journeys.add(new Journey(pending.subList(firstInWindow, pending.size()), true, p.value, p.timestamp));
      pending.clear();
    }
    if (!pending.isEmpty()) {
      journeys.add(new Journey(pending, false, BigDecimal.ZERO, pending.get(pending.size() - 1).timestamp()));
    }
    return new CustomerJourneys(journeys, duplicates);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A touch or conversion half of an event. */
  record Part(long timestamp, boolean conversion, String channel, String orderId, BigDecimal value) {}
}
