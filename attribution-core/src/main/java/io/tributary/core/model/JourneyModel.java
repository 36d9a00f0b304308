package io.tributary.core.model;

import io.tributary.core.journey.Journey;

/**
 * A model that weighs each touch of a converting journey by more than its position (time decay needs timestamps).
 * Engines fold journeys through {@link JourneyAggregate.Builder}, which calls {@link #weights}.
 */
public non-sealed interface JourneyModel extends AttributionModel {
  /**
   * @param journey a converting journey with at least one touch
   * @return one weight per touch, each {@code >= 0}, summing to 1
   */
  double[] weights(Journey journey);

  /**
   * @return the model's name and options, e.g. {@code time_decay(halfLife=PT168H)}: aggregates folded under different
   *     settings must not be merged
   */
  String settings();
}
