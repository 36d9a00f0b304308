package io.tributary.spark;

import io.tributary.core.options.RunOptions;
import io.tributary.core.window.RunWindow;
import java.time.LocalDate;
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
    RunWindow window) {

  /** Default {@code --max-rejected-share}: a few bad rows are reported, a broken export stops the run. */
  public static final double DEFAULT_MAX_REJECTED_SHARE = 0.05;

  public JobConfig {
    Objects.requireNonNull(window, "window");
    if (window.windowed()) {
      runDate = window.report().last();
    }
    Objects.requireNonNull(runDate, "runDate");
    if (events == null && window.windowed()) {
      throw new IllegalArgumentException("report dates need an event log (--events): a path file has no dates; "
          + "use --conversions all");
    }
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(pathSeparator, "pathSeparator");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(format, "format");
    if ((events == null) == (paths == null)) {
      throw new IllegalArgumentException("give exactly one of --events and --paths");
    }
    if (paths != null && (identities != null || consent != null)) {
      throw new IllegalArgumentException("--identities and --consent need --events (a path file has no customers)");
    }
    if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
      throw new IllegalArgumentException("--max-rejected-share must be between 0 and 1, got " + maxRejectedShare);
    }
    if (spendFrom != null && spendTo != null && spendFrom.isAfter(spendTo)) {
      throw new IllegalArgumentException("--spend-from " + spendFrom + " is after --spend-to " + spendTo);
    }
  }

  /**
   * A whole-input run (every conversion of the input, in {@code runDate}'s partition), as before report windows.
   */
  public JobConfig(LocalDate runDate, InputSpec events, InputSpec paths, InputSpec spend, InputSpec identities,
      InputSpec consent, MappingSpec mapping, String timezone, String pathSeparator, RunOptions models,
      LocalDate spendFrom, LocalDate spendTo, String output, OutputFormat format, double maxRejectedShare) {
    this(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator, models, spendFrom,
        spendTo, output, format, maxRejectedShare, RunWindow.wholeInput(runDate));
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
        spendTo, output, format, maxRejectedShare, window);
  }

  /** @return this config writing {@code f} */
  public JobConfig withFormat(OutputFormat f) {
    return new JobConfig(runDate, events, paths, spend, identities, consent, mapping, timezone, pathSeparator,
        models, spendFrom, spendTo, output, f, maxRejectedShare, window);
  }

  /** @return this config for another run date: a whole-input run stays one, a windowed one reports {@code d} */
  public JobConfig withRunDate(LocalDate d) {
    return new JobConfig(d, events, paths, spend, identities, consent, mapping, timezone, pathSeparator, models,
        spendFrom, spendTo, output, format, maxRejectedShare,
        window.windowed() ? RunWindow.dates(d, d, window.fitDays()) : RunWindow.wholeInput(d));
  }

  /** @return this config with other report dates (or a whole-input run) */
  public JobConfig withWindow(RunWindow w) {
    return new JobConfig(w.label() == null ? runDate : w.label(), events, paths, spend, identities, consent,
        mapping, timezone, pathSeparator, models, spendFrom, spendTo, output, format, maxRejectedShare, w);
  }

  /** @return the inputs as given, for {@code run_log} */
  String describeInputs() {
    StringBuilder sb = new StringBuilder();
    append(sb, "events", events);
    append(sb, "paths", paths);
    append(sb, "spend", spend);
    append(sb, "identities", identities);
    append(sb, "consent", consent);
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, InputSpec in) {
    if (in != null) {
      sb.append(sb.length() == 0 ? "" : "; ").append(name).append('=').append(in);
    }
  }
}
