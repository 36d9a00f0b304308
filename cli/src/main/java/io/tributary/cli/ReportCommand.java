package io.tributary.cli;

import io.tributary.cli.load.Progress;
import io.tributary.cli.options.MainInput;
import io.tributary.cli.options.CoreOptions;
import io.tributary.cli.options.ModelFlags;
import io.tributary.cli.options.ReadOptions;
import io.tributary.cli.options.SideFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary report}: the attribution run as one self-contained HTML page. */
@Command(
    name = "report",
    modelTransformer = CoreOptions.Generated.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Write one self-contained HTML report (inline SVG charts, works offline): model comparison per "
        + "channel, ROI/ROAS per channel, KPIs, top paths, the settings used.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  tributary report --events events.csv --spend spend.csv --output report.html",
      "  tributary report --paths pathdata.csv --output pathdata.html",
      "",
      "Exit status: 0 ok, 1 failure, 2 bad input or usage."
    })
final class ReportCommand implements Callable<Integer> {
  private final Streams streams;

  /** @param streams the run's standard streams (given by {@link Main}'s command factory) */
  ReportCommand(Streams streams) {
    this.streams = streams;
  }

  @Mixin MainInput input;

  @Mixin SideFiles side;
  @Mixin ModelFlags models;
  @Mixin ReadOptions read;
  @Mixin io.tributary.cli.options.LifetimeFlags lifetime;
  @Mixin io.tributary.cli.options.WindowFlags window;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE.html", defaultValue = "report.html",
      description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary on stderr.")
  boolean quiet;

  @Override
  public Integer call() {
    AttributionJob.Outcome outcome = AttributionJob.run(input, side, read, models, lifetime, window.window(),
        streams, Progress.none());
    RunPipeline.writeRejects(read.rejectsFile(), outcome.rejected(), null);
    ReportWriter.write(output, outcome, input, side, models);
    if (!quiet) {
      outcome.notes().forEach(streams.err()::println);
      outcome.summary().forEach(streams.err()::println);
      streams.err().println("report written to " + output);
    }
    return Failures.OK;
  }
}
