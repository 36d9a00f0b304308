package io.tributary.core.clv;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma log-likelihood of the customers with a valued repeat purchase, laid out for repeated evaluation:
 * log-gamma terms once per distinct count, the logarithms of counts and means once. Immutable and thread-safe.
 */
final class GammaGammaLikelihood {
  /*
   * Per customer with count c and mean m (eq. 3 of GammaGamma [1]):
   *   LL = lnΓ(pc+q) - lnΓ(pc) - lnΓ(q) + q ln γ + (pc-1) ln m + pc ln c - (pc+q) ln(γ + m c)
   */
  private final int customers;
  private final int[] counts; // distinct counts, ascending
  private final int[] countIndex; // per customer
  private final double[] means;
  private final double[] logMeans;
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
    countIndex = new int[customers];
    means = new double[customers];
    logMeans = new double[customers];
    double sum = 0;
    for (int i = 0; i < customers; i++) {
      CustomerSummary s = valued.get(i);
      countIndex[i] = java.util.Arrays.binarySearch(counts, s.valuedRepeats());
      means[i] = s.meanRepeatValue();
      logMeans[i] = Math.log(means[i]);
      sum += means[i];
    }
    meanOfMeans = customers == 0 ? 0 : sum / customers;
  }

  static GammaGammaLikelihood of(List<CustomerSummary> summaries) {
    return new GammaGammaLikelihood(summaries);
  }

  double logLikelihood(double p, double q, double gamma) {
    double[] constant = new double[counts.length];
    double lgQ = Gamma.logGamma(q);
    double qLogGamma = q * Math.log(gamma);
    for (int k = 0; k < counts.length; k++) {
      double pc = p * counts[k];
      constant[k] = Gamma.logGamma(pc + q) - Gamma.logGamma(pc) - lgQ + qLogGamma + pc * Math.log(counts[k]);
    }
    return BlockSum.sum(customers, (from, to) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        int k = countIndex[i];
        int c = counts[k];
        double pc = p * c;
        sum += constant[k] + (pc - 1) * logMeans[i] - (pc + q) * Math.log(gamma + means[i] * c);
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
