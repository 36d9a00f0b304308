package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HarsanyiShapleyTest {
  private static final double EPS = 1e-12;

  @Test
  void values_workedGameOfIssue3_givesSevenPointSixSixSevenEightPointOneSixSevenThreePointOneSixSeven() {
    // Players O = bit 0, F = bit 1, D = bit 2. By hand (each of the 6 orders, marginal of O):
    // OFD 7, ODF 7, FOD 15-6=9, FDO 19-9=10, DOF 7-4=3, DFO 10 → 46/6 = 23/3 ≈ 7.667.
    // F: OFD 8, ODF 12, FOD 6, FDO 6, DOF 12, DFO 5 → 49/6 ≈ 8.167. D: 19 − 23/3 − 49/6 = 19/6 ≈ 3.167.
    double[] v = new double[8];
    v[0b001] = 7;
    v[0b010] = 6;
    v[0b100] = 4;
    v[0b011] = 15;
    v[0b101] = 7;
    v[0b110] = 9;
    v[0b111] = 19;
    double[] phi = HarsanyiShapley.values(v);
    assertArrayEquals(new double[] {23.0 / 3, 49.0 / 6, 19.0 / 6}, phi, EPS);
    assertEquals("7.667/8.167/3.167",
        String.format(java.util.Locale.ROOT, "%.3f/%.3f/%.3f", phi[0], phi[1], phi[2]));
  }

  @Test
  void dividends_workedGame_areMoebiusTransform() {
    double[] v = {0, 7, 6, 15, 4, 7, 9, 19};
    // d(OF) = 15 − 7 − 6 = 2; d(OD) = 7 − 7 − 4 = −4; d(FD) = 9 − 6 − 4 = −1; d(OFD) = 19 − 15 − 7 − 9 + 7 + 6 + 4 = 5.
    assertArrayEquals(new double[] {0, 7, 6, 2, 4, -4, -1, 5}, HarsanyiShapley.dividends(v), EPS);
  }

  @Test
  void values_randomGamesUpToEightPlayers_matchPermutationDefinition() {
    SplittableRandom r = new SplittableRandom(7);
    for (int n = 1; n <= 8; n++) {
      for (int trial = 0; trial < 5; trial++) {
        double[] v = new double[1 << n];
        for (int m = 1; m < v.length; m++) {
          v[m] = r.nextDouble(-1, 1);
        }
        assertArrayEquals(BruteForceShapley.values(v), HarsanyiShapley.values(v), 1e-12, "n=" + n);
      }
    }
  }

  @Test
  void values_randomGame_sumToGrandCoalition() {
    SplittableRandom r = new SplittableRandom(11);
    double[] v = new double[1 << 12];
    for (int m = 1; m < v.length; m++) {
      v[m] = r.nextDouble();
    }
    double sum = 0;
    for (double p : HarsanyiShapley.values(v)) {
      sum += p;
    }
    assertEquals(v[v.length - 1], sum, 1e-9);
  }

  @Test
  void values_symmetricPlayers_getEqualValues() {
    // v depends only on whether players 0 and 1 are in, symmetrically, plus player 2 adds 1.
    double[] v = new double[8];
    for (int m = 0; m < 8; m++) {
      int k = Integer.bitCount(m & 0b011);
      v[m] = k * k + ((m & 0b100) != 0 ? 1 : 0);
    }
    double[] phi = HarsanyiShapley.values(v);
    assertEquals(phi[0], phi[1], EPS);
    assertEquals(1, phi[2], EPS);
    assertEquals(2, phi[0], EPS);
  }

  @Test
  void values_dummyPlayer_getsZero() {
    SplittableRandom r = new SplittableRandom(3);
    double[] v = new double[1 << 5];
    for (int m = 1; m < v.length; m++) {
      // Player 4 never changes the worth.
      v[m] = (m & 0b10000) != 0 ? v[m & 0b01111] : r.nextDouble();
    }
    v[0b10000] = 0;
    assertEquals(0, HarsanyiShapley.values(v)[4], EPS);
  }

  @Test
  void values_lengthNotPowerOfTwo_throws() {
    assertThrows(IllegalArgumentException.class, () -> HarsanyiShapley.values(new double[6]));
    assertThrows(IllegalArgumentException.class, () -> HarsanyiShapley.values(new double[1]));
  }
}
