package io.tributary.cli.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.journey.Event;
import io.tributary.core.journey.Journey;
import io.tributary.core.journey.JourneyBuilder;
import io.tributary.core.journey.JourneyOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repeat purchases of the sample data follow the BG/NBD and Gamma-Gamma processes they claim to. */
class LifetimeProcessTest {
  private static final long DAY = 86_400_000L;
  private static final SampleSpec SPEC = new SampleSpec(4000, 60, 42, LocalDate.of(2024, 1, 1), false, true);

  @TempDir
  static Path tmp;

  private static Path dir;

  @BeforeAll
  static void generate() throws IOException {
    dir = tmp.resolve("s");
    SampleGenerator.generate(SPEC, dir);
  }

  @Test
  void gamma_meanAndVarianceMatchTheShape() {
    SplittableRandom r = new SplittableRandom(7);
    for (double shape : new double[] {0.5, 1.0, 2.5, 6.0}) {
      int n = 200_000;
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double x = LifetimeProcess.gamma(r, shape);
        assertTrue(x > 0);
        sum += x;
        sumSq += x * x;
      }
      double mean = sum / n;
      double variance = sumSq / n - mean * mean;
      // Gamma(k, 1): mean k, variance k; the standard error of the mean is sqrt(k / n).
      assertEquals(shape, mean, 4 * Math.sqrt(shape / n), "mean, shape " + shape);
      assertEquals(shape, variance, 0.05 * shape, "variance, shape " + shape);
    }
  }

  @Test
  void expectedClv_closedFormAgreesWithBruteForceIntegral() {
    double lambda = 0.05;
    double p = 0.2;
    long end = 100 * DAY;
    // x = 2 repeats, the last 10 days before the end: P(alive) = (1 - p) e^(-10 λ) / ((1 - p) e^(-10 λ) + p).
    RepeatPurchases rp = new RepeatPurchases(0, 0, lambda, p, 4000, 2, new long[] {50 * DAY, 90 * DAY},
        new long[] {4000, 4000});
    double stay = 0.8 * Math.exp(-0.5);
    double alive = stay / (stay + 0.2);
    double delta = Math.log(1.1) / 365;
    double integral = 0;
    int steps = 365_000;
    double h = 365.0 / steps;
    for (int i = 0; i < steps; i++) {
      double s = (i + 0.5) * h; // midpoint rule: purchase intensity λ · P(still alive) · discount
      integral += lambda * Math.exp(-lambda * p * s) * Math.exp(-delta * s) * h;
    }
    assertEquals(alive * integral * 40.0, LifetimeTruth.expectedClv(rp, end), 1e-6);
    // Never a repeat: alive for sure.
    RepeatPurchases none = new RepeatPurchases(0, 0, lambda, p, 4000, 0, new long[0], new long[0]);
    assertEquals(integral * 40.0, LifetimeTruth.expectedClv(none, end), 1e-6);
  }

  @Test
  void repeats_drawnCountAgreesWithBgNbdExpectation() {
    CustomerSimulator sim = new CustomerSimulator(SPEC);
    long end = (SPEC.startDate().toEpochDay() + SPEC.days()) * DAY;
    double expected = 0;
    long drawn = 0;
    for (long i = 0; i < SPEC.customers(); i++) {
      RepeatPurchases rp = sim.simulate(i).repeats();
      if (!rp.acquired()) {
        continue;
      }
      // BG/NBD: E[X(t) | λ, p] = (1 − e^(−λ p t)) / p for t days after the first purchase.
      double t = (end - rp.acquiredAt()) / (double) DAY;
      expected += -Math.expm1(-rp.ratePerDay() * rp.dropout() * t) / rp.dropout();
      drawn += rp.count();
      for (int k = 0; k < rp.count(); k++) {
        assertTrue(rp.times()[k] > rp.acquiredAt() && rp.times()[k] < end);
        assertTrue(k == 0 || rp.times()[k] > rp.times()[k - 1]);
      }
    }
    assertTrue(drawn > 300, "repeats: " + drawn);
    // Counts per customer are about as dispersed as a Poisson count given λ and p.
    assertEquals(expected, drawn, 4 * Math.sqrt(expected), "drawn " + drawn);
  }

  @Test
  void repeats_meanOrderValueAgreesWithGammaGamma() {
    CustomerSimulator sim = new CustomerSimulator(SPEC);
    double expected = 0;
    double drawn = 0;
    long n = 0;
    for (long i = 0; i < SPEC.customers(); i++) {
      RepeatPurchases rp = sim.simulate(i).repeats();
      for (int k = 0; k < rp.count(); k++) {
        expected += rp.meanValueCents();
        drawn += rp.valueCents()[k];
        n++;
      }
    }
    // Each order is Gamma(p = 6, ν): coefficient of variation 1/sqrt(6) around the customer's mean p / ν.
    assertEquals(expected / n, drawn / n, 4 * (expected / n) / Math.sqrt(6.0 * n));
  }

  @Test
  void truth_acquiredCustomersAreTheFirstTouchOfTheFirstConvertingJourney() throws IOException {
    Map<String, Long> byCore = new TreeMap<>();
    JourneyBuilder builder = new JourneyBuilder(JourneyOptions.defaults());
    for (List<Event> es : SampleFiles.byCustomer(SampleFiles.events(dir), SampleFiles.identities(dir),
        SampleFiles.consent(dir)).values()) {
      for (Journey j : builder.build(es).journeys()) {
        if (j.converted()) {
          byCore.merge(j.touches().get(0).channel(), 1L, Long::sum);
          break;
        }
      }
    }
    Map<String, Long> fromTruth = new TreeMap<>();
    for (String[] r : SampleFiles.rows(dir.resolve(SampleGenerator.TRUTH))) {
      if (Long.parseLong(r[8]) > 0) {
        fromTruth.put(r[0], Long.parseLong(r[8]));
      }
    }
    assertEquals(byCore, fromTruth);
  }
}
