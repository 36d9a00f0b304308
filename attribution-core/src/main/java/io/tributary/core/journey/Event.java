package io.tributary.core.journey;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One accepted row of an event log: a touch, a conversion, or a touch that also converts.
 *
 * @param customerId who (before identity stitching: any alias); never empty
 * @param timestamp epoch milliseconds
 * @param channel the touchpoint; required for touches, may be null for a conversion-only row
 * @param touch whether the row is a touch
 * @param conversion whether the row is a conversion (it then closes the customer's journey)
 * @param value revenue of the conversion, {@code >= 0}; zero for touches
 * @param orderId de-duplicates conversions of one customer; null when absent
 */
public record Event(
    String customerId,
    long timestamp,
    String channel,
    boolean touch,
    boolean conversion,
    BigDecimal value,
    String orderId) {

  public Event {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(value, "value");
    if (!touch && !conversion) {
      throw new IllegalArgumentException("an event is a touch, a conversion or both");
    }
    if (touch && (channel == null || channel.isEmpty())) {
      throw new IllegalArgumentException("a touch needs a channel");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative conversion value " + value);
    }
  }

  /** A plain touch. */
  public static Event touch(String customerId, long timestamp, String channel) {
    return new Event(customerId, timestamp, channel, true, false, BigDecimal.ZERO, null);
  }

  /** A conversion-only row ({@code event_type = conversion}). */
  public static Event conversion(String customerId, long timestamp, BigDecimal value, String orderId) {
    return new Event(customerId, timestamp, null, false, true, value, orderId);
  }

  /** This event with its customer id replaced, for identity stitching. */
  public Event withCustomerId(String id) {
    return id.equals(customerId) ? this : new Event(id, timestamp, channel, touch, conversion, value, orderId);
  }
}
