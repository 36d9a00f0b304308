package io.tributary.core.model;

import io.tributary.core.paths.PathCounts;
import java.util.List;

/**
 * A path model that credits the same paths with other values without being fitted on them from scratch: what it
 * builds from the journeys alone (Markov's chain, the Shapley models' channel sets) depends on paths, conversions and
 * nulls, not on values, so a fit with every path's value replaced reuses the structure of its fit on those paths and
 * recomputes only what the values feed. Lifetime value by channel refits the run's models this way, with each path's
 * lifetime value and with its new-customer count ({@link io.tributary.core.lifetime.ChannelLifetimeValue}).
 */
public interface Revaluable extends PathModel {
  /**
   * @param counts distinct paths with their conversions and nulls (their values are not read)
   * @param pathValues per set, each path's value by its index in {@code counts.table()}
   * @return per set, in order, the result {@link #attribute} gives on {@code counts} with its values replaced by that
   *     set (conversions and nulls kept), bit for bit
   */
  List<ModelResult> attributeRevalued(PathCounts counts, List<PathValues> pathValues);
}
