package io.tributary.core.model.rule;

import io.tributary.core.model.PositionWeights;
import io.tributary.core.paths.PathTable;
import java.util.Objects;

/**
 * {@code position_based}: one touch gets everything; two touches split the first and last weights renormalised
 * (40/40 → 50/50, J 20/60 → 25/75); three or more give the first and last their weights and share the middle weight
 * equally among the L−2 middle touches.
 */
public final class PositionBased extends PositionalModel {
  private final PositionWeights weights;

  /** @param weights first/middle/last weights */
  public PositionBased(PositionWeights weights) {
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  @Override
  public String name() {
    return "position_based";
  }

  @Override
  void weights(PathTable paths, int p, double[] w) {
    int n = paths.length(p);
    if (n == 1) {
      w[0] = 1;
    } else if (n == 2) {
      double ends = weights.first() + weights.last();
      w[0] = weights.first() / ends;
      w[1] = weights.last() / ends;
    } else {
      w[0] = weights.first();
      w[n - 1] = weights.last();
      double middle = weights.middle() / (n - 2);
      for (int i = 1; i < n - 1; i++) {
        w[i] = middle;
      }
    }
  }
}
