package io.tributary.core.clv;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma log-likelihood of the customers with a valued repeat purchase, laid out for repeated evaluation:
 * customers with the same count and mean are one row with a weight (order values in cents repeat a lot among
 * customers with one or two valued repeats), log-gamma terms once per distinct count, the logarithms of counts and
 * means once. Immutable and thread-safe.
 */
final class GammaGammaLikelihood {
  /*
   * Per customer with count c and mean m (eq. 3 of GammaGamma [1]):
   *   LL = lnΓ(pc+q) - lnΓ(pc) - lnΓ(q) + q ln γ + (pc-1) ln m + pc ln c - (pc+q) ln(γ + m c)
   * Rows are sorted by (c, m) and summed in fixed blocks (BlockSum): the same sum on every run and any number of cores.
   */
  private final int customers;
  private final int[] counts; // distinct counts, ascending
  private final int[] countIndex; // per row
  private final double[] means; // per row
  private final double[] logMeans; // per row
  private final int[] weight; // customers per row
  private final double meanOfMeans;
  private final SummaryCounts valued;

  private GammaGammaLikelihood(SummaryCounts summaries) {
    valued = summaries.valued();
    int n = valued.size(); // runs: a run's customers share one summary
    customers = valued.customers();
    int[] c = new int[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      CustomerSummary s = valued.summary(i);
      c[i] = s.valuedRepeats();
      // One customer at a time, in order: the same rounding as a list of every customer.
      for (int k = valued.count(i); k > 0; k--) {
        sum += s.meanRepeatValue();
      }
    }
    counts = SortedDistinct.of(c, n);
    // Rows sorted by count, then by the mean's bits (means are > 0, so bit order is value order): per count, the
    // distinct means' bits sorted; each run's customers are then counted into its row.
    int[] perCount = new int[counts.length];
    int[] runCount = new int[n];
    for (int i = 0; i < n; i++) {
      runCount[i] = Arrays.binarySearch(counts, c[i]);
      perCount[runCount[i]]++;
    }
    long[][] bits = new long[counts.length][];
    for (int k = 0; k < counts.length; k++) {
      bits[k] = new long[perCount[k]];
      perCount[k] = 0;
    }
    for (int i = 0; i < n; i++) {
      int k = runCount[i];
      bits[k][perCount[k]++] = Double.doubleToLongBits(valued.summary(i).meanRepeatValue());
    }
    int[] rowStart = new int[counts.length + 1];
    for (int k = 0; k < counts.length; k++) {
      bits[k] = SortedDistinct.of(bits[k], bits[k].length);
      rowStart[k + 1] = rowStart[k] + bits[k].length;
    }
    int rows = rowStart[counts.length];
    countIndex = new int[rows];
    means = new double[rows];
    logMeans = new double[rows];
    weight = new int[rows];
    for (int k = 0; k < counts.length; k++) {
      for (int j = 0; j < bits[k].length; j++) {
        int row = rowStart[k] + j;
        countIndex[row] = k;
        means[row] = Double.longBitsToDouble(bits[k][j]);
        logMeans[row] = Math.log(means[row]);
      }
    }
    for (int i = 0; i < n; i++) {
      int k = runCount[i];
      long b = Double.doubleToLongBits(valued.summary(i).meanRepeatValue());
      weight[rowStart[k] + Arrays.binarySearch(bits[k], b)] += valued.count(i);
    }
    meanOfMeans = customers == 0 ? 0 : sum / customers;
  }

  static GammaGammaLikelihood of(SummaryCounts summaries) {
    return new GammaGammaLikelihood(summaries);
  }

  /** @return the number of distinct (count, mean), the rows each evaluation visits */
  int rows() {
    return weight.length;
  }

  double logLikelihood(double p, double q, double gamma) {
    double[] constant = new double[counts.length];
    double lgQ = Gamma.logGamma(q);
    double qLogGamma = q * Math.log(gamma);
    for (int k = 0; k < counts.length; k++) {
      double pc = p * counts[k];
      constant[k] = Gamma.logGamma(pc + q) - Gamma.logGamma(pc) - lgQ + qLogGamma + pc * Math.log(counts[k]);
    }
    return BlockSum.sum(weight.length, (from, to) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        int k = countIndex[i];
        int c = counts[k];
        double pc = p * c;
        sum += weight[i] * (constant[k] + (pc - 1) * logMeans[i] - (pc + q) * Math.log(gamma + means[i] * c));
      }
      return sum;
    });
  }

  /*
   * Start: p = 1, q = 2, γ = the mean of the means, so that pγ/(q-1) matches it; for a large population, the optimum
   * of a systematic subsample (as BgNbdLikelihood does).
   */
  private MaximumLikelihood.Optimum optimum() {
    MaximumLikelihood.Optimum warm = null;
    if (customers >= MaximumLikelihood.WARM_START_MIN) {
      try {
        warm = new GammaGammaLikelihood(valued.everyKth(MaximumLikelihood.step(customers))).optimum();
      } catch (ClvException e) {
        warm = null;
      }
    }
    return MaximumLikelihood.maximize("Gamma-Gamma", GammaGamma.PARAMETERS, t -> logLikelihood(t[0], t[1], t[2]),
        new double[] {1, 2, meanOfMeans}, customers, warm);
  }

  GammaGammaFit fit() {
    if (customers == 0) {
      throw new ClvException("Gamma-Gamma: no customer has a repeat purchase with a value > 0 in the calibration "
          + "window: order value cannot be fitted");
    }
    MaximumLikelihood.Optimum o = optimum();
    double[] t = o.theta();
    double[] se = o.standardErrors();
    return new GammaGammaFit(new GammaGamma(t[0], t[1], t[2]), List.of(new Estimate("p", t[0], se[0]),
        new Estimate("q", t[1], se[1]), new Estimate("gamma", t[2], se[2])), o.logLikelihood(), customers);
  }
}
