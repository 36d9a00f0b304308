package io.tributary.core.model.rule;

import io.tributary.core.paths.PathTable;
import java.util.Arrays;

/** {@code last_touch}: all credit to the last touch. */
public final class LastTouch extends PositionalModel {
  @Override
  public String name() {
    return "last_touch";
  }

  @Override
  void weights(PathTable paths, int p, double[] into) {
    int n = paths.length(p);
    Arrays.fill(into, 0, n - 1, 0);
    into[n - 1] = 1;
  }
}
