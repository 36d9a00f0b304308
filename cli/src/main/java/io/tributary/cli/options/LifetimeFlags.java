package io.tributary.cli.options;

import io.tributary.core.clv.ClvOptions;
import io.tributary.core.lifetime.ChannelLifetimeValue;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Whether a run values its customers ({@code channel_lifetime_value} and the lifetime columns of
 * {@code conversion_kpis}), with the lifetime-value options of the core ({@link ClvFlags}).
 */
public final class LifetimeFlags {
  @Option(names = ChannelLifetimeValue.OPTION,
      description = "Also fit BG/NBD + Gamma-Gamma on the run's purchases and split each customer's lifetime value "
          + "over the channels of their acquisition journey under every model (table channel_lifetime_value). "
          + "Calibration ends on the day of the run's last event unless " + ClvOptions.CALIBRATION_END_OPTION
          + " is given.")
  boolean enabled;

  @Mixin ClvFlags clv;

  /** @return whether lifetime value is computed */
  public boolean enabled() {
    return enabled;
  }

  /**
   * @return the lifetime-value options
   * @throws IllegalArgumentException naming the option for a bad value
   */
  public ClvOptions options() {
    return clv.options();
  }
}
