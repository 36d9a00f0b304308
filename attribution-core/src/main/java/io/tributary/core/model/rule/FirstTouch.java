package io.tributary.core.model.rule;

import io.tributary.core.paths.PathTable;

/** {@code first_touch}: all credit to the first touch. */
public final class FirstTouch extends PositionalModel {
  @Override
  public String name() {
    return "first_touch";
  }

  @Override
  double[] weights(PathTable paths, int p) {
    double[] w = new double[paths.length(p)];
    w[0] = 1;
    return w;
  }
}
