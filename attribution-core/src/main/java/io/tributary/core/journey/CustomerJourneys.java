package io.tributary.core.journey;

import java.util.List;

/**
 * What {@link JourneyBuilder} made of one customer's events.
 *
 * @param journeys in time order
 * @param duplicateConversions conversions dropped because their order id was already seen for this customer
 */
public record CustomerJourneys(List<Journey> journeys, int duplicateConversions) {
  public CustomerJourneys {
    journeys = List.copyOf(journeys);
    if (duplicateConversions < 0) {
      throw new IllegalArgumentException("duplicateConversions < 0");
    }
  }
}
