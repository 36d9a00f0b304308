package io.tributary.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Path values and their group sums, against decimal sums of the same terms. */
class PathValuesTest {
  @Test
  void handWorked_partsCountsAndDecimals_sumTheirGroups() {
    // Paths 0..3: 0.5 + 0.25 counted twice (1.0), nothing, 1.5, 2^-1074 (the smallest double). Groups: {0, 2}, {3},
    // {1} (no value: null).
    PathValues v = PathValues.ofParts(new int[] {0, 2, 2, 3, 4}, new double[] {0.5, 0.25, 1.5, Double.MIN_VALUE},
        new int[] {1, 2, 1, 1});
    BigDecimal[] sums = v.groupSums(new int[] {0, 2, 0, 1}, 3);
    assertEquals(0, new BigDecimal("2.5").compareTo(sums[0]));
    assertEquals(0, new BigDecimal(Double.MIN_VALUE).compareTo(sums[1]));
    assertNull(sums[2]);
    assertEquals(0, new BigDecimal("2.5").add(new BigDecimal(Double.MIN_VALUE)).compareTo(v.total()));
    assertEquals(0, v.signum(1));
    assertEquals(1, v.signum(3));
    assertEquals(0, BigDecimal.ONE.compareTo(v.value(0)));
    BigDecimal[] counts = PathValues.ofCounts(new long[] {3, 0, 4, 1}).groupSums(new int[] {0, -1, 0, 1}, 2);
    assertEquals(BigDecimal.valueOf(7), counts[0]);
    assertEquals(BigDecimal.ONE, counts[1]);
    // A path with a value in no group is an error; one without a value may be in none.
    assertThrows(IllegalArgumentException.class, () -> v.groupSums(new int[] {0, 0, -1, 0}, 1));
    assertEquals(0, BigDecimal.ONE.compareTo(v.groupSums(new int[] {0, -1, 1, 1}, 2)[0]));
    assertThrows(IllegalArgumentException.class, () -> PathValues.ofParts(new int[] {0, 1}, new double[] {-1}, null));
    assertThrows(IllegalArgumentException.class, () -> PathValues.ofCounts(new long[] {-1}));
  }

  @Test
  void drawnTerms_groupSumsAreTheDecimalSums() {
    // Terms of every magnitude (the exponent drawn, subnormals included) and zeros, a few per path, counted 0 to 3
    // times; the truth: decimal sums of the terms' exact decimals.
    SplittableRandom random = new SplittableRandom(20261205);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + random.nextInt(300);
      int groups = 1 + random.nextInt(20);
      int[] start = new int[n + 1];
      double[] parts = new double[4 * n];
      int[] times = new int[4 * n];
      int[] groupOf = new int[n];
      BigDecimal[] truth = new BigDecimal[groups];
      BigDecimal[] byPath = new BigDecimal[n];
      for (int p = 0; p < n; p++) {
        start[p + 1] = start[p];
        byPath[p] = BigDecimal.ZERO;
        for (int k = random.nextInt(4); k > 0; k--) {
          int j = start[p + 1]++;
          parts[j] = random.nextInt(5) == 0 ? 0
              : Math.scalb(random.nextDouble(), random.nextInt(-1080, 600));
          times[j] = random.nextInt(4);
          byPath[p] = byPath[p].add(new BigDecimal(parts[j]).multiply(BigDecimal.valueOf(times[j])));
        }
        groupOf[p] = byPath[p].signum() == 0 && random.nextBoolean() ? -1 : random.nextInt(groups);
        if (byPath[p].signum() != 0) {
          truth[groupOf[p]] = truth[groupOf[p]] == null ? byPath[p] : truth[groupOf[p]].add(byPath[p]);
        }
      }
      PathValues parts1 = PathValues.ofParts(start, parts, times);
      PathValues decimals = PathValues.of(byPath);
      BigDecimal[] got = parts1.groupSums(groupOf, groups);
      BigDecimal[] viaDecimals = decimals.groupSums(groupOf, groups);
      for (int g = 0; g < groups; g++) {
        if (truth[g] == null) {
          assertNull(got[g]);
          assertNull(viaDecimals[g]);
        } else {
          assertEquals(0, truth[g].compareTo(got[g]), "trial " + trial + " group " + g);
          assertEquals(0, truth[g].compareTo(viaDecimals[g]), "trial " + trial + " group " + g);
          assertEquals(truth[g].doubleValue(), got[g].doubleValue(), "trial " + trial + " group " + g);
        }
      }
      for (int p = 0; p < n; p++) {
        assertEquals(byPath[p].signum(), parts1.signum(p));
        assertEquals(0, byPath[p].compareTo(parts1.value(p)));
      }
    }
  }
}
