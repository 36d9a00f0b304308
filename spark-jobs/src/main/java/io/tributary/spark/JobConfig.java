package io.tributary.spark;

import io.tributary.core.clv.ClvOptions;
import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.options.EventReadOptionSpec;
import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.RunOptions;
import io.tributary.core.window.DateRange;
import io.tributary.core.window.RunWindow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything one run of the job needs, as parsed from the command line or a config file.
 *
 * @param runDate the partition a whole-input run replaces; a windowed run's last report date

 * @param events the event log, or null when a path file is given instead
 * @param paths the path file, or null when an event log is given
 * @param spend spend rows, or null
 * @param identities identity map {@code alias_id,customer_id}, or null
 * @param consent opt-out list {@code customer_id}, or null
 * @param mapping column mapping and value aliases, applied to every input
 * @param timezone zone of local date-times in the event log
 * @param pathSeparator channel separator of a path file
 * @param models models and their options, as the core reads them
 * @param spendFrom first spend date counted (inclusive), or null for no lower bound
 * @param spendTo last spend date counted (inclusive), or null for no upper bound
 * @param output folder under which the tables are written
 * @param format the output format
 * @param maxRejectedShare the run fails when an input's rejected rows exceed this share of its rows, 0 to 1
 * @param eventDateColumn the date column a Delta or Parquet event input is partitioned by, used when present
 * @param eventDates the dates of events to read (in {@code timezone}), or null to read every event (a windowed run
 *     reads its window's read range when this is null, see {@link #readDates()})
 * @param lifetime the lifetime-value options when the run values its customers ({@code --clv}), or null
 * @param window the report dates and fitting window ({@code --run-date}, {@code --from/--to}, {@code --fit-window}),
 *     or a whole-input run labelled {@code runDate}
 */
public record JobConfig(
    LocalDate runDate,
    InputSpec events,
    InputSpec paths,
    InputSpec spend,
    InputSpec identities,
    InputSpec consent,
    MappingSpec mapping,
    String timezone,
    String pathSeparator,
    RunOptions models,
    LocalDate spendFrom,
    LocalDate spendTo,
    String output,
    OutputFormat format,
    double maxRejectedShare,
    String eventDateColumn,
    DateRange eventDates,
    ClvOptions lifetime,
    RunWindow window) {

  /** Default {@code --max-rejected-share}: a few bad rows are reported, a broken export stops the run. */
  public static final double DEFAULT_MAX_REJECTED_SHARE = 0.05;

  public JobConfig {
    Objects.requireNonNull(window, "window");
    if (window.windowed()) {
      runDate = window.report().last();
    }
    Objects.requireNonNull(runDate, "runDate");
    window.requireEventLog(events != null);
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(pathSeparator, "pathSeparator");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(format, "format");
    InputOptionSpec.requireOneMainInput(events != null, paths != null);
    InputOptionSpec.requireEventLog(events != null, identities != null, consent != null);
    if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
      throw new IllegalArgumentException("--max-rejected-share must be between 0 and 1, got " + maxRejectedShare);
    }
    if (spendFrom != null && spendTo != null && spendFrom.isAfter(spendTo)) {
      throw new IllegalArgumentException("--spend-from " + spendFrom + " is after --spend-to " + spendTo);
    }
    Objects.requireNonNull(eventDateColumn, "eventDateColumn");
    if (eventDates != null && !eventDates.zone().equals(ZoneId.of(timezone))) {
      throw new IllegalArgumentException("the event dates' zone " + eventDates.zone() + " is not "
          + InputOptionSpec.TIMEZONE.flag() + " " + timezone);
    }
    models.segmentation().requireEventLog(events != null);
    if (lifetime != null) {
      ChannelLifetimeValue.requireWholeEventLog(events != null, window.windowed());
    }
  }

  /** A whole-input run (every conversion of the input, in {@code runDate}'s partition), as before report windows. */
  public JobConfig(LocalDate runDate, InputSpec events, InputSpec paths, InputSpec spend, InputSpec identities,
      InputSpec consent, MappingSpec mapping, String timezone, String pathSeparator, RunOptions models,
      LocalDate spendFrom, LocalDate spendTo, String output, OutputFormat format, double maxRejectedShare,
      String eventDateColumn, DateRange eventDates, ClvOptions lifetime) {
    this(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator, models, spendFrom,
        spendTo, output, format, maxRejectedShare, eventDateColumn, eventDates, lifetime,
        RunWindow.wholeInput(runDate));
  }

  /** A config that does not value its customers. */
  public JobConfig(LocalDate runDate, InputSpec events, InputSpec paths, InputSpec spend, InputSpec identities,
      InputSpec consent, MappingSpec mapping, String timezone, String pathSeparator, RunOptions models,
      LocalDate spendFrom, LocalDate spendTo, String output, OutputFormat format, double maxRejectedShare,
      String eventDateColumn, DateRange eventDates) {
    this(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator, models, spendFrom,
        spendTo, output, format, maxRejectedShare, eventDateColumn, eventDates, null);
  }

  /** A config reading every event, with the default event date column, not valuing its customers. */
  public JobConfig(LocalDate runDate, InputSpec events, InputSpec paths, InputSpec spend, InputSpec identities,
      InputSpec consent, MappingSpec mapping, String timezone, String pathSeparator, RunOptions models,
      LocalDate spendFrom, LocalDate spendTo, String output, OutputFormat format, double maxRejectedShare) {
    this(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator, models, spendFrom,
        spendTo, output, format, maxRejectedShare, EventReadOptionSpec.EVENT_DATE_COLUMN.defaultValue(), null);
  }

  /**
   * A whole-input run (every conversion of the input, in {@code runDate}'s partition), as before report windows.
   */
  public JobConfig(LocalDate runDate, InputSpec events, InputSpec paths, InputSpec spend, InputSpec identities,
      InputSpec consent, MappingSpec mapping, String timezone, String pathSeparator, RunOptions models,
      LocalDate spendFrom, LocalDate spendTo, String output, OutputFormat format, double maxRejectedShare,
      RunWindow window) {
    this(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator, models, spendFrom,
        spendTo, output, format, maxRejectedShare, EventReadOptionSpec.EVENT_DATE_COLUMN.defaultValue(), null, null,
        window);
  }

  /** @return a config reading {@code events} with every default, writing Delta under {@code output} */
  public static JobConfig ofEvents(LocalDate runDate, String events, String output) {
    return new JobConfig(runDate, InputSpec.parse(events), null, null, null, null, MappingSpec.none(), "UTC", ">",
        RunOptions.defaults(), null, null, output, OutputFormat.DELTA, DEFAULT_MAX_REJECTED_SHARE);
  }

  /** @return this config with other spend, identity and consent inputs (each may be null) */
  public JobConfig withSideInputs(String spendIn, String identitiesIn, String consentIn) {
    return new JobConfig(runDate, events, paths, spendIn == null ? null : InputSpec.parse(spendIn),
        identitiesIn == null ? null : InputSpec.parse(identitiesIn),
        consentIn == null ? null : InputSpec.parse(consentIn), mapping, timezone, pathSeparator, models, spendFrom,
        spendTo, output, format, maxRejectedShare, eventDateColumn, eventDates, lifetime, window);
  }

  /** @return this config writing {@code f} */
  public JobConfig withFormat(OutputFormat f) {
    return new JobConfig(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator,
        models, spendFrom, spendTo, output, f, maxRejectedShare, eventDateColumn, eventDates, lifetime, window);
  }

  /** @return this config for another run date: a whole-input run stays one, a windowed one reports {@code d} */
  public JobConfig withRunDate(LocalDate d) {
    return new JobConfig(d, events, paths, spend, identities, consent, mapping, timezone, pathSeparator, models,
        spendFrom, spendTo, output, format, maxRejectedShare, eventDateColumn, eventDates, lifetime,
        window.windowed() ? RunWindow.dates(d, d, window.fitDays()) : RunWindow.wholeInput(d));
  }

  /** @return this config with other report dates (or a whole-input run) */
  public JobConfig withWindow(RunWindow w) {
    return new JobConfig(w.label() == null ? runDate : w.label(), events, paths, spend, identities, consent,
        mapping, timezone, pathSeparator, models, spendFrom, spendTo, output, format, maxRejectedShare,
        eventDateColumn, eventDates, lifetime, w);
  }

  /**
   * @param column the date column the event input is partitioned by
   * @param dates the dates of events to read, in this config's {@code timezone}; null for every event
   * @return this config reading only those events
   */
  public JobConfig withEventDates(String column, DateRange dates) {
    return new JobConfig(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator, models,
        spendFrom, spendTo, output, format, maxRejectedShare, column, dates, lifetime, window);
  }

  /** @return this config valuing customers with {@code options} ({@code --clv}), or not when null */
  public JobConfig withLifetime(ClvOptions options) {
    return new JobConfig(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator,
        models, spendFrom, spendTo, output, format, maxRejectedShare, eventDateColumn, eventDates, options, window);
  }

  /**
   * @return the dates of events the run reads: {@link #eventDates} when given, else a windowed run's read range (its
   *     first report date less the fitting window and the lookback, to its last), else null (every event)
   */
  public DateRange readDates() {
    if (eventDates != null || !window.windowed()) {
      return eventDates;
    }
    return window.readRange(models.journeyOptions().lookback(), ZoneId.of(timezone));
  }

  /** @return the inputs as given, for {@code run_log} */
  String describeInputs() {
    StringBuilder sb = new StringBuilder();
    append(sb, InputOptionSpec.EVENTS.name(), events);
    append(sb, InputOptionSpec.PATHS.name(), paths);
    append(sb, InputOptionSpec.SPEND.name(), spend);
    append(sb, InputOptionSpec.IDENTITIES.name(), identities);
    append(sb, InputOptionSpec.CONSENT.name(), consent);
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, InputSpec in) {
    if (in != null) {
      sb.append(sb.length() == 0 ? "" : "; ").append(name).append('=').append(in);
    }
  }
}
