package io.tributary.core.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * {@link PathOrder#sort} against a plain stable sort of the sequences by {@link Arrays#compare} (id by id, a prefix
 * first): alone and with a helper thread taking half of its loops ({@link Halves}), on tables large enough to be
 * split, with repeats, long shared prefixes and sequences longer than a key holds.
 */
class PathOrderTest {
  /** Random sequences over {@code channels} provisional ids; short ones repeat often, long ones overflow the key. */
  private static int[][] sequences(long seed, int n, int channels, int maxLength) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] out = new int[n][];
    for (int p = 0; p < n; p++) {
      int len = 1 + (r.nextInt(4) == 0 ? r.nextInt(maxLength) : r.nextInt(3));
      int[] s = new int[len];
      int prefix = r.nextInt(3) == 0 ? Math.min(len, 14) : 0; // a long prefix shared by many: ties past the key
      for (int k = 0; k < len; k++) {
        s[k] = k < prefix ? k % channels : r.nextInt(channels);
      }
      out[p] = s;
    }
    return out;
  }

  /** A shuffled rank: provisional id to final id. */
  private static int[] rank(long seed, int channels) {
    List<Integer> ids = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      ids.add(c);
    }
    java.util.Collections.shuffle(ids, new java.util.Random(seed));
    int[] rank = new int[channels];
    for (int c = 0; c < channels; c++) {
      rank[c] = ids.get(c);
    }
    return rank;
  }

  /** The truth: indexes stably sorted by their sequences in final ids. */
  private static Integer[] truth(int[][] seqs, int[] rank) {
    int[][] ranked = new int[seqs.length][];
    for (int p = 0; p < seqs.length; p++) {
      ranked[p] = Arrays.stream(seqs[p]).map(c -> rank[c]).toArray();
    }
    Integer[] order = new Integer[seqs.length];
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    Arrays.sort(order, (a, b) -> Arrays.compare(ranked[a], ranked[b])); // stable: a merge sort
    return order;
  }

  private static PathOrder.Sorted sort(int[][] seqs, int[] rank, int channels, java.util.concurrent.Executor helper) {
    int[] start = new int[seqs.length + 1];
    for (int p = 0; p < seqs.length; p++) {
      start[p + 1] = start[p] + seqs[p].length;
    }
    int[] ids = new int[start[seqs.length]];
    for (int p = 0; p < seqs.length; p++) {
      System.arraycopy(seqs[p], 0, ids, start[p], seqs[p].length);
    }
    return PathOrder.sort(ids, start, seqs.length, rank, channels, helper);
  }

  private static void assertSortedLikeTruth(int[][] seqs, int[] rank, PathOrder.Sorted got) {
    Integer[] want = truth(seqs, rank);
    assertEquals(seqs.length, got.order().length);
    for (int i = 0; i < want.length; i++) {
      int p = want[i];
      assertEquals(p, got.order()[i], "index at " + i);
      int[] expected = Arrays.stream(seqs[p]).map(c -> rank[c]).toArray();
      assertArrayEquals(expected, Arrays.copyOfRange(got.ids(), got.start()[i], got.start()[i + 1]), "path " + i);
    }
    assertEquals(got.ids().length, got.start()[want.length]);
  }

  @Test
  void sort_alone_andWithAHelper_isTheStableSortOfTheSequences() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      for (int channels : new int[] {2, 12, 40}) {
        int n = 3 * Halves.MIN_SPLIT + 7; // split, with halves of odd size
        int[][] seqs = sequences(channels, n, channels, 30);
        int[] rank = rank(channels, channels);
        PathOrder.Sorted alone = sort(seqs, rank, channels, null);
        PathOrder.Sorted helped = sort(seqs, rank, channels, pool);
        assertSortedLikeTruth(seqs, rank, alone);
        assertSortedLikeTruth(seqs, rank, helped);
        assertTrue(helped.ties(), "these sequences repeat");
        assertEquals(alone.ties(), helped.ties());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sort_smallTable_orAShutHelper_runsOnTheCaller() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    pool.shutdown();
    int[][] seqs = sequences(5, Halves.MIN_SPLIT + 1, 5, 20);
    int[] rank = rank(5, 5);
    assertSortedLikeTruth(seqs, rank, sort(seqs, rank, 5, pool)); // refused: all on the caller
    int[][] few = sequences(6, 500, 5, 20);
    assertSortedLikeTruth(few, rank, sort(few, rank, 5, r -> {
      throw new AssertionError("a small table is never handed over");
    }));
  }

  @Test
  void halves_aFailureOnTheHelper_isThrownToTheCaller() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      int n = 2 * Halves.MIN_SPLIT;
      boolean[] seen = new boolean[n];
      Halves.run(pool, n, (from, to) -> {
        for (int i = from; i < to; i++) {
          seen[i] = true;
        }
      });
      for (boolean s : seen) {
        assertTrue(s);
      }
      assertThrows(ArithmeticException.class, () -> Halves.run(pool, n, (from, to) -> {
        if (from > 0) {
          throw new ArithmeticException("second half");
        }
      }));
    } finally {
      pool.shutdownNow();
    }
  }
}
