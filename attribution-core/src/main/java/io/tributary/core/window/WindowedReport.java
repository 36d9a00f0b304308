package io.tributary.core.window;

import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.markov.MarkovModel;
import io.tributary.core.output.KpiRow;
import io.tributary.core.segment.SegmentedAggregate;
import io.tributary.core.segment.SegmentedReport;
import io.tributary.core.segment.Segmentation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report of each date of a windowed run, computed from its {@link DatedAggregates}: what both engines write as
 * that date's partition.
 *
 * <p>How a fitted model credits a date (see {@code docs/models.md}, {@link FittedCredit}). Models whose credit is a sum
 * over journeys (the rule models, {@code time_decay}, {@code shapley_simplified}) credit the date's own journeys: their
 * credit does not depend on any other journey, so daily partitions add up exactly to a run over the range. The
 * data-driven models ({@link #FITTED_MODELS}) are fitted on the journeys of the fitting window ending at the date;
 * per-set {@code shapley} then credits each of the date's journeys by its channel set's fitted game, {@code markov} and
 * {@code shapley_cumulative} split the date's conversions and value by their fitted shares. With a one-day fitting
 * window (the default) that is the model fitted on the date itself, computed as such.
 *
 * <p>A run at a campaign level ({@code --touchpoint}) credits touchpoints the same way, with the {@code
 * channel_rollup} of each date; a segmented run ({@code --segment-by}) adds each date's segmented tables, its segment
 * values credited from their own journeys of the fitting window ({@link SegmentedReport}).
 */
public final class WindowedReport {
  /** The models fitted on the fitting window. */
  public static final Set<String> FITTED_MODELS = FittedCredit.FITTED_MODELS;

  private WindowedReport() {}

  /**
   * One date's report.
   *
   * @param date the report date ({@code run_date})
   * @param report its tables
   * @param markov the markov chain the date's markov credit comes from (fitted on the fitting window), when fitted
   * @param fits the identity of each data-driven model fitted for the date, in model order
   * @param segmented the date's segmented tables ({@code --segment-by}), or null when the run is not segmented
   */
  public record Dated(LocalDate date, AttributionReport report, Optional<MarkovDiagnostics> markov,
      List<ModelFit> fits, SegmentedReport segmented) {
    public Dated {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(markov, "markov");
      fits = List.copyOf(fits);
    }

    /** An unsegmented date. */
    public Dated(LocalDate date, AttributionReport report, Optional<MarkovDiagnostics> markov, List<ModelFit> fits) {
      this(date, report, markov, fits, null);
    }
  }

  /**
   * The dates of a channel-level, unsegmented run.
   *
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
    return compute(aggregates, window, empty, models, options, spend, TouchpointLevel.CHANNEL, Segmentation.none());
  }

  /**
   * @param aggregates the run's journeys per date, segmented when the run is (from {@link DatedFold})
   * @param window the run's window (windowed)
   * @param empty the aggregate of no journey, built under the run's settings
   * @param models the models, in output order
   * @param options read for the bootstrap (intervals are computed for a date's own fit only) and seed
   * @param spend the spend of a date at {@code level} (may be empty)
   * @param level the touchpoint level the journeys were built at
   * @param segmentation the run's segments (none: no segmented tables)
   * @return one report per report date, in date order
   * @throws io.tributary.core.TributaryException when markov is asked on more touchpoints than it is fitted on
   */
  public static List<Dated> compute(DatedAggregates aggregates, RunWindow window, JourneyAggregate empty,
      List<AttributionModel> models, ModelOptions options, Function<LocalDate, SpendTable> spend,
      TouchpointLevel level, Segmentation segmentation) {
    List<Dated> out = new ArrayList<>();
    SegmentedAggregate none = emptySegmented(empty, segmentation);
    for (LocalDate date : window.report().dates()) {
      out.add(date(aggregates, window, none, models, options, spend.apply(date), date, level, segmentation));
    }
    return out;
  }

  /**
   * The notes of a segmented range, one set for the run: a range of many dates would repeat the same line per date,
   * so the first date with pooled values speaks for the run, named.
   *
   * @param dates the run's dates
   * @return the lines, empty when no date pooled a value (or the run is not segmented)
   */
  public static List<String> segmentNotes(List<Dated> dates) {
    for (Dated d : dates) {
      if (d.segmented() != null && !d.segmented().notes().isEmpty()) {
        List<String> out = new ArrayList<>();
        for (String n : d.segmented().notes()) {
          out.add(dates.size() == 1 ? n : n.replaceFirst("^note: ", "note: run_date " + d.date() + " (the first "
              + "of the range with pooled values): "));
        }
        return out;
      }
    }
    return List.of();
  }

  /* The segmented aggregate of no journey: the run's settings and segment names, no value. */
  private static SegmentedAggregate emptySegmented(JourneyAggregate empty, Segmentation segmentation) {
    List<SortedMap<String, JourneyAggregate>> values = new ArrayList<>();
    for (int i = 0; i < segmentation.names().size(); i++) {
      values.add(new TreeMap<>());
    }
    return new SegmentedAggregate(empty, segmentation.names(), values);
  }

  private static Dated date(DatedAggregates aggregates, RunWindow window, SegmentedAggregate none,
      List<AttributionModel> models, ModelOptions options, SpendTable spend, LocalDate date, TouchpointLevel level,
      Segmentation segmentation) {
    SegmentedAggregate ownSegments = aggregates.segmented(date, none);
    LocalDate fitFirst = window.fitFirst(date);
    SegmentedAggregate fittedSegments = window.fitDays() == 1 ? ownSegments
        : aggregates.segmentedRange(fitFirst, date, none);
    JourneyAggregate own = ownSegments.all();
    JourneyAggregate fitted = fittedSegments.all();
    // The models are fitted on the fitting window's touchpoints: markov's limit is checked there.
    AttributionReport.checkTouchpoints(fitted, models, level);
    List<ModelFit> fits = new ArrayList<>();
    for (AttributionModel m : models) {
      if (FITTED_MODELS.contains(m.name())) {
        fits.add(new ModelFit(m.name(), fitFirst, date, ConversionKpis.of(fitted, SpendTable.empty()).journeys(),
            fitted.totalConversions(), m instanceof MarkovModel mm ? mm.order() : null));
      }
    }
    Optional<MarkovDiagnostics> markov = MarkovDiagnostics.of(fitted, models);
    List<ModelResult> results = FittedCredit.credit(own, fitted, models, options);
    AttributionReport report = AttributionReport.of(results, own, spend, level, models);
    SegmentedReport segmented = null;
    if (segmentation.enabled()) {
      segmented = SegmentedReport.compute(ownSegments, fittedSegments, models, report,
          new KpiRow(report.kpis(), null), segmentation,
          (o, f, m) -> FittedCredit.credit(o, f, m, null));
    }
    return new Dated(date, report, markov, fits, segmented);
  }
}
