package io.tributary.cli.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConversionProcessTest {
  private static final long DAY = 86_400_000L;
  private static final long HALF_LIFE = (long) (ConversionProcess.HALF_LIFE_DAYS * DAY);

  @Test
  void hazard_twoTouchesOneHalfLifeApart_matchesHandComputedNoisyOr() {
    long[] times = {0, HALF_LIFE};
    int[] channels = {0, 1};
    double[] lifts = {0.2, 0.5};
    double[] w = ConversionProcess.weights(times, 2);
    // 1 − (1 − 0.1)(1 − 0.2 · ½)(1 − 0.5 · 1) = 1 − 0.9 · 0.9 · 0.5
    assertEquals(0.595, ConversionProcess.hazard(channels, w, -1, 1, 0.1, lifts), 1e-12);
    // after a purchase at touch 0 only touch 1 counts: 1 − 0.9 · 0.5
    assertEquals(0.55, ConversionProcess.hazard(channels, w, 0, 1, 0.1, lifts), 1e-12);
    // at touch 0 itself: 1 − 0.9 · 0.8
    assertEquals(0.28, ConversionProcess.hazard(channels, w, -1, 0, 0.1, lifts), 1e-12);
  }

  @Test
  void expected_twoTouches_matchesClosedForm() {
    long[] times = {0, HALF_LIFE};
    int[] channels = {0, 1};
    double[] lifts = {0.2, 0.5};
    double[] w = ConversionProcess.weights(times, 2);
    double[] expected = ConversionProcess.expected(channels, w, 2, 0.1, lifts, new double[] {10, 30});
    // P(buy at 0) = 0.28; then at 1: 0.55 if bought at 0, 0.595 if not.
    double p1 = 0.28 * 0.55 + 0.72 * 0.595;
    assertEquals(0.28 + p1, expected[0], 1e-12);
    assertEquals(0.28 * 10 + p1 * 30, expected[1], 1e-12);
  }

  @Test
  void expected_randomTimelines_equalsBruteForceOverEveryPurchasePattern() {
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(10);
      long[] times = new long[n];
      int[] channels = new int[n];
      double[] value = new double[n];
      for (int i = 0; i < n; i++) {
        times[i] = (i == 0 ? 0 : times[i - 1]) + r.nextLong(20 * DAY);
        channels[i] = r.nextInt(4);
        value[i] = r.nextInt(1000);
      }
      double[] lifts = {r.nextDouble() * 0.6, r.nextDouble() * 0.6, 0, r.nextDouble()};
      double base = r.nextDouble() * 0.3;
      double[] w = ConversionProcess.weights(times, n);
      double bruteCount = 0;
      double bruteValue = 0;
      for (int mask = 0; mask < 1 << n; mask++) {
        double p = 1;
        int since = -1;
        int count = 0;
        double v = 0;
        for (int i = 0; i < n; i++) {
          double h = ConversionProcess.hazard(channels, w, since, i, base, lifts);
          if ((mask >> i & 1) == 1) {
            p *= h;
            since = i;
            count++;
            v += value[i];
          } else {
            p *= 1 - h;
          }
        }
        bruteCount += p * count;
        bruteValue += p * v;
      }
      double[] dp = ConversionProcess.expected(channels, w, n, base, lifts, value);
      assertEquals(bruteCount, dp[0], 1e-12, "trial " + trial);
      assertEquals(bruteValue, dp[1], 1e-9, "trial " + trial);
    }
  }

  @Test
  void sample_manyDraws_averageMatchesExpected() {
    long[] times = {0, DAY, 2 * DAY, 9 * DAY, 9 * DAY + 1000};
    int[] channels = {0, 1, 0, 2, 1};
    double[] lifts = {0.3, 0.1, 0.4};
    double base = 0.05;
    double[] w = ConversionProcess.weights(times, 5);
    double exact = ConversionProcess.expected(channels, w, 5, base, lifts, new double[5])[0];
    SplittableRandom r = new SplittableRandom(11);
    int draws = 200_000;
    long total = 0;
    double[] u = new double[5];
    boolean[] converts = new boolean[5];
    for (int d = 0; d < draws; d++) {
      for (int i = 0; i < 5; i++) {
        u[i] = r.nextDouble();
      }
      total += ConversionProcess.sample(channels, w, 5, base, lifts, u, converts);
    }
    // Purchases per timeline are at most 5, so their standard deviation is below 2.5: 5 sigma of the mean < 0.028.
    assertEquals(exact, (double) total / draws, 5 * 2.5 / Math.sqrt(draws));
  }
}
