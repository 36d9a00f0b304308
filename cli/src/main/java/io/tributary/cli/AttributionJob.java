package io.tributary.cli;

import io.tributary.core.segment.SegmentedAggregate;
import io.tributary.core.segment.SegmentedReport;
import io.tributary.core.segment.Segmentation;

import io.tributary.cli.csv.InputSource;
import io.tributary.cli.load.EventLoader;
import io.tributary.cli.load.CustomerGroups;
import io.tributary.cli.load.EventStore;
import io.tributary.cli.load.InputStats;
import io.tributary.cli.load.JourneyFold;
import io.tributary.cli.load.PathLoader;
import io.tributary.cli.load.Progress;
import io.tributary.cli.load.RejectedRow;
import io.tributary.cli.load.Rejects;
import io.tributary.cli.options.MainInput;
import io.tributary.cli.options.LifetimeFlags;
import io.tributary.cli.options.ModelFlags;
import io.tributary.cli.options.ReadOptions;
import io.tributary.cli.options.SideFiles;
import io.tributary.core.input.InputNotes;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.lifetime.LifetimeLedger;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.Requirement;
import io.tributary.core.window.DatedAggregates;
import io.tributary.core.window.RunWindow;
import io.tributary.core.window.WindowedReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One attribution run, shared by {@code attribute} and {@code report}: resolve the models (before reading anything,
 * so a typo fails at once), read the side inputs and the main input, fold journeys, and let the core compute every
 * table.
 */
final class AttributionJob {
  private AttributionJob() {}

  /**
   * What a run produced.
   *
   * @param report every table, from the core
   * @param models the fitted models, in output order
   * @param aggregate what the models were fitted on
   * @param stats rows read per input
   * @param rejected rows set aside under {@code --on-bad-row skip}
   * @param notes things the user should know (models left out, consent exclusions), one line each
   * @param summary the run summary, one line each
   * @param lifetime lifetime value by channel, or null when not asked for
   * @param ledger the buyers it was computed from (for the HTML report's holdout check), or null
   * @param clvOptions the lifetime-value options, or null
   * @param window what the run credits: the whole input, or report dates
   * @param dated a windowed run's report per date, in date order ({@code report} is the last date's); empty for a
   *     whole-input run
   * @param segmented the segmented tables ({@code --segment-by}), or null when the run is not segmented
   */
  record Outcome(AttributionReport report, List<AttributionModel> models, JourneyAggregate aggregate,
      List<InputStats> stats, List<RejectedRow> rejected, List<String> notes, List<String> summary,
      List<String> timings, ChannelLifetimeValue lifetime, LifetimeLedger ledger,
      io.tributary.core.clv.ClvOptions clvOptions, RunWindow window, List<WindowedReport.Dated> dated,
      SegmentedReport segmented) {}

  static Outcome run(MainInput input, SideFiles side, ReadOptions read, ModelFlags flags, Streams streams,
      Progress progress) {
    return run(input, side, read, flags, null, RunWindow.wholeInput(null), streams, progress);
  }

  static Outcome run(MainInput input, SideFiles side, ReadOptions read, ModelFlags flags, LifetimeFlags lifetimeFlags,
      RunWindow window, Streams streams, Progress progress) {
    boolean lifetimeOn = lifetimeFlags != null && lifetimeFlags.enabled();
    var clvOptions = lifetimeOn ? lifetimeFlags.options() : null;
    if (lifetimeOn) {
      ChannelLifetimeValue.requireWholeEventLog(input.events() != null, window.windowed());
    }
    window.requireEventLog(input.events() != null);
    // Closing the pipeline deletes the events spilled beyond --memory-budget, whether the run succeeds or fails.
    try (RunPipeline run = RunPipeline.start(streams, read, input.events(), input.paths(), side.spend(),
        side.identities(), side.consent())) {
      return run(run, input, side, read, flags, lifetimeOn, clvOptions, window, streams, progress);
    }
  }

  private static Outcome run(RunPipeline run, MainInput input, SideFiles side, ReadOptions read, ModelFlags flags,
      boolean lifetimeOn, io.tributary.core.clv.ClvOptions clvOptions, RunWindow window, Streams streams,
      Progress progress) {
    Rejects rejects = run.rejects();
    boolean events = input.events() != null;
    io.tributary.core.options.InputOptionSpec.requireEventLog(events, side.identities() != null,
        side.consent() != null);
    Segmentation segmentation = flags.segmentation();
    segmentation.requireEventLog(events);
    var settings = read.settings();
    var modelOptions = flags.options();
    var journeyOptions = flags.journeyOptions();
    TouchpointLevel touchpoint = flags.run().touchpoint();
    TouchpointLevel.checkInput(touchpoint, events, lifetimeOn);
    Set<Requirement> available = events ? EnumSet.allOf(Requirement.class) : EnumSet.noneOf(Requirement.class);
    List<AttributionModel> models = ModelRegistry.resolve(flags.spec(), modelOptions, available);
    List<String> notes = new ArrayList<>();
    if (!events) {
      List<String> left = new ArrayList<>();
      for (AttributionModel m : ModelRegistry.resolve(flags.spec(), modelOptions, EnumSet.allOf(Requirement.class))) {
        if (models.stream().noneMatch(x -> x.name().equals(m.name()))) {
          left.add(m.name());
        }
      }
      if (!left.isEmpty()) {
        notes.add("note: " + String.join(", ", left) + " left out: it needs touch timestamps, a path file has none");
      }
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no model left to fit for this input");
    }

    List<InputStats> stats = run.stats();
    List<String> summary = new ArrayList<>();
    PhaseClock clock = run.clock();
    SpendTable spend = SpendTable.empty();
    java.util.SortedMap<java.time.LocalDate, SpendTable> spendByDate = new java.util.TreeMap<>();
    if (window.windowed()) {
      spendByDate = run.spendByDate(side.spend(), touchpoint);
    } else {
      spend = run.spend(side.spend(), touchpoint);
    }
    List<WindowedReport.Dated> dated = List.of();
    long duplicates = 0;
    JourneyAggregate aggregate;
    LifetimeLedger ledger = null;
    SegmentedAggregate segmentedAggregate = null;
    if (events) {
      RunPipeline.Events log = run.events(input.events(), side.identities(), side.consent(), progress,
          flags.threads(), touchpoint, segmentation.eventColumns());
      EventLoader.Result r = log.loaded();
      CustomerFilters filters = log.filters();
      notes.addAll(r.notes());
      EventStore store = r.store();
      CustomerGroups grouped = log.grouped();
      if (grouped.events() == 0) {
        throw new io.tributary.core.InputException(r.stats().source(), 0, null,
            "every customer opted out (consent list); nothing to attribute");
      }
      if (window.windowed()) {
        DatedAggregates byDate = JourneyFold.foldDated(grouped, journeyOptions, models, flags.threads(), window,
            settings.zone(), settings.slicing().minCustomers(), segmentation);
        JourneyAggregate empty = JourneyAggregate.builder(journeyOptions, models).build();
        clock.lap("build and fold journeys per date");
        var daily = spendByDate;
        dated = WindowedReport.compute(byDate, window, empty, models, modelOptions,
            d -> daily.getOrDefault(d, SpendTable.empty()), touchpoint, segmentation);
        notes.addAll(WindowedReport.segmentNotes(dated));
        aggregate = byDate.get(window.report().last(), empty);
        duplicates = window.report().dates().stream()
            .mapToLong(d -> byDate.get(d, empty).duplicateConversions()).sum();
      } else {
        JourneyFold.Folded folded = JourneyFold.fold(grouped, journeyOptions, models, flags.threads(),
            lifetimeOn ? settings.zone() : null, settings.slicing().minCustomers(), segmentation);
        aggregate = folded.aggregate();
        segmentedAggregate = folded.segmented();
        ledger = folded.ledger();
        duplicates = aggregate.duplicateConversions();
      }
      clock.lap("build and fold journeys");
      summary.add(r.stats().source() + ": " + grouped.customers() + " customers, " + grouped.channels()
          + (touchpoint.usesCampaign() ? " touchpoints (" + touchpoint.text() + ")" : " channels") + ", "
          + grouped.excludedByConsent() + " rows excluded by consent, " + duplicates
          + " duplicate conversions dropped");
      if (store.spilledRuns() > 0) {
        summary.add(r.stats().source() + ": grouped by customer on disk" + RunPipeline.spillNote(store));
      }
      if (side.consent() != null) {
        summary.add(InputNotes.optOuts(side.consent(), filters.consent().listed(), grouped.unmatchedOptOuts()));
      }
      if (r.gapShifts() > 0) {
        summary.add(InputNotes.gapShifts(r.stats().source(), r.gapShifts(), settings.zone()));
      }
      // Folded: nothing below reads an event again, and the fits and the write want the heap.
      store.release();
    } else {
      PathLoader.Result r = PathLoader.load(new InputSource(input.paths(), streams.in()), settings, rejects,
          flags.threads());
      stats.add(r.stats());
      aggregate = JourneyAggregate.ofPaths("path file " + r.stats().source(), r.paths());
      clock.lap("read paths");
    }
    // Lifetime value by channel needs the aggregate and the buyers, not the fitted report (channel_credit gives only
    // its roas column): it runs beside the models' fits, whose parallel streams leave a core idle much of the time.
    ChannelLifetimeValue.Pending pendingLifetime = ledger == null ? null
        : ChannelLifetimeValue.start(aggregate, models, io.tributary.core.lifetime.LifetimeTally.of(ledger), spend,
            clvOptions, settings.zone(), modelOptions.bootstrapReplicates(), modelOptions.seed());
    AttributionReport report = dated.isEmpty()
        ? AttributionReport.compute(aggregate, models, spend, modelOptions, touchpoint)
        : dated.get(dated.size() - 1).report();
    if (dated.isEmpty()) {
      report.samplingNote().ifPresent(notes::add);
    } else {
      // One note for the run, from the first date whose credit was sampled.
      dated.stream().map(d -> d.report().samplingNote()).flatMap(java.util.Optional::stream).findFirst()
          .ifPresent(notes::add);
    }
    clock.lap("fit models and metrics (" + aggregate.paths().size() + " distinct paths)");
    ChannelLifetimeValue lifetime = null;
    if (pendingLifetime != null) {
      lifetime = pendingLifetime.finish(report.channelCredit());
      clock.lap("fit lifetime value and split it by channel, after the models (" + lifetime.customers()
          + " customers)");
      notes.addAll(lifetime.warnings());
    }
    SegmentedReport segmented = null;
    if (segmentedAggregate != null) {
      segmented = SegmentedReport.compute(segmentedAggregate, models, report,
          new io.tributary.core.output.KpiRow(report.kpis(), lifetime), segmentation);
      notes.addAll(segmented.notes());
      clock.lap("fit models per segment (" + segmented.kpis().size() + " rows of conversion_kpis)");
    }
    List<String> lines = new ArrayList<>();
    for (InputStats s : stats) {
      lines.add(s.describe());
    }
    lines.addAll(summary);
    long journeys = report.kpis().journeys();
    long conversions = report.kpis().conversions();
    if (!dated.isEmpty()) {
      journeys = dated.stream().mapToLong(d -> d.report().kpis().journeys()).sum();
      conversions = dated.stream().mapToLong(d -> d.report().kpis().conversions()).sum();
      lines.add("credited: " + window);
    }
    lines.add("journeys: " + journeys + ", conversions: " + conversions
        + ", models: " + String.join(",", models.stream().map(AttributionModel::name).toList()));
    if (lifetime != null) {
      lines.add(String.format(java.util.Locale.ROOT, "lifetime value: %d customers, calibrated to %s, %.2f in all "
          + "(%.2f per customer) over %s", lifetime.customers(), lifetime.calibrationEnd(),
          lifetime.totalLifetimeValue(), lifetime.meanLifetimeValue(), clvOptions.horizon()));
    }
    return new Outcome(report, models, aggregate, stats, rejects.rows(), notes, lines, clock.laps(), lifetime, ledger,
        clvOptions, window, dated, segmented);
  }
}
