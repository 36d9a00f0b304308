package io.tributary.spark;

import io.tributary.core.input.Durations;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.PositionWeights;
import io.tributary.core.model.Requirement;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The models and journey options of a run as plain text, so that the value can travel to the executors (the core's
 * option types are not serializable) and every JVM builds the very same models from it.
 *
 * @param models {@code all} or comma-separated model names
 * @param lookback e.g. {@code 30d}
 * @param halfLife time-decay half-life, e.g. {@code 7d}
 * @param positionWeights {@code U}, {@code J}, {@code inverse-J} or {@code first/middle/last}
 * @param directChannel the channel {@code last_non_direct} skips
 * @param markovOrder Markov chain order
 * @param shapleyExactLimit most distinct channels computed exactly by Shapley
 * @param shapleySamples permutations sampled beyond that limit
 * @param bootstrapReplicates bootstrap replicates, 0 for none
 * @param seed seed of every random choice
 */
public record ModelSpec(
    String models,
    String lookback,
    String halfLife,
    String positionWeights,
    String directChannel,
    int markovOrder,
    int shapleyExactLimit,
    int shapleySamples,
    int bootstrapReplicates,
    long seed) implements Serializable {
  private static final long serialVersionUID = 1L;

  public ModelSpec {
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(lookback, "lookback");
    Objects.requireNonNull(halfLife, "halfLife");
    Objects.requireNonNull(positionWeights, "positionWeights");
    Objects.requireNonNull(directChannel, "directChannel");
  }

  /** @return SPEC's defaults: every model, 30-day lookback */
  public static ModelSpec defaults() {
    ModelOptions d = ModelOptions.defaults();
    return new ModelSpec("all", "30d", "7d", "U", d.directChannel(), d.markovOrder(), d.shapleyExactLimit(),
        d.shapleySamples(), d.bootstrapReplicates(), d.seed());
  }

  /** @return the journey options; @throws IllegalArgumentException for a bad lookback */
  public JourneyOptions journeyOptions() {
    return new JourneyOptions(Durations.parse(lookback));
  }

  /** @return the typed model options; @throws IllegalArgumentException naming the bad option */
  public ModelOptions modelOptions() {
    return new ModelOptions(Durations.parse(halfLife), PositionWeights.parse(positionWeights), directChannel,
        markovOrder, shapleyExactLimit, shapleySamples, bootstrapReplicates, seed);
  }

  /**
   * @param available what the input provides (timestamps for an event log, nothing for a path file)
   * @return the models in registry order
   * @throws IllegalArgumentException for an unknown or unusable model name
   */
  public List<AttributionModel> resolve(Set<Requirement> available) {
    return ModelRegistry.resolve(models, modelOptions(), available);
  }
}
