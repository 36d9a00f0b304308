package io.tributary.core.lifetime;

import java.util.Objects;

/**
 * One row of the {@code channel_lifetime_value} table (without {@code run_date}). Null means "not defined" (no spend,
 * no customer credited, no interval computed).
 *
 * @param model the model's name
 * @param channel the channel, or {@code (unattributed)} for customers whose first purchase had no touch in its window
 * @param newCustomers customers acquired, as the model credits their acquisition journeys (fractional)
 * @param lifetimeValue the expected lifetime value of those customers, split as the model splits their acquisition
 *     journeys
 * @param lifetimeValuePerCustomer {@code lifetimeValue / newCustomers}
 * @param spend the channel's spend in the window
 * @param roas the channel's {@code roas} of {@code channel_credit} (attributed value / spend), beside
 * @param ltvRoas {@code lifetimeValue / spend}
 * @param ciLow lower end of the 95 % bootstrap interval of {@code lifetimeValue}
 * @param ciHigh upper end of that interval
 */
public record ChannelLifetimeValueRow(
    String model,
    String channel,
    double newCustomers,
    double lifetimeValue,
    Double lifetimeValuePerCustomer,
    Double spend,
    Double roas,
    Double ltvRoas,
    Double ciLow,
    Double ciHigh) {
  public ChannelLifetimeValueRow {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(channel, "channel");
  }

  /** @return this row with its channel's {@code roas} of {@code channel_credit} */
  public ChannelLifetimeValueRow withRoas(Double roas) {
    return new ChannelLifetimeValueRow(model, channel, newCustomers, lifetimeValue, lifetimeValuePerCustomer, spend,
        roas, ltvRoas, ciLow, ciHigh);
  }

  /** @return this row with a bootstrap interval of its lifetime value */
  public ChannelLifetimeValueRow withInterval(double low, double high) {
    return new ChannelLifetimeValueRow(model, channel, newCustomers, lifetimeValue, lifetimeValuePerCustomer, spend,
        roas, ltvRoas, low, high);
  }
}
