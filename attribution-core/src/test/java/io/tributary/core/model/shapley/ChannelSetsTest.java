package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChannelSetsTest {
  @Test
  void grouping_matchesSetsMadeOneByOne_inSizeThenIdOrder_acrossSeveralWords() {
    // 150 channels: three bit words, so the word-wise order and hash are exercised past the first word.
    SplittableRandom r = new SplittableRandom(42);
    PathCounts.Builder b = PathCounts.builder();
    int[] ids = new int[150];
    for (int c = 0; c < 150; c++) {
      ids[c] = b.channelId(String.format("c%03d", c));
    }
    // The reference: each set as its sorted ids, stats summed per set, ordered by size then ids (TreeMap order).
    TreeMap<List<Integer>, long[]> counts = new TreeMap<>(ChannelSetsTest::bySizeThenIds);
    TreeMap<List<Integer>, BigDecimal> values = new TreeMap<>(ChannelSetsTest::bySizeThenIds);
    int[] path = new int[12];
    for (int p = 0; p < 5_000; p++) {
      int n = 1 + r.nextInt(path.length);
      // A few channels favoured, so that many paths share a set, and repeats within a path.
      for (int k = 0; k < n; k++) {
        path[k] = ids[r.nextInt(4) == 0 ? r.nextInt(150) : r.nextInt(6) * 29];
      }
      long conv = r.nextInt(3);
      long nulls = conv == 0 ? 1 + r.nextInt(3) : r.nextInt(2);
      BigDecimal value = conv == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(r.nextInt(10_000), 2);
      b.add(path, n, conv, value, nulls);
      TreeSet<Integer> set = new TreeSet<>();
      for (int k = 0; k < n; k++) {
        set.add(path[k]);
      }
      List<Integer> key = new ArrayList<>(set);
      long[] c = counts.computeIfAbsent(key, x -> new long[2]);
      c[0] += conv;
      c[1] += conv + nulls;
      values.merge(key, value, BigDecimal::add);
    }
    // Sets with no conversion and no value are worth 0 in every game: left out.
    counts.keySet().removeIf(k -> counts.get(k)[0] == 0 && values.get(k).signum() == 0);
    ChannelSets sets = ChannelSets.group(b.build().table());
    assertEquals(counts.size(), sets.size());
    int i = 0;
    for (Map.Entry<List<Integer>, long[]> e : counts.entrySet()) {
      assertArrayEquals(e.getKey().stream().mapToInt(Integer::intValue).toArray(), sets.ids[i], "set " + i);
      assertEquals(e.getValue()[0], sets.conversions[i]);
      assertEquals(e.getValue()[1], sets.journeys[i]);
      assertEquals(values.get(e.getKey()).doubleValue(), sets.value[i]);
      long h = 0;
      for (int id : sets.ids[i]) {
        h ^= sets.keys[id];
        assertEquals(1L << id, sets.words[i][id >>> 6] & (1L << id));
      }
      assertEquals(h, sets.hash[i]);
      i++;
    }
  }

  @Test
  void aSetWithoutWorthIsLeftOut_andAWorthySetCountsTheJourneysOfItsPathsWithout() {
    // Set {a, b}: two non-converting paths (one before, one after the converting one) and one converting path, so
    // CR = 2 / (3 + 2 + 1 + 4) whatever the order; set {c} has journeys only (worth 0 in every game): dropped.
    // TestPaths rows: path, conversions, value, nulls.
    PathTable table = TestPaths.of("b > a", 0, 0, 3, "c", 0, 0, 7, "a > b", 2, 10, 1, "a > b > a", 0, 0, 4).table();
    ChannelSets sets = ChannelSets.group(table);
    assertEquals(1, sets.size());
    assertEquals(2, sets.ids[0].length);
    assertEquals(2, sets.conversions[0]);
    assertEquals(10, sets.journeys[0]);
    assertEquals(10.0, sets.value[0]);
    assertEquals(0.2, sets.conversionRate(0));
  }

  @Test
  void aTableIsGroupedOnce_forEveryModelThatAsks() {
    PathTable table = TestPaths.of("a > b", 2, 10, 1, "b", 1, 4, 3).table();
    AtomicInteger groupings = new AtomicInteger();
    ChannelSets first = RecentSets.of(table, t -> {
      groupings.incrementAndGet();
      return ChannelSets.group(t);
    });
    ChannelSets again = RecentSets.of(table, t -> {
      groupings.incrementAndGet();
      return ChannelSets.group(t);
    });
    assertSame(first, again);
    assertEquals(1, groupings.get());
    // Another table (equal content, another object) is grouped on its own.
    PathTable other = TestPaths.of("a > b", 2, 10, 1, "b", 1, 4, 3).table();
    RecentSets.of(other, t -> {
      groupings.incrementAndGet();
      return ChannelSets.group(t);
    });
    assertEquals(2, groupings.get());
  }

  private static int bySizeThenIds(List<Integer> a, List<Integer> b) {
    int c = Integer.compare(a.size(), b.size());
    for (int k = 0; c == 0 && k < a.size(); k++) {
      c = Integer.compare(a.get(k), b.get(k));
    }
    return c;
  }
}
