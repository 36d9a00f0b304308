package io.tributary.core.clv;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.JourneyBuilder;
import io.tributary.core.journey.JourneyOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Collects one customer's purchases and summarises them for the models. A reusable buffer: {@link #clear()} and refill
 * it per customer. Not thread-safe; one per thread.
 *
 * <p>The rules (docs/models.md, "Customer lifetime value"):
 * <ol>
 *   <li>Purchases after the calibration end day are not used.
 *   <li>Purchases on the same day are one purchase; its value is their sum.
 *   <li>The first purchase day starts the customer and is not a repeat; x counts the later purchase days.
 *   <li>t_x = whole days from the first purchase day to the last repeat purchase day, T = whole days from the first
 *       purchase day to the calibration end day, both divided by the time unit's days.
 *   <li>Repeat purchase days whose summed value is 0 count in x but not in the Gamma-Gamma count and mean.
 * </ol>
 */
public final class PurchaseHistory {
  // Purchases do not depend on the lookback: any window gives the same conversions.
  private static final JourneyBuilder CONVERSIONS = new JourneyBuilder(JourneyOptions.defaults());

  private long[] days = new long[16];
  private BigDecimal[] values = new BigDecimal[16];
  private int size;
  // Scratch for summary(): (day, index) keys of the calibration purchases, sorted.
  private long[] keys = new long[16];

  /** Empties the buffer for the next customer. */
  public void clear() {
    size = 0;
  }

  /** @return the purchases added since the last {@link #clear()} */
  public int size() {
    return size;
  }

  /**
   * Adds one purchase.
   *
   * @param epochDay the purchase's day as {@link LocalDate#toEpochDay()}
   * @param value its value, {@code >= 0}; null means 0
   * @throws IllegalArgumentException for a negative value
   */
  public void add(long epochDay, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException("negative purchase value " + value);
    }
    if (size == days.length) {
      days = Arrays.copyOf(days, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    days[size] = epochDay;
    values[size++] = value == null ? BigDecimal.ZERO : value;
  }

  /** Adds one purchase on a date; see {@link #add(long, BigDecimal)}. */
  public void add(LocalDate date, BigDecimal value) {
    add(date.toEpochDay(), value);
  }

  /**
   * Adds every conversion of one customer's events as a purchase: the conversions the journey rules keep (a repeated
   * order id is one conversion), each on its day in {@code zone}, with its value. A conversion with or without
   * touches before it is a purchase alike.
   *
   * @param events one customer's events; its scratch space is used
   * @param zone the zone whose calendar gives each purchase's day
   * @return how many conversions were dropped as order-id duplicates
   */
  public int addConversions(CustomerEvents events, ZoneId zone) {
    return CONVERSIONS.build(events, (channels, times, from, to, converted, value, endTime) -> {
      if (converted) {
        add(epochDay(endTime, zone), value);
      }
    });
  }

  /**
   * @param epochMillis an instant
   * @param zone the zone whose calendar gives the day
   * @return the instant's day in that zone, as {@link LocalDate#toEpochDay()}
   */
  public static long epochDay(long epochMillis, ZoneId zone) {
    if (zone.getRules().isFixedOffset()) {
      long offsetMillis = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
      return Math.floorDiv(epochMillis + offsetMillis, 86_400_000L);
    }
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone).toEpochDay();
  }

  /** @return the first purchase day of all added (calibration or not), as an epoch day; needs a purchase */
  public long firstDay() {
    requireAny();
    long min = days[0];
    for (int i = 1; i < size; i++) {
      min = Math.min(min, days[i]);
    }
    return min;
  }

  /** @return the last purchase day of all added (calibration or not), as an epoch day; needs a purchase */
  public long lastDay() {
    requireAny();
    long max = days[0];
    for (int i = 1; i < size; i++) {
      max = Math.max(max, days[i]);
    }
    return max;
  }

  /**
   * Summarises the purchases on or before the calibration end.
   *
   * @param calibrationEnd the last calibration day, as an epoch day
   * @param unit the time unit of t_x and T
   * @return the summary, or null when the customer's first purchase is after the calibration end (or there is none)
   */
  public CustomerSummary summary(long calibrationEnd, ClvTimeUnit unit) {
    int n = 0;
    if (keys.length < size) {
      keys = new long[Math.max(size, 2 * keys.length)];
    }
    for (int i = 0; i < size; i++) {
      if (days[i] <= calibrationEnd) {
        // Days before 1970 and far ahead stay ordered: the key's high half is the signed day, the low half the index.
        keys[n++] = (days[i] << 32) | i;
      }
    }
    if (n == 0) {
      return null;
    }
    Arrays.sort(keys, 0, n);
    long first = days[(int) keys[0]];
    int repeats = 0;
    int valued = 0;
    // Exact sums, read only by signum and doubleValue (which depend on the number, not its scale): a day's single
    // purchase and the first valued day are taken as they are, not added to a zero (a new decimal each).
    BigDecimal valuedSum = null;
    long lastRepeat = first;
    int i = 0;
    while (i < n) {
      long day = days[(int) keys[i]];
      BigDecimal dayValue = values[(int) keys[i++]];
      for (; i < n && days[(int) keys[i]] == day; i++) {
        dayValue = dayValue.add(values[(int) keys[i]]);
      }
      if (day == first) {
        continue;
      }
      repeats++;
      lastRepeat = day;
      if (dayValue.signum() > 0) {
        valued++;
        valuedSum = valuedSum == null ? dayValue : valuedSum.add(dayValue);
      }
    }
    double scale = unit.days();
    double mean = valued == 0 ? 0 : valuedSum.doubleValue() / valued;
    return new CustomerSummary(repeats, (lastRepeat - first) / scale, (calibrationEnd - first) / scale, valued, mean);
  }

  private void requireAny() {
    if (size == 0) {
      throw new IllegalStateException("no purchase added");
    }
  }
}
