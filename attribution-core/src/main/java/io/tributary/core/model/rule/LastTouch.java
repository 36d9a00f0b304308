package io.tributary.core.model.rule;

import io.tributary.core.paths.Path;

/** {@code last_touch}: all credit to the last touch. */
public final class LastTouch extends PositionalModel {
  @Override
  public String name() {
    return "last_touch";
  }

  @Override
  double[] weights(Path path) {
    double[] w = new double[path.length()];
    w[w.length - 1] = 1;
    return w;
  }
}
