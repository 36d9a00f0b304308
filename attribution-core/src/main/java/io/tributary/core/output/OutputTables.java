package io.tributary.core.output;

import static io.tributary.core.output.ColumnType.DATE;
import static io.tributary.core.output.ColumnType.DOUBLE;
import static io.tributary.core.output.ColumnType.LONG;
import static io.tributary.core.output.ColumnType.TEXT;
import static io.tributary.core.output.ColumnType.TIMESTAMP;

import io.tributary.core.lifetime.ChannelLifetimeValueRow;
import io.tributary.core.lifetime.HoldoutCheck;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.metrics.PathSummaryRow;
import java.util.List;

/**
 * Every table an engine writes, defined once: SPEC's {@code channel_credit}, {@code conversion_kpis},
 * {@code path_summary}, {@code rejected_rows} and {@code run_log}, the markov model's {@code markov_transitions} and
 * {@code removal_effects}, the path file {@code tributary paths} writes and the report of {@code tributary clv}. Adding a column, or a table, is one
 * change here: the CLI's writers and the Spark job's schemas are derived from these definitions, and a test in each
 * engine fails when it writes a column that is not defined here. {@code docs/output-tables.md} lists them.
 */
public final class OutputTables {
  /** Each model's credit per channel, with ROI from spend, the bootstrap interval and Shapley's sampling error. */
  public static final TableSchema<ChannelCreditRow> CHANNEL_CREDIT = TableSchema
      .<ChannelCreditRow>named("channel_credit",
          "models in the order given, then channels by name, (unattributed) last")
      .required("model", TEXT, ChannelCreditRow::model)
      .required("channel", TEXT, ChannelCreditRow::channel)
      // --touchpoint campaign or channel/campaign: the row's campaign; a channel-level run leaves the column out.
      .nullable("campaign", TEXT, Presence.WHEN_SET, ChannelCreditRow::campaign)
      .required("attributed_conversions", DOUBLE, ChannelCreditRow::attributedConversions)
      .required("attributed_value", DOUBLE, ChannelCreditRow::attributedValue)
      .nullable("share", DOUBLE, ChannelCreditRow::share)
      .nullable("spend", DOUBLE, ChannelCreditRow::spend)
      .nullable("roas", DOUBLE, ChannelCreditRow::roas)
      .nullable("roi", DOUBLE, ChannelCreditRow::roi)
      .nullable("cpa", DOUBLE, ChannelCreditRow::cpa)
      .nullable("ci_low", DOUBLE, Presence.WHEN_SET_IN_FILES, ChannelCreditRow::ciLow)
      .nullable("ci_high", DOUBLE, Presence.WHEN_SET_IN_FILES, ChannelCreditRow::ciHigh)
      .nullable("sampling_se", DOUBLE, Presence.WHEN_SET, ChannelCreditRow::samplingError)
      .nullable("sampling_se_value", DOUBLE, Presence.WHEN_SET, ChannelCreditRow::valueSamplingError)
      .build();

  // --touchpoint channel/campaign (issue 14): the channel roll-up beside the campaign rows.
  /**
   * Not a SPEC table: at {@code --touchpoint channel/campaign}, each model's credit per channel (its campaigns
   * together) with the channel's whole spend. A table of its own, not rows mixed into {@code channel_credit}, so that
   * summing either table counts every conversion once.
   */
  public static final TableSchema<ChannelCreditRow> CHANNEL_ROLLUP = TableSchema
      .<ChannelCreditRow>named("channel_rollup",
          "models in the order given, then channels by name, (unattributed) last; written at --touchpoint "
              + "channel/campaign only")
      .required("model", TEXT, ChannelCreditRow::model)
      .required("channel", TEXT, ChannelCreditRow::channel)
      .required("attributed_conversions", DOUBLE, ChannelCreditRow::attributedConversions)
      .required("attributed_value", DOUBLE, ChannelCreditRow::attributedValue)
      .nullable("share", DOUBLE, ChannelCreditRow::share)
      .nullable("spend", DOUBLE, ChannelCreditRow::spend)
      .nullable("roas", DOUBLE, ChannelCreditRow::roas)
      .nullable("roi", DOUBLE, ChannelCreditRow::roi)
      .nullable("cpa", DOUBLE, ChannelCreditRow::cpa)
      .build();

  /** The column of {@code conversion_kpis} holding the mean lifetime value per buyer ({@code --clv}). */
  public static final String LIFETIME_VALUE_PER_CUSTOMER = "lifetime_value_per_customer";

  /**
   * The run's KPIs: one row; with lifetime value computed ({@code --clv}), its three omnichannel figures, and in the
   * Spark job the change of lifetime value per customer against the same date a year earlier.
   */
  public static final TableSchema<KpiRow> CONVERSION_KPIS = TableSchema
      .<KpiRow>named("conversion_kpis", "one row")
      .required("journeys", LONG, r -> r.kpis().journeys())
      .required("converting_journeys", LONG, r -> r.kpis().convertingJourneys())
      .required("conversions", LONG, r -> r.kpis().conversions())
      .required("total_value", DOUBLE, r -> r.kpis().totalValue())
      .nullable("conversion_rate", DOUBLE, r -> r.kpis().conversionRate())
      .required("multi_channel_journeys", LONG, r -> r.kpis().multiChannelJourneys())
      .nullable("cross_channel_conversion_rate", DOUBLE, r -> r.kpis().crossChannelConversionRate())
      .nullable("single_channel_conversion_rate", DOUBLE, r -> r.kpis().singleChannelConversionRate())
      .nullable("multi_channel_conversion_share", DOUBLE, r -> r.kpis().multiChannelConversionShare())
      .nullable("avg_touches_to_conversion", DOUBLE, r -> r.kpis().avgTouchesToConversion())
      .nullable("avg_days_to_conversion", DOUBLE, r -> r.kpis().avgDaysToConversion())
      .required("total_spend", DOUBLE, r -> r.kpis().totalSpend())
      .nullable("omnichannel_roi", DOUBLE, r -> r.kpis().omnichannelRoi())
      .nullable("lifetime_value_customers", LONG, Presence.WHEN_SET,
          r -> r.lifetime() == null ? null : (Object) (long) r.lifetime().customers())
      .nullable("lifetime_value_total", DOUBLE, Presence.WHEN_SET,
          r -> r.lifetime() == null ? null : (Object) r.lifetime().totalLifetimeValue())
      .nullable(LIFETIME_VALUE_PER_CUSTOMER, DOUBLE, Presence.WHEN_SET,
          r -> r.lifetime() == null ? null : (Object) r.lifetime().meanLifetimeValue())
      // The Spark job's year-over-year figure: it alone keeps the earlier dates' partitions.
      .nullable("lifetime_value_per_customer_change", DOUBLE, Presence.WHEN_SET, KpiRow::lifetimeValueChange)
      .build();

  /** Lifetime value credited to channels by each model ({@code --clv}): what new customers are worth. */
  public static final TableSchema<ChannelLifetimeValueRow> CHANNEL_LIFETIME_VALUE = TableSchema
      .<ChannelLifetimeValueRow>named("channel_lifetime_value",
          "models in the order given, then channels by name, (unattributed) last")
      .required("model", TEXT, ChannelLifetimeValueRow::model)
      .required("channel", TEXT, ChannelLifetimeValueRow::channel)
      .required("new_customers", DOUBLE, ChannelLifetimeValueRow::newCustomers)
      .required("lifetime_value", DOUBLE, ChannelLifetimeValueRow::lifetimeValue)
      .nullable("lifetime_value_per_customer", DOUBLE, ChannelLifetimeValueRow::lifetimeValuePerCustomer)
      .nullable("spend", DOUBLE, ChannelLifetimeValueRow::spend)
      .nullable("roas", DOUBLE, ChannelLifetimeValueRow::roas)
      .nullable("ltv_roas", DOUBLE, ChannelLifetimeValueRow::ltvRoas)
      .nullable("ci_low", DOUBLE, Presence.WHEN_SET_IN_FILES, ChannelLifetimeValueRow::ciLow)
      .nullable("ci_high", DOUBLE, Presence.WHEN_SET_IN_FILES, ChannelLifetimeValueRow::ciHigh)
      .build();

  /**
   * Not a SPEC table: the standard check of the BG/NBD fit ({@code --clv}, Spark job): fitted on the first two thirds
   * of the run's days, its predicted repeat purchases in the last third against the actual ones, by the number of
   * repeat purchases in the first part ({@link io.tributary.core.lifetime.HoldoutCheck}).
   */
  public static final TableSchema<HoldoutCheck.Row> LIFETIME_HOLDOUT = TableSchema
      .<HoldoutCheck.Row>named("lifetime_holdout", "by frequency; the last row (7) pools 7 or more")
      .required("calibration_end", DATE, HoldoutCheck.Row::calibrationEnd)
      .required("holdout_end", DATE, HoldoutCheck.Row::holdoutEnd)
      .required("frequency", LONG, r -> (long) r.frequency())
      .required("customers", LONG, HoldoutCheck.Row::customers)
      .required("actual_repeat_purchases", DOUBLE, HoldoutCheck.Row::actual)
      .required("predicted_repeat_purchases", DOUBLE, HoldoutCheck.Row::predicted)
      .build();

  /** Every distinct path with its journeys, conversions and value. */
  public static final TableSchema<PathSummaryRow> PATH_SUMMARY = TableSchema
      .<PathSummaryRow>named("path_summary", "the core's path order (by path length, then channel ids)")
      .required("path", TEXT, PathSummaryRow::shownPath)
      .required("journeys", LONG, PathSummaryRow::journeys)
      .required("conversions", LONG, PathSummaryRow::conversions)
      .required("conversion_value", DOUBLE, PathSummaryRow::conversionValue)
      .required("nulls", LONG, PathSummaryRow::nulls)
      .build();

  /** Not a SPEC table: the markov model's transition matrix, written when the run fits markov. */
  public static final TableSchema<MarkovDiagnostics.Transition> MARKOV_TRANSITIONS = TableSchema
      .<MarkovDiagnostics.Transition>named("markov_transitions", "by from_state, then to_state, in state order")
      .required("from_state", TEXT, MarkovDiagnostics.Transition::fromState)
      .required("to_state", TEXT, MarkovDiagnostics.Transition::toState)
      .required("journeys", LONG, MarkovDiagnostics.Transition::journeys)
      .required("probability", DOUBLE, MarkovDiagnostics.Transition::probability)
      .build();

  /** Not a SPEC table: the markov model's removal effects, written when the run fits markov. */
  public static final TableSchema<MarkovDiagnostics.Removal> REMOVAL_EFFECTS = TableSchema
      .<MarkovDiagnostics.Removal>named("removal_effects", "channels by name")
      .required("channel", TEXT, MarkovDiagnostics.Removal::channel)
      .required("removal_effect", DOUBLE, MarkovDiagnostics.Removal::removalEffect)
      .required("value_removal_effect", DOUBLE, MarkovDiagnostics.Removal::valueRemovalEffect)
      .required("conversion_probability_without", DOUBLE, MarkovDiagnostics.Removal::conversionProbabilityWithout)
      .build();

  /** Input rows set aside, with the reason. */
  public static final TableSchema<Rejection> REJECTED_ROWS = TableSchema
      .<Rejection>named("rejected_rows", "reading order: inputs as read, then line")
      .required("source", TEXT, Rejection::source)
      .required("line", LONG, Rejection::line)
      .required("reason", TEXT, Rejection::reason)
      .nullable("raw", TEXT, Rejection::raw)
      .build();

  /** One row per run of the Spark job, appended, failed runs included. */
  public static final TableSchema<RunLogEntry> RUN_LOG = TableSchema
      .<RunLogEntry>named("run_log", "appended, one row per run")
      .required("run_id", TEXT, RunLogEntry::runId)
      .required("inputs", TEXT, RunLogEntry::inputs)
      .required("rows_read", LONG, RunLogEntry::read)
      .required("rows_accepted", LONG, RunLogEntry::accepted)
      .required("rows_rejected", LONG, RunLogEntry::rejected)
      .required("rows_excluded_by_consent", LONG, RunLogEntry::excluded)
      .required("customers", LONG, RunLogEntry::customers)
      .required("journeys", LONG, RunLogEntry::journeys)
      .required("started_at", TIMESTAMP, RunLogEntry::startedAt)
      .required("finished_at", TIMESTAMP, RunLogEntry::finishedAt)
      .required("status", TEXT, RunLogEntry::status)
      .nullable("message", TEXT, RunLogEntry::message)
      .required("version", TEXT, RunLogEntry::version)
      // The publish record (issue 13): a reader shows each table at the version the last published run names.
      .nullable("table_versions", TEXT, RunLogEntry::tableVersions)
      .build();

  /**
   * A windowed run's data-driven models, one row per report date and model: which journeys each was fitted on (its
   * {@code --fit-window}), so that a date's credit names its fit.
   */
  public static final TableSchema<io.tributary.core.window.ModelFit> MODEL_FIT = TableSchema
      .<io.tributary.core.window.ModelFit>named("model_fit", "models in the order given")
      .required("model", TEXT, io.tributary.core.window.ModelFit::model)
      .required("fit_first_date", DATE, io.tributary.core.window.ModelFit::fitFirstDate)
      .required("fit_last_date", DATE, io.tributary.core.window.ModelFit::fitLastDate)
      .required("fit_journeys", LONG, io.tributary.core.window.ModelFit::fitJourneys)
      .required("fit_conversions", LONG, io.tributary.core.window.ModelFit::fitConversions)
      .nullable("markov_order", LONG, f -> f.order() == null ? null : (Object) (long) f.order())
      .build();

  /** The path file {@code tributary paths} writes: the input format of {@code --paths}. */
  public static final TableSchema<PathFileRow> PATHS = TableSchema
      .<PathFileRow>named("paths", "the core's path order")
      .required("path", TEXT, PathFileRow::path)
      .required("total_conversions", LONG, r -> r.stats().conversions())
      .required("total_conversion_value", DOUBLE, r -> r.stats().value())
      .required("total_null", LONG, r -> r.stats().nulls())
      .build();

  // tributary clv: the lifetime-value report (issue 12: defined here, not in the CLI).
  /**
   * Not a SPEC table: the report {@code tributary clv} writes ({@code --format csv}; its JSON and text forms are made
   * of the same rows), in long format. {@code value} holds numbers and, for the calibration end and the time unit,
   * text: each cell is written as what it is (a number as a number).
   */
  public static final TableSchema<ClvReportRow> CLV_REPORT = TableSchema
      .<ClvReportRow>named("clv_report",
          "BG/NBD's parameters then its log-likelihood, the same for Gamma-Gamma, then the population's facts")
      .required("section", TEXT, ClvReportRow::section)
      .required("name", TEXT, ClvReportRow::name)
      .required("value", TEXT, ClvReportRow::value)
      .nullable("standard_error", DOUBLE, ClvReportRow::standardError)
      .build();

  /** Every table, in the order the docs list them. */
  public static final List<TableSchema<?>> ALL = List.of(CHANNEL_CREDIT, CONVERSION_KPIS, PATH_SUMMARY,
      REJECTED_ROWS, RUN_LOG, MARKOV_TRANSITIONS, REMOVAL_EFFECTS, CHANNEL_LIFETIME_VALUE, LIFETIME_HOLDOUT, PATHS,
      CHANNEL_ROLLUP, CLV_REPORT, MODEL_FIT);

  private OutputTables() {}

  /**
   * @return every table as the Markdown of {@code docs/output-tables.md} (a test keeps that file equal to this, so the
   *     tables are described once, here)
   */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    for (TableSchema<?> t : ALL) {
      sb.append("### `").append(t.name()).append("`\n\nRows: ").append(t.rowOrder()).append(".\n\n")
          .append("| column | type | null | written |\n|---|---|---|---|\n");
      for (Column<?> c : t.columns()) {
        sb.append("| `").append(c.name()).append("` | ").append(c.type().name().toLowerCase(java.util.Locale.ROOT))
            .append(" | ").append(c.nullable() ? "yes" : "no").append(" | ").append(switch (c.presence()) {
              case ALWAYS -> "always";
              case WHEN_SET_IN_FILES -> "files: when some row has a value; tables: always";
              case WHEN_SET -> "when some row has a value (a table gains it then)";
            }).append(" |\n");
      }
      sb.append('\n');
    }
    sb.append("### Segment columns (`--segment-by`)\n\nWith `--segment-by`, the tables ")
        .append(String.join(", ", SEGMENTED.stream().map(n -> "`" + n + "`").toList()))
        .append(" start (after `run_date`) with one text column per segment, named after it, in the order given. ")
        .append("Each segment is broken down on its own: a row has at most one segment column not `(all)`, and the ")
        .append("row whose segment columns are all `(all)` is the unsegmented answer. `channel_credit` ends with ")
        .append("`").append(FIT_SCOPE).append("` (text, never null): `segment` when the model was fitted on the ")
        .append("row's own journeys, `pooled` when a data-driven model's all-customer fit was applied to a segment ")
        .append("too small for its own (see docs/models.md). `path_summary` and the chain tables hold the `(all)` ")
        .append("rows only, unless `--segment-paths true`.\n\nRows: ").append(segmentedOrder(CHANNEL_CREDIT)
            .replace(" (" + CHANNEL_CREDIT.rowOrder() + ")", "")).append(".\n");
    return sb.toString();
  }

  // Segments (--segment-by): the per-run columns every segmented table gains. One block.

  /** The tables {@code --segment-by} breaks down (the others describe the run or its input, not customers). */
  public static final List<String> SEGMENTED = List.of(CHANNEL_CREDIT.name(), CONVERSION_KPIS.name(),
      PATH_SUMMARY.name(), MARKOV_TRANSITIONS.name(), REMOVAL_EFFECTS.name());

  /** The column that says how a data-driven model was fitted for a segment row of {@code channel_credit}. */
  public static final String FIT_SCOPE = "fit_scope";

  /**
   * A table as one segmented run writes it: one text column per segment, named after it and in the order given,
   * before the table's own columns; {@code channel_credit} also ends with {@link #FIT_SCOPE}. The columns depend on
   * the run, so the schema is made per run from the fixed definition.
   *
   * @param base the table's definition above
   * @param segments the run's segment names
   * @return the run's schema of the table; rows are {@link SegmentRow}s
   */
  public static <R> TableSchema<SegmentRow<R>> segmented(TableSchema<R> base, List<String> segments) {
    TableSchema.Builder<SegmentRow<R>> b = TableSchema.named(base.name(), segmentedOrder(base));
    for (int i = 0; i < segments.size(); i++) {
      int k = i;
      b.required(segments.get(i), TEXT, r -> r.segments().get(k));
    }
    for (Column<R> c : base.columns()) {
      b.column(new Column<SegmentRow<R>>(c.name(), c.type(), c.nullable(), c.presence(), r -> c.cell(r.row())));
    }
    if (base.name().equals(CHANNEL_CREDIT.name())) {
      b.required(FIT_SCOPE, TEXT, SegmentRow::fitScope);
    }
    return b.build();
  }

  private static String segmentedOrder(TableSchema<?> base) {
    return "the (all) rows first, then each segment in the order given, its values in text order, each value's "
        + "rows in the table's own order (" + base.rowOrder() + ")";
  }

  /** @return the table named {@code name}, or null */
  public static TableSchema<?> named(String name) {
    for (TableSchema<?> t : ALL) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
