package io.tributary.core.model;

import io.tributary.core.paths.PathCounts;

/**
 * A model that needs only distinct paths and their counts: every rule model but time decay, Markov, Shapley.
 * Implementations are immutable and thread-safe.
 */
public non-sealed interface PathModel extends AttributionModel {
  /**
   * Credits the conversions and value of {@code counts} to channels.
   *
   * @param counts distinct paths; may be empty (then no credit)
   * @return credit per channel whose conversions sum to {@code counts.conversions()} and whose value sums to
   *     {@code counts.value()} (to floating-point accuracy)
   */
  ModelResult attribute(PathCounts counts);
}
