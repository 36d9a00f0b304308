package io.tributary.core.model.shapley;

import java.util.function.ToDoubleFunction;

/**
 * The Shapley value straight from its definition: the average over all n! orderings of each player's marginal
 * contribution. Independent of every formula under test; meant for n up to about 8.
 */
final class BruteForceShapley {
  private BruteForceShapley() {}

  /** @param v worth of a coalition given as a bit mask over players {@code 0..n-1} */
  static double[] values(int n, ToDoubleFunction<Integer> v) {
    double[] sum = new double[n];
    long[] count = {0};
    permute(new int[n], new boolean[n], 0, n, v, sum, count);
    for (int c = 0; c < n; c++) {
      sum[c] /= count[0];
    }
    return sum;
  }

  /** @param v a dense game, {@code v[mask]} */
  static double[] values(double[] v) {
    int n = Integer.numberOfTrailingZeros(v.length);
    return values(n, mask -> v[mask]);
  }

  private static void permute(int[] order, boolean[] used, int depth, int n, ToDoubleFunction<Integer> v,
      double[] sum, long[] count) {
    if (depth == n) {
      int mask = 0;
      for (int p : order) {
        double before = v.applyAsDouble(mask);
        mask |= 1 << p;
        sum[p] += v.applyAsDouble(mask) - before;
      }
      count[0]++;
      return;
    }
    for (int p = 0; p < n; p++) {
      if (!used[p]) {
        used[p] = true;
        order[depth] = p;
        permute(order, used, depth + 1, n, v, sum, count);
        used[p] = false;
      }
    }
  }
}
