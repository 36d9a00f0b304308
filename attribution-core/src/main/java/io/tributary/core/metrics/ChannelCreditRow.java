package io.tributary.core.metrics;

import java.util.Objects;

/**
 * One row of SPEC's {@code channel_credit} table (without {@code run_date}). Null means "not defined" (no spend, a
 * zero denominator, no interval computed).
 *
 * @param model the model's name
 * @param channel the channel, or {@code (unattributed)}; {@code (all)} at {@code --touchpoint campaign}
 * @param campaign the campaign ({@code (none)} for touches without one) at a campaign level
 *     ({@code --touchpoint}); null at channel level, in {@code channel_rollup} and on the {@code (unattributed)} row
 * @param attributedConversions conversions credited to the channel
 * @param attributedValue revenue credited to the channel
 * @param share attributed conversions / all conversions of the run (touchless included), null when there are none
 * @param spend the channel's spend in the window, null when none was listed
 * @param roas attributed value / spend
 * @param roi (attributed value − spend) / spend
 * @param cpa spend / attributed conversions
 * @param ciLow lower end of the 95 % bootstrap interval of attributed conversions
 * @param ciHigh upper end of that interval
 * @param samplingError standard error that sampling left in {@code attributedConversions} (shapley beyond its exact
 *     limit), null when the credit was computed exactly
 * @param valueSamplingError standard error that sampling left in {@code attributedValue}, likewise
 */
public record ChannelCreditRow(
    String model,
    String channel,
    String campaign,
    double attributedConversions,
    double attributedValue,
    Double share,
    Double spend,
    Double roas,
    Double roi,
    Double cpa,
    Double ciLow,
    Double ciHigh,
    Double samplingError,
    Double valueSamplingError) {
  public ChannelCreditRow {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(channel, "channel");
  }

  /** A row computed exactly: no sampling error. */
  public ChannelCreditRow(String model, String channel, String campaign, double attributedConversions,
      double attributedValue, Double share, Double spend, Double roas, Double roi, Double cpa, Double ciLow,
      Double ciHigh) {
    this(model, channel, campaign, attributedConversions, attributedValue, share, spend, roas, roi, cpa, ciLow,
        ciHigh, null, null);
  }

  /** @return the touchpoint as one readable name: the channel, {@code channel/campaign}, or the campaign alone */
  public String touchpoint() {
    if (campaign == null) {
      return channel;
    }
    return io.tributary.core.journey.TouchpointLevel.ALL_CHANNELS.equals(channel) ? campaign
        : channel + "/" + campaign;
  }
}
