package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseGameTest {
  @Test
  void values_randomSparseGames_matchBruteForceAndMoebius() {
    SplittableRandom r = new SplittableRandom(2024);
    for (int n = 1; n <= 8; n++) {
      for (int trial = 0; trial < 10; trial++) {
        double[] dense = new double[1 << n];
        SparseGame sparse = new SparseGame(n);
        int coalitions = 1 + r.nextInt(Math.min(12, dense.length - 1));
        for (int j = 0; j < coalitions; j++) {
          int mask = 1 + r.nextInt(dense.length - 1);
          if (dense[mask] != 0) {
            continue; // each coalition once
          }
          dense[mask] = r.nextDouble(-1, 1);
          int[] members = new int[n];
          int count = 0;
          for (int c = 0; c < n; c++) {
            if ((mask & (1 << c)) != 0) {
              members[count++] = c;
            }
          }
          sparse.add(members, count, dense[mask]);
        }
        double[] expected = BruteForceShapley.values(dense);
        assertArrayEquals(expected, sparse.values(), 1e-12, "n=" + n);
        assertArrayEquals(expected, HarsanyiShapley.values(dense), 1e-12, "n=" + n);
      }
    }
  }

  @Test
  void values_singleCoalitionOfOneInThree_givesHandComputedWeights() {
    // e_{0} on 3 players: player 0 gains 1 only when first (1/3); each other player loses 1 when it comes right
    // after player 0 standing alone: orders 0,c,· → 1/6 each.
    SparseGame g = new SparseGame(3);
    g.add(new int[] {0}, 1, 1.0);
    assertArrayEquals(new double[] {1.0 / 3, -1.0 / 6, -1.0 / 6}, g.values(), 1e-15);
  }

  @Test
  void binomial_smallValues_exact() {
    assertEquals(10400600, SparseGame.binomial(26, 13));
    assertEquals(1, SparseGame.binomial(5, 0));
    assertEquals(5, SparseGame.binomial(5, 4));
  }
}
