package io.tributary.core.window;

import io.tributary.core.Errors;
import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.OptionDef;
import io.tributary.core.options.WindowOptionSpec;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What a run credits, read from {@link WindowOptionSpec}: a {@link ReportWindow} of report dates, or (no window) every
 * conversion of the input under an optional label date; and the fitting window of the data-driven models.
 *
 * <p>Each report date D is credited as a run of that date alone would credit it: its journeys are cut from the
 * customer's events in [start of D − lookback, end of D) and are those that end on D (see {@link DatedFold}); the
 * data-driven models are fitted on the journeys of the {@code fitDays} dates ending at D. So a range run's dates equal
 * one-date runs of the same dates, whatever the range.
 *
 * @param report the report dates, or null to credit every conversion of the input
 * @param label the run date naming the output when {@code report} is null (may be null: no run_date); the last report
 *     date otherwise
 * @param fitDays the fitting window in days, at least 1
 */
public record RunWindow(ReportWindow report, LocalDate label, int fitDays) implements Serializable {
  private static final long serialVersionUID = 1L;

  public RunWindow {
    if (fitDays < 1) {
      throw new IllegalArgumentException("fitDays must be >= 1, got " + fitDays);
    }
    if (report != null) {
      label = report.last();
    }
  }

  /** @return a run over the whole input, labelled {@code label} (may be null) */
  public static RunWindow wholeInput(LocalDate label) {
    return new RunWindow(null, label, 1);
  }

  /** @return a run of report dates {@code first} to {@code last}, fitted on {@code fitDays} days */
  public static RunWindow dates(LocalDate first, LocalDate last, int fitDays) {
    return new RunWindow(new ReportWindow(first, last), last, fitDays);
  }

  /**
   * Reads and checks the window options together.
   *
   * @param given option name (long name without dashes) → value as given; absent or null means not given
   * @return the window
   * @throws io.tributary.core.TributaryException bad input, one line, naming the option
   */
  public static RunWindow of(Map<String, String> given) {
    LocalDate runDate = value(given, WindowOptionSpec.RUN_DATE);
    LocalDate from = value(given, WindowOptionSpec.FROM);
    LocalDate to = value(given, WindowOptionSpec.TO);
    String conversions = value(given, WindowOptionSpec.CONVERSIONS);
    Integer fit = value(given, WindowOptionSpec.FIT_WINDOW);
    if ((from == null) != (to == null)) {
      throw Errors.badOption(from == null ? "to" : "from", "--from and --to go together (the first and last report "
          + "date)");
    }
    if (runDate != null && from != null) {
      throw Errors.badOption("run-date", "give --run-date (one report date) or --from/--to (a range), not both");
    }
    if (from != null && from.isAfter(to)) {
      throw Errors.badOption("from", from + " is after --to " + to);
    }
    boolean dated = runDate != null || from != null;
    boolean window = conversions.equals("window") || (conversions.equals("auto") && dated);
    if (!window) {
      if (from != null) {
        throw Errors.badOption("conversions", "all credits the whole input in one report: it takes --run-date as its "
            + "label, not --from/--to");
      }
      if (given.get(WindowOptionSpec.FIT_WINDOW.name()) != null) {
        throw Errors.badOption("fit-window", "needs report dates (--run-date or --from/--to); a whole-input run fits "
            + "every journey");
      }
      return wholeInput(runDate);
    }
    if (!dated) {
      throw Errors.badOption("conversions", "window needs report dates: --run-date or --from/--to");
    }
    return from != null ? dates(from, to, fit) : dates(runDate, runDate, fit);
  }

  private static <T> T value(Map<String, String> given, OptionDef<T> def) {
    return def.valueIn(given);
  }

  /** @return whether the run credits report dates (else the whole input) */
  public boolean windowed() {
    return report != null;
  }

  /**
   * The one rule of both engines: report dates are dates of events, so a windowed run needs an event log.
   *
   * @param eventLog whether the main input is an event log rather than a path file
   * @throws IllegalArgumentException for a windowed run on a path file
   */
  public void requireEventLog(boolean eventLog) {
    if (windowed() && !eventLog) {
      throw new IllegalArgumentException("report dates need an event log ("
          + InputOptionSpec.EVENTS.flag() + "): a path file has no dates; use "
          + WindowOptionSpec.CONVERSIONS.flag() + " all");
    }
  }

  /** @return the first date of the fitting window of report date {@code date} */
  public LocalDate fitFirst(LocalDate date) {
    return date.minusDays(fitDays - 1L);
  }

  /** @return the first date whose journeys the run needs: the fitting window's start of the first report date */
  public LocalDate firstNeeded() {
    return fitFirst(requireWindow().first());
  }

  /**
   * @param lookback the journey lookback
   * @param zone the run's zone
   * @return the dates of events the run reads: from the date of (start of {@link #firstNeeded()} − lookback) to the
   *     last report date. An engine may read exactly these dates (partition pruning) or filter any input to their
   *     instants; events outside never change the result ({@link DatedFold}), so reading more is harmless.
   */
  public DateRange readRange(Duration lookback, ZoneId zone) {
    Objects.requireNonNull(lookback, "lookback");
    LocalDate first = firstNeeded().atStartOfDay(zone).minus(lookback).toLocalDate();
    return new DateRange(first, requireWindow().last(), zone);
  }

  private ReportWindow requireWindow() {
    if (report == null) {
      throw new IllegalStateException("a whole-input run has no report window");
    }
    return report;
  }

  @Override
  public String toString() {
    return report == null ? "all conversions" + (label == null ? "" : " (run_date " + label + ")")
        : report + (fitDays == 1 ? "" : ", fit " + fitDays + "d");
  }
}
