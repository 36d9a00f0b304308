package io.tributary.core.journey;

import java.util.Objects;

/**
 * One touch of a journey.
 *
 * @param channel the touchpoint's channel name
 * @param timestamp epoch milliseconds
 */
public record Touch(String channel, long timestamp) {
  public Touch {
    Objects.requireNonNull(channel, "channel");
  }
}
