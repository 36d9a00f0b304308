package io.tributary.core.journey;

import java.math.BigDecimal;

/**
 * Receives the journeys {@link JourneyBuilder} cuts from one customer's {@link CustomerEvents}, in time order, without
 * a {@link Journey} object each. The arrays are the builder's scratch space: read them during the call, never keep
 * them.
 */
@FunctionalInterface
public interface JourneySink {
  /**
   * One journey: touches {@code from .. to-1} of the arrays, in touch order ({@code from == to} only for a
   * conversion with no touch in its window).
   *
   * @param channels channel ids of the touches (never {@link CustomerEvents#NO_CHANNEL})
   * @param times epoch ms of the touches
   * @param from first touch
   * @param to one past the last touch
   * @param converted whether the journey ends in a conversion
   * @param value the conversion's revenue, zero when not converted
   * @param endTime epoch ms of the conversion, or of the last touch of a non-converting journey
   */
  void journey(int[] channels, long[] times, int from, int to, boolean converted, BigDecimal value, long endTime);
}
