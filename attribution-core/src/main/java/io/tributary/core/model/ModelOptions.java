package io.tributary.core.model;

import io.tributary.core.options.ModelOptionSpec;
import io.tributary.core.options.RunOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Every model option, as one typed value. Models read the fields they need; {@link #defaults()} are SPEC's.
 *
 * @param halfLife time-decay half-life, {@code > 0}; default 7 days
 * @param positionWeights position-based weights; default U 40/20/40
 * @param directChannel the channel {@code last_non_direct} skips; default {@code direct}
 * @param markovOrder Markov chain order k, 1 to 10; default 1
 * @param shapleyExactLimit most distinct channels in a set for which Shapley values are computed exactly, 1 to 26;
 *     default 20
 * @param shapleySamples permutations sampled per game beyond the exact limit, at least 2
 * @param bootstrapReplicates bootstrap replicates for confidence intervals, 0 for none
 * @param seed seed of every random choice (bootstrap, sampled Shapley)
 */
public record ModelOptions(
    Duration halfLife,
    PositionWeights positionWeights,
    String directChannel,
    int markovOrder,
    int shapleyExactLimit,
    int shapleySamples,
    int bootstrapReplicates,
    long seed) {
  /** SPEC's default half-life (the option spec's default). */
  public static final Duration DEFAULT_HALF_LIFE = ModelOptionSpec.HALF_LIFE.defaultValue();
  /** Lowest Markov order. */
  public static final int MIN_MARKOV_ORDER = 1;
  /** Highest Markov order: the states of a higher order outgrow any path file. */
  public static final int MAX_MARKOV_ORDER = 10;
  /** Largest exact Shapley game: 2^26 subsets is the most a solve enumerates. */
  public static final int MAX_SHAPLEY_EXACT_LIMIT = 26;
  /** Fewest Shapley permutations: one permutation states no error. */
  public static final int MIN_SHAPLEY_SAMPLES = 2;

  public ModelOptions {
    Objects.requireNonNull(halfLife, "halfLife");
    Objects.requireNonNull(positionWeights, "positionWeights");
    Objects.requireNonNull(directChannel, "directChannel");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("half-life must be > 0, got " + halfLife);
    }
    if (markovOrder < MIN_MARKOV_ORDER || markovOrder > MAX_MARKOV_ORDER) {
      throw new IllegalArgumentException(
          "Markov order must be " + MIN_MARKOV_ORDER + " to " + MAX_MARKOV_ORDER + ", got " + markovOrder);
    }
    if (shapleyExactLimit < 1 || shapleyExactLimit > MAX_SHAPLEY_EXACT_LIMIT) {
      throw new IllegalArgumentException(
          "Shapley exact limit must be 1 to " + MAX_SHAPLEY_EXACT_LIMIT + ", got " + shapleyExactLimit);
    }
    if (shapleySamples < MIN_SHAPLEY_SAMPLES) {
      throw new IllegalArgumentException(
          "Shapley samples must be at least " + MIN_SHAPLEY_SAMPLES + ", got " + shapleySamples);
    }
    if (bootstrapReplicates < 0) {
      throw new IllegalArgumentException("bootstrap replicates must be >= 0, got " + bootstrapReplicates);
    }
  }

  /** @return SPEC's defaults, as {@link ModelOptionSpec} states them */
  public static ModelOptions defaults() {
    return RunOptions.defaults().modelOptions();
  }

  /** @return a copy with the given half-life */
  public ModelOptions withHalfLife(Duration d) {
    return new ModelOptions(d, positionWeights, directChannel, markovOrder, shapleyExactLimit, shapleySamples,
        bootstrapReplicates, seed);
  }

  /** @return a copy with the given position weights */
  public ModelOptions withPositionWeights(PositionWeights w) {
    return new ModelOptions(halfLife, w, directChannel, markovOrder, shapleyExactLimit, shapleySamples,
        bootstrapReplicates, seed);
  }

  /** @return a copy with the given direct channel */
  public ModelOptions withDirectChannel(String c) {
    return new ModelOptions(halfLife, positionWeights, c, markovOrder, shapleyExactLimit, shapleySamples,
        bootstrapReplicates, seed);
  }

  /** @return a copy with the given Markov order */
  public ModelOptions withMarkovOrder(int k) {
    return new ModelOptions(halfLife, positionWeights, directChannel, k, shapleyExactLimit, shapleySamples,
        bootstrapReplicates, seed);
  }

  /** @return a copy with the given Shapley exact limit and sample count */
  public ModelOptions withShapley(int exactLimit, int samples) {
    return new ModelOptions(halfLife, positionWeights, directChannel, markovOrder, exactLimit, samples,
        bootstrapReplicates, seed);
  }

  /** @return a copy with the given bootstrap replicates and seed */
  public ModelOptions withBootstrap(int replicates, long s) {
    return new ModelOptions(halfLife, positionWeights, directChannel, markovOrder, shapleyExactLimit,
        shapleySamples, replicates, s);
  }
}
