package io.tributary.core.clv;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A customer's discounted expected value over the horizon, from fitted BG/NBD and Gamma-Gamma models. Thread-safe.
 *
 * <p>The discrete approximation (docs/models.md): the horizon H (days) is cut into months of 365/12 days, the last one
 * shorter when H is not a whole number of months; purchases expected in month k are valued at its end t_k and
 * discounted by (1 + d)^(-t_k / 365) for the annual rate d:
 * <pre>
 *   CLV = E[M] × Σ_k (E[Y(t_k)] - E[Y(t_{k-1})]) × (1 + d)^(-t_k / 365),   t_0 = 0, t_K = H
 * </pre>
 * with E[Y(t)] the BG/NBD expected purchases in the t after the calibration end and E[M] the Gamma-Gamma expected
 * value per purchase (the population's mean pγ/(q-1) for a customer without a valued repeat purchase).
 */
public final class LifetimeValue {
  /*
   * E[Y(t) | x, t_x, T] = P(alive | x, t_x, T) × N(t; x, T) (BgNbd), so the discounted sum of N over the months is
   * the same for every customer with the same x and T: it is computed once per (x, T) and kept.
   */
  /** Days in one month of the discounting schedule. */
  public static final double MONTH_DAYS = 365.0 / 12;

  private final BgNbd purchases;
  private final GammaGamma value;
  private final double horizonUnits;
  private final double[] periodEnds; // in time units
  private final double[] discounts;
  private final ConcurrentHashMap<Key, double[]> byXAndAge = new ConcurrentHashMap<>();

  private record Key(int x, double age) {}

  /**
   * @param purchases the fitted BG/NBD model
   * @param value the fitted Gamma-Gamma model (its q must be {@code > 1})
   * @param options the time unit, horizon and annual discount rate
   * @throws ClvException when the Gamma-Gamma expected value is infinite (q &lt;= 1)
   */
  public LifetimeValue(BgNbd purchases, GammaGamma value, ClvOptions options) {
    this.purchases = Objects.requireNonNull(purchases, "purchases");
    this.value = Objects.requireNonNull(value, "value");
    value.populationMeanValue();
    double horizon = options.horizonDays();
    int months = (int) Math.ceil(horizon / MONTH_DAYS - 1e-9);
    months = Math.max(1, months);
    periodEnds = new double[months];
    discounts = new double[months];
    double unit = options.timeUnit().days();
    for (int k = 0; k < months; k++) {
      double end = Math.min((k + 1) * MONTH_DAYS, horizon);
      periodEnds[k] = end / unit;
      discounts[k] = Math.pow(1 + options.discountRate(), -end / 365);
    }
    horizonUnits = horizon / unit;
  }

  /**
   * @param s a customer's summary
   * @return their P(alive), expected purchases, expected value per purchase and CLV over the horizon
   */
  public CustomerValue value(CustomerSummary s) {
    double[] sums = byXAndAge.computeIfAbsent(new Key(s.frequency(), s.age()), this::aliveSums);
    double alive = purchases.probabilityAlive(s);
    double perPurchase = value.expectedValue(s);
    return new CustomerValue(alive, alive * sums[0], perPurchase, perPurchase * alive * sums[1]);
  }

  /** @return the customer's CLV over the horizon ({@link #value}) */
  public double lifetimeValue(CustomerSummary s) {
    return value(s).lifetimeValue();
  }

  /* For a customer alive at the calibration end: [expected purchases in the horizon, their discounted sum]. */
  private double[] aliveSums(Key k) {
    double discounted = 0;
    double before = 0;
    for (int i = 0; i < periodEnds.length; i++) {
      double n = purchases.aliveExpectedPurchases(periodEnds[i], k.x(), k.age());
      discounted += (n - before) * discounts[i];
      before = n;
    }
    return new double[] {before, discounted};
  }

  /** @return the horizon in time units */
  public double horizonUnits() {
    return horizonUnits;
  }
}
