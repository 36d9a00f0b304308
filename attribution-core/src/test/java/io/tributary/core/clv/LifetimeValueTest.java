package io.tributary.core.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected value per purchase and the discounted CLV: closed forms, the schedule's definition, invariants. */
class LifetimeValueTest {
  private static final BgNbd WEEKLY = new BgNbd(0.243, 4.414, 0.793, 2.426);
  private static final GammaGamma VALUE = new GammaGamma(6.25, 3.74, 15.44);

  private static ClvOptions options(int horizonDays, double rate) {
    return new ClvOptions(null, ClvTimeUnit.WEEK, Duration.ofDays(horizonDays), rate);
  }

  @Test
  void expectedValue_closedForms() {
    // No valued repeat: the population mean pγ/(q-1); otherwise (pγ + p x z̄) / (p x + q - 1).
    assertEquals(6.25 * 15.44 / 2.74, VALUE.expectedValue(0, 0), 1e-12);
    assertEquals(6.25 * 15.44 / 2.74, VALUE.populationMeanValue(), 1e-12);
    assertEquals((6.25 * 15.44 + 6.25 * 3 * 40) / (6.25 * 3 + 2.74), VALUE.expectedValue(3, 40), 1e-12);
  }

  @Test
  void expectedValue_qAtMostOne_clearError() {
    ClvException e = assertThrows(ClvException.class, () -> new GammaGamma(2, 0.9, 10).expectedValue(1, 5));
    assertTrue(e.getMessage().contains("q = 0.9000 <= 1"), e.getMessage());
  }

  @Test
  void gammaGammaDensity_integratesToOne() {
    // The density of a mean of x values (x = 1 and 4) integrates to 1 over (0, ∞): midpoint rule on a log grid.
    for (int x : new int[] {1, 4}) {
      double sum = 0;
      double step = 1e-4;
      for (double u = Math.log(1e-6); u < Math.log(1e5); u += step) {
        double m = Math.exp(u + step / 2);
        sum += Math.exp(VALUE.logLikelihood(new CustomerSummary(x, 1, 1, x, m))) * m * step;
      }
      assertEquals(1.0, sum, 1e-6, "x = " + x);
    }
  }

  @Test
  void lifetimeValue_noDiscount_isValueTimesExpectedPurchases() {
    // At d = 0 the monthly sum telescopes to E[M] × E[Y(H)].
    CustomerSummary s = new CustomerSummary(2, 30.43, 38.86, 2, 25);
    CustomerValue v = new LifetimeValue(WEEKLY, VALUE, options(365, 0)).value(s);
    double purchases = WEEKLY.expectedPurchases(365 / 7.0, s);
    assertEquals(purchases, v.expectedPurchases(), 1e-12);
    assertEquals(VALUE.expectedValue(2, 25) * purchases, v.lifetimeValue(), 1e-9);
    assertEquals(WEEKLY.probabilityAlive(s), v.probabilityAlive(), 0);
  }

  @Test
  void lifetimeValue_monthlySchedule_byDefinition() {
    // 365 days: 12 months of 365/12 days; month k's purchases discounted by 1.1^(-k/12) at its end.
    CustomerSummary s = new CustomerSummary(5, 36, 38.86, 4, 18);
    double expected = 0;
    double before = 0;
    for (int k = 1; k <= 12; k++) {
      double tk = k * 365.0 / 12 / 7;
      double n = WEEKLY.expectedPurchases(tk, s);
      expected += (n - before) * Math.pow(1.1, -k / 12.0);
      before = n;
    }
    expected *= VALUE.expectedValue(4, 18);
    assertEquals(expected, new LifetimeValue(WEEKLY, VALUE, options(365, 0.10)).lifetimeValue(s), 1e-9);
    // 45 days: a full month and a shorter one ending at day 45.
    double m1 = WEEKLY.expectedPurchases(365.0 / 12 / 7, s);
    double m2 = WEEKLY.expectedPurchases(45 / 7.0, s);
    double shortHorizon = VALUE.expectedValue(4, 18) * (m1 * Math.pow(1.1, -365.0 / 12 / 365)
        + (m2 - m1) * Math.pow(1.1, -45.0 / 365));
    assertEquals(shortHorizon, new LifetimeValue(WEEKLY, VALUE, options(45, 0.10)).lifetimeValue(s), 1e-9);
  }

  @Test
  void lifetimeValue_sameInDaysAndWeeks() {
    // The models are scale-free: α in days is 7 α in weeks, t_x and T 7 times larger; the CLV is the same.
    BgNbd daily = new BgNbd(WEEKLY.r(), 7 * WEEKLY.alpha(), WEEKLY.a(), WEEKLY.b());
    ClvOptions week = options(365, 0.10);
    ClvOptions day = week.withTimeUnit(ClvTimeUnit.DAY);
    for (int x : new int[] {0, 1, 3, 20}) {
      double tx = x == 0 ? 0 : 25;
      CustomerSummary w = new CustomerSummary(x, tx, 38, x == 0 ? 0 : 1, x == 0 ? 0 : 30);
      CustomerSummary d = new CustomerSummary(x, 7 * tx, 7 * 38, w.valuedRepeats(), w.meanRepeatValue());
      assertEquals(new LifetimeValue(WEEKLY, VALUE, week).lifetimeValue(w),
          new LifetimeValue(daily, VALUE, day).lifetimeValue(d), 1e-9, "x = " + x);
    }
  }

  @Test
  void lifetimeValue_discountLowersLongerHorizonRaises() {
    CustomerSummary s = new CustomerSummary(3, 30, 38.86, 3, 20);
    double none = new LifetimeValue(WEEKLY, VALUE, options(365, 0)).lifetimeValue(s);
    double ten = new LifetimeValue(WEEKLY, VALUE, options(365, 0.10)).lifetimeValue(s);
    double twoYears = new LifetimeValue(WEEKLY, VALUE, options(730, 0.10)).lifetimeValue(s);
    assertTrue(ten < none && ten > none / 1.1, ten + " vs " + none);
    assertTrue(twoYears > ten);
  }

  @Test
  void analysis_countsZeroValueRepeatsAndSumsCustomers() {
    List<CustomerSummary> pop = new ArrayList<>(Simulated.bgNbd(new BgNbd(0.6, 5, 0.8, 3), ages(3_000), 4, 0, null));
    List<CustomerSummary> valued = new ArrayList<>();
    int[] counts = new int[pop.size()];
    for (int i = 0; i < pop.size(); i++) {
      counts[i] = Math.max(1, pop.get(i).frequency());
    }
    List<CustomerSummary> values = Simulated.gammaGamma(new GammaGamma(6, 4, 15), counts, 8);
    long zeros = 0;
    for (int i = 0; i < pop.size(); i++) {
      CustomerSummary s = pop.get(i);
      // Every third repeat customer had one of their repeats at value 0.
      int zero = s.frequency() > 1 && i % 3 == 0 ? 1 : 0;
      zeros += zero;
      int count = s.frequency() - zero;
      valued.add(new CustomerSummary(s.frequency(), s.recency(), s.age(), count,
          count == 0 ? 0 : values.get(i).meanRepeatValue()));
    }
    ClvAnalysis a = ClvAnalysis.run(valued, ClvOptions.defaults());
    assertEquals(zeros, a.zeroValueRepeats());
    assertTrue(zeros > 0);
    LifetimeValue lv = a.lifetimeValue();
    double total = 0;
    for (CustomerSummary s : valued) {
      total += lv.lifetimeValue(s);
    }
    assertEquals(total, a.totalLifetimeValue(), 0);
    assertEquals(total / valued.size(), a.meanLifetimeValue(), 0);
    assertTrue(Double.isFinite(total) && total > 0);
  }

  private static double[] ages(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = 10 + 40.0 * i / n;
    }
    return a;
  }
}
