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

  /**
   * The credit {@link #attribute} gives the aggregate whose every channel is renamed to its group's name (a
   * campaign-level aggregate rolled up to channels: {@code email/spring} and {@code email/summer} both {@code email}),
   * paths that then coincide merged, without building that aggregate: the same result, bit for bit, or null when
   * this model cannot tell (then build the renamed aggregate and {@link #attribute} it).
   *
   * @param counts distinct paths
   * @param groupOf per channel id of {@code counts.table()}, its group's index in {@code groups}
   * @param groups the groups' names, in name order
   * @return credit per group, or null
   */
  default ModelResult attributeGrouped(PathCounts counts, int[] groupOf, java.util.List<String> groups) {
    return null;
  }
}
