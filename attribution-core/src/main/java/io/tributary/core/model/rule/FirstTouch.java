package io.tributary.core.model.rule;

import io.tributary.core.paths.Path;

/** {@code first_touch}: all credit to the first touch. */
public final class FirstTouch extends PositionalModel {
  @Override
  public String name() {
    return "first_touch";
  }

  @Override
  double[] weights(Path path) {
    double[] w = new double[path.length()];
    w[0] = 1;
    return w;
  }
}
