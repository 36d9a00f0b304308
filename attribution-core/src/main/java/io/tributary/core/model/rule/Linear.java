package io.tributary.core.model.rule;

import io.tributary.core.paths.PathTable;
import java.util.Arrays;

/** {@code linear}: each touch gets 1/L, repeats counted (ChannelAttribution's {@code linear_touch}). */
public final class Linear extends PositionalModel {
  @Override
  public String name() {
    return "linear";
  }

  @Override
  void weights(PathTable paths, int p, double[] into) {
    int n = paths.length(p);
    Arrays.fill(into, 0, n, 1.0 / n);
  }
}
