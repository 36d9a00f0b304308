package io.tributary.core.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Both fits: simulated populations recovered within their standard errors, the likelihood's gradient zero at the
 * optimum (taken from the per-customer formula, not the fit's own sum), and clear errors for data without a maximum.
 */
class FitTest {
  private static final BgNbd TRUE_BGNBD = new BgNbd(0.6, 5.0, 0.8, 3.0);
  private static final GammaGamma TRUE_GG = new GammaGamma(6.0, 4.0, 15.0);

  private static List<CustomerSummary> bgNbdPopulation(int n, long seed) {
    // Ages spread over 10..60 units, as a log whose customers arrive over time.
    double[] ages = new double[n];
    Well19937c rng = new Well19937c(seed + 1);
    for (int i = 0; i < n; i++) {
      ages[i] = 10 + 50 * rng.nextDouble();
    }
    return Simulated.bgNbd(TRUE_BGNBD, ages, seed, 0, null);
  }

  /* Within k standard errors; and the standard error small enough for that to mean something. */
  private static void assertRecovered(double truth, Estimate e, double k) {
    assertTrue(Math.abs(e.value() - truth) <= k * e.standardError(), e + " vs truth " + truth);
    assertTrue(e.standardError() < 0.25 * truth, "standard error too wide to test: " + e);
  }

  @Test
  void bgNbdFit_simulatedPopulation_recoversParametersWithinTwoStandardErrors() {
    BgNbdFit fit = BgNbd.fit(bgNbdPopulation(20_000, 2024));
    assertRecovered(TRUE_BGNBD.r(), fit.estimate("r"), 2);
    assertRecovered(TRUE_BGNBD.alpha(), fit.estimate("alpha"), 2);
    assertRecovered(TRUE_BGNBD.a(), fit.estimate("a"), 2);
    assertRecovered(TRUE_BGNBD.b(), fit.estimate("b"), 2);
  }

  @Test
  void bgNbdFit_standardErrorsMatchSpreadOverReplicates() {
    // Ten independent populations: the spread of r across them is what the standard error claims, within the
    // sampling error of a standard deviation from ten draws (a factor 0.5 to 1.6 covers it at 99 %).
    int reps = 10;
    double[] r = new double[reps];
    double seSum = 0;
    for (int k = 0; k < reps; k++) {
      BgNbdFit fit = BgNbd.fit(bgNbdPopulation(4_000, 100 + k));
      r[k] = fit.model().r();
      seSum += fit.estimate("r").standardError();
    }
    double mean = java.util.Arrays.stream(r).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(r).map(v -> (v - mean) * (v - mean)).sum() / (reps - 1));
    double ratio = sd / (seSum / reps);
    assertTrue(ratio > 0.5 && ratio < 1.6, "spread / standard error = " + ratio);
  }

  @Test
  void bgNbdFit_gradientOfPerCustomerLikelihoodIsZeroAtOptimum() {
    List<CustomerSummary> pop = bgNbdPopulation(5_000, 5);
    BgNbdFit fit = BgNbd.fit(pop);
    BgNbd m = fit.model();
    ToDoubleFunction<double[]> ll = t -> {
      BgNbd at = new BgNbd(t[0], t[1], t[2], t[3]);
      double s = 0;
      for (CustomerSummary c : pop) {
        s += at.logLikelihood(c);
      }
      return s;
    };
    double[] theta = {m.r(), m.alpha(), m.a(), m.b()};
    assertEquals(ll.applyAsDouble(theta), fit.logLikelihood(), 1e-8 * Math.abs(fit.logLikelihood()));
    assertGradientZero(ll, theta, fit.estimates());
  }

  @Test
  void gammaGammaFit_simulatedPopulation_recoversParametersWithinTwoStandardErrors() {
    int[] counts = new int[5_000];
    Well19937c rng = new Well19937c(9);
    for (int i = 0; i < counts.length; i++) {
      counts[i] = 1 + rng.nextInt(8);
    }
    GammaGammaFit fit = GammaGamma.fit(Simulated.gammaGamma(TRUE_GG, counts, 31));
    assertRecovered(TRUE_GG.p(), fit.estimate("p"), 2);
    assertRecovered(TRUE_GG.q(), fit.estimate("q"), 2);
    assertRecovered(TRUE_GG.gamma(), fit.estimate("gamma"), 2);
  }

  @Test
  void gammaGammaFit_gradientOfPerCustomerLikelihoodIsZeroAtOptimum() {
    int[] counts = new int[3_000];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = 1 + i % 6;
    }
    List<CustomerSummary> pop = Simulated.gammaGamma(TRUE_GG, counts, 77);
    GammaGammaFit fit = GammaGamma.fit(pop);
    ToDoubleFunction<double[]> ll = t -> {
      GammaGamma at = new GammaGamma(t[0], t[1], t[2]);
      double s = 0;
      for (CustomerSummary c : pop) {
        s += at.logLikelihood(c);
      }
      return s;
    };
    GammaGamma m = fit.model();
    double[] theta = {m.p(), m.q(), m.gamma()};
    assertEquals(ll.applyAsDouble(theta), fit.logLikelihood(), 1e-8 * Math.abs(fit.logLikelihood()));
    assertGradientZero(ll, theta, fit.estimates());
  }

  @Test
  void cdnowFits_gradientZeroAtOptimum() {
    List<CustomerSummary> pop = CustomerSummaries.fromPurchases(CdnowSample.purchases(),
        ClvOptions.defaults().withCalibrationEnd(CdnowSample.CALIBRATION_END)).summaries();
    BgNbd m = BgNbd.fit(pop).model();
    assertGradientZero(t -> {
      BgNbd at = new BgNbd(t[0], t[1], t[2], t[3]);
      return pop.stream().mapToDouble(at::logLikelihood).sum();
    }, new double[] {m.r(), m.alpha(), m.a(), m.b()}, BgNbd.fit(pop).estimates());
  }

  /*
   * The gradient, by central differences of step 1e-5 θ, is tiny against the curvature: moving one standard error
   * along any parameter changes the log-likelihood by about 1/2, so |∂LL/∂θ| × SE must be far below that.
   */
  private static void assertGradientZero(ToDoubleFunction<double[]> ll, double[] theta, List<Estimate> estimates) {
    for (int i = 0; i < theta.length; i++) {
      double h = 1e-5 * theta[i];
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] += h;
      down[i] -= h;
      double gradient = (ll.applyAsDouble(up) - ll.applyAsDouble(down)) / (2 * h);
      double se = estimates.get(i).standardError();
      assertTrue(Math.abs(gradient * se) < 1e-3, estimates.get(i).name() + ": dLL/dθ = " + gradient + ", SE " + se);
    }
  }

  @Test
  void bgNbdFit_degenerateData_clearErrors() {
    ClvException none = assertThrows(ClvException.class, () -> BgNbd.fit(List.of()));
    assertTrue(none.getMessage().contains("no customer"), none.getMessage());
    ClvException noRepeat = assertThrows(ClvException.class,
        () -> BgNbd.fit(List.of(CustomerSummary.of(0, 0, 10), CustomerSummary.of(0, 0, 20))));
    assertTrue(noRepeat.getMessage().contains("bought again"), noRepeat.getMessage());
    ClvException one = assertThrows(ClvException.class, () -> BgNbd.fit(List.of(CustomerSummary.of(3, 8, 10))));
    assertTrue(one.getMessage().contains("too little data"), one.getMessage());
  }

  @Test
  void gammaGammaFit_degenerateData_clearErrors() {
    ClvException none = assertThrows(ClvException.class,
        () -> GammaGamma.fit(List.of(new CustomerSummary(2, 5, 10, 0, 0), CustomerSummary.of(0, 0, 3))));
    assertTrue(none.getMessage().contains("no customer has a repeat purchase with a value"), none.getMessage());
    ClvException one = assertThrows(ClvException.class,
        () -> GammaGamma.fit(List.of(new CustomerSummary(2, 5, 10, 2, 30))));
    assertTrue(one.getMessage().contains("too little data"), one.getMessage());
  }

  @Test
  void gammaGammaFit_zeroValueRepeatsLeftOut() {
    // Zero-value repeats change x (BG/NBD) but not the Gamma-Gamma input: the same fit with or without them.
    int[] counts = new int[2_000];
    java.util.Arrays.fill(counts, 3);
    List<CustomerSummary> base = Simulated.gammaGamma(TRUE_GG, counts, 3);
    List<CustomerSummary> withZeros = new ArrayList<>();
    for (CustomerSummary s : base) {
      withZeros.add(new CustomerSummary(s.frequency() + 2, s.recency(), s.age(), s.valuedRepeats(),
          s.meanRepeatValue()));
    }
    withZeros.add(CustomerSummary.of(4, 1, 2));
    assertEquals(GammaGamma.fit(base).model(), GammaGamma.fit(withZeros).model());
    assertEquals(2_000, GammaGamma.fit(withZeros).customers());
  }
}
