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
import io.tributary.core.output.OutputTables;
import io.tributary.core.segment.SegmentedReport;
import io.tributary.core.window.WindowedReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
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

  /**
   * Writes the run; {@code lifetime}, when not null, adds {@code channel_lifetime_value} and the KPI columns. A
   * windowed run ({@code dated} not empty) writes every table with one {@code run_date} per report date; a whole-input
   * run leads its rows with {@code runDate} when given.
   */
  static void write(AttributionReport report, ChannelLifetimeValue lifetime, List<RejectedRow> rejected,
      Supplier<Optional<MarkovDiagnostics>> markov, LocalDate runDate, List<WindowedReport.Dated> dated,
      OutputOptions options, Streams streams) {
    write(report, lifetime, null, rejected, markov, runDate, dated, options, streams);
  }

  /**
   * As above; with {@code segmented} not null ({@code --segment-by}), the segmented tables replace their unsegmented
   * forms in files (the text report shows the (all) rows).
   */
  static void write(AttributionReport report, ChannelLifetimeValue lifetime, SegmentedReport segmented,
      List<RejectedRow> rejected, Supplier<Optional<MarkovDiagnostics>> markov, LocalDate runDate,
      List<WindowedReport.Dated> dated, OutputOptions options, Streams streams) {
    Dates dates = new Dates(runDate, dated, segmented);
    OutputTarget target = OutputTarget.resolve(options.output());
    OutputOptions.Format format = options.format();
    try {
      switch (format) {
        case TABLE -> {
          requireNotDirectory(target, "table");
          try (Writer w = target.open(streams.out())) {
            PrintWriter pw = new PrintWriter(w);
            if (dated.isEmpty()) {
              TextReport.write(report, pw);
            }
            for (WindowedReport.Dated d : dated) {
              pw.println("run_date " + d.date());
              TextReport.write(d.report(), pw);
              pw.println();
            }
            if (lifetime != null) {
              pw.println();
              TextReport.lifetime(lifetime, pw);
            }
            pw.flush();
          }
        }
        case CSV -> {
          if (target.kind() == OutputTarget.Kind.DIRECTORY) {
            for (Table t : tables(report, lifetime, rejected, markov, dates)) {
              try (OutputStream o = target.openBytesIn(t.name() + ".csv")) {
                CsvTableWriter.write(t, o);
              }
            }
          } else {
            // One file holds channel_credit alone: the other tables (a path summary of a million rows) are not built.
            try (Writer w = target.open(streams.out())) {
              CsvTableWriter.write(segmented != null ? segmentedCredit(segmented, runDate)
                  : dated.isEmpty() ? SpecTables.channelCredit(report, runDate)
                  : segmented(dated) ? datedSegmented(OutputTables.CHANNEL_CREDIT, dated,
                      SegmentedReport::channelCredit)
                  : SpecTables.dated(OutputTables.CHANNEL_CREDIT, dated, d -> d.report().channelCredit()), w);
            }
          }
        }
        case JSON -> {
          if (target.kind() == OutputTarget.Kind.DIRECTORY) {
            for (Table t : tables(report, lifetime, rejected, markov, dates)) {
              try (Writer w = target.openIn(t.name() + ".json")) {
                JsonTableWriter.write(t, w);
              }
            }
          } else {
            try (Writer w = target.open(streams.out())) {
              JsonTableWriter.writeAll(tables(report, lifetime, rejected, markov, dates), w);
            }
          }
        }
        case PARQUET -> {
          if (target.kind() != OutputTarget.Kind.DIRECTORY) {
            throw new IllegalArgumentException("--format parquet writes one file per table: give --output DIR");
          }
          ParquetTableWriter.write(tables(report, lifetime, rejected, markov, dates), target.path());
        }
        default -> throw new IllegalStateException("unknown format " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Table segmentedCredit(SegmentedReport s, LocalDate runDate) {
    return SpecTables.segmented(OutputTables.CHANNEL_CREDIT, s.segmentation().names(), s.channelCredit(), runDate);
  }

  /* The run date of a whole-input run (may be null), a windowed run's reports per date, a segmented run's tables. */
  private record Dates(LocalDate runDate, List<WindowedReport.Dated> dated, SegmentedReport segmented) {}

  private static List<Table> tables(AttributionReport report, ChannelLifetimeValue lifetime,
      List<RejectedRow> rejected, Supplier<Optional<MarkovDiagnostics>> markov, Dates dates) {
    if (dates.segmented() != null) {
      return segmentedTables(report, dates.segmented(), lifetime, rejected, dates.runDate());
    }
    if (!dates.dated().isEmpty()) {
      return datedTables(rejected, dates.dated());
    }
    LocalDate runDate = dates.runDate();
    List<Table> tables = new ArrayList<>();
    tables.add(SpecTables.channelCredit(report, runDate));
    if (!report.channelRollup().isEmpty()) {
      tables.add(SpecTables.channelRollup(report, runDate));
    }
    tables.add(SpecTables.conversionKpis(report.kpis(), lifetime, runDate));
    tables.add(SpecTables.pathSummary(report.pathSummary(), runDate));
    if (!rejected.isEmpty()) {
      tables.add(SpecTables.rejectedRows(rejected, runDate));
    }
    // Beside SPEC's tables, as the Spark job writes them: the chain behind the markov credit, when markov was fitted.
    if (lifetime != null) {
      tables.add(SpecTables.channelLifetimeValue(lifetime, runDate));
    }
    markov.get().ifPresent(m -> {
      tables.add(SpecTables.markovTransitions(m, runDate));
      tables.add(SpecTables.removalEffects(m, runDate));
    });
    return tables;
  }

  /*
   * The same tables in the same order, the customer tables in their segmented form; channel_rollup (touchpoint
   * channel/campaign) is the (all) rollup, not broken down.
   */
  private static List<Table> segmentedTables(AttributionReport report, SegmentedReport s,
      ChannelLifetimeValue lifetime, List<RejectedRow> rejected, LocalDate date) {
    List<String> names = s.segmentation().names();
    List<Table> tables = new ArrayList<>();
    tables.add(segmentedCredit(s, date));
    if (!report.channelRollup().isEmpty()) {
      tables.add(SpecTables.channelRollup(report, date));
    }
    tables.add(SpecTables.segmented(OutputTables.CONVERSION_KPIS, names, s.kpis(), date));
    tables.add(SpecTables.segmented(OutputTables.PATH_SUMMARY, names, s.pathSummary(), date));
    if (!rejected.isEmpty()) {
      tables.add(SpecTables.rejectedRows(rejected, date));
    }
    if (lifetime != null) {
      tables.add(SpecTables.channelLifetimeValue(lifetime, date));
    }
    if (!s.transitions().isEmpty()) {
      tables.add(SpecTables.segmented(OutputTables.MARKOV_TRANSITIONS, names, s.transitions(), date));
      tables.add(SpecTables.segmented(OutputTables.REMOVAL_EFFECTS, names, s.removals(), date));
    }
    return tables;
  }

  /*
   * A windowed run's tables, as the Spark job writes its partitions: rejected rows go with the last date. A segmented
   * run's customer tables are in their segmented form, each date's rows led by its run_date.
   */
  private static List<Table> datedTables(List<RejectedRow> rejected, List<WindowedReport.Dated> dated) {
    boolean seg = segmented(dated);
    List<Table> tables = new ArrayList<>();
    tables.add(seg ? datedSegmented(OutputTables.CHANNEL_CREDIT, dated, SegmentedReport::channelCredit)
        : SpecTables.dated(OutputTables.CHANNEL_CREDIT, dated, d -> d.report().channelCredit()));
    if (dated.stream().anyMatch(d -> !d.report().channelRollup().isEmpty())) {
      tables.add(SpecTables.dated(OutputTables.CHANNEL_ROLLUP, dated, d -> d.report().channelRollup()));
    }
    tables.add(seg ? datedSegmented(OutputTables.CONVERSION_KPIS, dated, SegmentedReport::kpis)
        : SpecTables.dated(OutputTables.CONVERSION_KPIS, dated, d -> SpecTables.kpiRows(d.report())));
    tables.add(seg ? datedSegmented(OutputTables.PATH_SUMMARY, dated, SegmentedReport::pathSummary)
        : SpecTables.dated(OutputTables.PATH_SUMMARY, dated, d -> d.report().pathSummary()));
    if (!rejected.isEmpty()) {
      tables.add(SpecTables.rejectedRows(rejected, dated.get(dated.size() - 1).date()));
    }
    if (dated.stream().anyMatch(d -> d.markov().isPresent())) {
      tables.add(seg ? datedSegmented(OutputTables.MARKOV_TRANSITIONS, dated, SegmentedReport::transitions)
          : SpecTables.dated(OutputTables.MARKOV_TRANSITIONS, dated,
              d -> d.markov().map(MarkovDiagnostics::transitions).orElse(List.of())));
      tables.add(seg ? datedSegmented(OutputTables.REMOVAL_EFFECTS, dated, SegmentedReport::removals)
          : SpecTables.dated(OutputTables.REMOVAL_EFFECTS, dated,
              d -> d.markov().map(MarkovDiagnostics::removalEffects).orElse(List.of())));
    }
    if (dated.stream().anyMatch(d -> !d.fits().isEmpty())) {
      tables.add(SpecTables.dated(OutputTables.MODEL_FIT, dated, WindowedReport.Dated::fits));
    }
    return tables;
  }

  private static boolean segmented(List<WindowedReport.Dated> dated) {
    return !dated.isEmpty() && dated.get(0).segmented() != null;
  }

  /* A segmented table of every date: the run's segment columns after run_date. */
  private static <R> Table datedSegmented(io.tributary.core.output.TableSchema<R> base,
      List<WindowedReport.Dated> dated,
      java.util.function.Function<SegmentedReport, List<io.tributary.core.output.SegmentRow<R>>> of) {
    List<String> names = dated.get(0).segmented().segmentation().names();
    return SpecTables.dated(OutputTables.segmented(base, names), dated, d -> of.apply(d.segmented()));
  }

  private static void requireNotDirectory(OutputTarget target, String format) {
    if (target.kind() == OutputTarget.Kind.DIRECTORY) {
      throw new IllegalArgumentException("--format " + format + " writes one file: give --output FILE (with an "
          + "extension) or -, not the directory " + target.describe());
    }
  }
}
