package io.tributary.core.model.markov;

import java.util.Objects;

/**
 * What removing one channel does to a fitted chain: every transition into a state containing the channel goes to
 * {@code (null)} instead.
 *
 * @param channel the removed channel
 * @param conversionProbability P(conversion | channel removed), in [0, 1]
 * @param effect removal effect 1 − P(conversion | removed) / P(conversion), in [0, 1]; 0 when P(conversion) = 0
 * @param expectedValue expected value per journey with the channel removed, {@code >= 0}
 * @param valueEffect value removal effect 1 − E[value | removed] / E[value], in [0, 1]; 0 when E[value] = 0
 */
public record RemovalEffect(
    String channel, double conversionProbability, double effect, double expectedValue, double valueEffect) {
  public RemovalEffect {
    Objects.requireNonNull(channel, "channel");
    if (!(effect >= 0 && effect <= 1) || !(valueEffect >= 0 && valueEffect <= 1)) {
      throw new IllegalArgumentException("removal effect of " + channel + " outside [0, 1]: " + effect + " / "
          + valueEffect);
    }
  }
}
