package io.tributary.cli.output;

import io.tributary.core.output.SegmentRow;

import io.tributary.cli.load.RejectedRow;
import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.metrics.PathSummaryRow;
import io.tributary.core.output.ClvReportRow;
import io.tributary.core.output.Column;
import io.tributary.core.output.ColumnType;
import io.tributary.core.output.KpiRow;
import io.tributary.core.output.OutputTables;
import io.tributary.core.output.PathFileRow;
import io.tributary.core.output.Rejection;
import io.tributary.core.output.TableSchema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The core's {@link OutputTables} as the CLI's {@link Table}s: columns, types and cells come from the definitions, so
 * this class names no column. {@code run_date} leads each table only when the user gave one (as text); a column the
 * core lets files leave out (the bootstrap interval, Shapley's sampling error: see {@link
 * io.tributary.core.output.Presence}) is left out when no row of the table has a value in it.
 */
public final class SpecTables {
  private SpecTables() {}

  /** @return the markov model's transition matrix as the {@code markov_transitions} table */
  public static Table markovTransitions(MarkovDiagnostics markov, LocalDate runDate) {
    return table(OutputTables.MARKOV_TRANSITIONS, markov.transitions(), runDate);
  }

  /** @return the markov model's removal effects as the {@code removal_effects} table, in channel order */
  public static Table removalEffects(MarkovDiagnostics markov, LocalDate runDate) {
    return table(OutputTables.REMOVAL_EFFECTS, markov.removalEffects(), runDate);
  }

  /** @return the {@code channel_credit} table */
  public static Table channelCredit(AttributionReport report, LocalDate runDate) {
    return table(OutputTables.CHANNEL_CREDIT, report.channelCredit(), runDate);
  }

  /** @return the {@code channel_rollup} table (at {@code --touchpoint channel/campaign}) */
  public static Table channelRollup(AttributionReport report, LocalDate runDate) {
    return table(OutputTables.CHANNEL_ROLLUP, report.channelRollup(), runDate);
  }

  /** @return the one-row {@code conversion_kpis} table */
  public static Table conversionKpis(ConversionKpis k, LocalDate runDate) {
    return conversionKpis(k, null, runDate);
  }

  /**
   * @param lifetime when not null, the table gains the run's omnichannel lifetime value columns
   * @return the one-row {@code conversion_kpis} table
   */
  public static Table conversionKpis(ConversionKpis k, ChannelLifetimeValue lifetime, LocalDate runDate) {
    return table(OutputTables.CONVERSION_KPIS, List.of(new KpiRow(k, lifetime)), runDate);
  }

  /** @return the {@code channel_lifetime_value} table, with {@code ci_low}/{@code ci_high} when intervals exist */
  public static Table channelLifetimeValue(ChannelLifetimeValue lifetime, LocalDate runDate) {
    return table(OutputTables.CHANNEL_LIFETIME_VALUE, lifetime.rows(), runDate);
  }

  /** @return the {@code path_summary} table, in the core's path order */
  public static Table pathSummary(List<PathSummaryRow> paths, LocalDate runDate) {
    return table(OutputTables.PATH_SUMMARY, paths, runDate);
  }

  /** @return the {@code rejected_rows} table, in reading order */
  public static Table rejectedRows(List<RejectedRow> rejected, LocalDate runDate) {
    List<Rejection> rows = new ArrayList<>(rejected.size());
    for (RejectedRow r : rejected) {
      rows.add(new Rejection(r.source(), r.line(), r.reason(), r.raw()));
    }
    return table(OutputTables.REJECTED_ROWS, rows, runDate);
  }

  /** @return the report of {@code tributary clv} */
  public static Table clvReport(List<ClvReportRow> rows) {
    return table(OutputTables.CLV_REPORT, rows, null);
  }

  /** @return the path file of {@code tributary paths} */
  public static Table paths(List<PathFileRow> paths) {
    return table(OutputTables.PATHS, paths, null);
  }

  /**
   * @param base the core's definition of the table
   * @param segments the run's segment names
   * @param rows the segmented rows, in the core's order
   * @return the table with one column per segment first ({@link OutputTables#segmented})
   */
  public static <R> Table segmented(TableSchema<R> base, List<String> segments, List<SegmentRow<R>> rows,
      LocalDate runDate) {
    return table(OutputTables.segmented(base, segments), rows, runDate);
  }

  /**
   * @param schema the core's definition
   * @param source the rows, in the table's order
   * @param runDate leads every row when not null
   * @return the table, without the columns a file leaves out when no row has a value in them
   */
  static <R> Table table(TableSchema<R> schema, List<R> source, LocalDate runDate) {
    List<Column<R>> kept = schema.columnsFor(source, false);
    int lead = runDate == null ? 0 : 1;
    List<String> names = new ArrayList<>(kept.size() + lead);
    List<ColumnType> types = new ArrayList<>(kept.size() + lead);
    if (runDate != null) {
      names.add(TableSchema.RUN_DATE);
      types.add(ColumnType.DATE);
    }
    for (Column<R> c : kept) {
      names.add(c.name());
      types.add(c.type());
    }
    String date = runDate == null ? null : runDate.toString();
    java.util.function.Function<R, List<Object>> row = r -> {
      Object[] cells = new Object[kept.size() + lead];
      if (date != null) {
        cells[0] = date;
      }
      for (int i = 0; i < kept.size(); i++) {
        cells[lead + i] = text(kept.get(i).cell(r));
      }
      return Table.cells(cells);
    };
    if (source.size() >= LAZY_ROWS) {
      List<R> at = source instanceof java.util.RandomAccess ? source : new ArrayList<>(source);
      return new Table(schema.name(), names, types, new Table.LazyRows(at.size(), i -> row.apply(at.get(i))));
    }
    List<List<Object>> rows = new ArrayList<>(source.size());
    for (R r : source) {
      rows.add(row.apply(r));
    }
    return new Table(schema.name(), names, types, rows);
  }

  /*
   * From this many rows on, a table's rows are made when they are read (Table.LazyRows), by the writer's blocks on
   * every core: a row of a view (path_summary's million paths) gets its path text and value then (half a second on
   * one core for a campaign-level run), and the rows are never held at once. The source must be safe to read from
   * several threads (the core's lists and views are read-only).
   */
  static final int LAZY_ROWS = 16_384;

  /**
   * A windowed run's table: every report date's rows, each led by its date in {@code run_date}, one column set for all
   * (a column a file leaves out when unset is kept when any date sets it).
   *
   * @param schema the core's definition
   * @param dates the dates' reports, in date order
   * @param of the rows of one date, in the table's order
   * @return the table
   */
  public static <R> Table dated(TableSchema<R> schema, List<io.tributary.core.window.WindowedReport.Dated> dates,
      java.util.function.Function<io.tributary.core.window.WindowedReport.Dated, List<R>> of) {
    List<R> all = new ArrayList<>();
    List<String> runDates = new ArrayList<>();
    for (io.tributary.core.window.WindowedReport.Dated d : dates) {
      for (R r : of.apply(d)) {
        all.add(r);
        runDates.add(d.date().toString());
      }
    }
    List<Column<R>> kept = schema.columnsFor(all, false);
    List<String> names = new ArrayList<>(kept.size() + 1);
    List<ColumnType> types = new ArrayList<>(kept.size() + 1);
    names.add(TableSchema.RUN_DATE);
    types.add(ColumnType.DATE);
    for (Column<R> c : kept) {
      names.add(c.name());
      types.add(c.type());
    }
    List<List<Object>> rows = new ArrayList<>(all.size());
    for (int k = 0; k < all.size(); k++) {
      Object[] cells = new Object[kept.size() + 1];
      cells[0] = runDates.get(k);
      for (int i = 0; i < kept.size(); i++) {
        cells[i + 1] = text(kept.get(i).cell(all.get(k)));
      }
      rows.add(Arrays.asList(cells));
    }
    return new Table(schema.name(), names, types, rows);
  }

  /* A date cell (model_fit's fitting window) as the ISO text a Table holds for DATE columns, as run_date is. */
  private static Object text(Object cell) {
    return cell instanceof LocalDate d ? d.toString() : cell;
  }

  /** @return the {@code conversion_kpis} row of one date's report (no lifetime value in a windowed run) */
  public static List<KpiRow> kpiRows(AttributionReport report) {
    return List.of(new KpiRow(report.kpis(), null));
  }
}
