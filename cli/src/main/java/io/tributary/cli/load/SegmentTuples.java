package io.tributary.cli.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A store writer's distinct tuples of segment values, numbered in order of first appearance: found by probing an
 * open-addressing table with the row's values as they are, so that finding a known tuple makes no key. A
 * {@code HashMap} keyed by {@code Arrays.asList} made a list and an iterator per customer and compared through them:
 * with two segment columns of 10M rows and 1M customers, about 8 % of the reading thread's samples (JFR,
 * benchmarks/results/segments.md). Not thread-safe: one per writer.
 */
final class SegmentTuples {
  private final List<String[]> tuples = new ArrayList<>();
  // Tuple ids, -1 for an empty slot; at most half full.
  private int[] slots = emptySlots(64);

  /**
   * @param values the values of a row, not null, never changed by the caller afterwards unless this returns a new id
   *     (a new tuple is kept as a copy)
   * @return the id of the tuple of these values, numbered from 0 in order of first appearance
   */
  int id(String[] values) {
    int mask = slots.length - 1;
    int i = hash(values) & mask;
    for (int id = slots[i]; id >= 0; id = slots[i]) {
      if (same(tuples.get(id), values)) {
        return id;
      }
      i = (i + 1) & mask;
    }
    int id = tuples.size();
    tuples.add(values.clone());
    slots[i] = id;
    if (2 * tuples.size() > slots.length) {
      rehash();
    }
    return id;
  }

  /** @return the tuples by id (live: grows as new tuples are met) */
  List<String[]> tuples() {
    return tuples;
  }

  private static boolean same(String[] a, String[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int k = 0; k < a.length; k++) {
      if (a[k] != b[k] && (a[k] == null || !a[k].equals(b[k]))) {
        return false;
      }
    }
    return true;
  }

  private static int hash(String[] values) {
    int h = 1;
    for (String v : values) {
      h = 31 * h + java.util.Objects.hashCode(v);
    }
    return h ^ (h >>> 16);
  }

  private void rehash() {
    int[] t = emptySlots(2 * slots.length);
    int mask = t.length - 1;
    for (int id = 0; id < tuples.size(); id++) {
      int i = hash(tuples.get(id)) & mask;
      while (t[i] >= 0) {
        i = (i + 1) & mask;
      }
      t[i] = id;
    }
    slots = t;
  }

  private static int[] emptySlots(int n) {
    int[] s = new int[n];
    Arrays.fill(s, -1);
    return s;
  }
}
