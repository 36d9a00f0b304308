package io.tributary.core.clv;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The lifetime-value options, their names on the command line and their defaults: defined here once for every engine.
 *
 * @param calibrationEnd the last day of the calibration window (inclusive), or null for the day of the log's last
 *     purchase; purchases after it are not used
 * @param timeUnit the unit of t_x, T and α
 * @param horizon how far ahead the lifetime value counts, {@code > 0}
 * @param discountRate the annual discount rate, {@code >= 0} and finite (0.10 = 10 % a year)
 */
public record ClvOptions(LocalDate calibrationEnd, ClvTimeUnit timeUnit, Duration horizon, double discountRate) {
  /** Option naming the calibration end date (ISO {@code YYYY-MM-DD}). */
  public static final String CALIBRATION_END_OPTION = "--calibration-end";
  /** Option naming the time unit ({@code day} or {@code week}). */
  public static final String TIME_UNIT_OPTION = "--time-unit";
  /** Option naming the horizon ({@code 365d}). */
  public static final String HORIZON_OPTION = "--clv-horizon";
  /** Option naming the annual discount rate ({@code 0.10}). */
  public static final String DISCOUNT_RATE_OPTION = "--discount-rate";

  /** Default time unit, as text: weeks, the unit of the published fits. */
  public static final String DEFAULT_TIME_UNIT = "week";
  /** Default horizon, as text: one year. */
  public static final String DEFAULT_HORIZON = "365d";
  /** Default annual discount rate, as text. */
  public static final String DEFAULT_DISCOUNT_RATE = "0.10";

  public ClvOptions {
    Objects.requireNonNull(timeUnit, "timeUnit");
    Objects.requireNonNull(horizon, "horizon");
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("CLV horizon must be > 0, got " + horizon);
    }
    if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
      throw new IllegalArgumentException("discount rate must be a finite number >= 0 (0.10 = 10 % a year), got "
          + discountRate);
    }
  }

  /** @return the defaults: calibration to the last purchase, weeks, 365 days, 10 % a year */
  public static ClvOptions defaults() {
    return new ClvOptions(null, ClvTimeUnit.parse(DEFAULT_TIME_UNIT), Duration.ofDays(365),
        Double.parseDouble(DEFAULT_DISCOUNT_RATE));
  }

  /** @return the horizon in days (fractional when it is not whole days) */
  public double horizonDays() {
    return horizon.toMillis() / 86_400_000.0;
  }

  /** @return a copy with the given calibration end (null: the last purchase's day) */
  public ClvOptions withCalibrationEnd(LocalDate end) {
    return new ClvOptions(end, timeUnit, horizon, discountRate);
  }

  /** @return a copy with the given time unit */
  public ClvOptions withTimeUnit(ClvTimeUnit unit) {
    return new ClvOptions(calibrationEnd, unit, horizon, discountRate);
  }

  /** @return a copy with the given horizon */
  public ClvOptions withHorizon(Duration h) {
    return new ClvOptions(calibrationEnd, timeUnit, h, discountRate);
  }

  /** @return a copy with the given annual discount rate */
  public ClvOptions withDiscountRate(double rate) {
    return new ClvOptions(calibrationEnd, timeUnit, horizon, rate);
  }
}
