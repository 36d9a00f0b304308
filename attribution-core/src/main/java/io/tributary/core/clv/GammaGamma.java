package io.tributary.core.clv;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of order value (Fader &amp; Hardie 2013): a customer's purchase values are Gamma(shape p,
 * rate ν) around their own mean, and ν ~ Gamma(shape q, rate γ) across customers. Fitted on repeat customers' mean
 * repeat value; it gives a customer's expected value per purchase.
 *
 * @param p shape of the value of one purchase, {@code > 0}
 * @param q shape of the rates ν across customers, {@code > 0}
 * @param gamma rate of that distribution, in the log's currency, {@code > 0}
 */
public record GammaGamma(double p, double q, double gamma) {
  /*
   * References:
   *  [1] Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value": the density of the mean z̄ of x values
   *      (eq. 3), the conditional expectation E[M | z̄, x] (eq. 5).
   */

  /** The parameters' names, in the order of {@link GammaGammaFit#estimates()}. */
  public static final List<String> PARAMETERS = List.of("p", "q", "gamma");

  public GammaGamma {
    BgNbd.check("p", p);
    BgNbd.check("q", q);
    BgNbd.check("gamma", gamma);
  }

  /**
   * Fits the model by maximum likelihood on the customers with at least one repeat purchase of value {@code > 0}
   * (their count and mean of those purchases); the others do not enter it.
   *
   * @param customers the calibration customers
   * @return the fit, with log-likelihood and standard errors
   * @throws ClvException when no customer has a valued repeat purchase, or the likelihood has no interior maximum
   */
  public static GammaGammaFit fit(List<CustomerSummary> customers) {
    return GammaGammaLikelihood.of(SummaryCounts.of(customers)).fit();
  }

  /**
   * {@link #fit(List)} on customers given as runs of equal summaries: the same fit as on {@link
   * SummaryCounts#expand()}, without a list of every customer.
   *
   * @param customers the calibration customers
   * @return the fit
   * @throws ClvException as {@link #fit(List)}
   */
  public static GammaGammaFit fit(SummaryCounts customers) {
    return GammaGammaLikelihood.of(customers).fit();
  }

  /**
   * @param s a customer's summary
   * @return the log-density of their mean repeat value given its count ([1] eq. 3); 0 for a customer without a
   *     valued repeat purchase, who does not enter the likelihood
   */
  public double logLikelihood(CustomerSummary s) {
    int c = s.valuedRepeats();
    if (c == 0) {
      return 0;
    }
    double m = s.meanRepeatValue();
    double pc = p * c;
    return Gamma.logGamma(pc + q) - Gamma.logGamma(pc) - Gamma.logGamma(q) + q * Math.log(gamma)
        + (pc - 1) * Math.log(m) + pc * Math.log(c) - (pc + q) * Math.log(gamma + m * c);
  }

  /**
   * @return the population's mean value per purchase, pγ / (q - 1)
   * @throws ClvException when q &lt;= 1 (the mean is infinite)
   */
  public double populationMeanValue() {
    requireFiniteMean();
    return p * gamma / (q - 1);
  }

  /**
   * E[M | z̄, x] ([1] eq. 5): a weighted mean of the population's mean and the customer's own mean,
   * (pγ + p x z̄) / (p x + q - 1).
   *
   * @param count x, the customer's purchases of value {@code > 0} (0: the population's mean)
   * @param mean z̄, their mean value ({@code > 0}; ignored when count is 0)
   * @return the expected value of the customer's next purchase
   * @throws ClvException when q &lt;= 1 (the expectation is infinite)
   */
  public double expectedValue(int count, double mean) {
    if (count < 0 || (count > 0 && !(mean > 0))) {
      throw new IllegalArgumentException("count must be >= 0 and mean > 0, got " + count + ", " + mean);
    }
    requireFiniteMean();
    double pc = p * count;
    return (p * gamma + pc * (count == 0 ? 0 : mean)) / (pc + q - 1);
  }

  /** @return E[M] for a customer from their valued repeat purchases ({@link #expectedValue(int, double)}) */
  public double expectedValue(CustomerSummary s) {
    return expectedValue(s.valuedRepeats(), s.meanRepeatValue());
  }

  private void requireFiniteMean() {
    if (q <= 1) {
      throw new ClvException(String.format(Locale.ROOT, "Gamma-Gamma: q = %.4g <= 1, so the expected purchase value "
          + "is infinite (order values too heavy-tailed for the model)", q));
    }
  }
}
