package io.tributary.cli.output;

import io.tributary.cli.load.RejectedRow;
import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.lifetime.ChannelLifetimeValueRow;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.metrics.PathSummaryRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SPEC's output tables, built from the core's report with exactly SPEC's column names and order. {@code run_date}
 * leads each table only when the user gave one; {@code ci_low}/{@code ci_high} end {@code channel_credit} only when
 * some row has an interval.
 */
public final class SpecTables {
  /** {@code channel_credit}'s columns, without {@code run_date} and the interval. */
  public static final List<String> CHANNEL_CREDIT = List.of("model", "channel", "attributed_conversions",
      "attributed_value", "share", "spend", "roas", "roi", "cpa");
  /** {@code conversion_kpis}'s columns, without {@code run_date}. */
  public static final List<String> CONVERSION_KPIS = List.of("journeys", "converting_journeys", "conversions",
      "total_value", "conversion_rate", "multi_channel_journeys", "cross_channel_conversion_rate",
      "single_channel_conversion_rate", "multi_channel_conversion_share", "avg_touches_to_conversion",
      "avg_days_to_conversion", "total_spend", "omnichannel_roi");
  /** {@code path_summary}'s columns, without {@code run_date}. */
  public static final List<String> PATH_SUMMARY = List.of("path", "journeys", "conversions", "conversion_value",
      "nulls");
  /** {@code rejected_rows}'s columns, without {@code run_date}. */
  public static final List<String> REJECTED_ROWS = List.of("source", "line", "reason", "raw");

  /** {@code markov_transitions}'s columns (not a SPEC table), without {@code run_date}. */
  public static final List<String> MARKOV_TRANSITIONS = List.of("from_state", "to_state", "journeys", "probability");
  /** {@code removal_effects}'s columns (not a SPEC table), without {@code run_date}. */
  public static final List<String> REMOVAL_EFFECTS = List.of("channel", "removal_effect", "value_removal_effect",
      "conversion_probability_without");

  private SpecTables() {}

  /** @return the markov model's transition matrix as the {@code markov_transitions} table */
  public static Table markovTransitions(MarkovDiagnostics markov, LocalDate runDate) {
    List<List<Object>> rows = new ArrayList<>(markov.transitions().size());
    for (MarkovDiagnostics.Transition t : markov.transitions()) {
      rows.add(Arrays.asList(t.fromState(), t.toState(), t.journeys(), t.probability()));
    }
    return dated("markov_transitions", MARKOV_TRANSITIONS, rows, runDate);
  }

  /** @return the markov model's removal effects as the {@code removal_effects} table, in channel order */
  public static Table removalEffects(MarkovDiagnostics markov, LocalDate runDate) {
    List<List<Object>> rows = new ArrayList<>(markov.removalEffects().size());
    for (MarkovDiagnostics.Removal r : markov.removalEffects()) {
      rows.add(Arrays.asList(r.channel(), r.removalEffect(), r.valueRemovalEffect(),
          r.conversionProbabilityWithout()));
    }
    return dated("removal_effects", REMOVAL_EFFECTS, rows, runDate);
  }

  /** @return the {@code channel_credit} table */
  public static Table channelCredit(AttributionReport report, LocalDate runDate) {
    boolean intervals = report.channelCredit().stream().anyMatch(r -> r.ciLow() != null);
    List<String> cols = new ArrayList<>(CHANNEL_CREDIT);
    if (intervals) {
      cols.addAll(List.of("ci_low", "ci_high"));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (ChannelCreditRow r : report.channelCredit()) {
      List<Object> row = new ArrayList<>(Arrays.asList(r.model(), r.channel(), r.attributedConversions(),
          r.attributedValue(), r.share(), r.spend(), r.roas(), r.roi(), r.cpa()));
      if (intervals) {
        row.add(r.ciLow());
        row.add(r.ciHigh());
      }
      rows.add(row);
    }
    return dated("channel_credit", cols, rows, runDate);
  }

  /** @return the one-row {@code conversion_kpis} table */
  public static Table conversionKpis(ConversionKpis k, LocalDate runDate) {
    return conversionKpis(k, null, runDate);
  }

  /**
   * @param lifetime when not null, the table gains the run's omnichannel lifetime value
   *     ({@link ChannelLifetimeValue#KPI_COLUMNS})
   * @return the one-row {@code conversion_kpis} table
   */
  public static Table conversionKpis(ConversionKpis k, ChannelLifetimeValue lifetime, LocalDate runDate) {
    List<Object> row = new ArrayList<>(Arrays.asList(k.journeys(), k.convertingJourneys(), k.conversions(),
        k.totalValue(), k.conversionRate(), k.multiChannelJourneys(), k.crossChannelConversionRate(),
        k.singleChannelConversionRate(), k.multiChannelConversionShare(), k.avgTouchesToConversion(),
        k.avgDaysToConversion(), k.totalSpend(), k.omnichannelRoi()));
    List<String> cols = new ArrayList<>(CONVERSION_KPIS);
    if (lifetime != null) {
      cols.addAll(ChannelLifetimeValue.KPI_COLUMNS);
      row.addAll(Arrays.asList(lifetime.customers(), lifetime.totalLifetimeValue(), lifetime.meanLifetimeValue()));
    }
    return dated("conversion_kpis", cols, List.of(row), runDate);
  }

  /** @return the {@code channel_lifetime_value} table, with {@code ci_low}/{@code ci_high} when intervals exist */
  public static Table channelLifetimeValue(ChannelLifetimeValue lifetime, LocalDate runDate) {
    boolean intervals = lifetime.rows().stream().anyMatch(r -> r.ciLow() != null);
    List<String> cols = new ArrayList<>(ChannelLifetimeValue.COLUMNS);
    if (intervals) {
      cols.addAll(List.of("ci_low", "ci_high"));
    }
    List<List<Object>> rows = new ArrayList<>(lifetime.rows().size());
    for (ChannelLifetimeValueRow r : lifetime.rows()) {
      List<Object> row = new ArrayList<>(Arrays.asList(r.model(), r.channel(), r.newCustomers(), r.lifetimeValue(),
          r.lifetimeValuePerCustomer(), r.spend(), r.roas(), r.ltvRoas()));
      if (intervals) {
        row.add(r.ciLow());
        row.add(r.ciHigh());
      }
      rows.add(row);
    }
    return dated(ChannelLifetimeValue.TABLE, cols, rows, runDate);
  }

  /** @return the {@code path_summary} table, in the core's path order */
  public static Table pathSummary(List<PathSummaryRow> paths, LocalDate runDate) {
    List<List<Object>> rows = new ArrayList<>(paths.size());
    for (PathSummaryRow p : paths) {
      rows.add(Arrays.asList(p.path(), p.journeys(), p.conversions(), p.conversionValue(), p.nulls()));
    }
    return dated("path_summary", PATH_SUMMARY, rows, runDate);
  }

  /** @return the {@code rejected_rows} table, in reading order */
  public static Table rejectedRows(List<RejectedRow> rejected, LocalDate runDate) {
    List<List<Object>> rows = new ArrayList<>(rejected.size());
    for (RejectedRow r : rejected) {
      rows.add(Arrays.asList(r.source(), r.line(), r.reason(), r.raw()));
    }
    return dated("rejected_rows", REJECTED_ROWS, rows, runDate);
  }

  private static Table dated(String name, List<String> cols, List<List<Object>> rows, LocalDate runDate) {
    if (runDate == null) {
      return new Table(name, cols, rows);
    }
    List<String> c = new ArrayList<>();
    c.add("run_date");
    c.addAll(cols);
    List<List<Object>> r = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<Object> x = new ArrayList<>(row.size() + 1);
      x.add(runDate.toString());
      x.addAll(row);
      r.add(x);
    }
    return new Table(name, c, r);
  }
}
