package io.tributary.core.metrics;

import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelResult;
import io.tributary.core.paths.PathTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run reports, computed once from a merged aggregate: the fitted models, SPEC's {@code channel_credit},
 * {@code conversion_kpis} and {@code path_summary} rows. Engines only write these values out, so the CLI and the Spark
 * job print the same numbers.
 *
 * @param results each model's raw credit, in model order
 * @param channelCredit the {@code channel_credit} rows
 * @param kpis the {@code conversion_kpis} row
 * @param pathSummary the {@code path_summary} rows, in path order
 */
public record AttributionReport(
    List<ModelResult> results,
    List<ChannelCreditRow> channelCredit,
    ConversionKpis kpis,
    List<PathSummaryRow> pathSummary) {

  public AttributionReport {
    results = List.copyOf(results);
    channelCredit = List.copyOf(channelCredit);
    pathSummary = List.copyOf(pathSummary);
  }

  /**
   * Fits the models and derives every table.
   *
   * @param aggregate the merged journeys (or a path file's paths)
   * @param models the models, in output order
   * @param spend the window's spend (may be empty)
   * @return the report
   */
  public static AttributionReport compute(
      JourneyAggregate aggregate, List<AttributionModel> models, SpendTable spend) {
    List<ModelResult> results = AttributionRun.fit(aggregate, models);
    return new AttributionReport(
        results,
        CreditTable.rows(results, aggregate, spend),
        ConversionKpis.of(aggregate, spend),
        pathSummary(aggregate));
  }

  /**
   * Fits the models, with bootstrap intervals on path models' credit when {@code options.bootstrapReplicates() > 0}
   * (see {@link AttributionRun#fit(JourneyAggregate, List, ModelOptions)}), and derives every table.
   *
   * @param aggregate the merged journeys (or a path file's paths)
   * @param models the models, in output order
   * @param spend the window's spend (may be empty)
   * @param options read for the bootstrap replicates and seed
   * @return the report
   */
  public static AttributionReport compute(
      JourneyAggregate aggregate, List<AttributionModel> models, SpendTable spend, ModelOptions options) {
    List<ModelResult> results = AttributionRun.fit(aggregate, models, options);
    return new AttributionReport(
        results,
        CreditTable.rows(results, aggregate, spend),
        ConversionKpis.of(aggregate, spend),
        pathSummary(aggregate));
  }

  private static List<PathSummaryRow> pathSummary(JourneyAggregate aggregate) {
    PathTable paths = aggregate.paths().table();
    List<PathSummaryRow> rows = new ArrayList<>(paths.size());
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < paths.size(); p++) {
      // As Path.display(): the channels joined by " > ".
      text.setLength(0);
      for (int k = 0; k < paths.length(p); k++) {
        text.append(k == 0 ? "" : " > ").append(paths.channels().name(paths.channel(p, k)));
      }
      rows.add(new PathSummaryRow(text.toString(), paths.journeys(p), paths.conversions(p),
          paths.value(p).doubleValue(), paths.nulls(p)));
    }
    return rows;
  }
}
