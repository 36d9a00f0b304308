package io.tributary.core.model.rule;

import io.tributary.core.paths.PathTable;

/** {@code last_touch}: all credit to the last touch. */
public final class LastTouch extends PositionalModel {
  @Override
  public String name() {
    return "last_touch";
  }

  @Override
  double[] weights(PathTable paths, int p) {
    double[] w = new double[paths.length(p)];
    w[w.length - 1] = 1;
    return w;
  }
}
