package io.tributary.cli;

import io.tributary.cli.load.RejectedRow;
import io.tributary.cli.options.OutputOptions;
import io.tributary.cli.output.CsvTableWriter;
import io.tributary.cli.output.JsonTableWriter;
import io.tributary.cli.output.OutputTarget;
import io.tributary.cli.output.ParquetTableWriter;
import io.tributary.cli.output.SpecTables;
import io.tributary.cli.output.Table;
import io.tributary.cli.output.TextReport;
import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.MarkovDiagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes a run's tables in the chosen format to the chosen target. One file or stdout: the text report, the
 * {@code channel_credit} CSV (SPEC's {@code --format csv --output -}) or one JSON document holding every table. A
 * directory: one file per table ({@code channel_credit}, {@code conversion_kpis}, {@code path_summary}, and
 * {@code rejected_rows} when any row was rejected).
 */
final class ResultWriter {
  private ResultWriter() {}

  static void write(AttributionReport report, List<RejectedRow> rejected, Supplier<Optional<MarkovDiagnostics>> markov,
      OutputOptions options, Streams streams) {
    write(report, null, rejected, markov, options, streams);
  }

  /** Writes the run; {@code lifetime}, when not null, adds {@code channel_lifetime_value} and the KPI columns. */
  static void write(AttributionReport report, ChannelLifetimeValue lifetime, List<RejectedRow> rejected,
      Supplier<Optional<MarkovDiagnostics>> markov, OutputOptions options, Streams streams) {
    OutputTarget target = OutputTarget.resolve(options.output());
    OutputOptions.Format format = options.format();
    try {
      switch (format) {
        case TABLE -> {
          requireNotDirectory(target, "table");
          try (Writer w = target.open(streams.out())) {
            PrintWriter pw = new PrintWriter(w);
            TextReport.write(report, pw);
            if (lifetime != null) {
              pw.println();
              TextReport.lifetime(lifetime, pw);
            }
            pw.flush();
          }
        }
        case CSV -> {
          if (target.kind() == OutputTarget.Kind.DIRECTORY) {
            for (Table t : tables(report, lifetime, rejected, markov, options)) {
              try (Writer w = target.openIn(t.name() + ".csv")) {
                CsvTableWriter.write(t, w);
              }
            }
          } else {
            // One file holds channel_credit alone: the other tables (a path summary of a million rows) are not built.
            try (Writer w = target.open(streams.out())) {
              CsvTableWriter.write(SpecTables.channelCredit(report, options.runDate()), w);
            }
          }
        }
        case JSON -> {
          if (target.kind() == OutputTarget.Kind.DIRECTORY) {
            for (Table t : tables(report, lifetime, rejected, markov, options)) {
              try (Writer w = target.openIn(t.name() + ".json")) {
                JsonTableWriter.write(t, w);
              }
            }
          } else {
            try (Writer w = target.open(streams.out())) {
              JsonTableWriter.writeAll(tables(report, lifetime, rejected, markov, options), w);
            }
          }
        }
        case PARQUET -> {
          if (target.kind() != OutputTarget.Kind.DIRECTORY) {
            throw new IllegalArgumentException("--format parquet writes one file per table: give --output DIR");
          }
          ParquetTableWriter.write(tables(report, lifetime, rejected, markov, options), target.path());
        }
        default -> throw new IllegalStateException("unknown format " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Table> tables(AttributionReport report, ChannelLifetimeValue lifetime,
      List<RejectedRow> rejected, Supplier<Optional<MarkovDiagnostics>> markov, OutputOptions options) {
    List<Table> tables = new ArrayList<>();
    tables.add(SpecTables.channelCredit(report, options.runDate()));
    if (!report.channelRollup().isEmpty()) {
      tables.add(SpecTables.channelRollup(report, options.runDate()));
    }
    tables.add(SpecTables.conversionKpis(report.kpis(), lifetime, options.runDate()));
    tables.add(SpecTables.pathSummary(report.pathSummary(), options.runDate()));
    if (!rejected.isEmpty()) {
      tables.add(SpecTables.rejectedRows(rejected, options.runDate()));
    }
    // Beside SPEC's tables, as the Spark job writes them: the chain behind the markov credit, when markov was fitted.
    if (lifetime != null) {
      tables.add(SpecTables.channelLifetimeValue(lifetime, options.runDate()));
    }
    markov.get().ifPresent(m -> {
      tables.add(SpecTables.markovTransitions(m, options.runDate()));
      tables.add(SpecTables.removalEffects(m, options.runDate()));
    });
    return tables;
  }

  private static void requireNotDirectory(OutputTarget target, String format) {
    if (target.kind() == OutputTarget.Kind.DIRECTORY) {
      throw new IllegalArgumentException("--format " + format + " writes one file: give --output FILE (with an "
          + "extension) or -, not the directory " + target.describe());
    }
  }
}
