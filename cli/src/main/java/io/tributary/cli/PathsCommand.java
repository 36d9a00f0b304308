package io.tributary.cli;

import io.tributary.cli.load.JourneyFold;
import io.tributary.cli.options.CoreOptions;
import io.tributary.cli.options.CustomerFiles;
import io.tributary.cli.options.EventLogInput;
import io.tributary.cli.options.JourneyFlags;
import io.tributary.cli.options.ReadOptions;
import io.tributary.cli.output.CsvTableWriter;
import io.tributary.cli.output.OutputTarget;
import io.tributary.cli.output.SpecTables;
import io.tributary.cli.output.Table;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.output.PathFileRow;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tributary paths}: aggregates an event log into a path file
 * ({@code path,total_conversions,total_conversion_value,total_null}) with the core's journey rules, so that
 * {@code attribute --paths} on the result gives the same credit as {@code attribute --events} on the log for every
 * model that needs no timestamps. Values are written exactly (decimal sums, no rounding).
 */
@Command(
    name = "paths",
    modelTransformer = CoreOptions.Generated.class,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Aggregate an event log into a path file (path,total_conversions,total_conversion_value,"
        + "total_null).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  tributary paths --events events.csv --output paths.csv",
      "  tributary paths --events events.csv --lookback 14d | tributary attribute --paths - --models markov",
      "",
      "Exit status: 0 ok, 1 failure, 2 bad input or usage."
    })
final class PathsCommand implements Callable<Integer> {
  private final Streams streams;

  /** @param streams the run's standard streams (given by {@link Main}'s command factory) */
  PathsCommand(Streams streams) {
    this.streams = streams;
  }

  @Mixin EventLogInput input;

  @Mixin CustomerFiles customers;

  @Mixin JourneyFlags journey;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", defaultValue = "-",
      description = "Where to write the path file (default: stdout).")
  String output;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary on stderr.")
  boolean quiet;

  @Mixin ReadOptions read;

  @Override
  public Integer call() {
    // Closing the pipeline deletes the events spilled beyond --memory-budget, whether the run succeeds or fails.
    try (RunPipeline run = RunPipeline.start(streams, read, input.events(), customers.identities(),
        customers.consent())) {
      return call(run);
    }
  }

  private Integer call(RunPipeline run) {
    int threads = Runtime.getRuntime().availableProcessors();
    RunPipeline.Events log = run.events(input.events(), customers, threads);
    JourneyAggregate agg = JourneyFold.fold(log.grouped(), journey.journeyOptions(), List.of(), threads);
    String separator = " " + read.settings().pathSeparator() + " ";
    List<PathFileRow> rows = new ArrayList<>();
    for (Map.Entry<Path, PathStats> e : agg.paths().byPath().entrySet()) {
      rows.add(new PathFileRow(e.getKey().display(separator), e.getValue()));
    }
    Table table = SpecTables.paths(rows);
    OutputTarget.oneFile(output).write(streams.out(), w -> CsvTableWriter.write(table, w));
    run.writeRejects(null);
    if (!quiet) {
      run.stats().forEach(s -> streams.err().println(s.describe()));
      streams.err().println(rows.size() + " distinct paths, " + agg.paths().conversions() + " conversions, "
          + agg.paths().nulls() + " non-converting journeys; " + agg.touchlessConversions()
          + " conversions without a touch in their window are not paths");
    }
    return Failures.OK;
  }
}
