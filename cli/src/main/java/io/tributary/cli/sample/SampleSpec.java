package io.tributary.cli.sample;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param customers number of customers, 1 to {@value #MAX_CUSTOMERS}
 * @param days length of the period in days, 1 to {@value #MAX_DAYS}; every touch falls inside it
 * @param seed the seed; the same spec always gives byte-identical files
 * @param startDate first day of the period (UTC midnight)
 * @param gzip whether {@code events.csv} is written gzip-compressed as {@code events.csv.gz}
 * @param truth whether {@code truth.csv} is computed and written
 * @param repeats whether buyers go on buying by the lifetime process ({@link LifetimeProcess}); without it every
 *     purchase is decided at a touch, the world the attribution truth describes on its own
 */
public record SampleSpec(long customers, int days, long seed, LocalDate startDate, boolean gzip, boolean truth,
    boolean repeats) {
  /** Most customers accepted: ids stay short and counters far from overflow. */
  public static final long MAX_CUSTOMERS = 1_000_000_000L;
  /** Longest period accepted (ten years); keeps the decay weights of {@link ConversionProcess} finite. */
  public static final int MAX_DAYS = 3660;

  public SampleSpec {
    Objects.requireNonNull(startDate, "startDate");
    if (customers < 1 || customers > MAX_CUSTOMERS) {
      throw new IllegalArgumentException("--customers must be 1 to " + MAX_CUSTOMERS + ", got " + customers);
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("--days must be 1 to " + MAX_DAYS + ", got " + days);
    }
    if (startDate.getYear() < 1970 || startDate.plusDays(days).getYear() > 2199) {
      throw new IllegalArgumentException("--start-date must put the period inside 1970-2199, got " + startDate);
    }
  }

  /** A spec with repeat purchases (the default). */
  public SampleSpec(long customers, int days, long seed, LocalDate startDate, boolean gzip, boolean truth) {
    this(customers, days, seed, startDate, gzip, truth, true);
  }
}
