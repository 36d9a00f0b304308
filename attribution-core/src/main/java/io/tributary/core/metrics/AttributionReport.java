package io.tributary.core.metrics;

import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelResult;
import io.tributary.core.journey.TouchpointLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a run reports, computed once from a merged aggregate: the fitted models, SPEC's {@code channel_credit},
 * {@code conversion_kpis} and {@code path_summary} rows. Engines only write these values out, so the CLI and the Spark
 * job print the same numbers.
 *
 * @param results each model's raw credit, in model order
 * @param channelCredit the {@code channel_credit} rows
 * @param kpis the {@code conversion_kpis} row
 * @param pathSummary the {@code path_summary} rows, in path order (from {@link #compute}: made as they are read)
 * @param channelRollup at {@code --touchpoint channel/campaign}, the {@code channel_rollup} rows (see
 *     {@link CreditTable#rollup}); empty at the other levels
 */
public record AttributionReport(
    List<ModelResult> results,
    List<ChannelCreditRow> channelCredit,
    ConversionKpis kpis,
    List<PathSummaryRow> pathSummary,
    List<ChannelCreditRow> channelRollup) {

  public AttributionReport {
    results = List.copyOf(results);
    channelCredit = List.copyOf(channelCredit);
    channelRollup = List.copyOf(channelRollup);
    // The view over the aggregate's paths is immutable already; copying it would build every row up front.
    pathSummary = pathSummary instanceof PathSummaryView ? pathSummary : List.copyOf(pathSummary);
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
        pathSummary(aggregate),
        List.of());
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
    return compute(aggregate, models, spend, options, TouchpointLevel.CHANNEL);
  }

  /**
   * Like {@link #compute(JourneyAggregate, List, SpendTable, ModelOptions)} for an aggregate built at
   * {@code level} ({@code --touchpoint}): the models are fitted on its touchpoints and {@code channel_credit} has one
   * row per touchpoint, each with its own spend. At {@code channel/campaign} the report also has the
   * {@code channel_rollup} rows, and the KPIs are the channel-level run's (a journey through two campaigns of one
   * channel is a single-channel journey), computed on the rolled-up aggregate. At {@code campaign} level no channel is
   * known: the KPIs' "channels" are campaigns there.
   */
  public static AttributionReport compute(JourneyAggregate aggregate, List<AttributionModel> models,
      SpendTable spend, ModelOptions options, TouchpointLevel level) {
    checkTouchpoints(aggregate, models, level);
    // The KPIs need no model's result: they are computed on the fitting threads beside the models, on the core Markov's
    // chain leaves idle, where they ran alone after the fits (a pass over every path: 1.12M of them at a campaign
    // level on 10M rows). At channel/campaign they are counted per channel, as of() counts them with the roll-up.
    ConversionKpis[] kpis = new ConversionKpis[1];
    ChannelGroups groups = level == TouchpointLevel.CHANNEL_CAMPAIGN ? ChannelGroups.of(aggregate) : null;
    Runnable alongside = groups != null
        ? () -> kpis[0] = ConversionKpis.of(aggregate, spend, groups.groupOf(), groups.channels().size())
        : () -> kpis[0] = ConversionKpis.of(aggregate, spend);
    List<ModelResult> results = AttributionRun.fit(aggregate, models, options, alongside);
    return of(results, aggregate, spend, level, models, kpis[0], groups);
  }

  /**
   * Derives every table from results fitted elsewhere (a windowed run fits the data-driven models on a longer window,
   * see {@link io.tributary.core.window.WindowedReport}).
   *
   * @param results each model's credit of {@code aggregate}'s conversions, in output order
   * @param aggregate the journeys reported
   * @param spend their spend (may be empty)
   * @return the report
   */
  public static AttributionReport of(List<ModelResult> results, JourneyAggregate aggregate, SpendTable spend) {
    return new AttributionReport(results, CreditTable.rows(results, aggregate, spend),
        ConversionKpis.of(aggregate, spend), pathSummary(aggregate), List.of());
  }

  /**
   * Derives every table from results fitted elsewhere, for an aggregate built at {@code level}: as {@link
   * #compute(JourneyAggregate, List, SpendTable, ModelOptions, TouchpointLevel)} does with its own fits. At {@code
   * channel/campaign} the rule models are fitted again on the channel roll-up (their roll-up is exact), the others'
   * roll-up is their campaign rows summed ({@link CreditTable#rollup}).
   *
   * @param results each model's credit of {@code aggregate}'s conversions, in output order
   * @param aggregate the journeys reported
   * @param spend their spend at {@code level} (may be empty)
   * @param level the touchpoint level {@code aggregate} was built at
   * @param models the models of {@code results}, in the same order
   * @return the report
   */
  public static AttributionReport of(List<ModelResult> results, JourneyAggregate aggregate, SpendTable spend,
      TouchpointLevel level, List<AttributionModel> models) {
    return of(results, aggregate, spend, level, models, null, null);
  }

  /*
   * As of(results, aggregate, spend, level, models), with the KPIs compute() counted beside the fits and the
   * touchpoints' channels it grouped them by (channel/campaign only), or nulls.
   */
  private static AttributionReport of(List<ModelResult> results, JourneyAggregate aggregate, SpendTable spend,
      TouchpointLevel level, List<AttributionModel> models, ConversionKpis counted, ChannelGroups groups) {
    List<ChannelCreditRow> rows = CreditTable.rows(results, aggregate, spend, level);
    if (level != TouchpointLevel.CHANNEL_CAMPAIGN) {
      return new AttributionReport(results, rows, counted != null ? counted : ConversionKpis.of(aggregate, spend),
          pathSummary(aggregate), List.of());
    }
    List<AttributionModel> rules = models.stream().filter(AttributionModel::rule).toList();
    List<String> modelOrder = models.stream().map(AttributionModel::name).toList();
    GroupedFits grouped = groups != null ? GroupedFits.of(aggregate, rules, groups) : GroupedFits.of(aggregate, rules);
    if (grouped != null) {
      // The roll-up's totals and touchless conversions are the campaign-level aggregate's (CreditTable.rollup reads
      // only those of it).
      List<ChannelCreditRow> rollup = CreditTable.rollup(rows, grouped.results(), modelOrder, aggregate, spend);
      return new AttributionReport(results, rows, counted != null ? counted
          : ConversionKpis.of(aggregate, spend, grouped.groupOf(), grouped.channels().size()), pathSummary(aggregate),
          rollup);
    }
    JourneyAggregate channels = aggregate.channelRollup();
    Map<String, ModelResult> ruleResults = new HashMap<>();
    if (!rules.isEmpty()) {
      for (ModelResult r : AttributionRun.fit(channels, rules)) {
        ruleResults.put(r.model(), r);
      }
    }
    List<ChannelCreditRow> rollup = CreditTable.rollup(rows, ruleResults, modelOrder, channels, spend);
    return new AttributionReport(results, rows, ConversionKpis.of(channels, spend), pathSummary(aggregate), rollup);
  }

  /**
   * The channels of a campaign-level aggregate's touchpoints.
   *
   * @param groupOf per touchpoint id of the aggregate's table, its channel's index in {@code channels}
   * @param channels the touchpoints' channels, in name order
   */
  record ChannelGroups(int[] groupOf, List<String> channels) {
    static ChannelGroups of(JourneyAggregate aggregate) {
      List<String> keys = aggregate.paths().table().channels().names();
      java.util.TreeSet<String> names = new java.util.TreeSet<>();
      for (String k : keys) {
        names.add(TouchpointLevel.channelOf(k));
      }
      List<String> channels = List.copyOf(names);
      int[] groupOf = new int[keys.size()];
      for (int c = 0; c < groupOf.length; c++) {
        groupOf[c] = java.util.Collections.binarySearch(channels, TouchpointLevel.channelOf(keys.get(c)));
      }
      return new ChannelGroups(groupOf, channels);
    }
  }

  /**
   * The rule models' credit of the channel roll-up ({@link JourneyAggregate#channelRollup()}) fitted on the
   * campaign-level paths, each touchpoint counted for its channel ({@link io.tributary.core.model.PathModel#attributeGrouped},
   * time decay's exact sums added per channel): the same results, bit for bit, without interning a million
   * campaign-level paths again as channel paths and sorting them (0.4-0.5 s on one core of a 10M-row run with 96
   * touchpoints, benchmarks/results/segments.md).
   *
   * @param results per rule model's name, its credit of the roll-up, completed and checked as {@link AttributionRun#fit}
   * @param groupOf per touchpoint id of the aggregate's table, its channel's index in {@code channels}
   * @param channels the roll-up's channels, in name order
   */
  record GroupedFits(Map<String, ModelResult> results, int[] groupOf, List<String> channels) {
    /** @return the fits, or null when a rule model cannot be fitted so (then roll the aggregate up) */
    static GroupedFits of(JourneyAggregate aggregate, List<AttributionModel> rules) {
      return of(aggregate, rules, ChannelGroups.of(aggregate));
    }

    /** As {@link #of(JourneyAggregate, List)}, with the aggregate's channel groups made already. */
    static GroupedFits of(JourneyAggregate aggregate, List<AttributionModel> rules, ChannelGroups groups) {
      int[] groupOf = groups.groupOf();
      List<String> channels = groups.channels();
      double conversions = aggregate.paths().conversions();
      double value = aggregate.paths().value().doubleValue();
      List<ModelResult> fitted = rules.parallelStream().map(m -> {
        ModelResult r = m instanceof io.tributary.core.model.PathModel pm
            ? pm.attributeGrouped(aggregate.paths(), groupOf, channels)
            : m instanceof io.tributary.core.model.JourneyModel ? journeyCredit(aggregate, m) : null;
        return r == null ? null : AttributionRun.completed(r, channels, conversions, value);
      }).toList();
      Map<String, ModelResult> out = new HashMap<>();
      for (ModelResult r : fitted) {
        if (r == null) {
          return null;
        }
        out.put(r.model(), r);
      }
      return new GroupedFits(out, groupOf, channels);
    }

    /* A journey model's credit per channel: its exact sums per touchpoint added per channel, as channelRollup does. */
    private static ModelResult journeyCredit(JourneyAggregate aggregate, AttributionModel m) {
      java.util.SortedMap<String, io.tributary.core.model.CreditSum> byKey = aggregate.journeyCredits().get(m.name());
      if (byKey == null) {
        return null;
      }
      java.util.TreeMap<String, io.tributary.core.model.CreditSum> byChannel = new java.util.TreeMap<>();
      byKey.forEach((k, sum) -> byChannel.merge(TouchpointLevel.channelOf(k), sum,
          io.tributary.core.model.CreditSum::plus));
      List<io.tributary.core.model.ChannelCredit> credits = new java.util.ArrayList<>();
      byChannel.forEach((c, s) -> credits.add(new io.tributary.core.model.ChannelCredit(c,
          s.conversions().doubleValue(), s.value().doubleValue())));
      return new ModelResult(m.name(), credits);
    }
  }

  /**
   * SPEC promises sampled Shapley "with a stated error": the one line both engines print when a model's credit was
   * sampled, naming the model, the largest standard error of an attributed conversion count and the columns that
   * hold every row's error.
   *
   * @return the note, or empty when every credit was computed exactly
   */
  public Optional<String> samplingNote() {
    ChannelCreditRow widest = null;
    java.util.Set<String> sampledModels = new java.util.TreeSet<>();
    for (ChannelCreditRow r : channelCredit) {
      if (r.samplingError() != null) {
        sampledModels.add(r.model());
        if (widest == null || r.samplingError() > widest.samplingError()) {
          widest = r;
        }
      }
    }
    if (widest == null) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "note: %s sampled channel sets beyond its exact limit: "
        + "credit carries a standard error, at most %.4g conversions (%s); see columns sampling_se and "
        + "sampling_se_value (credit ± 1.96 × sampling_se is an approximate 95 %% interval)",
        String.join(", ", sampledModels), widest.samplingError(), widest.touchpoint()));
  }

  /**
   * Most touchpoints a campaign-level run fits {@code markov} on. Its removal effects solve the chain once per
   * touchpoint, over a chain of about as many states: the cost grows with the square of the touchpoints (measured on
   * 200,000 rows: 240 touchpoints 2.7 s, 1,200 touchpoints 17 s, 10,008 touchpoints about 280 s), so a run over
   * thousands of campaigns is refused with a message rather than left running for minutes. Channel-level runs have
   * no such limit (a few dozen channels).
   */
  public static final int MAX_MARKOV_TOUCHPOINTS = 2_000;

  /**
   * The refusal of a fit that would not finish in reasonable time at a campaign level; one line, bad input.
   *
   * @throws io.tributary.core.TributaryException when markov is asked on more than {@link #MAX_MARKOV_TOUCHPOINTS}
   */
  public static void checkTouchpoints(JourneyAggregate aggregate, List<AttributionModel> models,
      TouchpointLevel level) {
    if (!level.usesCampaign()) {
      return;
    }
    int touchpoints = aggregate.paths().table().channels().size();
    for (AttributionModel m : models) {
      if (m instanceof io.tributary.core.model.markov.MarkovModel && touchpoints > MAX_MARKOV_TOUCHPOINTS) {
        throw io.tributary.core.Errors.badOption("touchpoint", String.format(Locale.ROOT,
            "%s: %,d touchpoints at %s level, more than the %,d markov is fitted on (its removal effects solve "
                + "the chain once per touchpoint); leave markov out (--models) or fit it at channel level",
            m.name(), touchpoints, level.text(), MAX_MARKOV_TOUCHPOINTS));
      }
    }
  }

  private static List<PathSummaryRow> pathSummary(JourneyAggregate aggregate) {
    return new PathSummaryView(aggregate.paths().table());
  }
}
