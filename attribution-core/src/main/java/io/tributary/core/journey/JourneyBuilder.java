package io.tributary.core.journey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one customer's events into journeys by SPEC's rules. This is the only implementation of those rules: every
 * engine calls it per customer, with {@link Event} objects ({@link #build(List)}) or with primitive columns
 * ({@link #build(CustomerEvents, JourneySink)}); the first is the second plus object conversion.
 *
 * <p>Thread-safe and stateless apart from its options (the columnar entry's scratch lives in the caller's buffer).
 */
public final class JourneyBuilder {
  /*
   * Rules, in the order they are applied:
   *  1. Every event splits into a touch part and/or a conversion part. Parts are ordered by timestamp, then touch
   *     parts before conversion parts, then channel name, then order id, then value: a total order, so input order
   *     never matters (parts equal in all five keep their input order, and are then indistinguishable but for the
   *     scale of an equal value).
   *  2. A conversion part whose non-empty order id was already seen for this customer is dropped as a duplicate (the
   *     touch part of the same row stays a touch). Counted, so the run can report it.
   *  3. A conversion closes the journey made of the pending touches no older than the lookback before it. Pending
   *     touches older than that form one non-converting journey of their own. No touch in the window: a touchless
   *     conversion, credited to (unattributed).
   *  4. Touches left after the last conversion form one non-converting journey.
   *
   * A part is coded as an int, event index * 2 + (1 for the conversion part), so ordering them sorts ints: the
   * columnar entry allocates nothing for a customer without order ids.
   */

  /** Below this many parts an insertion sort beats merging (and customers rarely have more). */
  private static final int INSERTION_SORT_MAX = 24;

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
    TreeSet<String> names = new TreeSet<>();
    for (Event e : events) {
      if (e.channel() != null) {
        names.add(e.channel());
      }
    }
    List<String> dictionary = new ArrayList<>(names);
    CustomerEvents columns = new CustomerEvents(dictionary);
    for (Event e : events) {
      int channel = e.channel() == null ? CustomerEvents.NO_CHANNEL : java.util.Collections.binarySearch(dictionary,
          e.channel());
      columns.add(e.timestamp(), channel, e.touch(), e.conversion(), e.value(), e.orderId());
    }
    List<Journey> journeys = new ArrayList<>();
    int duplicates = build(columns, (channels, times, from, to, converted, value, endTime) -> {
      List<Touch> touches = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        touches.add(new Touch(dictionary.get(channels[i]), times[i]));
      }
      journeys.add(new Journey(touches, converted, value, endTime));
    });
    return new CustomerJourneys(journeys, duplicates);
  }

  /**
   * Builds the journeys of one customer held in columns and hands each to {@code sink}, in time order.
   *
   * @param events every event of one customer, in any order; its scratch space is used
   * @param sink receives each journey
   * @return how many conversions were dropped as order-id duplicates
   */
  public int build(CustomerEvents events, JourneySink sink) {
    return build(events, sink, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * Like {@link #build(CustomerEvents, JourneySink)}, counting only the duplicates whose time lies in [{@code from},
   * {@code to}): a report date's share of them (the journeys are all handed to {@code sink}; the caller keeps those of
   * its date).
   *
   * @param events every event of one customer, in any order; its scratch space is used
   * @param sink receives each journey
   * @param from first epoch ms whose duplicates are counted
   * @param to first epoch ms whose duplicates are no longer counted
   * @return how many conversions in [from, to) were dropped as order-id duplicates
   */
  public int build(CustomerEvents events, JourneySink sink, long from, long to) {
    int n = events.size;
    events.ensureScratch(2 * n);
    int[] order = events.order;
    int parts = 0;
    for (int e = 0; e < n; e++) {
      if (events.touch[e]) {
        order[parts++] = e << 1;
      }
      if (events.conversion[e]) {
        order[parts++] = (e << 1) | 1;
      }
    }
    sort(events, order, events.sortBuffer, parts);

    int[] pendingChannels = events.pendingChannels;
    long[] pendingTimes = events.pendingTimes;
    int pending = 0;
    Set<String> orders = null;
    int duplicates = 0;
    for (int k = 0; k < parts; k++) {
      int part = order[k];
      int e = part >>> 1;
      long t = events.timestamps[e];
      if ((part & 1) == 0) {
        pendingChannels[pending] = events.channels[e];
        pendingTimes[pending++] = t;
        continue;
      }
      String orderId = orderId(events, part);
      if (orderId != null) {
        if (orders == null) {
          orders = new HashSet<>();
        }
        if (!orders.add(orderId)) {
          if (t >= from && t < to) {
            duplicates++;
          }
          continue;
        }
      }
      int firstInWindow = 0;
      while (firstInWindow < pending && t - pendingTimes[firstInWindow] > lookbackMillis) {
        firstInWindow++;
      }
      if (firstInWindow > 0) {
        sink.journey(pendingChannels, pendingTimes, 0, firstInWindow, false, BigDecimal.ZERO,
            pendingTimes[firstInWindow - 1]);
      }
      sink.journey(pendingChannels, pendingTimes, firstInWindow, pending, true, events.values[e], t);
      pending = 0;
    }
    if (pending > 0) {
      sink.journey(pendingChannels, pendingTimes, 0, pending, false, BigDecimal.ZERO, pendingTimes[pending - 1]);
    }
    return duplicates;
  }

  /* The order id of a part as rule 1 compares it: none for a touch part, blank counts as none. */
  private static String orderId(CustomerEvents events, int part) {
    if ((part & 1) == 0) {
      return null;
    }
    String s = events.orderIds[part >>> 1];
    return s == null || s.isBlank() ? null : s;
  }

  /** Rule 1's order of two parts. */
  private static int compare(CustomerEvents events, int a, int b) {
    int ea = a >>> 1;
    int eb = b >>> 1;
    int c = Long.compare(events.timestamps[ea], events.timestamps[eb]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a & 1, b & 1);
    if (c != 0) {
      return c;
    }
    // Ids follow name order and NO_CHANNEL (-1) sorts first, as a null channel did.
    if ((a & 1) == 0 || events.channelRank == null) {
      c = Integer.compare(events.channels[ea], events.channels[eb]);
      if (c != 0 || (a & 1) == 0) {
        return c;
      }
    } else {
      // Conversion parts at a campaign level: by channel, not by campaign (see CustomerEvents.channelRank).
      c = Integer.compare(rank(events, ea), rank(events, eb));
      if (c != 0) {
        return c;
      }
    }
    String oa = orderId(events, a);
    String ob = orderId(events, b);
    if (oa == null || ob == null) {
      c = oa == null ? (ob == null ? 0 : -1) : 1;
    } else {
      c = oa.compareTo(ob);
    }
    return c != 0 ? c : events.values[ea].compareTo(events.values[eb]);
  }

  private static int rank(CustomerEvents events, int e) {
    int id = events.channels[e];
    return id == CustomerEvents.NO_CHANNEL ? -1 : events.channelRank[id];
  }

  /* A stable sort of parts[0, n): insertion sort when short (exports are mostly in time order already), else merge. */
  private static void sort(CustomerEvents events, int[] parts, int[] buffer, int n) {
    if (n <= INSERTION_SORT_MAX) {
      insertionSort(events, parts, 0, n);
      return;
    }
    for (int lo = 0; lo < n; lo += INSERTION_SORT_MAX) {
      insertionSort(events, parts, lo, Math.min(n, lo + INSERTION_SORT_MAX));
    }
    int[] from = parts;
    int[] to = buffer;
    for (int width = INSERTION_SORT_MAX; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(n, lo + width);
        int hi = Math.min(n, lo + 2 * width);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          // Ties take the left run first: stable.
          to[k] = j >= hi || (i < mid && compare(events, from[i], from[j]) <= 0) ? from[i++] : from[j++];
        }
      }
      int[] t = from;
      from = to;
      to = t;
    }
    if (from != parts) {
      System.arraycopy(from, 0, parts, 0, n);
    }
  }

  private static void insertionSort(CustomerEvents events, int[] parts, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int p = parts[i];
      int j = i - 1;
      while (j >= from && compare(events, parts[j], p) > 0) {
        parts[j + 1] = parts[j];
        j--;
      }
      parts[j + 1] = p;
    }
  }
}
