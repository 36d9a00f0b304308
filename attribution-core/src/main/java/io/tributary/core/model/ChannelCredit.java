package io.tributary.core.model;

import java.util.Objects;

/**
 * The credit one model gives one channel.
 *
 * @param channel the channel name
 * @param conversions attributed conversions (fractional)
 * @param value attributed revenue
 * @param ciLow lower end of the 95 % bootstrap interval of {@code conversions}, NaN when none was computed
 * @param ciHigh upper end of that interval, NaN when none was computed
 */
public record ChannelCredit(String channel, double conversions, double value, double ciLow, double ciHigh) {
  public ChannelCredit {
    Objects.requireNonNull(channel, "channel");
    if (!Double.isFinite(conversions) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "credit of " + channel + " is not finite: " + conversions + " / " + value);
    }
  }

  /** Credit without an interval. */
  public ChannelCredit(String channel, double conversions, double value) {
    this(channel, conversions, value, Double.NaN, Double.NaN);
  }

  /** @return whether a confidence interval is present */
  public boolean hasInterval() {
    return !Double.isNaN(ciLow);
  }

  /** @return this credit with the given interval */
  public ChannelCredit withInterval(double low, double high) {
    return new ChannelCredit(channel, conversions, value, low, high);
  }
}
