package io.tributary.core.model;

import io.tributary.core.TributaryException;
import io.tributary.core.model.bootstrap.PathBootstrap;
import io.tributary.core.model.rule.TouchWeights;
import io.tributary.core.paths.ChannelDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fits models on an aggregate: path models on its distinct paths, journey models from its folded sums. Every result
 * lists every channel of the data (zero where a model gives none) and is checked to reconcile with the totals before
 * it is returned.
 */
public final class AttributionRun {
  /** Relative tolerance of the reconciliation check; far above rounding, far below any real error. */
  static final double RECONCILE_TOLERANCE = 1e-9;

  private AttributionRun() {}

  /**
   * @param aggregate the merged journeys
   * @param models models to fit, in output order
   * @return one result per model, in the given order; touchless conversions are not in them (see
   *     {@link JourneyAggregate#UNATTRIBUTED})
   * @throws TributaryException when a journey model was not folded into the aggregate
   * @throws IllegalStateException when a result does not reconcile (a bug, never bad input)
   */
  public static List<ModelResult> fit(JourneyAggregate aggregate, List<AttributionModel> models) {
    return fit(aggregate, models, (Runnable) null);
  }

  /**
   * As {@link #fit(JourneyAggregate, List)}, running {@code alongside} too, as one more task of the fitting threads,
   * taken after every model's: work that needs no model's result (a report's KPIs) fills a core the models leave
   * idle, where it ran alone after them (Markov's chain is one task, longer than the rule models together). A model's
   * failure is still rethrown before the task's.
   *
   * @param alongside run once, on any of the fitting threads, before this returns; may be null
   */
  public static List<ModelResult> fit(JourneyAggregate aggregate, List<AttributionModel> models, Runnable alongside) {
    List<String> channels = ChannelDictionary.of(aggregate.paths()).names();
    // Models are independent and each is deterministic, so they are fitted on the machine's cores at once. A failure
    // comes back as a value and the first one in model order is rethrown here, as it was thrown: the same error
    // whatever the scheduling. The totals the results are checked against are summed after the fits (a million
    // decimals: on one thread, before them, they held up every core).
    // The models that split each path on its own are fitted together, in one pass over the paths (TouchWeights):
    // one task where the first of them is, beside each other model's, so a failure is still the first in model order.
    List<Integer> together = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      if (TouchWeights.splitsEachPath(models.get(i))) {
        together.add(i);
      }
    }
    List<List<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      if (together.size() < 2 || !together.contains(i)) {
        tasks.add(List.of(i));
      } else if (together.get(0) == i) {
        tasks.add(together);
      }
    }
    if (models.stream().anyMatch(m -> m instanceof PathModel)) {
      // The paths' values as integers, which Markov and the rule models read, made before the models split across
      // the threads, so that every core makes them (ScaledValues): the first model to ask made them on its thread
      // while the others waited for them (0.1-0.15 s of one core on a campaign-level 10M-row run).
      aggregate.paths().table().scaledValues();
    }
    if (alongside != null) {
      tasks.add(List.of()); // the last task: alongside
    }
    List<List<ModelResult>> byTask = LargestFirst.map(tasks, t -> t.isEmpty() ? -1 : cost(models.get(t.get(0))),
        t -> {
          if (t.isEmpty()) {
            alongside.run();
            return List.of();
          }
          return t.size() == 1
              ? List.of(fitOne(aggregate, models.get(t.get(0))))
              : TouchWeights.fitTogether(t.stream().map(models::get).toList(), aggregate.paths());
        });
    ModelResult[] byModel = new ModelResult[models.size()];
    for (int t = 0; t < tasks.size(); t++) {
      for (int j = 0; j < tasks.get(t).size(); j++) {
        byModel[tasks.get(t).get(j)] = complete(byTask.get(t).get(j), channels);
      }
    }
    List<ModelResult> fitted = List.of(byModel);
    double conversions = aggregate.paths().conversions();
    double value = aggregate.paths().value().doubleValue();
    for (ModelResult r : fitted) {
      checkReconciles(r, conversions, value);
    }
    return List.copyOf(fitted);
  }

  /*
   * A model's cost for the order the fitting threads take models in (LargestFirst: the costliest first, equal costs in
   * output order): the data-driven models (Markov, the Shapley family) before the rule models. On 10M events a
   * data-driven fit costs up to several rule models (Markov 0.11 s, Shapley 0.09 s, a rule model 0.01-0.04 s with the
   * quick compiler), so starting them first keeps the last one from running alone at the end while the other threads
   * idle (a parallel stream split the list in halves and left Markov last on one thread: fit 0.25 s, about 0.1 s of
   * it on one core, benchmarks/results/cli.md).
   */
  static long cost(AttributionModel model) {
    return model.rule() ? 0 : 1;
  }

  /**
   * Like {@link #fit(JourneyAggregate, List)}; when {@code options.bootstrapReplicates() > 0}, each path model's
   * credits also carry the 95 % bootstrap interval of their conversions ({@link PathBootstrap}: journeys resampled,
   * seeded with {@code options.seed()}, all path models refitted on the same replicates). Journey models (time decay)
   * get no interval. Cost: replicates × (resampling + the path models' fit time).
   *
   * @param aggregate the merged journeys
   * @param models models to fit, in output order
   * @param options read for {@code bootstrapReplicates} and {@code seed}
   * @return one result per model, in the given order
   */
  public static List<ModelResult> fit(JourneyAggregate aggregate, List<AttributionModel> models,
      ModelOptions options) {
    return fit(aggregate, models, options, null);
  }

  /**
   * As {@link #fit(JourneyAggregate, List, ModelOptions)}, running {@code alongside} on the fitting threads as
   * {@link #fit(JourneyAggregate, List, Runnable)} does.
   *
   * @param alongside run once before this returns; may be null
   */
  public static List<ModelResult> fit(JourneyAggregate aggregate, List<AttributionModel> models,
      ModelOptions options, Runnable alongside) {
    List<ModelResult> results = fit(aggregate, models, alongside);
    if (options.bootstrapReplicates() == 0) {
      return results;
    }
    List<PathModel> pathModels = new ArrayList<>();
    for (AttributionModel m : models) {
      if (m instanceof PathModel pm) {
        pathModels.add(pm);
      }
    }
    if (pathModels.isEmpty()) {
      return results;
    }
    return PathBootstrap.attach(results, aggregate.paths(), pathModels, options.bootstrapReplicates(),
        options.seed());
  }

  private static ModelResult fitOne(JourneyAggregate aggregate, AttributionModel model) {
    if (model instanceof PathModel pm) {
      return pm.attribute(aggregate.paths());
    }
    SortedMap<String, CreditSum> sums = aggregate.journeyCredits().get(model.name());
    if (sums == null) {
      throw new TributaryException("model " + model.name() + " needs touch timestamps; "
          + (aggregate.hasTimestamps() ? "it was not folded into this aggregate" : "a path file has none"));
    }
    List<ChannelCredit> credits = new ArrayList<>();
    sums.forEach((c, s) -> credits.add(new ChannelCredit(c, s.conversions().doubleValue(), s.value().doubleValue())));
    return new ModelResult(model.name(), credits);
  }

  /**
   * A result fitted outside {@link #fit(JourneyAggregate, List)} (a model refitted with other values, see
   * {@link io.tributary.core.model.markov.MarkovModel#attributeRevalued}) made what that fit returns: every channel
   * listed, and checked to reconcile with the totals.
   *
   * @param r the model's result
   * @param channels every channel of the data ({@link ChannelDictionary#names()})
   * @param conversions the data's conversions
   * @param value the data's value
   * @return the completed result
   * @throws IllegalStateException when it does not reconcile (a bug)
   */
  public static ModelResult completed(ModelResult r, List<String> channels, double conversions, double value) {
    ModelResult c = complete(r, channels);
    checkReconciles(c, conversions, value);
    return c;
  }

  private static ModelResult complete(ModelResult r, List<String> channels) {
    Map<String, ChannelCredit> byChannel = new TreeMap<>();
    for (ChannelCredit c : r.credits()) {
      byChannel.put(c.channel(), c);
    }
    if (byChannel.keySet().containsAll(channels)) {
      return r;
    }
    for (String c : channels) {
      byChannel.putIfAbsent(c, new ChannelCredit(c, 0, 0));
    }
    return new ModelResult(r.model(), new ArrayList<>(byChannel.values()));
  }

  static void checkReconciles(ModelResult r, double conversions, double value) {
    double gotC = r.totalConversions();
    double gotV = r.totalValue();
    if (!close(gotC, conversions) || !close(gotV, value)) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "model %s does not reconcile: conversions %.12g vs %.12g, value %.12g vs %.12g",
          r.model(), gotC, conversions, gotV, value));
    }
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= RECONCILE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }
}
