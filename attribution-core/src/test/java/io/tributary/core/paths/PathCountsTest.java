package io.tributary.core.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.RandomData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathCountsTest {
  @Test
  void builder_repeatedPath_sumsItsStats() {
    PathCounts pc = PathCounts.builder()
        .add(Path.of("a", "b"), 2, new BigDecimal("10.50"), 1)
        .add(Path.of("a", "b"), 1, new BigDecimal("0.25"), 3)
        .add(Path.of("b"), 0, BigDecimal.ZERO, 4)
        .build();
    assertEquals(2, pc.size());
    assertEquals(new PathStats(3, new BigDecimal("10.75"), 4), pc.byPath().get(Path.of("a", "b")));
    assertEquals(3, pc.conversions());
    assertEquals(8, pc.nulls());
    assertEquals(0, new BigDecimal("10.75").compareTo(pc.value()));
  }

  @Test
  void byPath_isSortedChannelByChannelThenShorterFirst() {
    PathCounts pc = PathCounts.builder()
        .add(Path.of("b"), 1, BigDecimal.ZERO, 0)
        .add(Path.of("a", "c"), 1, BigDecimal.ZERO, 0)
        .add(Path.of("a"), 1, BigDecimal.ZERO, 0)
        .add(Path.of("a", "b", "z"), 1, BigDecimal.ZERO, 0)
        .build();
    assertEquals(List.of(Path.of("a"), Path.of("a", "b", "z"), Path.of("a", "c"), Path.of("b")),
        new ArrayList<>(pc.byPath().keySet()));
  }

  @Test
  void merge_empty_isIdentity() {
    PathCounts a = RandomData.pathCounts(1, 50, 4, 5);
    assertSame(a, a.merge(PathCounts.empty()));
    assertSame(a, PathCounts.empty().merge(a));
  }

  @Test
  void merge_isCommutativeAndAssociative() {
    PathCounts a = RandomData.pathCounts(1, 80, 4, 5);
    PathCounts b = RandomData.pathCounts(2, 80, 4, 5);
    PathCounts c = RandomData.pathCounts(3, 80, 4, 5);
    assertEquals(a.merge(b), b.merge(a));
    assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)));
  }

  @Test
  void merge_ofRandomSplits_equalsBuildOfTheWhole() {
    SplittableRandom r = new SplittableRandom(5);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(new Object[] {Path.of("c" + r.nextInt(3), "c" + r.nextInt(3)), (long) r.nextInt(3),
          BigDecimal.valueOf(r.nextInt(1000), 2), (long) r.nextInt(3) + 1});
    }
    PathCounts.Builder whole = PathCounts.builder();
    rows.forEach(row -> whole.add((Path) row[0], (long) row[1], (BigDecimal) row[2], (long) row[3]));
    for (int trial = 0; trial < 10; trial++) {
      PathCounts.Builder left = PathCounts.builder();
      PathCounts.Builder right = PathCounts.builder();
      for (Object[] row : rows) {
        (r.nextBoolean() ? left : right).add((Path) row[0], (long) row[1], (BigDecimal) row[2], (long) row[3]);
      }
      assertEquals(whole.build(), left.build().merge(right.build()));
    }
  }

  @Test
  void add_negativeCounts_areRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> PathCounts.builder().add(Path.of("a"), -1, BigDecimal.ZERO, 0));
    assertThrows(IllegalArgumentException.class, () -> new PathStats(0, new BigDecimal("-1"), 1));
  }

  @Test
  void path_emptyOrBlankChannel_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Path(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Path.of("a", ""));
  }

  @Test
  void dictionary_assignsIdsInSortedOrder() {
    ChannelDictionary d = ChannelDictionary.of(PathCounts.builder()
        .add(Path.of("search", "email", "app"), 1, BigDecimal.ZERO, 0).build());
    assertEquals(List.of("app", "email", "search"), d.names());
    assertEquals(2, d.id("search"));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {2, 1, 0},
        d.encode(Path.of("search", "email", "app")));
    assertThrows(IllegalArgumentException.class, () -> d.id("tv"));
  }

  /*
   * internOn: paths interned on another thread. The truth is brute force, independent of the interner: every row's
   * stats summed per path in a TreeMap by PathStats.plus (exact decimals, so the scale too). 30,000 rows cross the
   * hand-off's batches several times; rows come in all three ways (ids, Path objects, path text).
   */
  @Test
  void internOn_randomRowsInEveryForm_sameAsBruteForceAndAsTheDirectBuilder() {
    SplittableRandom r = new SplittableRandom(16);
    java.util.TreeMap<Path, PathStats> want = new java.util.TreeMap<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      PathCounts.Builder direct = PathCounts.builder();
      PathCounts.Builder aside = PathCounts.builder().internOn(pool);
      String[] channels = {"search", "email", "display", "social", "direct"};
      for (PathCounts.Builder b : List.of(direct, aside)) {
        for (String c : channels) {
          b.channelId(c); // the same ids in both: the builders share the id rows below
        }
      }
      int[] ids = new int[8];
      for (int i = 0; i < 30_000; i++) {
        int n = 1 + r.nextInt(ids.length);
        String[] names = new String[n];
        for (int k = 0; k < n; k++) {
          ids[k] = r.nextInt(r.nextBoolean() ? 2 : channels.length); // many repeats, some long distinct paths
          names[k] = channels[ids[k]];
        }
        long conv = r.nextInt(3);
        long nul = conv == 0 ? 1 + r.nextInt(2) : r.nextInt(2);
        BigDecimal value = conv == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(r.nextInt(100_000), r.nextInt(4));
        want.merge(Path.of(names), new PathStats(conv, value, nul), PathStats::plus);
        for (PathCounts.Builder b : List.of(direct, aside)) {
          switch (i % 3) {
            case 0 -> b.add(ids, n, conv, value, nul);
            case 1 -> b.add(Path.of(names), conv, value, nul);
            default -> b.addPath(String.join(" > ", names), ">", conv, value, nul);
          }
        }
      }
      PathCounts got = aside.build();
      assertEquals(want, got.byPath());
      assertEquals(direct.build(), got);
      assertTrue(got.table().sameAs(direct.build().table()));
    } finally {
      pool.shutdownNow();
    }
  }

  /*
   * An interning thread that starts late (its executor holds the task back for a while): the builder fills the
   * hand-off's batches and waits for the interner, 170,000 rows (many batches) later the same TreeMap truth.
   */
  @Test
  void internOn_anInternerThatStartsLate_sameAsBruteForce() {
    SplittableRandom r = new SplittableRandom(23);
    java.util.TreeMap<Path, PathStats> want = new java.util.TreeMap<>();
    java.util.concurrent.ScheduledExecutorService late = java.util.concurrent.Executors.newScheduledThreadPool(1);
    java.util.concurrent.Executor delayed = task -> late.schedule(task, 300, java.util.concurrent.TimeUnit.MILLISECONDS);
    try {
      PathCounts.Builder aside = PathCounts.builder().internOn(delayed);
      String[] channels = {"search", "email", "display", "social"};
      for (String c : channels) {
        aside.channelId(c);
      }
      int[] ids = new int[6];
      for (int i = 0; i < 170_000; i++) {
        int n = 1 + r.nextInt(ids.length);
        addRandomRow(r, n, channels, ids, want, aside);
      }
      assertEquals(want, aside.build().byPath());
    } finally {
      late.shutdownNow();
    }
  }

  /*
   * A table large enough that build() hands half of its sort to the interning thread (Halves.MIN_SPLIT): the same
   * TreeMap truth, and the same table as a builder without a helper.
   */
  @Test
  void internOn_aLargeTable_sortedWithTheInterningThread_sameAsBruteForce() {
    SplittableRandom r = new SplittableRandom(61);
    java.util.TreeMap<Path, PathStats> want = new java.util.TreeMap<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      PathCounts.Builder direct = PathCounts.builder();
      PathCounts.Builder aside = PathCounts.builder().internOn(pool);
      String[] channels = {"search", "email", "display", "social", "direct", "affiliate", "tv"};
      for (PathCounts.Builder b : List.of(direct, aside)) {
        for (String c : channels) {
          b.channelId(c);
        }
      }
      int[] ids = new int[24];
      for (int i = 0; i < 5 * Halves.MIN_SPLIT; i++) {
        int n = 1 + r.nextInt(r.nextInt(4) == 0 ? ids.length : 9);
        addRandomRow(r, n, channels, ids, want, direct, aside);
      }
      assertTrue(want.size() > 2 * Halves.MIN_SPLIT, "large enough to split: " + want.size());
      PathCounts got = aside.build();
      assertEquals(want, got.byPath());
      assertTrue(got.table().sameAs(direct.build().table()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void internOn_aCountOverflowOnTheInterningThread_isThrownByBuild() {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      PathCounts.Builder b = PathCounts.builder().internOn(pool)
          .add(Path.of("a"), Long.MAX_VALUE, BigDecimal.ONE, 0)
          .add(Path.of("a"), 1, BigDecimal.ONE, 0);
      assertThrows(ArithmeticException.class, b::build);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void internOn_afterAdding_isRefused() {
    PathCounts.Builder b = PathCounts.builder().add(Path.of("a"), 1, BigDecimal.ONE, 0);
    assertThrows(IllegalStateException.class, () -> b.internOn(Runnable::run));
  }

  /* One random row of n channels: added to each builder by ids and to the TreeMap truth by names. */
  private static void addRandomRow(SplittableRandom r, int n, String[] channels, int[] ids,
      java.util.Map<Path, PathStats> want, PathCounts.Builder... builders) {
    String[] names = new String[n];
    for (int k = 0; k < n; k++) {
      ids[k] = r.nextInt(channels.length);
      names[k] = channels[ids[k]];
    }
    long conv = r.nextInt(2);
    long nul = 1 - conv;
    BigDecimal value = conv == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(r.nextInt(10_000), 2);
    want.merge(Path.of(names), new PathStats(conv, value, nul), PathStats::plus);
    for (PathCounts.Builder b : builders) {
      b.add(ids, n, conv, value, nul);
    }
  }
}
