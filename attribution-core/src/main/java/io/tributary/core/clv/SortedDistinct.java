package io.tributary.core.clv;

import java.util.Arrays;

/**
 * The distinct values of a primitive array, ascending: the sort-then-drop-repeats step with which the lifetime-value
 * fits turn their customers' fields into ranks and rows (the likelihoods' distinct (x, t_x, T) and (count, mean) rows,
 * the summaries' canonical order). One place for it, on primitives: a sorted set of boxed values costs about as much
 * as a fit here.
 *
 * <p>Doubles are ordered and told apart as {@link Double#compare} does (so {@code -0.0} comes before {@code 0.0} and the
 * two are distinct values, and NaN is one value, last).
 */
public final class SortedDistinct {
  private SortedDistinct() {}

  /**
   * @param values the values (not changed)
   * @param n how many of them, from the first, to read
   * @return the distinct values among {@code values[0, n)}, ascending, in a new array of their number
   */
  public static int[] of(int[] values, int n) {
    int[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    return Arrays.copyOf(v, dropRepeats(v, n));
  }

  /**
   * @param values the values (not changed)
   * @param n how many of them, from the first, to read
   * @return the distinct values among {@code values[0, n)} in {@link Double#compare}'s order, in a new array of their
   *     number
   */
  public static double[] of(double[] values, int n) {
    double[] v = Arrays.copyOf(values, n);
    Arrays.sort(v); // Arrays.sort(double[]) orders as Double.compare does
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k == 0 || Double.compare(v[i], v[k - 1]) != 0) {
        v[k++] = v[i];
      }
    }
    return Arrays.copyOf(v, k);
  }

  /**
   * @param values the values (not changed)
   * @param n how many of them, from the first, to read
   * @return the distinct values among {@code values[0, n)}, ascending, in a new array of their number
   */
  public static long[] of(long[] values, int n) {
    long[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    return Arrays.copyOf(v, dropRepeats(v, n));
  }

  /* sorted[0, n) ascending: its distinct values moved to its front, in order; returns their number. */
  private static int dropRepeats(int[] sorted, int n) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k == 0 || sorted[i] != sorted[k - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    return k;
  }

  private static int dropRepeats(long[] sorted, int n) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k == 0 || sorted[i] != sorted[k - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    return k;
  }
}
