package io.tributary.spark;

import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.output.Column;
import io.tributary.core.output.KpiRow;
import io.tributary.core.output.Rejection;
import io.tributary.core.output.RunLogEntry;
import io.tributary.core.output.TableSchema;
import io.tributary.core.window.WindowedReport;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The core's {@link io.tributary.core.output.OutputTables} as Spark tables: each schema is derived from the core's
 * definition ({@code run_date} first, the partition column), and each row is the definition's cells with dates and
 * instants as Spark's {@link Date} and {@link Timestamp}. This class names no column: a column added in the core
 * appears in the job's tables with no change here.
 */
final class OutputTables {
  static final String CHANNEL_CREDIT = io.tributary.core.output.OutputTables.CHANNEL_CREDIT.name();
  static final String CONVERSION_KPIS = io.tributary.core.output.OutputTables.CONVERSION_KPIS.name();
  static final String PATH_SUMMARY = io.tributary.core.output.OutputTables.PATH_SUMMARY.name();
  static final String RUN_LOG = io.tributary.core.output.OutputTables.RUN_LOG.name();
  /** Not a SPEC table: the channel roll-up of a {@code --touchpoint channel/campaign} run. */
  static final String CHANNEL_ROLLUP = io.tributary.core.output.OutputTables.CHANNEL_ROLLUP.name();
  static final String REJECTED_ROWS = io.tributary.core.output.OutputTables.REJECTED_ROWS.name();
  /** Not a SPEC table: the markov model's transition matrix, written when the run fits markov. */
  static final String MARKOV_TRANSITIONS = io.tributary.core.output.OutputTables.MARKOV_TRANSITIONS.name();
  /** Not a SPEC table: the markov model's removal effects, written when the run fits markov. */
  static final String REMOVAL_EFFECTS = io.tributary.core.output.OutputTables.REMOVAL_EFFECTS.name();
  /** A windowed run's data-driven model fits, one row per report date and model. */
  static final String MODEL_FIT = io.tributary.core.output.OutputTables.MODEL_FIT.name();
  /** Lifetime value by channel, written by a run with {@code --clv}. */
  static final String CHANNEL_LIFETIME_VALUE = io.tributary.core.output.OutputTables.CHANNEL_LIFETIME_VALUE.name();
  /** The BG/NBD holdout check, written by a run with {@code --clv}. */
  static final String LIFETIME_HOLDOUT = io.tributary.core.output.OutputTables.LIFETIME_HOLDOUT.name();
  static final StructType LIFETIME_HOLDOUT_SCHEMA = fixed(io.tributary.core.output.OutputTables.LIFETIME_HOLDOUT);
  /** The partition column of every table. */
  static final String RUN_DATE = TableSchema.RUN_DATE;

  // Tables whose every column is always written: one schema for every run.
  static final StructType PATH_SUMMARY_SCHEMA = fixed(io.tributary.core.output.OutputTables.PATH_SUMMARY);
  static final StructType MARKOV_TRANSITIONS_SCHEMA = fixed(io.tributary.core.output.OutputTables.MARKOV_TRANSITIONS);
  static final StructType REMOVAL_EFFECTS_SCHEMA = fixed(io.tributary.core.output.OutputTables.REMOVAL_EFFECTS);
  static final StructType REJECTED_ROWS_SCHEMA = fixed(io.tributary.core.output.OutputTables.REJECTED_ROWS);
  static final StructType RUN_LOG_SCHEMA = fixed(io.tributary.core.output.OutputTables.RUN_LOG);
  static final StructType MODEL_FIT_SCHEMA = fixed(io.tributary.core.output.OutputTables.MODEL_FIT);
  static final StructType CHANNEL_ROLLUP_SCHEMA = fixed(io.tributary.core.output.OutputTables.CHANNEL_ROLLUP);

  private OutputTables() {}

  /** @return the Spark schema of {@code table}: {@code run_date} (a date, not null), then the core's columns */
  static StructType schema(TableSchema<?> table) {
    StructType s = new StructType().add(RUN_DATE, DataTypes.DateType, false);
    for (Column<?> c : table.columns()) {
      s = s.add(c.name(), sparkType(c), c.nullable());
    }
    return s;
  }

  /* The schema of a table with no column written only when set (so every run has it); fails otherwise. */
  private static StructType fixed(TableSchema<?> table) {
    for (Column<?> c : table.columns()) {
      if (c.omittedWhenUnset(true)) {
        throw new IllegalStateException(table.name() + "." + c.name() + " is written only when set: derive the "
            + "schema from the rows (schema(table, rows))");
      }
    }
    return schema(table);
  }

  private static DataType sparkType(Column<?> c) {
    return switch (c.type()) {
      case TEXT -> DataTypes.StringType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }

  /**
   * @return the schema of {@code table} for these rows: {@link #schema} without the columns the core lets a table
   *     leave out while no row sets them (see {@link io.tributary.core.output.Presence#WHEN_SET})
   */
  static <R> StructType schema(TableSchema<R> table, List<R> rows) {
    StructType s = new StructType().add(RUN_DATE, DataTypes.DateType, false);
    for (Column<R> c : table.columnsFor(rows, true)) {
      s = s.add(c.name(), sparkType(c), c.nullable());
    }
    return s;
  }

  /** @return {@code row} of {@code table} as a Spark row of {@link #schema}'s shape */
  static <R> Row row(TableSchema<R> table, LocalDate runDate, R row) {
    Object[] cells = table.cells(runDate, row);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = spark(cells[i]);
    }
    return RowFactory.create(cells);
  }

  /** @return {@code row} with only {@code columns}, in the shape of {@link #schema(TableSchema, List)} */
  static <R> Row row(List<Column<R>> columns, LocalDate runDate, R row) {
    return row(columns, Date.valueOf(runDate), row);
  }

  /* One Date shared by a date's rows: a Date per row was a tenth of a path summary's packing. */
  private static <R> Row row(List<Column<R>> columns, Date runDate, R row) {
    Object[] cells = new Object[columns.size() + 1];
    cells[0] = runDate;
    for (int i = 0; i < columns.size(); i++) {
      cells[i + 1] = spark(columns.get(i).cell(row));
    }
    return RowFactory.create(cells);
  }

  /* Spark's external types: java.sql dates and timestamps (the session's java8 API is off), doubles, not decimals. */
  private static Object spark(Object cell) {
    if (cell instanceof LocalDate d) {
      return Date.valueOf(d);
    }
    if (cell instanceof Instant t) {
      return Timestamp.from(t);
    }
    if (cell instanceof BigDecimal b) {
      return b.doubleValue();
    }
    if (cell instanceof io.tributary.core.metrics.ShownPath p) {
      return p.toString();
    }
    return cell;
  }

  /** @return the rows, in the shape of {@link #schema(TableSchema, List)} for the same rows */
  private static <R> List<Row> rows(TableSchema<R> table, LocalDate runDate, List<R> source) {
    return new RowView<>(table.columnsFor(source, true), List.of(Date.valueOf(runDate)), List.of(source));
  }

  /** @return the {@code channel_credit} rows, in the shape of {@link #channelCreditSchema} */
  static List<Row> channelCredit(LocalDate runDate, AttributionReport report) {
    return rows(io.tributary.core.output.OutputTables.CHANNEL_CREDIT, runDate, report.channelCredit());
  }

  /** @return the schema of this report's {@code channel_credit}: a sampled Shapley fit adds its error columns */
  static StructType channelCreditSchema(AttributionReport report) {
    return schema(io.tributary.core.output.OutputTables.CHANNEL_CREDIT, report.channelCredit());
  }

  /** @return the {@code conversion_kpis} row, in the shape of {@link #conversionKpisSchema} */
  static List<Row> conversionKpis(LocalDate runDate, KpiRow kpis) {
    return rows(io.tributary.core.output.OutputTables.CONVERSION_KPIS, runDate, List.of(kpis));
  }

  /** @return the schema of this {@code conversion_kpis} row: lifetime value ({@code --clv}) adds its columns */
  static StructType conversionKpisSchema(KpiRow kpis) {
    return schema(io.tributary.core.output.OutputTables.CONVERSION_KPIS, List.of(kpis));
  }

  /** @return the {@code channel_lifetime_value} rows (none without lifetime value) */
  static List<Row> channelLifetimeValue(LocalDate runDate, ChannelLifetimeValue lifetime) {
    return rows(io.tributary.core.output.OutputTables.CHANNEL_LIFETIME_VALUE, runDate,
        lifetime == null ? List.of() : lifetime.rows());
  }

  /** @return the schema of {@code channel_lifetime_value}: every column (the interval's are always in a table) */
  static StructType channelLifetimeValueSchema(ChannelLifetimeValue lifetime) {
    return schema(io.tributary.core.output.OutputTables.CHANNEL_LIFETIME_VALUE,
        lifetime == null ? List.of() : lifetime.rows());
  }

  /** @return the {@code lifetime_holdout} rows (none without the check) */
  static List<Row> lifetimeHoldout(LocalDate runDate, io.tributary.core.lifetime.HoldoutCheck check) {
    return rows(io.tributary.core.output.OutputTables.LIFETIME_HOLDOUT, runDate,
        check == null ? List.of() : check.rows());
  }

  static List<Row> pathSummary(LocalDate runDate, AttributionReport report) {
    return rows(io.tributary.core.output.OutputTables.PATH_SUMMARY, runDate, report.pathSummary());
  }

  static List<Row> markovTransitions(LocalDate runDate, Optional<MarkovDiagnostics> markov) {
    return rows(io.tributary.core.output.OutputTables.MARKOV_TRANSITIONS, runDate,
        markov.map(MarkovDiagnostics::transitions).orElse(List.of()));
  }

  static List<Row> removalEffects(LocalDate runDate, Optional<MarkovDiagnostics> markov) {
    return rows(io.tributary.core.output.OutputTables.REMOVAL_EFFECTS, runDate,
        markov.map(MarkovDiagnostics::removalEffects).orElse(List.of()));
  }

  // --segment-by: a table's segmented rows and their schema (one text column per segment first; see the core).

  /** @return the segmented rows of {@code base} of every date, in the shape of the same dates' segmented schema */
  static <R> List<Row> segmentedRows(TableSchema<R> base, List<String> segments, List<WindowedReport.Dated> dates,
      java.util.function.Function<io.tributary.core.segment.SegmentedReport,
          List<io.tributary.core.output.SegmentRow<R>>> of) {
    return rows(io.tributary.core.output.OutputTables.segmented(base, segments), dates, d -> of.apply(d.segmented()));
  }

  /** @return {@code rows}, segmented rows of {@code base}, of one date, in the shape of their segmented schema */
  static <R> List<Row> segmentedRows(TableSchema<R> base, List<String> segments, LocalDate runDate,
      List<io.tributary.core.output.SegmentRow<R>> rows) {
    return rows(io.tributary.core.output.OutputTables.segmented(base, segments), runDate, rows);
  }

  /** @return the schema of {@code rows}, segmented rows of {@code base} */
  static <R> StructType segmentedSchema(TableSchema<R> base, List<String> segments,
      List<io.tributary.core.output.SegmentRow<R>> rows) {
    return schema(io.tributary.core.output.OutputTables.segmented(base, segments), rows);
  }

  /** @return the schema of {@code base}'s segmented rows of every date */
  static <R> StructType segmentedSchema(TableSchema<R> base, List<String> segments, List<WindowedReport.Dated> dates,
      java.util.function.Function<io.tributary.core.segment.SegmentedReport,
          List<io.tributary.core.output.SegmentRow<R>>> of) {
    return schema(io.tributary.core.output.OutputTables.segmented(base, segments),
        all(dates, d -> of.apply(d.segmented())));
  }

  // The tables of every date a run writes: one column set for all the dates' rows (a column written only when set is
  // there when any date sets it), each row led by its date.

  /** @return the {@code channel_credit} rows of every date, in the shape of {@link #channelCreditSchema(List)} */
  static List<Row> channelCredit(List<WindowedReport.Dated> dates) {
    return rows(io.tributary.core.output.OutputTables.CHANNEL_CREDIT, dates, d -> d.report().channelCredit());
  }

  /** @return the schema of these dates' {@code channel_credit} */
  static StructType channelCreditSchema(List<WindowedReport.Dated> dates) {
    return schema(io.tributary.core.output.OutputTables.CHANNEL_CREDIT,
        all(dates, d -> d.report().channelCredit()));
  }

  /** @return the {@code conversion_kpis} rows, one per date */
  static List<Row> conversionKpis(List<WindowedReport.Dated> dates) {
    return rows(io.tributary.core.output.OutputTables.CONVERSION_KPIS, dates, d -> kpis(d.report()));
  }

  /** @return the schema of these dates' {@code conversion_kpis} */
  static StructType conversionKpisSchema(List<WindowedReport.Dated> dates) {
    return schema(io.tributary.core.output.OutputTables.CONVERSION_KPIS, all(dates, d -> kpis(d.report())));
  }

  /** @return the {@code channel_rollup} rows of every date (none unless at {@code --touchpoint channel/campaign}) */
  static List<Row> channelRollup(List<WindowedReport.Dated> dates) {
    return rows(io.tributary.core.output.OutputTables.CHANNEL_ROLLUP, dates, d -> d.report().channelRollup());
  }

  static List<Row> pathSummary(List<WindowedReport.Dated> dates) {
    return rows(io.tributary.core.output.OutputTables.PATH_SUMMARY, dates, d -> d.report().pathSummary());
  }

  static List<Row> markovTransitions(List<WindowedReport.Dated> dates) {
    return rows(io.tributary.core.output.OutputTables.MARKOV_TRANSITIONS, dates,
        d -> d.markov().map(MarkovDiagnostics::transitions).orElse(List.of()));
  }

  static List<Row> removalEffects(List<WindowedReport.Dated> dates) {
    return rows(io.tributary.core.output.OutputTables.REMOVAL_EFFECTS, dates,
        d -> d.markov().map(MarkovDiagnostics::removalEffects).orElse(List.of()));
  }

  static List<Row> modelFits(List<WindowedReport.Dated> dates) {
    return rows(io.tributary.core.output.OutputTables.MODEL_FIT, dates, WindowedReport.Dated::fits);
  }

  /* A date's conversion_kpis row: a windowed run values no customers (no lifetime columns). */
  private static List<KpiRow> kpis(AttributionReport report) {
    return List.of(new KpiRow(report.kpis(), null));
  }

  /*
   * Every date's rows, one after the other, as a view: the rows are only looked at for the columns written when set,
   * and a path summary has none, so its million rows (each path's text made when read) are not made here at all.
   */
  private static <R> List<R> all(List<WindowedReport.Dated> dates,
      java.util.function.Function<WindowedReport.Dated, List<R>> of) {
    if (dates.size() == 1) {
      return of.apply(dates.get(0));
    }
    List<List<R>> parts = new ArrayList<>();
    int n = 0;
    for (WindowedReport.Dated d : dates) {
      List<R> part = of.apply(d);
      parts.add(part);
      n += part.size();
    }
    int size = n;
    return new java.util.AbstractList<>() {
      @Override
      public R get(int index) {
        int i = index;
        for (List<R> part : parts) {
          if (i < part.size()) {
            return part.get(i);
          }
          i -= part.size();
        }
        throw new IndexOutOfBoundsException(index);
      }

      @Override
      public java.util.Iterator<R> iterator() {
        return parts.stream().flatMap(List::stream).iterator();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private static <R> List<Row> rows(TableSchema<R> table, List<WindowedReport.Dated> dates,
      java.util.function.Function<WindowedReport.Dated, List<R>> of) {
    List<Column<R>> columns = table.columnsFor(all(dates, of), true);
    List<Date> days = new ArrayList<>();
    List<List<R>> parts = new ArrayList<>();
    for (WindowedReport.Dated d : dates) {
      days.add(Date.valueOf(d.date()));
      parts.add(of.apply(d));
    }
    return new RowView<>(columns, days, parts);
  }

  /**
   * The Spark rows of a table's core rows, each made when it is read: a segmented run's tables are two million rows,
   * and made all at once they (an object array, a row and a boxed number per cell) outlived several collections while
   * the tables were packed and written concurrently (issue 14: hundreds of MB promoted, then full collections). Read
   * once, by {@link ShippedRows}, each row dies young. Every read of an index makes an equal row.
   */
  private static final class RowView<R> extends java.util.AbstractList<Row> implements java.util.RandomAccess {
    private final List<Column<R>> columns;
    private final List<Date> days;
    private final List<List<R>> parts;
    /* starts[p]: the index of part p's first row; starts[parts] the row count. */
    private final int[] starts;

    RowView(List<Column<R>> columns, List<Date> days, List<List<R>> parts) {
      this.columns = columns;
      this.days = days;
      this.parts = parts;
      this.starts = new int[parts.size() + 1];
      for (int p = 0; p < parts.size(); p++) {
        starts[p + 1] = starts[p] + parts.get(p).size();
      }
    }

    @Override
    public Row get(int index) {
      java.util.Objects.checkIndex(index, size());
      int p = java.util.Arrays.binarySearch(starts, index);
      // An exact hit may be an empty part's start too: the row is in the last part starting there.
      if (p < 0) {
        p = -p - 2;
      } else {
        while (p + 1 < parts.size() && starts[p + 1] == index) {
          p++;
        }
      }
      return row(columns, days.get(p), parts.get(p).get(index - starts[p]));
    }

    @Override
    public int size() {
      return starts[parts.size()];
    }
  }

  /** @return one {@code rejected_rows} row */
  static Row rejected(LocalDate runDate, Rejection r) {
    return row(io.tributary.core.output.OutputTables.REJECTED_ROWS, runDate, r);
  }

  static Row runLog(LocalDate runDate, String runId, RunStats stats, Instant started, Instant finished,
      String status, String message, String version, String tableVersions) {
    return row(io.tributary.core.output.OutputTables.RUN_LOG, runDate, new RunLogEntry(runId, stats.inputs(),
        stats.read(), stats.accepted(), stats.rejected(), stats.excluded(), stats.customers(), stats.journeys(),
        started, finished, status, message, version, tableVersions));
  }
}
