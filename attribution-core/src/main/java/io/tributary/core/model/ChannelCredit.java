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
 * @param samplingError standard error that sampling left in {@code conversions} (sampled Shapley), NaN when the
 *     credit was computed exactly
 * @param valueSamplingError standard error that sampling left in {@code value}, NaN when computed exactly
 */
public record ChannelCredit(String channel, double conversions, double value, double ciLow, double ciHigh,
    double samplingError, double valueSamplingError) {
  public ChannelCredit {
    Objects.requireNonNull(channel, "channel");
    if (!Double.isFinite(conversions) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "credit of " + channel + " is not finite: " + conversions + " / " + value);
    }
  }

  /** Credit without an interval, computed exactly. */
  public ChannelCredit(String channel, double conversions, double value) {
    this(channel, conversions, value, Double.NaN, Double.NaN);
  }

  /** Credit with an interval ({@code NaN} for none), computed exactly. */
  public ChannelCredit(String channel, double conversions, double value, double ciLow, double ciHigh) {
    this(channel, conversions, value, ciLow, ciHigh, Double.NaN, Double.NaN);
  }

  /** @return whether a confidence interval is present */
  public boolean hasInterval() {
    return !Double.isNaN(ciLow);
  }

  /** @return this credit with the given interval */
  public ChannelCredit withInterval(double low, double high) {
    return new ChannelCredit(channel, conversions, value, low, high, samplingError, valueSamplingError);
  }

  /** @return whether sampling left an error in this credit (see {@link #samplingError}) */
  public boolean sampled() {
    return !Double.isNaN(samplingError);
  }

  /** @return this credit with the standard errors sampling left in its conversions and value */
  public ChannelCredit withSamplingError(double conversionsError, double valueError) {
    return new ChannelCredit(channel, conversions, value, ciLow, ciHigh, conversionsError, valueError);
  }
}
