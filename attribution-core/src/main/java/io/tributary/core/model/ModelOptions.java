package io.tributary.core.model;

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
 * @param shapleySamples permutations sampled per game beyond the exact limit, {@code > 0}
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
  /** SPEC's default half-life. */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);

  public ModelOptions {
    Objects.requireNonNull(halfLife, "halfLife");
    Objects.requireNonNull(positionWeights, "positionWeights");
    Objects.requireNonNull(directChannel, "directChannel");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("half-life must be > 0, got " + halfLife);
    }
    if (markovOrder < 1 || markovOrder > 10) {
      throw new IllegalArgumentException("Markov order must be 1 to 10, got " + markovOrder);
    }
    if (shapleyExactLimit < 1 || shapleyExactLimit > 26) {
      throw new IllegalArgumentException("Shapley exact limit must be 1 to 26, got " + shapleyExactLimit);
    }
    if (shapleySamples < 1) {
      throw new IllegalArgumentException("Shapley samples must be > 0, got " + shapleySamples);
    }
    if (bootstrapReplicates < 0) {
      throw new IllegalArgumentException("bootstrap replicates must be >= 0, got " + bootstrapReplicates);
    }
  }

  /** @return SPEC's defaults */
  public static ModelOptions defaults() {
    return new ModelOptions(DEFAULT_HALF_LIFE, PositionWeights.U, "direct", 1, 20, 20_000, 0, 42L);
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
