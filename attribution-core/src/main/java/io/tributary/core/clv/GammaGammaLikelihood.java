package io.tributary.core.clv;

import java.util.ArrayList;
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
  private final List<CustomerSummary> valued;

  private GammaGammaLikelihood(List<CustomerSummary> summaries) {
    valued = new ArrayList<>();
    for (CustomerSummary s : summaries) {
      if (s.valuedRepeats() > 0) {
        valued.add(s);
      }
    }
    customers = valued.size();
    counts = valued.stream().mapToInt(CustomerSummary::valuedRepeats).sorted().distinct().toArray();
    // Sort (count, mean) pairs: by count index, then by the mean's bits (means are > 0, so bit order is value order).
    long[][] keys = new long[customers][];
    double sum = 0;
    for (int i = 0; i < customers; i++) {
      CustomerSummary s = valued.get(i);
      keys[i] = new long[] {java.util.Arrays.binarySearch(counts, s.valuedRepeats()),
        Double.doubleToLongBits(s.meanRepeatValue())};
      sum += s.meanRepeatValue();
    }
    java.util.Arrays.sort(keys, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    int rows = 0;
    for (int i = 0; i < customers; i++) {
      rows += i == 0 || keys[i][0] != keys[i - 1][0] || keys[i][1] != keys[i - 1][1] ? 1 : 0;
    }
    countIndex = new int[rows];
    means = new double[rows];
    logMeans = new double[rows];
    weight = new int[rows];
    int row = -1;
    for (int i = 0; i < customers; i++) {
      if (i == 0 || keys[i][0] != keys[i - 1][0] || keys[i][1] != keys[i - 1][1]) {
        row++;
        countIndex[row] = (int) keys[i][0];
        means[row] = Double.longBitsToDouble(keys[i][1]);
        logMeans[row] = Math.log(means[row]);
      }
      weight[row]++;
    }
    meanOfMeans = customers == 0 ? 0 : sum / customers;
  }

  static GammaGammaLikelihood of(List<CustomerSummary> summaries) {
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
        warm = new GammaGammaLikelihood(MaximumLikelihood.subsample(valued)).optimum();
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
