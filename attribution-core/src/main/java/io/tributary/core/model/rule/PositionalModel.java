package io.tributary.core.model.rule;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathModel;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathStats;
import java.util.Map;
import java.util.HashMap;

/**
 * A rule model whose touch weights depend only on the path (positions and channel names), so it is fitted on distinct
 * paths: each path's conversions and value are split by the same weights however many journeys it holds.
 */
abstract class PositionalModel implements PathModel {
  /**
   * @param path a path of at least one touch
   * @return one weight per touch, each {@code >= 0}, summing to 1
   */
  abstract double[] weights(Path path);

  @Override
  public final ModelResult attribute(PathCounts counts) {
    // A hash map on the hot loop; ModelResult sorts channels once at the end.
    Map<String, double[]> sums = new HashMap<>();
    for (Map.Entry<Path, PathStats> e : counts.byPath().entrySet()) {
      PathStats s = e.getValue();
      if (s.conversions() == 0 && s.value().signum() == 0) {
        continue;
      }
      Path path = e.getKey();
      double[] w = weights(path);
      double conversions = s.conversions();
      double value = s.value().doubleValue();
      for (int i = 0; i < w.length; i++) {
        double[] acc = sums.computeIfAbsent(path.channel(i), k -> new double[2]);
        acc[0] += conversions * w[i];
        acc[1] += value * w[i];
      }
    }
    return ModelResult.of(name(), sums);
  }
}
