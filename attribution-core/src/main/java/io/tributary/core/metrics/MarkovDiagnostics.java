package io.tributary.core.metrics;

import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.markov.MarkovFit;
import io.tributary.core.model.markov.MarkovModel;
import io.tributary.core.model.markov.MarkovState;
import io.tributary.core.model.markov.MarkovTransition;
import io.tributary.core.model.markov.RemovalEffect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fitted chain behind the {@code markov} model's credit, as rows a report or notebook shows: the transition
 * matrix (the {@code markov_transitions} table) and each channel's removal effect (the {@code removal_effects} table).
 * Not SPEC tables: the engines write them beside SPEC's when the run fits {@code markov}, so an analyst can see why a
 * channel got its share.
 *
 * @param order the chain order k
 * @param conversionProbability P(conversion) from {@code (start)}, solved from the chain
 * @param transitions the nonzero entries of the transition matrix, by source state then target state
 * @param removalEffects one per channel, in channel-name order
 */
public record MarkovDiagnostics(
    int order, double conversionProbability, List<Transition> transitions, List<Removal> removalEffects) {

  public MarkovDiagnostics {
    transitions = List.copyOf(transitions);
    removalEffects = List.copyOf(removalEffects);
  }

  /**
   * One nonzero entry of the transition matrix.
   *
   * @param fromState the source state's label ({@code (start)} or a window of channels, {@code "a > b"} for k = 2)
   * @param toState the target state's label, {@code (conversion)} and {@code (null)} included
   * @param journeys how many journeys made this step (conversions + nulls of the paths through it)
   * @param probability journeys / all journeys leaving {@code fromState}
   */
  public record Transition(String fromState, String toState, long journeys, double probability) {}

  /**
   * One channel's removal effect.
   *
   * @param channel the channel
   * @param removalEffect 1 − P(conversion without the channel) / P(conversion)
   * @param valueRemovalEffect the same for the expected value
   * @param conversionProbabilityWithout P(conversion) with the channel's states redirected to {@code (null)}
   */
  public record Removal(
      String channel, double removalEffect, double valueRemovalEffect, double conversionProbabilityWithout) {}

  /**
   * Fits the first {@link MarkovModel} among {@code models} again on the aggregate's paths (the same deterministic fit
   * whose credit the report holds) and lists its chain.
   *
   * @param aggregate the merged journeys
   * @param models the run's models
   * @return the chain's rows, or empty when the run has no {@code markov} model
   */
  public static Optional<MarkovDiagnostics> of(JourneyAggregate aggregate, List<? extends AttributionModel> models) {
    for (AttributionModel m : models) {
      if (m instanceof MarkovModel markov) {
        return Optional.of(of(markov.fit(aggregate.paths())));
      }
    }
    return Optional.empty();
  }

  static MarkovDiagnostics of(MarkovFit fit) {
    List<MarkovState> states = fit.states();
    // Each state's label once, not once per transition into or out of it: at a campaign level a label is a joined
    // stream of its keys, and the transitions of a 10M-row run are many times its states.
    String[] labels = new String[states.size()];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = label(states.get(s));
    }
    List<Transition> transitions = new ArrayList<>(fit.transitions().size());
    for (MarkovTransition t : fit.transitions()) {
      transitions.add(new Transition(labels[t.from()], labels[t.to()], t.weight(), t.probability()));
    }
    List<Removal> removals = new ArrayList<>(fit.removalEffects().size());
    for (RemovalEffect r : fit.removalEffects()) {
      removals.add(new Removal(TouchpointLevel.display(r.channel()), r.effect(), r.valueEffect(),
          r.conversionProbability()));
    }
    return new MarkovDiagnostics(fit.order(), fit.conversionProbability(), transitions, removals);
  }

  /* A state as a reader sees it: at a campaign level its touchpoint keys as channel/campaign. */
  private static String label(MarkovState s) {
    if (!s.isTransient() || s.channels().stream().noneMatch(TouchpointLevel::hasCampaign)) {
      return s.label();
    }
    return String.join(" > ", s.channels().stream().map(TouchpointLevel::display).toList());
  }
}
