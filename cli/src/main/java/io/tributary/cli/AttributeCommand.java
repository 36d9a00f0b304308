package io.tributary.cli;

import io.tributary.cli.load.Progress;
import io.tributary.cli.options.LifetimeFlags;
import io.tributary.cli.options.MainInput;
import io.tributary.cli.options.CoreOptions;
import io.tributary.cli.options.ModelFlags;
import io.tributary.cli.options.OutputOptions;
import io.tributary.cli.options.WindowFlags;
import io.tributary.cli.options.ReadOptions;
import io.tributary.cli.options.SideFiles;
import io.tributary.core.metrics.MarkovDiagnostics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tributary attribute}: channel credit per model, ROI and KPIs from an event log or a path file. */
@Command(
    name = "attribute",
    modelTransformer = CoreOptions.Generated.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Credit conversions and revenue to channels under each model, with ROI from spend and the KPIs.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  tributary attribute --events events.csv",
      "  tributary attribute --events events.csv.gz --spend spend.csv \\",
      "      --models linear,last_touch",
      "  tributary attribute --paths pathdata.csv --format csv --output -",
      "  tributary attribute --events export.csv --map customer_id=cookie \\",
      "      --map timestamp=time --alias event_type:impression=touch \\",
      "      --on-bad-row skip --rejects rejects.csv --format json --output out/",
      "",
      "Exit status: 0 ok, 1 failure, 2 bad input or usage."
    })
final class AttributeCommand implements Callable<Integer> {
  private final Streams streams;

  /** @param streams the run's standard streams (given by {@link Main}'s command factory) */
  AttributeCommand(Streams streams) {
    this.streams = streams;
  }

  @Mixin MainInput input;

  @Mixin SideFiles side;
  @Mixin ModelFlags models;
  @Mixin LifetimeFlags lifetime;
  @Mixin ReadOptions read;
  @Mixin OutputOptions output;
  @Mixin WindowFlags window;

  @picocli.CommandLine.Option(names = "--report", paramLabel = "FILE.html",
      description = "Also write the HTML report (as tributary report does) to FILE.html.")
  java.nio.file.Path report;

  @picocli.CommandLine.Option(names = "--timings", hidden = true,
      description = "Print the time of each phase on stderr (for benchmarks).")
  boolean timings;

  @Override
  public Integer call() {
    AttributionJob.Outcome outcome = AttributionJob.run(input, side, read, models, lifetime, window.window(),
        streams, progress(streams));
    RunPipeline.writeRejects(read.rejectsFile(), outcome.rejected(), outcome.window().label());
    long t0 = System.nanoTime();
    ResultWriter.write(outcome.report(), outcome.lifetime(), outcome.segmented(), outcome.rejected(),
        () -> MarkovDiagnostics.of(outcome.aggregate(), outcome.models()), outcome.window().label(),
        outcome.dated(), output, streams);
    if (report != null) {
      ReportWriter.write(report, outcome, input, side, models);
    }
    if (timings) {
      outcome.timings().forEach(streams.err()::println);
      streams.err().printf(java.util.Locale.ROOT, "timing: write output: %.3f s%n", (System.nanoTime() - t0) / 1e9);
    }
    if (!output.quiet()) {
      outcome.notes().forEach(streams.err()::println);
      outcome.summary().forEach(streams.err()::println);
    }
    return Failures.OK;
  }

  private Progress progress(Streams streams) {
    return !output.quiet() && System.console() != null && streams.err() == System.err
        ? Progress.onTerminal(streams.err()) : Progress.none();
  }

}
