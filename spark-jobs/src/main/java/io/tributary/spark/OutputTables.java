package io.tributary.spark;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.PathSummaryRow;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * SPEC's output tables: their names, schemas (column names exactly SPEC's) and the rows of a report. Values come from
 * the core's {@link AttributionReport} unchanged; this class only lays them out.
 */
final class OutputTables {
  static final String CHANNEL_CREDIT = "channel_credit";
  static final String CONVERSION_KPIS = "conversion_kpis";
  static final String PATH_SUMMARY = "path_summary";
  static final String RUN_LOG = "run_log";
  static final String REJECTED_ROWS = "rejected_rows";
  /** Not a SPEC table: the markov model's transition matrix, written when the run fits markov. */
  static final String MARKOV_TRANSITIONS = "markov_transitions";
  /** Not a SPEC table: the markov model's removal effects, written when the run fits markov. */
  static final String REMOVAL_EFFECTS = "removal_effects";
  /** The partition column of every table. */
  static final String RUN_DATE = "run_date";

  static final StructType CHANNEL_CREDIT_SCHEMA = new StructType()
      .add(RUN_DATE, DataTypes.DateType, false)
      .add("model", DataTypes.StringType, false)
      .add("channel", DataTypes.StringType, false)
      .add("attributed_conversions", DataTypes.DoubleType, false)
      .add("attributed_value", DataTypes.DoubleType, false)
      .add("share", DataTypes.DoubleType)
      .add("spend", DataTypes.DoubleType)
      .add("roas", DataTypes.DoubleType)
      .add("roi", DataTypes.DoubleType)
      .add("cpa", DataTypes.DoubleType)
      .add("ci_low", DataTypes.DoubleType)
      .add("ci_high", DataTypes.DoubleType);

  static final StructType CONVERSION_KPIS_SCHEMA = new StructType()
      .add(RUN_DATE, DataTypes.DateType, false)
      .add("journeys", DataTypes.LongType, false)
      .add("converting_journeys", DataTypes.LongType, false)
      .add("conversions", DataTypes.LongType, false)
      .add("total_value", DataTypes.DoubleType, false)
      .add("conversion_rate", DataTypes.DoubleType)
      .add("multi_channel_journeys", DataTypes.LongType, false)
      .add("cross_channel_conversion_rate", DataTypes.DoubleType)
      .add("single_channel_conversion_rate", DataTypes.DoubleType)
      .add("multi_channel_conversion_share", DataTypes.DoubleType)
      .add("avg_touches_to_conversion", DataTypes.DoubleType)
      .add("avg_days_to_conversion", DataTypes.DoubleType)
      .add("total_spend", DataTypes.DoubleType, false)
      .add("omnichannel_roi", DataTypes.DoubleType);

  static final StructType PATH_SUMMARY_SCHEMA = new StructType()
      .add(RUN_DATE, DataTypes.DateType, false)
      .add("path", DataTypes.StringType, false)
      .add("journeys", DataTypes.LongType, false)
      .add("conversions", DataTypes.LongType, false)
      .add("conversion_value", DataTypes.DoubleType, false)
      .add("nulls", DataTypes.LongType, false);

  static final StructType MARKOV_TRANSITIONS_SCHEMA = new StructType()
      .add(RUN_DATE, DataTypes.DateType, false)
      .add("from_state", DataTypes.StringType, false)
      .add("to_state", DataTypes.StringType, false)
      .add("journeys", DataTypes.LongType, false)
      .add("probability", DataTypes.DoubleType, false);

  static final StructType REMOVAL_EFFECTS_SCHEMA = new StructType()
      .add(RUN_DATE, DataTypes.DateType, false)
      .add("channel", DataTypes.StringType, false)
      .add("removal_effect", DataTypes.DoubleType, false)
      .add("value_removal_effect", DataTypes.DoubleType, false)
      .add("conversion_probability_without", DataTypes.DoubleType, false);

  static final StructType REJECTED_ROWS_SCHEMA = new StructType()
      .add(RUN_DATE, DataTypes.DateType, false)
      .add("source", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, false)
      .add("reason", DataTypes.StringType, false)
      .add("raw", DataTypes.StringType);

  static final StructType RUN_LOG_SCHEMA = new StructType()
      .add(RUN_DATE, DataTypes.DateType, false)
      .add("run_id", DataTypes.StringType, false)
      .add("inputs", DataTypes.StringType, false)
      .add("rows_read", DataTypes.LongType, false)
      .add("rows_accepted", DataTypes.LongType, false)
      .add("rows_rejected", DataTypes.LongType, false)
      .add("rows_excluded_by_consent", DataTypes.LongType, false)
      .add("customers", DataTypes.LongType, false)
      .add("journeys", DataTypes.LongType, false)
      .add("started_at", DataTypes.TimestampType, false)
      .add("finished_at", DataTypes.TimestampType, false)
      .add("status", DataTypes.StringType, false)
      .add("message", DataTypes.StringType)
      .add("version", DataTypes.StringType, false);

  private OutputTables() {}

  static List<Row> channelCredit(LocalDate runDate, AttributionReport report) {
    Date d = Date.valueOf(runDate);
    List<Row> rows = new ArrayList<>();
    for (ChannelCreditRow c : report.channelCredit()) {
      rows.add(RowFactory.create(d, c.model(), c.channel(), c.attributedConversions(), c.attributedValue(),
          c.share(), c.spend(), c.roas(), c.roi(), c.cpa(), c.ciLow(), c.ciHigh()));
    }
    return rows;
  }

  static List<Row> conversionKpis(LocalDate runDate, AttributionReport report) {
    ConversionKpis k = report.kpis();
    return List.of(RowFactory.create(Date.valueOf(runDate), k.journeys(), k.convertingJourneys(), k.conversions(),
        k.totalValue(), k.conversionRate(), k.multiChannelJourneys(), k.crossChannelConversionRate(),
        k.singleChannelConversionRate(), k.multiChannelConversionShare(), k.avgTouchesToConversion(),
        k.avgDaysToConversion(), k.totalSpend(), k.omnichannelRoi()));
  }

  static List<Row> pathSummary(LocalDate runDate, AttributionReport report) {
    Date d = Date.valueOf(runDate);
    List<Row> rows = new ArrayList<>(report.pathSummary().size());
    for (PathSummaryRow p : report.pathSummary()) {
      rows.add(RowFactory.create(d, p.path(), p.journeys(), p.conversions(), p.conversionValue(), p.nulls()));
    }
    return rows;
  }

  static List<Row> markovTransitions(LocalDate runDate, Optional<MarkovDiagnostics> markov) {
    Date d = Date.valueOf(runDate);
    List<Row> rows = new ArrayList<>();
    markov.ifPresent(m -> m.transitions().forEach(t ->
        rows.add(RowFactory.create(d, t.fromState(), t.toState(), t.journeys(), t.probability()))));
    return rows;
  }

  static List<Row> removalEffects(LocalDate runDate, Optional<MarkovDiagnostics> markov) {
    Date d = Date.valueOf(runDate);
    List<Row> rows = new ArrayList<>();
    markov.ifPresent(m -> m.removalEffects().forEach(r -> rows.add(RowFactory.create(d, r.channel(),
        r.removalEffect(), r.valueRemovalEffect(), r.conversionProbabilityWithout()))));
    return rows;
  }

  static Row runLog(LocalDate runDate, String runId, RunStats stats, Instant started, Instant finished,
      String status, String message, String version) {
    return RowFactory.create(Date.valueOf(runDate), runId, stats.inputs(), stats.read(), stats.accepted(),
        stats.rejected(), stats.excluded(), stats.customers(), stats.journeys(), Timestamp.from(started),
        Timestamp.from(finished), status, message, version);
  }
}
