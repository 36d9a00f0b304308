package io.tributary.core.model;

import io.tributary.core.model.markov.MarkovModel;
import io.tributary.core.model.rule.FirstTouch;
import io.tributary.core.model.rule.LastNonDirect;
import io.tributary.core.model.rule.LastTouch;
import io.tributary.core.model.rule.Linear;
import io.tributary.core.model.rule.PositionBased;
import io.tributary.core.model.rule.TimeDecay;
import io.tributary.core.model.shapley.CumulativeShapleyModel;
import io.tributary.core.model.shapley.ShapleyModel;
import io.tributary.core.model.shapley.SimplifiedShapleyModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every model by name. The CLI, the Spark job and the reports list and create models only through this class, so a
 * new model is one class plus one line below. Registration order is the order of every output.
 */
public final class ModelRegistry {
  private static final Map<String, Function<ModelOptions, AttributionModel>> FACTORIES = new LinkedHashMap<>();

  static {
    register("first_touch", o -> new FirstTouch());
    register("last_touch", o -> new LastTouch());
    register("last_non_direct", o -> new LastNonDirect(o.directChannel()));
    register("linear", o -> new Linear());
    register("position_based", o -> new PositionBased(o.positionWeights()));
    register("time_decay", o -> new TimeDecay(o.halfLife()));
    register("markov", o -> new MarkovModel(o.markovOrder()));
    register("shapley", o -> new ShapleyModel(o.shapleyExactLimit(), o.shapleySamples(), o.seed()));
    register("shapley_cumulative", o -> new CumulativeShapleyModel());
    register("shapley_simplified", o -> new SimplifiedShapleyModel());
  }

  private ModelRegistry() {}

  private static void register(String name, Function<ModelOptions, AttributionModel> factory) {
    FACTORIES.put(name, factory);
  }

  /** @return every model name, in output order */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * @param name a model name, case-insensitive
   * @param options model options
   * @return the model
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static AttributionModel create(String name, ModelOptions options) {
    Function<ModelOptions, AttributionModel> f = FACTORIES.get(name.strip().toLowerCase(Locale.ROOT));
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown model \"" + name.strip() + "\"; valid: all, " + String.join(", ", names()));
    }
    return f.apply(options);
  }

  /**
   * Resolves a {@code --models} value.
   *
   * @param spec {@code all} or comma-separated names
   * @param options model options
   * @param available what the input provides; with {@code all}, models needing more are left out, while a model named
   *     explicitly that needs more is an error
   * @return the models in registry order, without duplicates
   * @throws IllegalArgumentException for an unknown or unusable name
   */
  public static List<AttributionModel> resolve(String spec, ModelOptions options, Set<Requirement> available) {
    String s = spec == null ? "all" : spec.strip().toLowerCase(Locale.ROOT);
    Set<String> wanted = new LinkedHashSet<>();
    boolean all = false;
    for (String part : s.split(",")) {
      String name = part.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals("all")) {
        all = true;
      } else {
        create(name, options); // validates the name
        wanted.add(name);
      }
    }
    if (!all && wanted.isEmpty()) {
      throw new IllegalArgumentException("no model given; valid: all, " + String.join(", ", names()));
    }
    List<AttributionModel> out = new ArrayList<>();
    for (String name : names()) {
      if (!all && !wanted.contains(name)) {
        continue;
      }
      AttributionModel m = create(name, options);
      if (!available.containsAll(m.requires())) {
        if (wanted.contains(name)) {
          Set<Requirement> missing = new LinkedHashSet<>(m.requires());
          missing.removeAll(available);
          throw new IllegalArgumentException("model " + name + " needs " + describe(missing)
              + ", which this input does not have (use an event log, not a path file)");
        }
        continue;
      }
      out.add(m);
    }
    return Collections.unmodifiableList(out);
  }

  private static String describe(Set<Requirement> missing) {
    List<String> words = new ArrayList<>();
    for (Requirement r : missing) {
      words.add(r.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    return String.join(" and ", words);
  }
}
