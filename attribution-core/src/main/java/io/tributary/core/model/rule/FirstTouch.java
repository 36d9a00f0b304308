package io.tributary.core.model.rule;

import io.tributary.core.paths.PathTable;
import java.util.Arrays;

/** {@code first_touch}: all credit to the first touch. */
public final class FirstTouch extends PositionalModel {
  @Override
  public String name() {
    return "first_touch";
  }

  @Override
  void weights(PathTable paths, int p, double[] into) {
    into[0] = 1;
    Arrays.fill(into, 1, paths.length(p), 0);
  }
}
