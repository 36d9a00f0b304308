package io.tributary.core.clv;

import io.tributary.core.input.Durations;
import io.tributary.core.options.OptionDef;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lifetime-value options, defined once as {@link OptionDef}s (name, label, default, help, reader) from which the
 * engines generate theirs, as they do from {@link io.tributary.core.options.ModelOptionSpec}. Names and defaults are
 * {@link ClvOptions}' constants.
 */
public final class ClvOptionSpec {
  /** The value of {@link #CALIBRATION_END} that stands for "the day of the log's last purchase". */
  public static final String LAST_PURCHASE = "last";

  /** The calibration window's last day; {@code last} (the default) for the day of the log's last purchase. */
  public static final OptionDef<LocalDate> CALIBRATION_END = new OptionDef<>(
      ClvOptions.CALIBRATION_END_OPTION.substring(2), "DATE", LAST_PURCHASE,
      "Last day of the lifetime-value calibration window (ISO date, inclusive; later purchases are not used), or "
          + LAST_PURCHASE + " for the day of the log's last purchase", ClvOptionSpec::date,
      d -> d == null ? LAST_PURCHASE : d.toString());

  /** The time unit of t_x, T and α. */
  public static final OptionDef<ClvTimeUnit> TIME_UNIT = new OptionDef<>(ClvOptions.TIME_UNIT_OPTION.substring(2),
      "day|week", ClvOptions.DEFAULT_TIME_UNIT, "Unit of recency, age and the BG/NBD alpha: day or week",
      ClvTimeUnit::parse, ClvTimeUnit::label);

  /** How far ahead lifetime value counts. */
  public static final OptionDef<Duration> HORIZON = new OptionDef<>(ClvOptions.HORIZON_OPTION.substring(2),
      "DURATION", ClvOptions.DEFAULT_HORIZON, "How far ahead lifetime value counts, a finite duration such as 365d",
      ClvOptionSpec::horizon,
      d -> d.toMillis() % 86_400_000L == 0 ? d.toDays() + "d" : d.toString());

  /** The annual discount rate. */
  public static final OptionDef<Double> DISCOUNT_RATE = new OptionDef<>(ClvOptions.DISCOUNT_RATE_OPTION.substring(2),
      "RATE", ClvOptions.DEFAULT_DISCOUNT_RATE, "Annual discount rate of lifetime value, 0 or more (0.10 = 10% a year)",
      ClvOptionSpec::rate);

  /** Every lifetime-value option, in help order. */
  public static final List<OptionDef<?>> ALL = List.of(CALIBRATION_END, TIME_UNIT, HORIZON, DISCOUNT_RATE);

  private ClvOptionSpec() {}

  /**
   * @param given option name (without dashes) → value as given; absent names take their defaults
   * @return the options
   * @throws io.tributary.core.TributaryException bad input, one line {@code --NAME: reason}, for a bad value
   */
  public static ClvOptions options(Map<String, String> given) {
    return new ClvOptions(value(CALIBRATION_END, given), value(TIME_UNIT, given), value(HORIZON, given),
        value(DISCOUNT_RATE, given));
  }

  private static <T> T value(OptionDef<T> def, Map<String, String> given) {
    String text = given.get(def.name());
    return text == null ? def.defaultValue() : def.parse(text);
  }

  private static LocalDate date(String text) {
    String s = text.strip();
    if (s.toLowerCase(Locale.ROOT).equals(LAST_PURCHASE)) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected an ISO date such as 2024-03-01 or " + LAST_PURCHASE + ", got \""
          + text + "\"");
    }
  }

  private static Duration horizon(String text) {
    Duration d = Durations.parse(text);
    if (d.isZero() || d.equals(Durations.UNLIMITED)) {
      throw new IllegalArgumentException("expected a finite duration > 0 such as 365d, got \"" + text + "\"");
    }
    return d;
  }

  private static double rate(String text) {
    double r;
    try {
      r = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      r = Double.NaN;
    }
    if (!(r >= 0) || Double.isInfinite(r)) {
      throw new IllegalArgumentException("expected a number >= 0 such as 0.10 (10% a year), got \"" + text + "\"");
    }
    return r;
  }
}
