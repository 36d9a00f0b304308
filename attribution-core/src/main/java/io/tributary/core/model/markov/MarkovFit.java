package io.tributary.core.model.markov;

import io.tributary.core.model.ModelResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A fitted Markov chain with everything a report shows: the states, the sparse transition matrix, P(conversion),
 * E[value], the removal effect of every channel and the resulting credit. Immutable.
 *
 * @param order the chain order k
 * @param states {@code (start)} first, then the window states in channel order (shorter windows first where one is a
 *     prefix of another), then {@code (conversion)} and {@code (null)}; indices are those of {@link #transitions}
 * @param transitions the nonzero transition-matrix entries, by source then target
 * @param journeys journeys the chain was fitted on (conversions + nulls of every path)
 * @param conversions converting journeys
 * @param value their total value, exact
 * @param conversionProbability P(conversion) from (start), solved from the chain; equal to
 *     {@link #empiricalConversionRate()} up to rounding (checked when fitting)
 * @param expectedValue E[value] per journey, solved from the chain; equal to value / journeys up to rounding
 * @param removalEffects one per channel, in channel-name order
 * @param result the credit: conversions × RE/ΣRE and value × RE<sup>v</sup>/ΣRE<sup>v</sup> per channel
 */
public record MarkovFit(
    int order,
    List<MarkovState> states,
    List<MarkovTransition> transitions,
    long journeys,
    long conversions,
    BigDecimal value,
    double conversionProbability,
    double expectedValue,
    List<RemovalEffect> removalEffects,
    ModelResult result) {

  public MarkovFit {
    states = List.copyOf(states);
    transitions = List.copyOf(transitions);
    Objects.requireNonNull(value, "value");
    removalEffects = List.copyOf(removalEffects);
    Objects.requireNonNull(result, "result");
  }

  /** @return conversions / journeys, 0 without journeys */
  public double empiricalConversionRate() {
    return journeys == 0 ? 0 : (double) conversions / journeys;
  }

  /** @return the channels, in name order */
  public List<String> channels() {
    return removalEffects.stream().map(RemovalEffect::channel).toList();
  }

  /** @return the removal effect of {@code channel}, or null for a channel not in the data */
  public RemovalEffect removalEffect(String channel) {
    for (RemovalEffect r : removalEffects) {
      if (r.channel().equals(channel)) {
        return r;
      }
    }
    return null;
  }
}
