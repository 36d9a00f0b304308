package io.tributary.core.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/** BG/NBD formulas against closed forms, the untransformed series of the paper and a simulation. */
class BgNbdTest {
  private static final BgNbd M = new BgNbd(0.243, 4.414, 0.793, 2.426);

  /* 2F1(a, b; c; z) by its defining series, term by term (the paper's form, not Euler's transformation). */
  private static double hypergeometric(double a, double b, double c, double z) {
    double term = 1;
    double sum = 1;
    for (int n = 0; n < 100_000 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
      term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      sum += term;
    }
    return sum;
  }

  /* The paper's eq. 10 as printed. */
  private static double paperExpected(BgNbd m, double t, int x, double tx, double age) {
    double r = m.r();
    double al = m.alpha();
    double a = m.a();
    double b = m.b();
    double num = (a + b + x - 1) / (a - 1) * (1 - Math.pow((al + age) / (al + age + t), r + x)
        * hypergeometric(r + x, b + x, a + b + x - 1, t / (al + t + age)));
    double den = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((al + age) / (al + tx), r + x) : 0);
    return num / den;
  }

  @Test
  void logLikelihood_noRepeats_closedForm() {
    // x = 0: the likelihood is P(no purchase in T) = (α / (α + T))^r.
    for (double age : new double[] {0, 1, 38.86, 500}) {
      assertEquals(M.r() * Math.log(M.alpha() / (M.alpha() + age)), M.logLikelihood(CustomerSummary.of(0, 0, age)),
          1e-12);
    }
  }

  @Test
  void probabilityAlive_noRepeats_one() {
    assertEquals(1.0, M.probabilityAlive(CustomerSummary.of(0, 0, 30)));
  }

  @Test
  void probabilityAlive_handWorked() {
    // 1 / (1 + a/(b+x-1) ((α+T)/(α+t_x))^(r+x)) for x = 2, t_x = 30.43, T = 38.86.
    double k = 0.793 / (2.426 + 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2);
    assertEquals(1 / (1 + k), M.probabilityAlive(CustomerSummary.of(2, 30.43, 38.86)), 1e-14);
  }

  @Test
  void expectedPurchasesNew_closedFormEq9() {
    // E[X(t)] = (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))]
    for (double t : new double[] {0.5, 1, 10, 39, 78}) {
      double expected = (M.a() + M.b() - 1) / (M.a() - 1) * (1 - Math.pow(M.alpha() / (M.alpha() + t), M.r())
          * hypergeometric(M.r(), M.b(), M.a() + M.b() - 1, t / (M.alpha() + t)));
      assertEquals(expected, M.expectedPurchasesNew(t), 1e-10 * Math.max(1, expected), "t = " + t);
    }
  }

  @Test
  void expectedPurchases_matchesPaperEquation10() {
    int[] xs = {0, 1, 2, 5, 12};
    for (int x : xs) {
      double tx = x == 0 ? 0 : 20;
      for (double t : new double[] {1, 13, 39}) {
        double expected = paperExpected(M, t, x, tx, 38.86);
        double actual = M.expectedPurchases(t, CustomerSummary.of(x, tx, 38.86));
        assertEquals(expected, actual, 1e-9 * Math.max(1, expected), "x = " + x + ", t = " + t);
      }
    }
  }

  @Test
  void expectedPurchases_aOne_continuousLimit() {
    // At a = 1 the paper's form is 0/0; the transformed series has the limit, equal to its neighbours'.
    BgNbd at = new BgNbd(0.5, 3, 1, 2);
    BgNbd below = new BgNbd(0.5, 3, 1 - 1e-7, 2);
    BgNbd above = new BgNbd(0.5, 3, 1 + 1e-7, 2);
    CustomerSummary s = CustomerSummary.of(3, 20, 30);
    double e = at.expectedPurchases(26, s);
    assertTrue(e > 0 && Double.isFinite(e));
    assertEquals(below.expectedPurchases(26, s), e, 1e-6);
    assertEquals(above.expectedPurchases(26, s), e, 1e-6);
    assertEquals(paperExpected(new BgNbd(0.5, 3, 1 + 1e-4, 2), 26, 3, 20, 30), e, 1e-4);
  }

  @Test
  void expectedPurchases_aAndBInTheThousands_paperForm() {
    // A boundary fit of a short window: a, b ~ 3000 (dropout ~ 1/2 for everyone). The transformed series would
    // overflow; the value must be the paper's eq. 10.
    BgNbd m = new BgNbd(0.5, 4, 3000, 3100);
    for (int x : new int[] {0, 2, 7}) {
      CustomerSummary s = CustomerSummary.of(x, x == 0 ? 0 : 30, 38);
      double expected = paperExpected(m, 52, x, s.recency(), 38);
      double actual = m.expectedPurchases(52, s);
      assertTrue(Double.isFinite(actual) && actual > 0, "x = " + x + ": " + actual);
      assertEquals(expected, actual, 1e-9 * Math.max(1, expected), "x = " + x);
    }
  }

  @Test
  void hundredsOfPurchases_finiteWithoutOverflow() {
    // 800 purchases: (r+x) ln(...) and lnΓ(r+x) far beyond what a double holds as a power or a factorial.
    CustomerSummary busyGone = CustomerSummary.of(800, 10, 39);
    CustomerSummary busyHere = CustomerSummary.of(800, 39, 39);
    assertTrue(Double.isFinite(M.logLikelihood(busyGone)));
    assertTrue(Double.isFinite(M.logLikelihood(busyHere)));
    assertEquals(0.0, M.probabilityAlive(busyGone), 1e-300);
    assertTrue(M.probabilityAlive(busyHere) > 0.99);
    double e = M.expectedPurchases(39, busyHere);
    assertTrue(Double.isFinite(e) && e > 100, "expected purchases " + e);
    assertEquals(0.0, M.expectedPurchases(39, busyGone), 1e-300);
    // The log-space likelihood equals eq. 6 in its beta-function form where that still fits in a double.
    CustomerSummary moderate = CustomerSummary.of(60, 30, 39);
    double r = M.r();
    double al = M.alpha();
    double a = M.a();
    double b = M.b();
    int x = 60;
    double beta = Math.exp(Beta.logBeta(a, b + x)
        - Beta.logBeta(a, b));
    double gammas = Math.exp(Gamma.logGamma(r + x)
        - Gamma.logGamma(r) + r * Math.log(al) - (r + x) * Math.log(al + 39));
    double naive = gammas * beta + Math.exp(Gamma.logGamma(r + x)
        - Gamma.logGamma(r) + r * Math.log(al) - (r + x) * Math.log(al + 30))
        * Math.exp(Beta.logBeta(a + 1, b + x - 1)
        - Beta.logBeta(a, b));
    assertEquals(Math.log(naive), M.logLikelihood(moderate), 1e-9 * Math.abs(Math.log(naive)));
  }

  @Test
  void expectedPurchasesNew_agreesWithSimulation() {
    // 100,000 new customers drawn by the model's story: mean repeat purchases in 20 units vs E[X(20)].
    BgNbd m = new BgNbd(0.8, 6, 0.9, 2.5);
    double[] ages = new double[100_000];
    List<Integer> ignored = new ArrayList<>();
    java.util.Arrays.fill(ages, 20);
    List<CustomerSummary> drawn = Simulated.bgNbd(m, ages, 7, 0, ignored);
    double sum = 0;
    double sumSq = 0;
    for (CustomerSummary s : drawn) {
      sum += s.frequency();
      sumSq += (double) s.frequency() * s.frequency();
    }
    double mean = sum / drawn.size();
    double se = Math.sqrt((sumSq / drawn.size() - mean * mean) / drawn.size());
    assertEquals(m.expectedPurchasesNew(20), mean, 4 * se);
  }

  @Test
  void expectedPurchases_conditional_agreesWithSimulation() {
    // Customers with T = 20 observed, then 30 more units: mean later purchases of those with x = 2 vs E[Y(30) | ...]
    // averaged over their t_x (each customer's own conditional expectation, so the mean of those is the truth).
    BgNbd m = new BgNbd(0.8, 6, 0.9, 2.5);
    double[] ages = new double[200_000];
    java.util.Arrays.fill(ages, 20);
    List<Integer> later = new ArrayList<>();
    List<CustomerSummary> drawn = Simulated.bgNbd(m, ages, 11, 30, later);
    double actual = 0;
    double predicted = 0;
    double sumSq = 0;
    int n = 0;
    for (int i = 0; i < drawn.size(); i++) {
      if (drawn.get(i).frequency() == 2) {
        actual += later.get(i);
        sumSq += (double) later.get(i) * later.get(i);
        predicted += m.expectedPurchases(30, drawn.get(i));
        n++;
      }
    }
    double mean = actual / n;
    double se = Math.sqrt((sumSq / n - mean * mean) / n);
    assertEquals(predicted / n, mean, 4 * se, n + " customers with x = 2");
  }
}
