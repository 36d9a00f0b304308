package io.tributary.cli.sample;

/**
 * How the customers a channel acquires keep buying: the population parameters of the two standard lifetime-value
 * models, from which every acquired customer's own rate, dropout probability and order-value scale are drawn.
 *
 * <p>BG/NBD (Fader, Hardie &amp; Lee 2005): while alive, a customer repeats at Poisson rate {@code λ ~ Gamma(shape r,
 * rate α)} per day; after each repeat purchase they drop out with probability {@code p ~ Beta(a, b)}. Gamma-Gamma
 * (Fader &amp; Hardie 2013): each repeat order's value is {@code Gamma(shape p, rate ν)} with {@code ν ~ Gamma(shape
 * q, rate γ)}, so a customer's mean order value is {@code p / ν} and the population's {@code p γ / (q − 1)}.
 *
 * @param r shape of the purchase rate
 * @param alphaDays rate of the purchase rate, in days (mean rate {@code r / α} per day)
 * @param a first shape of the dropout probability
 * @param b second shape of the dropout probability (mean dropout {@code a / (a + b)})
 * @param p shape of each order's value
 * @param q shape of the order-value rate
 * @param gamma rate of the order-value rate, in currency units
 */
public record LifetimeParameters(double r, double alphaDays, double a, double b, double p, double q, double gamma) {
  public LifetimeParameters {
    if (!(r > 0 && alphaDays > 0 && a > 0 && b > 0 && p > 0 && q > 1 && gamma > 0)) {
      throw new IllegalArgumentException("lifetime parameters must be positive (q > 1)");
    }
  }

  /** @return the population's mean repeat-purchase rate per day while alive, {@code r / α} */
  public double meanRatePerDay() {
    return r / alphaDays;
  }

  /** @return the population's mean order value, {@code p γ / (q − 1)} */
  public double meanOrderValue() {
    return p * gamma / (q - 1);
  }
}
