package io.tributary.core.window;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.markov.MarkovModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report of each date of a windowed run, computed from its {@link DatedAggregates}: what both engines write as
 * that date's partition.
 *
 * <p>How a fitted model credits a date (see {@code docs/models.md}). Models whose credit is a sum over journeys (the
 * rule models, {@code time_decay}, {@code shapley_simplified}) credit the date's own journeys: their credit does not
 * depend on any other journey, so daily partitions add up exactly to a run over the range. The data-driven models
 * ({@link #FITTED_MODELS}) are fitted on the journeys of the fitting window ending at the date, and the date's
 * conversions and value are split by the fitted model's shares: channel c gets fitted credit(c) × (date's total /
 * fitting window's total). With a one-day fitting window (the default) that is the model fitted on the date itself,
 * computed as such (no rescaling).
 */
public final class WindowedReport {
  /** The models fitted on the fitting window and crediting a date by their fitted shares. */
  public static final Set<String> FITTED_MODELS = Set.of("markov", "shapley", "shapley_cumulative");

  private WindowedReport() {}

  /**
   * One date's report.
   *
   * @param date the report date ({@code run_date})
   * @param report its tables
   * @param markov the markov chain the date's markov credit comes from (fitted on the fitting window), when fitted
   * @param fits the identity of each data-driven model fitted for the date, in model order
   */
  public record Dated(LocalDate date, AttributionReport report, Optional<MarkovDiagnostics> markov,
      List<ModelFit> fits) {
    public Dated {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(markov, "markov");
      fits = List.copyOf(fits);
    }
  }

  /**
   * @param aggregates the run's journeys per date (from {@link DatedFold})
   * @param window the run's window (windowed)
   * @param empty the aggregate of no journey, built under the run's settings
   * @param models the models, in output order
   * @param options read for the bootstrap (intervals are computed for a date's own fit only) and seed
   * @param spend the spend of a date (may be empty)
   * @return one report per report date, in date order
   */
  public static List<Dated> compute(DatedAggregates aggregates, RunWindow window, JourneyAggregate empty,
      List<AttributionModel> models, ModelOptions options, Function<LocalDate, SpendTable> spend) {
    List<Dated> out = new ArrayList<>();
    for (LocalDate date : window.report().dates()) {
      out.add(date(aggregates, window, empty, models, options, spend.apply(date), date));
    }
    return out;
  }

  private static Dated date(DatedAggregates aggregates, RunWindow window, JourneyAggregate empty,
      List<AttributionModel> models, ModelOptions options, SpendTable spend, LocalDate date) {
    JourneyAggregate own = aggregates.get(date, empty);
    LocalDate fitFirst = window.fitFirst(date);
    JourneyAggregate fitted = window.fitDays() == 1 ? own : aggregates.range(fitFirst, date, empty);
    List<ModelFit> fits = new ArrayList<>();
    for (AttributionModel m : models) {
      if (FITTED_MODELS.contains(m.name())) {
        fits.add(new ModelFit(m.name(), fitFirst, date, ConversionKpis.of(fitted, SpendTable.empty()).journeys(), fitted.totalConversions(),
            m instanceof MarkovModel mm ? mm.order() : null));
      }
    }
    Optional<MarkovDiagnostics> markov = MarkovDiagnostics.of(fitted, models);
    if (window.fitDays() == 1) {
      return new Dated(date, AttributionReport.compute(own, models, spend, options), markov, fits);
    }
    List<AttributionModel> ownModels = new ArrayList<>();
    for (AttributionModel m : models) {
      if (!FITTED_MODELS.contains(m.name())) {
        ownModels.add(m);
      }
    }
    List<ModelResult> ownResults = AttributionRun.fit(own, ownModels, options);
    List<ModelResult> results = new ArrayList<>();
    int next = 0;
    for (AttributionModel m : models) {
      if (FITTED_MODELS.contains(m.name())) {
        results.add(split(AttributionRun.fit(fitted, List.of(m)).get(0), fitted, own));
      } else {
        results.add(ownResults.get(next++));
      }
    }
    return new Dated(date, AttributionReport.of(results, own, spend), markov, fits);
  }

  /*
   * The date's attributed conversions and value split by the fitted credit's shares. Touchless conversions are not in
   * a model's credit (they are the (unattributed) row), so the totals split are the attributed paths' own. Every
   * channel of the date's journeys is listed (zero when the fit gave it none), as a fit on the date would list it.
   */
  private static ModelResult split(ModelResult fit, JourneyAggregate fitted, JourneyAggregate own) {
    double fitConversions = fitted.paths().conversions();
    double fitValue = fitted.paths().value().doubleValue();
    double conversionScale = fitConversions == 0 ? 0 : own.paths().conversions() / fitConversions;
    double valueScale = fitValue == 0 ? 0 : own.paths().value().doubleValue() / fitValue;
    TreeMap<String, ChannelCredit> credits = new TreeMap<>();
    for (ChannelCredit c : fit.credits()) {
      ChannelCredit scaled = new ChannelCredit(c.channel(), c.conversions() * conversionScale,
          c.value() * valueScale);
      if (c.sampled()) {
        scaled = scaled.withSamplingError(c.samplingError() * conversionScale, c.valueSamplingError() * valueScale);
      }
      credits.put(c.channel(), scaled);
    }
    for (String channel : io.tributary.core.paths.ChannelDictionary.of(own.paths()).names()) {
      credits.putIfAbsent(channel, new ChannelCredit(channel, 0, 0));
    }
    return new ModelResult(fit.model(), new ArrayList<>(credits.values()));
  }
}
