package io.tributary.core.clv;

import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model of repeat purchases (Fader, Hardie &amp; Lee 2005) with its four parameters: while alive a customer
 * buys at rate λ ~ Gamma(shape r, rate α); after each purchase they drop out with probability p ~ Beta(a, b). Times
 * are in the time unit of the summaries it is applied to.
 *
 * @param r shape of the purchase rate's gamma distribution, {@code > 0}
 * @param alpha rate (inverse scale) of that distribution, in time units, {@code > 0}
 * @param a first shape of the dropout probability's beta distribution, {@code > 0}
 * @param b second shape, {@code > 0}
 */
public record BgNbd(double r, double alpha, double a, double b) {
  /*
   * References:
   *  [1] Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the Pareto/NBD Model",
   *      Marketing Science 24(2): the likelihood (eq. 6), E[X(t)] (eq. 9), E[Y(t) | x, t_x, T] (eq. 10).
   *  [2] Fader, Hardie & Lee (2008), "Computing P(alive) Using the BG/NBD Model": P(alive | x, t_x, T).
   *  [3] Abramowitz & Stegun 15.3.3 (Euler's transformation), used so the series converges fast for any x.
   */

  /** The parameters' names, in the order of {@link BgNbdFit#estimates()}. */
  public static final List<String> PARAMETERS = List.of("r", "alpha", "a", "b");

  public BgNbd {
    check("r", r);
    check("alpha", alpha);
    check("a", a);
    check("b", b);
  }

  static void check(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param customers the calibration customers
   * @return the fit, with log-likelihood and standard errors
   * @throws ClvException when there is no customer, no repeat customer, or the likelihood has no interior maximum
   *     (too few customers to tell the parameters apart)
   */
  public static BgNbdFit fit(List<CustomerSummary> customers) {
    return BgNbdLikelihood.of(customers).fit();
  }

  /**
   * {@link #fit(List)} on customers given as runs of equal summaries: the same fit as on {@link
   * SummaryCounts#expand()}, without a list of every customer.
   *
   * @param customers the calibration customers
   * @return the fit
   * @throws ClvException as {@link #fit(List)}
   */
  public static BgNbdFit fit(SummaryCounts customers) {
    return BgNbdLikelihood.of(customers).fit();
  }

  /**
   * @param s a customer's summary
   * @return the log-likelihood of that customer's (x, t_x, T), the terms of [1] eq. 6 in log space
   */
  public double logLikelihood(CustomerSummary s) {
    int x = s.frequency();
    double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
    double a2 = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
    double a3 = -(r + x) * Math.log(alpha + s.age());
    if (x == 0) {
      return a1 + a2 + a3;
    }
    double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + s.recency());
    return a1 + a2 + LogSpace.sumExp(a3, a4);
  }

  /**
   * P(alive | x, t_x, T) ([2]): the probability that the customer has not dropped out by the calibration end.
   *
   * @param s a customer's summary
   * @return a probability in [0, 1] (0 only when it underflows); 1 for a customer without repeat purchases
   */
  public double probabilityAlive(CustomerSummary s) {
    int x = s.frequency();
    if (x == 0) {
      return 1;
    }
    // 1 / (1 + e^k) computed without overflow for customers with hundreds of purchases.
    double k = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + s.age()) - Math.log(alpha + s.recency()));
    return LogSpace.logistic(-k);
  }

  /**
   * E[X(t)] for a new customer ([1] eq. 9): expected repeat purchases in the first t time units after their first
   * purchase.
   *
   * @param t the time, {@code >= 0}
   * @return the expected purchases, {@code >= 0}
   */
  public double expectedPurchasesNew(double t) {
    return expectedPurchases(t, CustomerSummary.of(0, 0, 0));
  }

  /**
   * E[Y(t) | x, t_x, T] ([1] eq. 10): expected purchases in the t time units after the calibration end.
   *
   * @param t the time after the calibration end, {@code >= 0}
   * @param s the customer's summary
   * @return the expected purchases, {@code >= 0}
   * @throws ClvException when the series does not converge (t vastly beyond α + T)
   */
  public double expectedPurchases(double t, CustomerSummary s) {
    return probabilityAlive(s) * aliveExpectedPurchases(t, s.frequency(), s.age());
  }

  /*
   * E[Y(t) | x, t_x, T] = P(alive) × N(t; x, T): the second factor is the numerator of [1] eq. 10, which depends on
   * x and T only. After Euler's transformation [3],
   *   ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), z = t/(α+T+t),
   * and 2F1(A, a-1; c; z) = 1 + (a-1) S with S = Σ_{n≥1} (A)_n (a)_{n-1} / ((c)_n n!) z^n, so that
   *   N = (a+b+x-1) [ -expm1((a-1) L) / (a-1) - e^{(a-1) L} S ],  L = ln(1-z),
   * which has no overflow, no 1/(a-1) singularity at a = 1, and terms that fall at least as fast as z^n once n
   * passes about a z. For a in the thousands that is too late (the sum overflows) and the paper's own form, whose
   * terms fall from the start there, is summed instead.
   */
  double aliveExpectedPurchases(double t, int x, double age) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("time must be finite and >= 0, got " + t);
    }
    if (t == 0) {
      return 0;
    }
    double z = t / (alpha + age + t);
    double logOneMinusZ = Math.log(alpha + age) - Math.log(alpha + age + t);
    double c = a + b + x - 1;
    double bigA = a + b - 1 - r;
    double term = bigA * z / c;
    double sum = term;
    for (int n = 1; ; n++) {
      term *= z * (bigA + n) * (a + n - 1) / ((c + n) * (n + 1));
      sum += term;
      if (Math.abs(term) <= 1e-17 * Math.abs(sum) || term == 0) {
        break;
      }
      if (n > 10_000_000) {
        throw new ClvException("expected purchases: the series did not converge for t = " + t + " with alpha = "
            + alpha + " and T = " + age + " (t is too far beyond the calibration window)");
      }
    }
    double eps = a - 1;
    double first = eps == 0 ? -logOneMinusZ : -Math.expm1(eps * logOneMinusZ) / eps;
    double n = c * (first - Math.exp(eps * logOneMinusZ) * sum);
    if (Double.isFinite(n) && sum < 1e100) {
      return Math.max(0, n);
    }
    return untransformed(z, logOneMinusZ, x);
  }

  /*
   * The paper's own form of N, for fits where a and b run into the thousands (dropout almost the same for everyone):
   * there the transformed series' terms grow like (a z)^n / n! before they fall, while these shrink by about
   * z b / (a + b) per step from the start.
   *   N = (a+b+x-1)/(a-1) [1 - e^{(r+x) L} 2F1(r+x, b+x; a+b+x-1; z)]
   */
  private double untransformed(double z, double logOneMinusZ, int x) {
    double c = a + b + x - 1;
    double term = 1;
    double sum = 1;
    for (int n = 0; ; n++) {
      term *= (r + x + n) * (b + x + n) * z / ((c + n) * (n + 1));
      sum += term;
      if (term <= 1e-17 * sum) {
        break;
      }
      if (n > 10_000_000 || !Double.isFinite(sum)) {
        throw new ClvException("expected purchases: the series did not converge for x = " + x + " with a = " + a
            + ", b = " + b + " (z = " + z + ")");
      }
    }
    double n = c / (a - 1) * -Math.expm1((r + x) * logOneMinusZ + Math.log(sum));
    if (!Double.isFinite(n)) {
      throw new ClvException("expected purchases: no finite value for x = " + x + " with a = " + a + ", b = " + b);
    }
    return Math.max(0, n);
  }
}
