package io.tributary.cli;

import io.tributary.cli.load.PurchaseFold;
import io.tributary.cli.options.ClvFlags;
import io.tributary.cli.options.CoreOptions;
import io.tributary.cli.options.CustomerFiles;
import io.tributary.cli.options.EventLogInput;
import io.tributary.cli.options.ReadOptions;
import io.tributary.cli.output.ClvOutput;
import io.tributary.cli.output.OutputTarget;
import io.tributary.core.clv.ClvAnalysis;
import io.tributary.core.clv.ClvOptions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tributary clv}: fits BG/NBD and Gamma-Gamma on the conversions of an event log (the purchase log) and prints
 * the parameters, their standard errors and log-likelihoods, and the population's expected lifetime value. The log is
 * read exactly as {@code attribute} reads it; the models are the core's ({@link ClvAnalysis}).
 */
@Command(
    name = "clv",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    modelTransformer = CoreOptions.Generated.class,
    description = "Customer lifetime value from the conversions of an event log: BG/NBD repeat purchases and "
        + "Gamma-Gamma order value, fitted by maximum likelihood, and the discounted expected value over a horizon.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  tributary clv --events events.csv",
      "  tributary clv --events orders.csv --map customer_id=buyer \\",
      "      --map timestamp=date --map conversion_value=amount \\",
      "      --map event_type=kind --alias event_type:order=conversion \\",
      "      --calibration-end 1997-09-30 --time-unit week --format json",
      "",
      "Exit status: 0 ok, 1 failure, 2 bad input or usage."
    })
final class ClvCommand implements Callable<Integer> {
  private final Streams streams;

  /** @param streams the run's standard streams (given by {@link Main}'s command factory) */
  ClvCommand(Streams streams) {
    this.streams = streams;
  }

  @Mixin EventLogInput input;

  @Mixin CustomerFiles customers;

  @Mixin ClvFlags clv;
  @Mixin ReadOptions read;

  @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", defaultValue = "-",
      description = "Where to write the result (default: stdout).")
  String output;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary on stderr.")
  boolean quiet;

  @Option(names = "--timings", hidden = true, description = "Print the time of each phase on stderr (for benchmarks).")
  boolean timings;

  @Override
  public Integer call() {
    String fmt = format.strip().toLowerCase(Locale.ROOT);
    if (!List.of("table", "csv", "json").contains(fmt)) {
      throw new IllegalArgumentException("--format: expected table, csv or json, got \"" + format + "\"");
    }
    ClvOptions options = clv.options();
    // Closing the pipeline deletes the events spilled beyond --memory-budget, whether the run succeeds or fails.
    try (RunPipeline run = RunPipeline.start(streams, read, input.events(), customers.identities(),
        customers.consent())) {
      return call(run, fmt, options);
    }
  }

  private Integer call(RunPipeline run, String fmt, ClvOptions options) {
    OutputTarget target = OutputTarget.oneFile(output);
    PhaseClock clock = run.clock();
    RunPipeline.Events log = run.events(input.events(), customers, Runtime.getRuntime().availableProcessors());
    PurchaseFold.Result purchases = PurchaseFold.fold(log.grouped(), read.settings().zone(), options, log.source());
    clock.lap("summarise purchases (" + purchases.summaries().size() + " customers)");
    ClvAnalysis analysis = ClvAnalysis.run(purchases.summaries(), options);
    clock.lap("fit BG/NBD and Gamma-Gamma, value customers");
    ClvOutput.Result result = new ClvOutput.Result(analysis, purchases.calibrationEnd(), purchases.acquiredAfterEnd(),
        purchases.withoutPurchase());
    target.write(streams.out(), w -> {
      switch (fmt) {
        case "csv" -> ClvOutput.csv(result, w);
        case "json" -> ClvOutput.json(result, w);
        default -> ClvOutput.table(result, w);
      }
    });
    run.writeRejects(null);
    if (timings) {
      clock.laps().forEach(streams.err()::println);
    }
    if (!quiet) {
      io.tributary.core.clv.FitWarnings.of(analysis.bgNbd(), analysis.gammaGamma()).forEach(streams.err()::println);
      run.stats().forEach(s -> streams.err().println(s.describe()));
      streams.err().println(log.source() + ": " + analysis.customers() + " customers in the calibration window, "
          + purchases.acquiredAfterEnd() + " first bought after it, " + purchases.withoutPurchase()
          + " without a purchase; " + purchases.duplicateConversions() + " duplicate conversions dropped");
    }
    return Failures.OK;
  }
}
