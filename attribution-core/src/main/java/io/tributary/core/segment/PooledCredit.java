package io.tributary.core.segment;

import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.ExactSum;
import io.tributary.core.model.ModelResult;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import java.util.HashMap;
import java.util.Map;

/**
 * The credit of a segment's journeys under the all-customer fit of a data-driven model, for a segment too small for
 * its own fit (fit_scope {@code pooled}). The fit's credit per channel is read as a weight: each converting path of
 * the segment splits its conversions among its distinct channels in proportion to their attributed conversions in
 * the all-customer fit, and its value in proportion to their attributed value (negative credit counts as 0; when every
 * channel of the path has 0, they share equally). So a pooled segment reconciles with its own conversions and value,
 * and a segment whose paths hold every channel in the all-customer mix gets that mix.
 */
public final class PooledCredit {
  private PooledCredit() {}

  /**
   * @param fit the model's all-customer result
   * @param segment the segment's paths
   * @return the segment's credit under {@code fit}, named as the fit's model; every channel of the segment's paths
   *     listed
   */
  public static ModelResult attribute(ModelResult fit, PathCounts segment) {
    PathTable paths = segment.table();
    int nc = paths.channels().size();
    double[] convWeight = new double[nc];
    double[] valueWeight = new double[nc];
    for (int c = 0; c < nc; c++) {
      ChannelCredit cc = fit.credit(paths.channels().name(c));
      convWeight[c] = cc == null ? 0 : Math.max(0, cc.conversions());
      valueWeight[c] = cc == null ? 0 : Math.max(0, cc.value());
    }
    ExactSum[] conv = new ExactSum[nc];
    ExactSum[] value = new ExactSum[nc];
    boolean[] listed = new boolean[nc];
    int[] distinct = new int[16];
    for (int p = 0; p < paths.size(); p++) {
      int n = 0;
      int length = paths.length(p);
      if (distinct.length < length) {
        distinct = new int[length];
      }
      for (int k = 0; k < length; k++) {
        int c = paths.channel(p, k);
        boolean seen = false;
        for (int i = 0; i < n && !seen; i++) {
          seen = distinct[i] == c;
        }
        if (!seen) {
          distinct[n++] = c;
          listed[c] = true;
        }
      }
      long conversions = paths.conversions(p);
      double v = paths.value(p).doubleValue();
      if (conversions == 0 && v == 0) {
        continue;
      }
      split(distinct, n, convWeight, conversions, conv);
      split(distinct, n, valueWeight, v, value);
    }
    Map<String, double[]> out = new HashMap<>();
    for (int c = 0; c < nc; c++) {
      if (listed[c]) {
        out.put(paths.channels().name(c), new double[] {total(conv[c]), total(value[c])});
      }
    }
    return ModelResult.of(fit.model(), out);
  }

  private static void split(int[] channels, int n, double[] weight, double amount, ExactSum[] into) {
    if (amount == 0) {
      return;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += weight[channels[i]];
    }
    for (int i = 0; i < n; i++) {
      int c = channels[i];
      double share = sum > 0 ? weight[c] / sum : 1.0 / n;
      if (into[c] == null) {
        into[c] = new ExactSum();
      }
      into[c].add(amount * share);
    }
  }

  private static double total(ExactSum s) {
    return s == null ? 0 : s.toBigDecimal().doubleValue();
  }
}
