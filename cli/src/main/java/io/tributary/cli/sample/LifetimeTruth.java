package io.tributary.cli.sample;

import java.util.Locale;

/**
 * The known lifetime value per acquisition channel: for the customers each channel acquired (and who did not opt
 * out), the sum of their expected discounted repeat-purchase value over the horizon after the period, from their own
 * drawn parameters.
 *
 * <p>Per customer, with rate λ, dropout p and mean order value m drawn by {@link LifetimeProcess}, and x repeat
 * purchases in the period, the last t_x days after the first purchase, observed for T days (first purchase to the
 * end of the period):
 *
 * <pre>
 *   P(alive) = 1 if x = 0, else (1 − p) e^(−λ (T − t_x)) / ((1 − p) e^(−λ (T − t_x)) + p)
 *   CLV      = P(alive) · m · ∫_0^H λ e^(−λ p s) e^(−δ s) ds = P(alive) · m · λ (1 − e^(−(λ p + δ) H)) / (λ p + δ)
 * </pre>
 *
 * since a customer alive at the end buys at rate λ and leaves at rate λ p, and δ = ln(1 + annual rate) / 365 per day
 * discounts continuously. This is what a fitted model's CLV estimates, less the model's error: the expectation given
 * the customer's true parameters and what the period showed of them (not given whether they are, in fact, still
 * alive, which no model can see).
 */
final class LifetimeTruth {
  /** The columns this truth adds to {@code truth.csv}. */
  static final String HEADER = "acquired_customers,expected_clv,expected_clv_per_customer,clv_method";
  /** The {@code clv_method} column. */
  static final String METHOD = "sum_of_expected_discounted_repeat_value_given_drawn_parameters";
  /** The horizon of {@code expected_clv}, in days: the CLV horizon's default. */
  static final int HORIZON_DAYS = 365;
  /** The annual discount rate of {@code expected_clv}: the default. */
  static final double ANNUAL_DISCOUNT_RATE = 0.10;

  private static final double DAY = 86_400_000.0;

  private final long endMillis;
  private final long[] customers = new long[SampleChannel.all().size()];
  private final double[] clv = new double[SampleChannel.all().size()];

  /** @param spec the period */
  LifetimeTruth(SampleSpec spec) {
    this.endMillis = (spec.startDate().toEpochDay() + spec.days()) * 86_400_000L;
  }

  /** Adds one customer (the caller leaves opted-out customers out); a customer who never bought adds nothing. */
  void add(SimulatedCustomer c) {
    RepeatPurchases rp = c.repeats();
    if (!rp.acquired()) {
      return;
    }
    customers[rp.acquisitionChannel()]++;
    clv[rp.acquisitionChannel()] += expectedClv(rp, endMillis);
  }

  /** @return the expected discounted value, in currency units, of one customer's purchases after {@code end} */
  static double expectedClv(RepeatPurchases rp, long end) {
    double lambda = rp.ratePerDay();
    double p = rp.dropout();
    double alive = 1.0;
    if (rp.count() > 0) {
      double quiet = (end - rp.times()[rp.count() - 1]) / DAY;
      double stay = (1 - p) * StrictMath.exp(-lambda * quiet);
      alive = stay / (stay + p);
    }
    double delta = StrictMath.log(1 + ANNUAL_DISCOUNT_RATE) / 365.0;
    double k = lambda * p + delta;
    double purchases = lambda * -StrictMath.expm1(-k * HORIZON_DAYS) / k;
    return alive * purchases * rp.meanValueCents() / 100.0;
  }

  /** @return the customers acquired by {@code c} */
  long customers(SampleChannel c) {
    return customers[c.ordinal()];
  }

  /** @return the expected CLV of the customers acquired by {@code c} */
  double clv(SampleChannel c) {
    return clv[c.ordinal()];
  }

  /** @return this truth's columns of {@code c}'s row, without a leading comma */
  String columns(SampleChannel c) {
    int i = c.ordinal();
    return String.format(Locale.ROOT, "%d,%.2f,%.4f,%s", customers[i], clv[i],
        customers[i] > 0 ? clv[i] / customers[i] : 0, METHOD);
  }
}
