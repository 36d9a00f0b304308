package io.tributary.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Tuples of segment values numbered densely in order of first appearance, found by probing an open-addressing table
 * with the caller's values as they are (or a projection of them), so that finding a known tuple makes no key. A
 * {@code HashMap} keyed by lists made a list and an iterator per customer and hashed and compared through them: with
 * two segment columns of 10M rows and 1M customers, about 8 % of the CLI's reading thread and a fifth of the fold
 * loop's samples (JFR, benchmarks/results/segments.md). Used by the CLI's event store (each writer's distinct rows of
 * segment values) and by {@link CellFold} (each customer's cell). Values may be null. Not thread-safe.
 */
public final class ValueTuples {
  /* Which of a caller's values make the tuple, in order; null: all of them. */
  private final int[] column;
  private final List<String[]> tuples = new ArrayList<>();
  private final List<String[]> view = Collections.unmodifiableList(tuples);
  // Tuple ids, -1 for an empty slot; at most half full, so a probe ends soon.
  private int[] slots = emptySlots(64);

  /** Tuples of all of a caller's values. */
  public ValueTuples() {
    this.column = null;
  }

  /** @param column the indexes of the caller's values that make a tuple, in the tuple's order */
  public ValueTuples(int[] column) {
    this.column = column.clone();
  }

  /**
   * @param values a caller's values
   * @return the id of their tuple, or -1 when it has none yet
   */
  public int find(String[] values) {
    int mask = slots.length - 1;
    for (int i = hash(values) & mask, id = slots[i]; id >= 0; i = (i + 1) & mask, id = slots[i]) {
      if (is(id, values)) {
        return id;
      }
    }
    return -1;
  }

  /**
   * @param values a caller's values, whose tuple has no id yet ({@link #find} gave -1); the tuple is kept as a copy,
   *     so the caller may reuse its array
   * @return the new tuple's id, the number of tuples before it
   */
  public int add(String[] values) {
    int id = tuples.size();
    String[] tuple = new String[width(values)];
    for (int d = 0; d < tuple.length; d++) {
      tuple[d] = value(values, d);
    }
    tuples.add(tuple);
    int mask = slots.length - 1;
    int i = hash(values) & mask;
    while (slots[i] >= 0) {
      i = (i + 1) & mask;
    }
    slots[i] = id;
    if (2 * tuples.size() > slots.length) {
      rehash();
    }
    return id;
  }

  /** @return the id of the tuple of {@code values}, assigned now when it is new ({@link #find}, then {@link #add}) */
  public int id(String[] values) {
    int id = find(values);
    return id >= 0 ? id : add(values);
  }

  /** @return whether tuple {@code id} is the one of {@code values} */
  public boolean is(int id, String[] values) {
    String[] tuple = tuples.get(id);
    if (tuple.length != width(values)) {
      return false;
    }
    for (int d = 0; d < tuple.length; d++) {
      String v = value(values, d);
      if (tuple[d] != v && (tuple[d] == null || !tuple[d].equals(v))) {
        return false;
      }
    }
    return true;
  }

  /** @return the tuples by id, unmodifiable and live: it grows as tuples are added */
  public List<String[]> tuples() {
    return view;
  }

  /** @return the number of tuples */
  public int size() {
    return tuples.size();
  }

  /** Forgets every tuple: ids start from 0 again. */
  public void clear() {
    tuples.clear();
    Arrays.fill(slots, -1);
  }

  private int width(String[] values) {
    return width(values, column);
  }

  private String value(String[] values, int d) {
    return value(values, column, d);
  }

  private int hash(String[] values) {
    return hash(values, column);
  }

  private static int width(String[] values, int[] column) {
    return column == null ? values.length : column.length;
  }

  private static String value(String[] values, int[] column, int d) {
    return column == null ? values[d] : values[column[d]];
  }

  /* A kept tuple (column null) hashes as the caller's values it was made of (through column). */
  private static int hash(String[] values, int[] column) {
    int h = 1;
    for (int d = 0, n = width(values, column); d < n; d++) {
      h = 31 * h + Objects.hashCode(value(values, column, d));
    }
    return h ^ (h >>> 16);
  }

  private void rehash() {
    int[] t = emptySlots(2 * slots.length);
    int mask = t.length - 1;
    for (int id = 0; id < tuples.size(); id++) {
      int i = hash(tuples.get(id), null) & mask;
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
