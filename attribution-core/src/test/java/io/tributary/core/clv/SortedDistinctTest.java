package io.tributary.core.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** SortedDistinct against sorted sets of the boxed values, and by hand. */
class SortedDistinctTest {
  @Test
  void of_handWorked() {
    assertArrayEquals(new int[] {1, 2, 5}, SortedDistinct.of(new int[] {5, 1, 2, 5, 1, 9}, 5));
    assertArrayEquals(new long[] {-3, 7}, SortedDistinct.of(new long[] {7, -3, 7, -3}, 4));
    assertArrayEquals(new int[0], SortedDistinct.of(new int[] {4, 4}, 0));
    // Double.compare's order: -0.0 and 0.0 two values, NaN one value, last.
    double[] d = SortedDistinct.of(new double[] {0.0, Double.NaN, -0.0, 1.5, Double.NaN, 0.0, -2}, 7);
    assertEquals("[-2.0, -0.0, 0.0, 1.5, NaN]", Arrays.toString(d));
  }

  @Test
  void of_leavesTheInputAsItWas() {
    int[] in = {3, 1, 2, 1};
    SortedDistinct.of(in, in.length);
    assertArrayEquals(new int[] {3, 1, 2, 1}, in);
  }

  @Test
  void of_drawnArrays_asASortedSetOfThePrefix() {
    SplittableRandom random = new SplittableRandom(20241205);
    for (int round = 0; round < 300; round++) {
      int length = random.nextInt(0, 200);
      int n = length == 0 ? 0 : random.nextInt(0, length + 1);
      int range = random.nextInt(1, 50); // small ranges: many repeats
      int[] ints = new int[length];
      long[] longs = new long[length];
      double[] doubles = new double[length];
      TreeSet<Integer> intSet = new TreeSet<>();
      TreeSet<Long> longSet = new TreeSet<>();
      TreeSet<Double> doubleSet = new TreeSet<>(); // Double.compareTo orders as Double.compare
      double[] specials = {0.0, -0.0, Double.NaN, Double.MIN_VALUE, Double.POSITIVE_INFINITY};
      for (int i = 0; i < length; i++) {
        ints[i] = random.nextInt(-range, range);
        longs[i] = (long) random.nextInt(-range, range) << 40;
        doubles[i] = random.nextInt(10) == 0 ? specials[random.nextInt(specials.length)]
            : random.nextInt(-range, range) / 4.0;
        if (i < n) {
          intSet.add(ints[i]);
          longSet.add(longs[i]);
          doubleSet.add(doubles[i]);
        }
      }
      assertArrayEquals(intSet.stream().mapToInt(Integer::intValue).toArray(), SortedDistinct.of(ints, n));
      assertArrayEquals(longSet.stream().mapToLong(Long::longValue).toArray(), SortedDistinct.of(longs, n));
      double[] expected = doubleSet.stream().mapToDouble(Double::doubleValue).toArray();
      double[] actual = SortedDistinct.of(doubles, n);
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]));
      }
    }
  }
}
