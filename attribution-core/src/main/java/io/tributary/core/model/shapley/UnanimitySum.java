package io.tributary.core.model.shapley;

/**
 * Shapley values of a game that is a weighted sum of unanimity games, one per seen channel set: v(S) = Σ_{T ⊆ S} w(T).
 * Its Harsanyi dividends are the weights themselves, so φ_c = Σ_{T ∋ c} w(T)/|T| exactly, in time linear in the total
 * size of the sets, whatever the number of channels. Both {@code shapley_cumulative} and {@code shapley_simplified}
 * are such games.
 */
final class UnanimitySum {
  /** The weight of one set in one of the two games a model plays. */
  @FunctionalInterface
  interface Weight {
    double of(ChannelSets sets, int set);
  }

  private UnanimitySum() {}

  /** @return φ per channel id of the game with weights {@code w} */
  static double[] values(ChannelSets sets, Weight w) {
    double[] phi = new double[sets.channels()];
    for (int t = 0; t < sets.size(); t++) {
      double share = w.of(sets, t);
      if (share == 0) {
        continue;
      }
      int[] members = sets.ids[t];
      share /= members.length;
      for (int id : members) {
        phi[id] += share;
      }
    }
    return phi;
  }
}
