package io.tributary.core.clv;

import java.util.List;
import java.util.Objects;

/**
 * Both models fitted on a population and the lifetime value they give it: what {@code tributary clv} prints.
 *
 * @param bgNbd the purchase-frequency fit
 * @param gammaGamma the order-value fit
 * @param options the options used
 * @param customers calibration customers
 * @param repeatCustomers of them, with at least one repeat purchase (x &gt; 0)
 * @param zeroValueRepeats repeat purchases of value 0: counted in x, left out of Gamma-Gamma
 * @param totalLifetimeValue the sum of every customer's CLV over the horizon
 * @param expectedPurchases the sum of every customer's expected purchases over the horizon
 */
public record ClvAnalysis(BgNbdFit bgNbd, GammaGammaFit gammaGamma, ClvOptions options, int customers,
    int repeatCustomers, long zeroValueRepeats, double totalLifetimeValue, double expectedPurchases) {
  public ClvAnalysis {
    Objects.requireNonNull(bgNbd, "bgNbd");
    Objects.requireNonNull(gammaGamma, "gammaGamma");
    Objects.requireNonNull(options, "options");
  }

  /**
   * Fits both models and values every customer.
   *
   * @param customers the calibration customers, in a fixed order (sums run in it)
   * @param options time unit, horizon, discount rate
   * @return the analysis
   * @throws ClvException when either model cannot be fitted ({@link BgNbd#fit}, {@link GammaGamma#fit}) or the
   *     expected value is infinite
   */
  public static ClvAnalysis run(List<CustomerSummary> customers, ClvOptions options) {
    BgNbdFit purchases = BgNbd.fit(customers);
    GammaGammaFit value = GammaGamma.fit(customers);
    LifetimeValue clv = new LifetimeValue(purchases.model(), value.model(), options);
    double total = 0;
    double expected = 0;
    long zero = 0;
    for (CustomerSummary s : customers) {
      CustomerValue v = clv.value(s);
      total += v.lifetimeValue();
      expected += v.expectedPurchases();
      zero += s.zeroValueRepeats();
    }
    return new ClvAnalysis(purchases, value, options, customers.size(), purchases.repeatCustomers(), zero, total,
        expected);
  }

  /** @return the mean CLV per calibration customer */
  public double meanLifetimeValue() {
    return totalLifetimeValue / customers;
  }

  /** @return customers that enter the Gamma-Gamma fit (a repeat purchase of value &gt; 0) */
  public int valuedRepeatCustomers() {
    return gammaGamma.customers();
  }

  /** @return the calculator of each customer's lifetime value under the fitted models */
  public LifetimeValue lifetimeValue() {
    return new LifetimeValue(bgNbd.model(), gammaGamma.model(), options);
  }
}
