package io.tributary.core.paths;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * Sorts packed channel-id sequences into {@link Path} order (id by id, then shorter first), which is name order when
 * ids are assigned in sorted name order.
 */
final class PathOrder {
  /*
   * One primitive radix sort instead of n log n sequence comparisons: each path gets a 63-bit key, its first ids (+1,
   * so that 0 marks "ended", which sorts a prefix before its extensions) packed most significant first above the
   * path's index. Distinct paths with distinct keys are then in order; keys tie only for paths that agree on every
   * packed id, and those runs (rare: 12 channels pack 11 ids beside 200,000 indexes) are finished by a merge sort of
   * the sequences. Ids are translated to their final (name-ordered) values on the fly, never copied.
   */
  private static final int DIGIT = 11;

  private PathOrder() {}

  /**
   * Sequences in order.
   *
   * @param order the input index of each output sequence
   * @param start output sequence i is {@code ids[start[i], start[i + 1])}
   * @param ids the sequences, packed in order
   * @param ties whether any two sequences had the same key, so that equal sequences (if any) are adjacent in a tie;
   *     without ties every sequence is distinct
   */
  record Sorted(int[] order, int[] start, int[] ids, boolean ties) {}

  /**
   * @param ids the packed sequences, in provisional ids
   * @param start sequence p is {@code ids[start[p], start[p + 1])}
   * @param n the number of sequences (repeats allowed: they end up adjacent)
   * @param rank the final id of each provisional one, whose order is the sort order
   * @param channels every final id is below this
   * @return the sequences in order, in final ids
   */
  static Sorted sort(int[] ids, int[] start, int n, int[] rank, int channels) {
    return sort(ids, start, n, rank, channels, null);
  }

  /**
   * As {@link #sort(int[], int[], int, int[], int)}, the per-sequence loops (keys, lengths, the gather) shared with
   * {@code helper} when it is not null ({@link Halves}): the same result, bit for bit.
   *
   * @param helper a thread that takes half of each loop, or null
   */
  static Sorted sort(int[] ids, int[] start, int n, int[] rank, int channels, Executor helper) {
    if (n == 0) {
      return new Sorted(new int[0], new int[1], new int[0], false);
    }
    int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    int idBits = 32 - Integer.numberOfLeadingZeros(channels); // ids + 1 lie in [1, channels]
    int packed = Math.max(1, (63 - indexBits) / idBits);
    long[] unsorted = new long[n];
    Halves.run(helper, n, (from, to) -> {
      for (int p = from; p < to; p++) {
        int s = start[p];
        int len = start[p + 1] - s;
        long key = 0;
        for (int k = 0; k < packed; k++) {
          key = (key << idBits) | (k < len ? rank[ids[s + k]] + 1 : 0);
        }
        unsorted[p] = (key << indexBits) | p;
      }
    });
    long[] keys = radixSort(unsorted, indexBits, indexBits + packed * idBits);
    int[] order = new int[n];
    long mask = (1L << indexBits) - 1;
    for (int i = 0; i < n; i++) {
      order[i] = (int) (keys[i] & mask);
    }
    int runStart = 0;
    boolean ties = false;
    for (int i = 1; i <= n; i++) {
      if (i == n || keys[i] >>> indexBits != keys[runStart] >>> indexBits) {
        if (i - runStart > 1) {
          sortRun(ids, start, rank, order, runStart, i);
          ties = true;
        }
        runStart = i;
      }
    }
    return gather(ids, start, rank, keys, order, indexBits, idBits, packed, ties, helper);
  }

  /**
   * Packs the sequences in order. A sequence shorter than the packed ids is read back from its key, which is already
   * in order in memory; only longer ones are copied from their (scattered) input position. First every output
   * sequence's length, then their starts (a prefix sum), then the ids: each output sequence is written on its own, so
   * the first and the last two steps split into halves.
   */
  private static Sorted gather(int[] ids, int[] start, int[] rank, long[] keys, int[] order, int indexBits,
      int idBits, int packed, boolean ties, Executor helper) {
    int n = order.length;
    int[] outStart = new int[n + 1];
    int[] out = new int[start[n]];
    int idMask = (1 << idBits) - 1;
    Halves.run(helper, n, (from, to) -> {
      for (int i = from; i < to; i++) {
        int k = keyLength(keys[i] >>> indexBits, idBits, idMask, packed);
        if (k == packed) { // as long as the key or longer: keys[i] may be out of place after sortRun, order[i] is not
          int p = order[i];
          k = start[p + 1] - start[p];
        }
        outStart[i + 1] = k;
      }
    });
    for (int i = 0; i < n; i++) {
      outStart[i + 1] += outStart[i];
    }
    Halves.run(helper, n, (from, to) -> {
      for (int i = from; i < to; i++) {
        int at = outStart[i];
        int length = outStart[i + 1] - at;
        if (length < packed) {
          long prefix = keys[i] >>> indexBits;
          for (int k = 0; k < length; k++) {
            out[at + k] = (int) (prefix >>> ((packed - 1 - k) * idBits) & idMask) - 1;
          }
        } else {
          int p = order[i];
          for (int j = start[p]; j < start[p + 1]; j++) {
            out[at++] = rank[ids[j]];
          }
        }
      }
    });
    return new Sorted(order, outStart, out, ties);
  }

  /** @return how many of the packed ids of {@code prefix} are set (they end at the first 0 digit) */
  private static int keyLength(long prefix, int idBits, int idMask, int packed) {
    int k = 0;
    while (k < packed && (prefix >>> ((packed - 1 - k) * idBits) & idMask) != 0) {
      k++;
    }
    return k;
  }

  /**
   * Sorts keys by their bits {@code [low, high)}, stably (so ties stay in index order): an LSD radix sort of 11-bit
   * digits, a few linear passes where a comparison sort makes 18 rounds of unpredictable branches.
   *
   * @return the sorted keys (the argument or a new array)
   */
  private static long[] radixSort(long[] keys, int low, int high) {
    long[] buf = new long[keys.length];
    int[] count = new int[1 << DIGIT];
    for (int shift = low; shift < high; shift += DIGIT) {
      Arrays.fill(count, 0);
      int mask = (1 << Math.min(DIGIT, high - shift)) - 1;
      for (long k : keys) {
        count[(int) (k >>> shift) & mask]++;
      }
      if (count[(int) (keys[0] >>> shift) & mask] == keys.length) {
        continue; // every key has this digit
      }
      for (int d = 0, sum = 0; d <= mask; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (long k : keys) {
        buf[count[(int) (k >>> shift) & mask]++] = k;
      }
      long[] swap = keys;
      keys = buf;
      buf = swap;
    }
    return keys;
  }

  /** Sorts {@code order[from, to)}, whose sequences agree on their packed ids: a merge sort of their final ids. */
  private static void sortRun(int[] ids, int[] start, int[] rank, int[] order, int from, int to) {
    int m = to - from;
    int[] runStart = new int[m + 1];
    for (int r = 0; r < m; r++) {
      int p = order[from + r];
      runStart[r + 1] = runStart[r] + start[p + 1] - start[p];
    }
    int[] runIds = new int[runStart[m]];
    for (int r = 0; r < m; r++) {
      int p = order[from + r];
      for (int j = start[p], at = runStart[r]; j < start[p + 1]; j++) {
        runIds[at++] = rank[ids[j]];
      }
    }
    int[] local = new int[m];
    for (int r = 0; r < m; r++) {
      local[r] = r;
    }
    mergeSort(runIds, runStart, local, new int[m], 0, m);
    int[] members = Arrays.copyOfRange(order, from, to);
    for (int r = 0; r < m; r++) {
      order[from + r] = members[local[r]];
    }
  }

  private static void mergeSort(int[] ids, int[] start, int[] a, int[] buf, int lo, int hi) {
    if (hi - lo < 2) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(ids, start, a, buf, lo, mid);
    mergeSort(ids, start, a, buf, mid, hi);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      buf[k++] = compare(ids, start, a[i], ids, start, a[j]) <= 0 ? a[i++] : a[j++];
    }
    while (i < mid) {
      buf[k++] = a[i++];
    }
    while (j < hi) {
      buf[k++] = a[j++];
    }
    System.arraycopy(buf, lo, a, lo, hi - lo);
  }

  /** @return the order of sequence p of (ids, start) and sequence q of (otherIds, otherStart) */
  static int compare(int[] ids, int[] start, int p, int[] otherIds, int[] otherStart, int q) {
    int a = start[p];
    int la = start[p + 1] - a;
    int b = otherStart[q];
    int lb = otherStart[q + 1] - b;
    int m = Arrays.mismatch(ids, a, a + la, otherIds, b, b + lb);
    if (m < 0) {
      return 0;
    }
    if (m == la || m == lb) {
      return Integer.compare(la, lb);
    }
    return Integer.compare(ids[a + m], otherIds[b + m]);
  }
}
