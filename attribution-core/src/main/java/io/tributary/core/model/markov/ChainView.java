package io.tributary.core.model.markov;

import java.util.ArrayList;
import java.util.List;

/** Turns a compact {@link Chain} into the public states and transitions of a {@link MarkovFit}. */
final class ChainView {
  private ChainView() {}

  /** @return (start), the window states in chain order, (conversion), (null) */
  static List<MarkovState> states(Chain chain) {
    List<MarkovState> out = new ArrayList<>(chain.size() + 3);
    out.add(MarkovState.START);
    for (int[] window : chain.windows) {
      List<String> names = new ArrayList<>(window.length);
      for (int c : window) {
        names.add(chain.channels[c]);
      }
      out.add(MarkovState.window(names));
    }
    out.add(MarkovState.CONVERSION);
    out.add(MarkovState.NULL);
    return out;
  }

  /** @return the nonzero transitions, by source then target; state indices as in {@link #states} */
  static List<MarkovTransition> transitions(Chain chain) {
    int n = chain.size();
    int conversion = n + 1;
    int nul = n + 2;
    List<MarkovTransition> out = new ArrayList<>(chain.outTo.length + 3 * n);
    for (int s = 0; s < n; s++) {
      if (chain.startWeight[s] > 0) {
        out.add(new MarkovTransition(0, s + 1, chain.startWeight[s], (double) chain.startWeight[s] / chain.journeys));
      }
    }
    for (int s = 0; s < n; s++) {
      double outflow = chain.outflow[s];
      for (int e = chain.outStart[s]; e < chain.outStart[s + 1]; e++) {
        out.add(new MarkovTransition(s + 1, chain.outTo[e] + 1, chain.outWeight[e], chain.outWeight[e] / outflow));
      }
      if (chain.conversions[s] > 0) {
        out.add(new MarkovTransition(s + 1, conversion, chain.conversions[s], chain.conversions[s] / outflow));
      }
      if (chain.nulls[s] > 0) {
        out.add(new MarkovTransition(s + 1, nul, chain.nulls[s], chain.nulls[s] / outflow));
      }
    }
    return out;
  }
}
