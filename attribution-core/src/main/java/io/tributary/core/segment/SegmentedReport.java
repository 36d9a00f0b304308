package io.tributary.core.segment;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.CreditTable;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.metrics.PathSummaryRow;
import io.tributary.core.metrics.PathSummaryView;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.LargestFirst;
import io.tributary.core.model.ModelResult;
import io.tributary.core.output.KpiRow;
import io.tributary.core.output.SegmentRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every segmented table of a run, computed once from a {@link SegmentedAggregate} so both engines write the same
 * rows: first the unsegmented report's rows with every segment column {@code (all)}, then each segment in the order
 * given, its values in text order. A segment value's rule models (and time decay) are fitted on its own journeys; a
 * data-driven model (markov, shapley*: not {@link AttributionModel#rule()}) is too when the value has at least {@code minJourneys} journeys and a
 * conversion, else the value gets {@link PooledCredit} (fit_scope {@code pooled}), and {@link #notes()} says so.
 * Spend is not broken down by segment (it is bought per channel, not per customer), so segment rows have no spend,
 * ROAS, ROI or CPA, and a total_spend of 0.
 *
 * @param segmentation the run's segments
 * @param channelCredit the {@code channel_credit} rows
 * @param kpis the {@code conversion_kpis} rows
 * @param pathSummary the {@code path_summary} rows ((all) only unless {@link Segmentation#perSegmentPaths()})
 * @param transitions the {@code markov_transitions} rows (likewise; empty when markov is not fitted)
 * @param removals the {@code removal_effects} rows (likewise)
 * @param notes one line per segment with pooled values
 */
public record SegmentedReport(
    Segmentation segmentation,
    List<SegmentRow<ChannelCreditRow>> channelCredit,
    List<SegmentRow<KpiRow>> kpis,
    List<SegmentRow<PathSummaryRow>> pathSummary,
    List<SegmentRow<MarkovDiagnostics.Transition>> transitions,
    List<SegmentRow<MarkovDiagnostics.Removal>> removals,
    List<String> notes) {

  public SegmentedReport {
    channelCredit = List.copyOf(channelCredit);
    kpis = List.copyOf(kpis);
    pathSummary = Collections.unmodifiableList(pathSummary);
    transitions = List.copyOf(transitions);
    removals = List.copyOf(removals);
    notes = List.copyOf(notes);
  }

  /**
   * @param aggregate the merged, segmented journeys
   * @param models the models, in output order
   * @param all the unsegmented report of {@code aggregate.all()} (its rows lead every table)
   * @param allKpis the unsegmented {@code conversion_kpis} row (with lifetime value when computed)
   * @param segmentation the run's segments
   * @return the report
   */
  public static SegmentedReport compute(SegmentedAggregate aggregate, List<AttributionModel> models,
      AttributionReport all, KpiRow allKpis, Segmentation segmentation) {
    return compute(aggregate, aggregate, models, all, allKpis, segmentation,
        (own, fit, m) -> AttributionRun.fit(own, m));
  }

  /**
   * How a segment value's journeys are credited by models fitted on its fitting journeys: in a whole-input run both
   * are the same journeys (the models fitted on them); in a windowed run the fitting journeys are the value's over
   * the fitting window ({@link io.tributary.core.window.FittedCredit}).
   */
  @FunctionalInterface
  public interface Crediting {
    /**
     * @param own the journeys credited
     * @param fitted the journeys the models are fitted on ({@code own} among them)
     * @param models the models, in output order
     * @return each model's credit of {@code own}, in model order
     */
    List<ModelResult> credit(JourneyAggregate own, JourneyAggregate fitted, List<AttributionModel> models);
  }

  /**
   * As {@link #compute(SegmentedAggregate, List, AttributionReport, KpiRow, Segmentation)}, for a windowed run's
   * date: each segment value's journeys of the date are credited by {@code crediting} from the value's journeys in
   * {@code fitted}, and whether a data-driven model gets its own fit there (at least {@code minJourneys} journeys and
   * a conversion) is decided on those fitting journeys, as the model is fitted on them.
   *
   * @param aggregate the date's journeys, segmented
   * @param fitted the fitting window's journeys, segmented ({@code aggregate} itself when the window is the date)
   * @param crediting how a value's journeys are credited from its fitting journeys
   */
  public static SegmentedReport compute(SegmentedAggregate aggregate, SegmentedAggregate fitted,
      List<AttributionModel> models, AttributionReport all, KpiRow allKpis, Segmentation segmentation,
      Crediting crediting) {
    List<String> names = aggregate.names();
    // Immutable once: every row of a value shares its list (SegmentRow copies any other kind, per row: a million
    // path_summary rows).
    List<String> allValues = List.copyOf(Collections.nCopies(names.size(), Segmentation.ALL));
    Map<String, ModelResult> allFits = new HashMap<>();
    for (ModelResult r : all.results()) {
      allFits.put(r.model(), r);
    }
    List<SegmentRow<ChannelCreditRow>> credit = new ArrayList<>();
    for (ChannelCreditRow r : all.channelCredit()) {
      credit.add(new SegmentRow<>(allValues, SegmentRow.FIT_SEGMENT, r));
    }
    List<SegmentRow<KpiRow>> kpis = new ArrayList<>();
    kpis.add(new SegmentRow<>(allValues, null, allKpis));
    PathRows paths = new PathRows();
    List<SegmentRow<MarkovDiagnostics.Transition>> transitions = new ArrayList<>();
    List<SegmentRow<MarkovDiagnostics.Removal>> removals = new ArrayList<>();
    paths.add(allValues, aggregate.all());
    List<String> notes = new ArrayList<>();
    List<String> dataDriven = models.stream().filter(m -> !m.rule()).map(AttributionModel::name)
        .toList();
    // Every segment value is fitted on its own and independently of the others: in parallel (1,000 values of a
    // region column are 1,000 fits), collected in the tables' order, so the rows are the same for any thread count.
    List<ValueKey> keys = new ArrayList<>();
    // The first task, the largest: (all)'s chain tables. Made alone before the values' fits, they left a core idle;
    // taken first, they read the chain the all-customer fit has just built (MarkovModel keeps the last one built).
    keys.add(new ValueKey(-1, null, fitted.all(), fitted.all()));
    for (int d = 0; d < names.size(); d++) {
      for (Map.Entry<String, JourneyAggregate> e : aggregate.byValue().get(d).entrySet()) {
        keys.add(new ValueKey(d, e.getKey(), e.getValue(),
            fitted == aggregate ? e.getValue() : fitted.byValue().get(d).get(e.getKey())));
      }
    }
    // The largest values first (a tier's journeys are a third of all, a region's a tenth): on two cores the halves of
    // a parallel stream gave one core the three tiers and the last regions, 1.3 s against 0.7 s of fits.
    // Sized without making the tables: a segmented fold's are made when a fit reads them
    // (PathCounts.Builder#buildGroups).
    List<ValueRows> valueRows = LargestFirst.map(keys,
        key -> key.segment() < 0 ? Long.MAX_VALUE : key.fit().paths().size(),
        key -> key.segment() < 0 ? chainRows(allValues, key.fit(), models)
            : fitValue(key, allValues, models, allFits, segmentation, !dataDriven.isEmpty(), crediting));
    transitions.addAll(valueRows.get(0).transitions());
    removals.addAll(valueRows.get(0).removals());
    int at = 1;
    for (int d = 0; d < names.size(); d++) {
      int pooledValues = 0;
      ValueKey example = null;
      for (int v = 0; v < aggregate.byValue().get(d).size(); v++, at++) {
        ValueRows rows = valueRows.get(at);
        credit.addAll(rows.credit());
        kpis.add(rows.kpis());
        if (rows.paths() != null) {
          paths.add(rows.values(), rows.paths());
        }
        transitions.addAll(rows.transitions());
        removals.addAll(rows.removals());
        if (rows.pooled()) {
          pooledValues++;
          example = example == null ? keys.get(at) : example;
        }
      }
      if (pooledValues > 0) {
        JourneyAggregate a = example.fit();
        notes.add(String.format(Locale.ROOT, "note: segment %s: %d of %d values have fewer than %d journeys (or no "
            + "converting journey with a touch), so %s use the all-customer fit there (fit_scope pooled), e.g. %s",
            names.get(d), pooledValues, aggregate.byValue().get(d).size(), segmentation.minJourneys(),
            String.join(", ", dataDriven), names.get(d) + "=" + example.value() + " ("
                + ConversionKpis.of(a, SpendTable.empty()).journeys() + " journeys, " + a.paths().conversions()
                + " conversions with a touch)"));
      }
    }
    return new SegmentedReport(segmentation, credit, kpis, paths, transitions, removals, notes);
  }

  /**
   * The {@code path_summary} rows of every journey, as {@link #pathSummary()} starts with them: each path of
   * {@code all} with {@code (all)} in every segment column, in path order. Made as they are read, like
   * {@link PathSummaryView}: a campaign-level run's million path rows and their texts are not held at once (issue
   * 14: held through the job's write, they were hundreds of MB the collector copied again and again). An engine may
   * write them before the segment values are fitted: they depend on {@code all} alone.
   *
   * @param all every journey
   * @param segments the number of segment columns
   * @return the rows, a read-only view
   */
  public static List<SegmentRow<PathSummaryRow>> pathSummaryOfAll(JourneyAggregate all, int segments) {
    PathRows rows = new PathRows();
    rows.add(List.copyOf(Collections.nCopies(segments, Segmentation.ALL)), all);
    return rows;
  }

  /**
   * One value of one segment: the segment's index, the value, its journeys, its fitting journeys; segment -1 (no
   * value) is the task of (all)'s chain tables.
   */
  private record ValueKey(int segment, String value, JourneyAggregate aggregate, JourneyAggregate fit) {}

  /** The rows of one segment value, and whether its data-driven models were pooled. */
  private record ValueRows(List<SegmentRow<ChannelCreditRow>> credit, SegmentRow<KpiRow> kpis,
      List<String> values, JourneyAggregate paths, List<SegmentRow<MarkovDiagnostics.Transition>> transitions,
      List<SegmentRow<MarkovDiagnostics.Removal>> removals, boolean pooled) {}

  /* The chain tables of (all): only its transitions and removals. */
  private static ValueRows chainRows(List<String> allValues, JourneyAggregate fitted, List<AttributionModel> models) {
    List<SegmentRow<MarkovDiagnostics.Transition>> transitions = new ArrayList<>();
    List<SegmentRow<MarkovDiagnostics.Removal>> removals = new ArrayList<>();
    addChain(transitions, removals, allValues, MarkovDiagnostics.of(fitted, models));
    return new ValueRows(List.of(), null, allValues, null, transitions, removals, false);
  }

  private static ValueRows fitValue(ValueKey key, List<String> allValues, List<AttributionModel> models,
      Map<String, ModelResult> allFits, Segmentation segmentation, boolean anyDataDriven, Crediting crediting) {
    List<String> ofValue = new ArrayList<>(allValues);
    ofValue.set(key.segment(), key.value());
    List<String> values = List.copyOf(ofValue);
    JourneyAggregate a = key.aggregate();
    JourneyAggregate fit = key.fit();
    // Held while the value is fitted: a table made when read (PathCounts.Builder#buildGroups) is then made once.
    io.tributary.core.paths.PathTable held = a.paths().table();
    io.tributary.core.paths.PathTable heldFit = fit.paths().table();
    ConversionKpis k = ConversionKpis.of(a, SpendTable.empty());
    long fitJourneys = fit == a ? k.journeys() : ConversionKpis.of(fit, SpendTable.empty()).journeys();
    boolean ownFit = fitJourneys >= segmentation.minJourneys() && fit.paths().conversions() > 0;
    List<AttributionModel> credited = ownFit ? models : models.stream().filter(AttributionModel::rule).toList();
    Map<String, ModelResult> results = new HashMap<>();
    for (ModelResult r : crediting.credit(a, fit, credited)) {
      results.put(r.model(), r);
    }
    List<ModelResult> ordered = new ArrayList<>();
    for (AttributionModel m : models) {
      ModelResult r = results.get(m.name());
      ordered.add(r != null ? r : PooledCredit.attribute(allFits.get(m.name()), a.paths()));
    }
    List<SegmentRow<ChannelCreditRow>> credit = new ArrayList<>();
    for (ChannelCreditRow r : CreditTable.rows(ordered, a, SpendTable.empty())) {
      boolean pooled = !ownFit && !results.containsKey(r.model());
      credit.add(new SegmentRow<>(values, pooled ? SegmentRow.FIT_POOLED : SegmentRow.FIT_SEGMENT, r));
    }
    List<SegmentRow<MarkovDiagnostics.Transition>> transitions = new ArrayList<>();
    List<SegmentRow<MarkovDiagnostics.Removal>> removals = new ArrayList<>();
    if (segmentation.perSegmentPaths()) {
      if (ownFit) {
        addChain(transitions, removals, values, MarkovDiagnostics.of(fit, models));
      }
    }
    java.lang.ref.Reference.reachabilityFence(held);
    java.lang.ref.Reference.reachabilityFence(heldFit);
    return new ValueRows(credit, new SegmentRow<>(values, null, new KpiRow(k, null)), values,
        segmentation.perSegmentPaths() ? a : null, transitions, removals, !ownFit && anyDataDriven);
  }

  /**
   * The {@code path_summary} rows as a view: each aggregate's paths ({@link PathSummaryView}) led by its segment
   * values, a row made when it is read, as the unsegmented table's rows are. Making a million rows up front (the
   * (all) rows of a campaign-level run) took half a second on one core and held them all until the write.
   */
  private static final class PathRows extends java.util.AbstractList<SegmentRow<PathSummaryRow>>
      implements java.util.RandomAccess {
    private final List<List<String>> values = new ArrayList<>();
    private final List<PathSummaryView> views = new ArrayList<>();
    // ends[i]: rows of parts 0..i together.
    private int[] ends = new int[4];
    private int size;

    /* Appends the rows of one aggregate's paths, each led by the values (an immutable list, shared by its rows). */
    void add(List<String> segmentValues, JourneyAggregate a) {
      PathSummaryView view = new PathSummaryView(a.paths().table());
      if (view.isEmpty()) {
        return;
      }
      if (views.size() == ends.length) {
        ends = java.util.Arrays.copyOf(ends, 2 * ends.length);
      }
      values.add(segmentValues);
      views.add(view);
      size = Math.addExact(size, view.size());
      ends[views.size() - 1] = size;
    }

    @Override
    public SegmentRow<PathSummaryRow> get(int i) {
      java.util.Objects.checkIndex(i, size);
      int part = java.util.Arrays.binarySearch(ends, 0, views.size(), i);
      part = part >= 0 ? part + 1 : -part - 1; // the first part whose end is beyond i
      int from = part == 0 ? 0 : ends[part - 1];
      return new SegmentRow<>(values.get(part), null, views.get(part).get(i - from));
    }

    @Override
    public int size() {
      return size;
    }
  }

  private static void addChain(List<SegmentRow<MarkovDiagnostics.Transition>> transitions,
      List<SegmentRow<MarkovDiagnostics.Removal>> removals, List<String> values, Optional<MarkovDiagnostics> chain) {
    chain.ifPresent(m -> {
      for (MarkovDiagnostics.Transition t : m.transitions()) {
        transitions.add(new SegmentRow<>(values, null, t));
      }
      for (MarkovDiagnostics.Removal r : m.removalEffects()) {
        removals.add(new SegmentRow<>(values, null, r));
      }
    });
  }
}
