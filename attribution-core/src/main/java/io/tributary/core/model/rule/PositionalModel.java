package io.tributary.core.model.rule;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathModel;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A rule model whose touch weights depend only on the path (positions and channel names), so it is fitted on distinct
 * paths: each path's conversions and value are split by the same weights however many journeys it holds.
 */
abstract class PositionalModel implements PathModel {
  /**
   * @param paths the aggregate's paths
   * @param p a path of it (at least one touch)
   * @return one weight per touch, each {@code >= 0}, summing to 1
   */
  abstract double[] weights(PathTable paths, int p);

  @Override
  public final ModelResult attribute(PathCounts counts) {
    // Sums per channel id over the primitive table (no object per path); ModelResult sorts channels once at the end.
    PathTable paths = counts.table();
    double[][] sums = new double[paths.channels().size()][];
    for (int p = 0; p < paths.size(); p++) {
      BigDecimal v = paths.value(p);
      if (paths.conversions(p) == 0 && v.signum() == 0) {
        continue;
      }
      double[] w = weights(paths, p);
      double conversions = paths.conversions(p);
      double value = v.doubleValue();
      for (int i = 0; i < w.length; i++) {
        int c = paths.channel(p, i);
        if (sums[c] == null) {
          sums[c] = new double[2];
        }
        sums[c][0] += conversions * w[i];
        sums[c][1] += value * w[i];
      }
    }
    Map<String, double[]> byName = new HashMap<>();
    for (int c = 0; c < sums.length; c++) {
      if (sums[c] != null) {
        byName.put(paths.channels().name(c), sums[c]);
      }
    }
    return ModelResult.of(name(), byName);
  }
}
