package io.tributary.spark;

import io.tributary.core.ErrorClass;
import io.tributary.core.Errors;
import io.tributary.core.InputException;
import io.tributary.core.TributaryException;
import io.tributary.core.clv.ClvOptionSpec;
import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.options.EventReadOptionSpec;
import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.ModelOptionSpec;
import io.tributary.core.options.RunOptions;
import io.tributary.core.options.WindowOptionSpec;
import io.tributary.core.window.RunWindow;
import io.tributary.core.window.DateRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The nightly attribution job. {@code main} parses the options (from the command line and, with {@code --config}, a
 * properties file), builds the Spark session, runs {@link #run} and exits 0 on success or non-zero with a one-line
 * reason. The master is never set in code: spark-submit sets it; a plain {@code java} launch with no
 * {@code spark.master} runs an embedded {@code local[*]} Spark.
 */
@Command(
    name = "tributary-job",
    mixinStandardHelpOptions = true,
    versionProvider = AttributionJob.Version.class,
    sortOptions = false,
    modelTransformer = AttributionJob.GeneratedOptions.class,
    description = "Builds journeys, fits every attribution model and writes SPEC's tables partitioned by run_date.",
    footerHeading = "%nExit status:%n",
    footer = {"  0  the tables were written", "  1  a failure that is not the input's fault (a write, Spark, a bug)",
        "  2  bad options or input (missing file or column, no data rows, too many rejected rows)",
        "%nInputs are paths or table names, optionally prefixed csv:, parquet:, delta: or table:."})
public final class AttributionJob implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with any option below, keyed by its long name without dashes (e.g. "
          + "events=..., run-date=...). Command-line options win.")
  Path config;

  /**
   * The core's input options ({@code --events}, {@code --paths}, {@code --spend}, {@code --identities}, {@code --consent}, {@code --map}, {@code --alias},
   * {@code --timezone}, {@code --path-separator}), added by {@link GeneratedOptions} from {@link InputOptionSpec}, as
   * the CLI's: option name (without dashes) → value as given on the command line or in the config file.
   */
  private final Map<String, String> inputOptions = new TreeMap<>();

  /**
   * The core's model and journey options ({@code --models}, {@code --lookback}, ... {@code --seed}), added by
   * {@link GeneratedOptions}: option name (without dashes) → value as given on the command line or in the config file.
   */
  private final Map<String, String> modelOptions = new TreeMap<>();

  /**
   * The core's report-window options ({@code --run-date}, {@code --from}, {@code --to}, {@code --conversions},
   * {@code --fit-window}), added by {@link GeneratedOptions} and read by the core's {@link RunWindow}.
   */
  private final Map<String, String> windowOptions = new TreeMap<>();

  @Option(names = ChannelLifetimeValue.OPTION,
      description = "Also fit BG/NBD + Gamma-Gamma on the run's purchases and split each customer's lifetime value "
          + "over the channels of their acquisition journey under every model (table channel_lifetime_value, and "
          + "the lifetime columns of conversion_kpis).")
  boolean lifetime;

  /** The core's lifetime-value options ({@link ClvOptionSpec}), added by {@link GeneratedOptions} like the models'. */
  private final Map<String, String> lifetimeOptions = new TreeMap<>();

  /**
   * The core's event read options ({@code --event-date-column}, {@code --events-from}, {@code --events-to}), added
   * by {@link GeneratedOptions} like the model options.
   */
  private final Map<String, String> readOptions = new TreeMap<>();

  @Option(names = "--spend-from", paramLabel = "DATE", description = "First spend date counted (inclusive).")
  LocalDate spendFrom;

  @Option(names = "--spend-to", paramLabel = "DATE", description = "Last spend date counted (inclusive).")
  LocalDate spendTo;

  @Option(names = "--output", paramLabel = "DIR", description = "Folder of the output tables.")
  String output;

  @Option(names = "--format", defaultValue = "delta", description = "delta (default) or parquet.")
  String format;

  @Option(names = "--max-rejected-share", defaultValue = "0.05",
      description = "Fail when an input's rejected rows exceed this share (default: 0.05).")
  double maxRejectedShare;

  private PrintStream out = System.out;

  /**
   * Runs the job on a session the caller owns.
   *
   * @param spark the session (any master)
   * @param config the run
   * @return what was written
   * @throws TributaryException with a one-line message for bad input or a failed check; nothing is written then
   *     except a {@code failed} row in {@code run_log}
   */
  public static JobResult run(SparkSession spark, JobConfig config) {
    return NightlyRun.run(spark, config);
  }

  /** Parses {@code args}, runs the job, and exits with its status. */
  public static void main(String[] args) {
    int code = execute(System.out, System.err, args);
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(code);
  }

  /**
   * Parses and runs without exiting, on the active session or a new one.
   *
   * @return the exit status
   */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    AttributionJob job = new AttributionJob();
    job.out = out;
    CommandLine cmd;
    try {
      cmd = commandLine(job, args);
    } catch (TributaryException e) {
      err.println("error: " + Errors.oneLine(e));
      return Errors.exitCode(e);
    }
    cmd.setOut(new java.io.PrintWriter(out, true));
    cmd.setErr(new java.io.PrintWriter(err, true));
    cmd.setExecutionExceptionHandler((e, c, parsed) -> {
      // The core classifies and words every error, as for the CLI: one line, 2 for bad input, 1 for a failure.
      err.println("error: " + Errors.oneLine(e));
      if (!Errors.expected(e)) {
        e.printStackTrace(err);
      }
      return Errors.exitCode(e);
    });
    cmd.setParameterExceptionHandler((ex, rest) -> {
      String name = ex.getCommandLine().getCommandSpec().qualifiedName();
      err.println("error: " + ex.getMessage() + " (see '" + name + " --help')");
      return ErrorClass.BAD_INPUT.exitCode();
    });
    return cmd.execute(args);
  }

  /**
   * Parses a command line as {@link #execute} does, config file included, without running anything.
   *
   * @return the run it describes
   * @throws TributaryException bad input, one line, for a bad option value or config file
   * @throws CommandLine.ParameterException for a command line picocli cannot read
   */
  static JobConfig parse(String... args) {
    AttributionJob job = new AttributionJob();
    commandLine(job, args).parseArgs(args);
    return job.config();
  }

  /* The job's command line for {@code args}: its options, and its --config file's values as defaults. */
  private static CommandLine commandLine(AttributionJob job, String[] args) {
    CommandLine cmd = new CommandLine(job);
    Path configFile = configArgument(args);
    if (configFile != null) {
      cmd.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(load(configFile, cmd)));
    }
    return cmd;
  }

  @Override
  public Integer call() {
    JobConfig cfg = config();
    SparkSession spark = session();
    JobResult r = run(spark, cfg);
    printSummary(r, cfg);
    return 0;
  }

  JobConfig config() {
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("--output is required (the folder of the tables)");
    }
    String events = InputOptionSpec.EVENTS.valueIn(inputOptions);
    String paths = InputOptionSpec.PATHS.valueIn(inputOptions);
    InputOptionSpec.requireOneMainInput(events != null, paths != null);
    OutputFormat f;
    try {
      f = OutputFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format must be delta or parquet, got \"" + format + "\"");
    }
    RunOptions spec = RunOptions.of(modelOptions); // bad option values fail here, before Spark starts
    String dateColumn = EventReadOptionSpec.EVENT_DATE_COLUMN.valueIn(readOptions);
    LocalDate from = EventReadOptionSpec.EVENTS_FROM.valueIn(readOptions);
    LocalDate to = EventReadOptionSpec.EVENTS_TO.valueIn(readOptions);
    if ((from == null) != (to == null)) {
      throw new IllegalArgumentException("--events-from and --events-to go together");
    }
    if (from != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--events-from " + from + " is after --events-to " + to);
    }
    RunWindow window = RunWindow.of(windowOptions);
    // No report date: the whole input, in today's partition (UTC), as before report windows.
    LocalDate runDate = window.label() == null ? LocalDate.now(ZoneOffset.UTC) : window.label();
    ZoneId zone = InputOptionSpec.TIMEZONE.valueIn(inputOptions);
    MappingSpec mapping = MappingSpec.parse(InputOptionSpec.MAP.valueIn(inputOptions),
        InputOptionSpec.ALIAS.valueIn(inputOptions));
    return new JobConfig(runDate, input(events), input(paths), input(InputOptionSpec.SPEND.valueIn(inputOptions)),
        input(InputOptionSpec.IDENTITIES.valueIn(inputOptions)), input(InputOptionSpec.CONSENT.valueIn(inputOptions)),
        mapping, zone.getId(), InputOptionSpec.PATH_SEPARATOR.valueIn(inputOptions),
        spec, spendFrom, spendTo, output, f, maxRejectedShare, dateColumn,
        from == null ? null : new DateRange(from, to, zone),
        lifetime ? ClvOptionSpec.options(lifetimeOptions) : null,
        window.windowed() ? window : RunWindow.wholeInput(runDate));
  }

  /* An input option's value: a path or table name with an optional format prefix, or null when not given. */
  private static InputSpec input(String value) {
    return value == null ? null : InputSpec.parse(value);
  }

  private static SparkSession session() {
    SparkSession.Builder b = SparkSession.builder().appName("tributary-attribution");
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      // A plain `java` launch (the README's one command): run Spark embedded on every local core.
      b.master("local[*]");
    }
    if (!conf.contains("spark.sql.extensions")) {
      b.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    }
    if (!conf.contains("spark.sql.catalog.spark_catalog")) {
      b.config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    }
    if (!conf.contains("spark.sql.debug.maxToStringFields")) {
      // The job's record has 16 fields; without this Spark warns that it shortened a plan's description.
      b.config("spark.sql.debug.maxToStringFields", "64");
    }
    return b.getOrCreate();
  }

  private void printSummary(JobResult r, JobConfig cfg) {
    RunStats s = r.stats();
    List<io.tributary.core.window.WindowedReport.Dated> dates = r.dates();
    String written = dates.size() == 1 ? "run_date " + r.runDate()
        : "run_dates " + dates.get(0).date() + ".." + r.runDate() + " (" + dates.size() + " partitions)";
    out.printf(Locale.ROOT, "tributary job: %s succeeded (%s)%n", written, version());
    out.printf(Locale.ROOT, "  rows: %d read, %d accepted, %d rejected, %d excluded by consent%n",
        s.read(), s.accepted(), s.rejected(), s.excluded());
    out.printf(Locale.ROOT, "  credited: %s%n", cfg.window());
    long conversions = 0;
    double value = 0;
    double spend = 0;
    Map<String, double[]> credit = new TreeMap<>();
    String shown = shownModel(r.report());
    for (io.tributary.core.window.WindowedReport.Dated d : dates) {
      ConversionKpis k = d.report().kpis();
      conversions += k.conversions();
      value += k.totalValue();
      spend += k.totalSpend();
      for (ChannelCreditRow c : d.report().channelCredit()) {
        if (c.model().equals(shown)) {
          double[] sum = credit.computeIfAbsent(c.channel(), x -> new double[2]);
          sum[0] += c.attributedConversions();
          sum[1] += c.attributedValue();
        }
      }
    }
    out.printf(Locale.ROOT, "  customers %d, journeys %d, conversions %d, total value %.2f, total spend %.2f%n",
        s.customers(), s.journeys(), conversions, value, spend);
    r.notes().forEach(n -> out.printf(Locale.ROOT, "  %s%n", n));
    boolean chain = r.report().results().stream().anyMatch(m -> m.model().equals("markov"));
    int creditRows = dates.stream().mapToInt(d -> d.report().channelCredit().size()).sum();
    int paths = dates.stream().mapToInt(d -> d.report().pathSummary().size()).sum();
    out.printf(Locale.ROOT, "  %s tables under %s: channel_credit (%d rows), conversion_kpis, path_summary "
        + "(%d paths), rejected_rows (%d), run_log%s%n", cfg.format().name().toLowerCase(Locale.ROOT), r.output(),
        creditRows, paths, s.rejected(),
        chain ? ", markov_transitions, removal_effects" : "");
    if (r.lifetime() != null) {
      out.printf(Locale.ROOT, "  lifetime value: %d customers, calibrated to %s, %.2f in all (%.2f per customer); "
          + "channel_lifetime_value (%d rows)%n", r.lifetime().customers(), r.lifetime().calibrationEnd(),
          r.lifetime().totalLifetimeValue(), r.lifetime().meanLifetimeValue(), r.lifetime().rows().size());
    }
    r.report().samplingNote().ifPresent(n -> out.println("  " + n));
    StringBuilder times = new StringBuilder();
    r.phaseMillis().forEach((phase, ms) -> times.append(times.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.1f s", phase, ms / 1000.0)));
    out.printf(Locale.ROOT, "  time: %s%n", times);
    out.printf(Locale.ROOT, "  %s credit%s:%n", shown, dates.size() == 1 ? "" : ", summed over the dates");
    credit.forEach((channel, c) -> {
      if (!channel.equals(io.tributary.core.model.JourneyAggregate.UNATTRIBUTED)) {
        out.printf(Locale.ROOT, "    %-24s %12.3f conversions %14.2f value%n", channel, c[0], c[1]);
      }
    });
    double[] unattributed = credit.get(io.tributary.core.model.JourneyAggregate.UNATTRIBUTED);
    if (unattributed != null) {
      out.printf(Locale.ROOT, "    %-24s %12.3f conversions %14.2f value%n",
          io.tributary.core.model.JourneyAggregate.UNATTRIBUTED, unattributed[0], unattributed[1]);
    }
  }

  /* The model whose credit the summary shows: linear when fitted, else the first. */
  private static String shownModel(io.tributary.core.metrics.AttributionReport report) {
    return report.results().stream().anyMatch(m -> m.model().equals("linear")) ? "linear"
        : report.results().isEmpty() ? "" : report.results().get(0).model();
  }

  private static Path configArgument(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    return null;
  }

  private static Properties load(Path file, CommandLine cmd) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), 0, null, "no such config file");
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, null, "cannot read config file: " + e.getMessage());
    }
    Set<String> known = new HashSet<>();
    for (CommandLine.Model.OptionSpec o : cmd.getCommandSpec().options()) {
      known.add(o.longestName().replaceFirst("^-+", ""));
    }
    for (String key : p.stringPropertyNames()) {
      if (!known.contains(key) || key.equals("config")) {
        throw new InputException(file.toString(), 0, null, "unknown key \"" + key + "\" (keys are the long option "
            + "names without dashes, e.g. events, run-date, output)");
      }
    }
    return p;
  }

  /** @return the job's version, from the build */
  static String version() {
    try (InputStream in = AttributionJob.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Adds one option per entry of the core's {@link InputOptionSpec}, {@link WindowOptionSpec}, {@link ModelOptionSpec},
   * {@link ClvOptionSpec} and {@link EventReadOptionSpec} (name, label, help with the default) through the engines' one adapter
   * ({@link io.tributary.picocli.GeneratedOptions}, the CLI's too), so the job exposes the CLI's window and model
   * options with the same defaults and the same one-line message for a bad value, and each is also a config-file key.
   */
  static final class GeneratedOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
      AttributionJob job = (AttributionJob) command.userObject();
      io.tributary.picocli.GeneratedOptions.add(command, InputOptionSpec.ALL, job.inputOptions);
      io.tributary.picocli.GeneratedOptions.add(command, WindowOptionSpec.ALL, job.windowOptions);
      io.tributary.picocli.GeneratedOptions.add(command, ModelOptionSpec.ALL, job.modelOptions);
      io.tributary.picocli.GeneratedOptions.add(command, ClvOptionSpec.ALL, job.lifetimeOptions);
      io.tributary.picocli.GeneratedOptions.add(command, EventReadOptionSpec.ALL, job.readOptions);
      return command;
    }
  }

  /** Picocli's {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tributary-job " + version() + " (default model options: "
          + ModelOptions.defaults() + ")"};
    }
  }
}
