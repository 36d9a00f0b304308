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
  double[] weights(PathTable paths, int p) {
    double[] w = new double[paths.length(p)];
    Arrays.fill(w, 1.0 / w.length);
    return w;
  }
}
