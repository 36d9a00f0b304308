package io.tributary.cli.options;

import io.tributary.core.clv.ClvOptions;
import io.tributary.core.clv.ClvTimeUnit;
import io.tributary.core.input.Durations;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * The lifetime-value options. Names and defaults are the core's ({@link ClvOptions}); this class only adapts them
 * to picocli.
 */
public final class ClvFlags {
  @Option(names = ClvOptions.CALIBRATION_END_OPTION, paramLabel = "DATE", converter = Converters.DateConverter.class,
      description = "Last day of the calibration window (ISO date, inclusive); later purchases are not used "
          + "(default: the day of the log's last purchase).")
  LocalDate calibrationEnd;

  @Option(names = ClvOptions.TIME_UNIT_OPTION, paramLabel = "day|week", defaultValue = ClvOptions.DEFAULT_TIME_UNIT,
      description = "Unit of recency, age and the BG/NBD alpha (default: ${DEFAULT-VALUE}).")
  String timeUnit;

  @Option(names = ClvOptions.HORIZON_OPTION, paramLabel = "DURATION", defaultValue = ClvOptions.DEFAULT_HORIZON,
      description = "How far ahead lifetime value counts (default: ${DEFAULT-VALUE}).")
  String horizon;

  @Option(names = ClvOptions.DISCOUNT_RATE_OPTION, paramLabel = "RATE",
      defaultValue = ClvOptions.DEFAULT_DISCOUNT_RATE,
      description = "Annual discount rate of lifetime value, e.g. 0.10 for 10 %% a year (default: ${DEFAULT-VALUE}).")
  String discountRate;

  /**
   * @return the options
   * @throws IllegalArgumentException naming the option for a bad value
   */
  public ClvOptions options() {
    ClvTimeUnit unit;
    try {
      unit = ClvTimeUnit.parse(timeUnit);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ClvOptions.TIME_UNIT_OPTION + ": expected day or week, got \"" + timeUnit
          + "\"");
    }
    java.time.Duration h;
    try {
      h = Durations.parse(horizon);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ClvOptions.HORIZON_OPTION + ": " + e.getMessage());
    }
    if (h.isZero() || h.equals(Durations.UNLIMITED)) {
      throw new IllegalArgumentException(ClvOptions.HORIZON_OPTION + ": expected a finite duration > 0 such as 365d, "
          + "got \"" + horizon + "\"");
    }
    double rate;
    try {
      rate = Double.parseDouble(discountRate.strip());
    } catch (NumberFormatException e) {
      rate = Double.NaN;
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(ClvOptions.DISCOUNT_RATE_OPTION + ": expected a number >= 0 such as 0.10 "
          + "(10 % a year), got \"" + discountRate + "\"");
    }
    return new ClvOptions(calibrationEnd, unit, h, rate);
  }
}
