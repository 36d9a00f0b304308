package io.tributary.core.model.rule;

import io.tributary.core.paths.Path;
import java.util.Arrays;

/** {@code linear}: each touch gets 1/L, repeats counted (ChannelAttribution's {@code linear_touch}). */
public final class Linear extends PositionalModel {
  @Override
  public String name() {
    return "linear";
  }

  @Override
  double[] weights(Path path) {
    double[] w = new double[path.length()];
    Arrays.fill(w, 1.0 / w.length);
    return w;
  }
}
