package io.tributary.core.model.shapley;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Estimates the Shapley values of one {@code shapley} game (the channels of one set S, v(T) = CR(T) and, alongside,
 * the value-per-journey game) by sampling permutations, for sets beyond the exact limit.
 */
final class PermutationSampler {
  /*
   * Each permutation π of S's players gives one marginal contribution per player, v(P ∪ {c}) − v(P) with P the players
   * before c; its mean over uniformly random permutations is φ_c (the permutation definition), so the sample mean is
   * unbiased and its standard error is the sample standard deviation / √m. The marginals of one permutation telescope
   * to v(S) − v(∅), so every estimate sums to v(S) exactly, like the true values. v is non-zero only on seen sets, so
   * each prefix is looked up by its running Zobrist hash in a SubsetIndex: O(n) per permutation, no 2^n.
   */

  /** The estimate for one game, per player in S's member order. */
  record Estimate(double[] conversionRate, double[] conversionRateError, double[] value, double[] valueError) {}

  private PermutationSampler() {}

  /**
   * @param sets the channel sets
   * @param index the sets with a non-zero worth
   * @param s the set whose game is played
   * @param samples permutations to draw, {@code >= 1}; with 1 the standard errors are NaN
   * @param rng the game's own random stream
   */
  static Estimate sample(ChannelSets sets, SubsetIndex index, int s, int samples, SplittableRandom rng) {
    int[] members = sets.ids[s];
    int n = members.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] position = new int[sets.channels()];
    Arrays.fill(position, Integer.MAX_VALUE);
    double[] prefixCr = new double[n + 1];
    double[] prefixVpj = new double[n + 1];
    double[] sumCr = new double[n];
    double[] sqCr = new double[n];
    double[] sumV = new double[n];
    double[] sqV = new double[n];
    for (int m = 0; m < samples; m++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i = 0; i < n; i++) {
        position[members[order[i]]] = i;
      }
      long h = 0;
      for (int k = 1; k <= n; k++) {
        h ^= sets.keys[members[order[k - 1]]];
        int u = k == n ? s : index.findPrefix(h, k, position);
        prefixCr[k] = u < 0 ? 0 : sets.conversionRate(u);
        prefixVpj[k] = u < 0 ? 0 : sets.valuePerJourney(u);
      }
      for (int k = 0; k < n; k++) {
        int player = order[k];
        double dc = prefixCr[k + 1] - prefixCr[k];
        double dv = prefixVpj[k + 1] - prefixVpj[k];
        sumCr[player] += dc;
        sqCr[player] += dc * dc;
        sumV[player] += dv;
        sqV[player] += dv * dv;
      }
    }
    double[] cr = new double[n];
    double[] crErr = new double[n];
    double[] v = new double[n];
    double[] vErr = new double[n];
    for (int c = 0; c < n; c++) {
      cr[c] = sumCr[c] / samples;
      crErr[c] = standardError(sumCr[c], sqCr[c], samples);
      v[c] = sumV[c] / samples;
      vErr[c] = standardError(sumV[c], sqV[c], samples);
    }
    return new Estimate(cr, crErr, v, vErr);
  }

  private static double standardError(double sum, double sumSq, int m) {
    if (m < 2) {
      return Double.NaN;
    }
    double variance = Math.max(0, (sumSq - sum * sum / m) / (m - 1));
    return Math.sqrt(variance / m);
  }
}
