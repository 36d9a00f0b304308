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
   * @return whether the model is a rule: each touch's weight comes from its journey's positions and times (and, for
   *     last_non_direct, whether its channel is direct), never from the rest of the data. A rule's credit is then
   *     additive over touchpoints: a channel's credit is exactly the sum of its campaigns'. False for the models
   *     fitted on the data (Markov, Shapley), whose credit of a campaign depends on every other touchpoint.
   */
  default boolean rule() {
    return false;
  }
}
