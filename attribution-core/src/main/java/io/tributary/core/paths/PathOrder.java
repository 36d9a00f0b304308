package io.tributary.core.paths;

import java.util.Arrays;

/**
 * Sorts packed channel-id sequences into {@link Path} order (id by id, then shorter first), which is name order when
 * ids are assigned in sorted name order.
 */
final class PathOrder {
  /*
   * One primitive sort instead of n log n sequence comparisons: each path gets a 63-bit key, its first ids (+1, so
   * that 0 marks "ended", which sorts a prefix before its extensions) packed most significant first above the path's
   * index. Distinct paths with distinct keys are then in order; keys tie only for paths that agree on every packed id,
   * and those runs (rare: 12 channels pack 11 ids beside 200,000 indexes) are finished by a merge sort comparing the
   * remaining ids.
   */
  private PathOrder() {}

  /**
   * @param ids the packed sequences
   * @param start sequence p is {@code ids[start[p], start[p + 1])}
   * @param n the number of sequences, all distinct
   * @param channels every id is below this
   * @return the sequence indexes in order
   */
  static int[] sort(int[] ids, int[] start, int n, int channels) {
    if (n == 0) {
      return new int[0];
    }
    int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    int idBits = 32 - Integer.numberOfLeadingZeros(channels); // ids + 1 lie in [1, channels]
    int packed = Math.max(1, (63 - indexBits) / idBits);
    long[] keys = new long[n];
    for (int p = 0; p < n; p++) {
      int s = start[p];
      int len = start[p + 1] - s;
      long key = 0;
      for (int k = 0; k < packed; k++) {
        key = (key << idBits) | (k < len ? ids[s + k] + 1 : 0);
      }
      keys[p] = (key << indexBits) | p;
    }
    Arrays.sort(keys);
    int[] order = new int[n];
    long mask = (1L << indexBits) - 1;
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & mask);
    }
    int runStart = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || keys[i] >>> indexBits != keys[runStart] >>> indexBits) {
        if (i - runStart > 1) {
          sortRun(ids, start, order, runStart, i, packed);
        }
        runStart = i;
      }
    }
    return order;
  }

  /** Sorts {@code order[from, to)}, whose sequences agree on their first {@code skip} ids. */
  private static void sortRun(int[] ids, int[] start, int[] order, int from, int to, int skip) {
    int[] src = Arrays.copyOfRange(order, from, to);
    int[] buf = new int[src.length];
    mergeSort(ids, start, src, buf, 0, src.length, skip);
    System.arraycopy(src, 0, order, from, src.length);
  }

  private static void mergeSort(int[] ids, int[] start, int[] a, int[] buf, int lo, int hi, int skip) {
    if (hi - lo < 2) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(ids, start, a, buf, lo, mid, skip);
    mergeSort(ids, start, a, buf, mid, hi, skip);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      buf[k++] = compare(ids, start, a[i], ids, start, a[j], skip) <= 0 ? a[i++] : a[j++];
    }
    while (i < mid) {
      buf[k++] = a[i++];
    }
    while (j < hi) {
      buf[k++] = a[j++];
    }
    System.arraycopy(buf, lo, a, lo, hi - lo);
  }

  /** @return the order of sequence p of (ids, start) and q of (otherIds, otherStart), from position {@code skip} */
  static int compare(int[] ids, int[] start, int p, int[] otherIds, int[] otherStart, int q, int skip) {
    int a = start[p];
    int la = start[p + 1] - a;
    int b = otherStart[q];
    int lb = otherStart[q + 1] - b;
    int m = Arrays.mismatch(ids, a + skip, a + la, otherIds, b + skip, b + lb);
    if (m < 0) {
      return 0;
    }
    if (a + skip + m == a + la || b + skip + m == b + lb) {
      return Integer.compare(la, lb);
    }
    return Integer.compare(ids[a + skip + m], otherIds[b + skip + m]);
  }
}
