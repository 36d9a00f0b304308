package io.tributary.core.options;

import io.tributary.core.input.Durations;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The report-window options, defined once for both engines: which dates a run credits ({@code --run-date}, or
 * {@code --from}/{@code --to}), whether it credits a window or the whole input ({@code --conversions}) and how many days
 * of journeys the data-driven models are fitted on ({@code --fit-window}). {@link io.tributary.core.window.RunWindow}
 * reads them and checks them together.
 */
public final class WindowOptionSpec {
  /** One report date. */
  public static final OptionDef<LocalDate> RUN_DATE = new OptionDef<>("run-date", "DATE", "none",
      "Report date (ISO, in --timezone): credit the conversions of this date and write its run_date partition",
      ValueReaders.optionalDate(), ValueReaders::showDate);

  /** First date of a report range. */
  public static final OptionDef<LocalDate> FROM = new OptionDef<>("from", "DATE", "none",
      "First report date of a range (with --to): one run credits every date from --from to --to, one run_date each",
      ValueReaders.optionalDate(), ValueReaders::showDate);

  /** Last date of a report range. */
  public static final OptionDef<LocalDate> TO = new OptionDef<>("to", "DATE", "none",
      "Last report date of a range (with --from), inclusive", ValueReaders.optionalDate(),
      ValueReaders::showDate);

  /** Window or whole input. */
  public static final OptionDef<String> CONVERSIONS = new OptionDef<>("conversions", "auto|window|all", "auto",
      "Which conversions a run credits: window (those dated in the report dates), all (every conversion of the input; "
          + "--run-date then only names the output's run_date), auto (window when a report date is given, else all)",
      WindowOptionSpec::conversions);

  /** Days of journeys the data-driven models are fitted on. */
  public static final OptionDef<Integer> FIT_WINDOW = new OptionDef<>("fit-window", "DAYS", "1d",
      "markov, shapley and shapley_cumulative are fitted on the journeys of this many days ending at each report date "
          + "(e.g. 90d) and split that date's totals by their fitted shares; 1d fits each date on its own journeys",
      WindowOptionSpec::days, d -> d + "d");

  /** Every option, in the order help lists them. */
  public static final List<OptionDef<?>> ALL = List.of(RUN_DATE, FROM, TO, CONVERSIONS, FIT_WINDOW);

  /** The longest fitting window, in days (a century; a typo of a longer one is caught). */
  public static final int MAX_FIT_DAYS = 36_500;

  private WindowOptionSpec() {}

  /** @return the option named {@code name} (long name without dashes), or null */
  public static OptionDef<?> named(String name) {
    return OptionDef.named(ALL, name);
  }

  private static String conversions(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("auto") || s.equals("window") || s.equals("all")) {
      return s;
    }
    throw new IllegalArgumentException("expected auto, window or all, got \"" + text + "\"");
  }

  private static Integer days(String text) {
    String bad = "expected whole days from 1d to " + MAX_FIT_DAYS + "d, e.g. 90d, got \"" + text + "\"";
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(bad);
    }
    if (d.isZero() || d.toMillis() % 86_400_000L != 0 || d.toDays() > MAX_FIT_DAYS) {
      throw new IllegalArgumentException(bad);
    }
    return (int) d.toDays();
  }
}
