package io.tributary.core.model;

import java.util.Set;

/**
 * An attribution model, known by its {@link #name()} (the {@code model} column of every output). A model is either a
 * {@link PathModel}, fitted on distinct paths, or a {@link JourneyModel}, which weighs the touches of each journey.
 */
public sealed interface AttributionModel permits PathModel, JourneyModel {
  /** @return the lower-case name, e.g. {@code linear} */
  String name();

  /** @return what the input must provide; empty for models that need only paths */
  default Set<Requirement> requires() {
    return Set.of();
  }

  /**
   * @return whether the model's weights are estimated from all the data (markov, shapley) rather than set by a rule
   *     for each journey: a segment too small for its own fit gets the all-customer fit instead (see
   *     {@link io.tributary.core.segment.SegmentedReport})
   */
  default boolean dataDriven() {
    return false;
  }
}
