package io.tributary.core.paths;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The mutable side of {@link PathCounts.Builder}: distinct channel-id sequences with their summed stats, in order of
 * first appearance. Sequences live packed in one int array, stats in primitive arrays, so a journey folded into an
 * existing path allocates nothing (value aside, which is summed as an exact {@link BigDecimal}).
 */
final class PathInterner {
  /*
   * Open addressing, linear probing, at most half full; a slot holds a path's full hash beside its index, so that a
   * probe reads one array (one cache miss on a table of 200,000 paths) and compares the sequence only when the hashes
   * agree, and growing never re-reads the sequences. The hash
   * mixes every id through a 64-bit multiply, so sequences built to collide under a polynomial hash (a, b) and
   * (a + 1, b - 31) spread like any others; collisions of the full hash are still correct, just slower.
   */
  /** An empty slot: a real one's low half is a path index, never -1. */
  private static final long EMPTY = -1L;
  static final int COMPACT_EVERY = 1 << 20;

  private int[] store = new int[256];
  private int stored;
  private int[] start = new int[33];
  private long[] conversions = new long[32];
  private long[] nulls = new long[32];
  private BigDecimal[] values = new BigDecimal[32];
  private int size;
  private long[] slots = emptySlots(64);

  /** Paths appended unhashed since the last {@link #compact}, which may repeat each other or hashed paths. */
  private int unhashed;

  /* When not null, the entry index of every add() in turn (logIndexes): a tagged fold's journeys (TaggedPaths). */
  private int[] logged;
  private int loggedSize;

  /** From now on, records the entry each {@link #add} lands on, in call order ({@link #logged()}). */
  void logIndexes() {
    if (logged == null) {
      logged = new int[1024];
    }
  }

  /** @return the entry of every {@link #add} since {@link #logIndexes()}, in call order (the array may be longer) */
  int[] logged() {
    return logged;
  }

  /**
   * Forgets every path (the interner is empty afterwards and must not be used again) and hands over the log: for a
   * tagged fold whose paths are in their sorted table already, so that the arrays are not kept alive through the
   * grouping.
   *
   * @return the entry of every {@link #add} since {@link #logIndexes()}, in call order (the array may be longer)
   */
  int[] releaseAllButLog() {
    int[] log = logged;
    logged = null;
    store = new int[0];
    start = new int[1];
    conversions = new long[0];
    nulls = new long[0];
    values = new BigDecimal[0];
    slots = new long[0];
    size = 0;
    stored = 0;
    return log;
  }

  /** @return how many of {@link #logged()} are set */
  int loggedSize() {
    return loggedSize;
  }

  /** @return the number of stored entries (distinct paths, plus repeats appended unhashed) */
  int size() {
    return size;
  }

  /**
   * Stores the path as a new entry without looking it up, for rows that are mostly distinct (a path file): the hash
   * table's random accesses are skipped and repeats are merged when the table is built, after sorting. To bound
   * memory when rows do repeat, every {@link #COMPACT_EVERY} unhashed entries are folded into the hash table.
   * The caller has checked the stats.
   */
  void append(int[] ids, int from, int length, long conv, BigDecimal value, long nul) {
    if (unhashed == COMPACT_EVERY) {
      compact();
    }
    int p = append(ids, from, length);
    conversions[p] = conv;
    nulls[p] = nul;
    values[p] = value.signum() != 0 ? value : null;
    unhashed++;
  }

  /**
   * Appends every entry of {@code other} unhashed, as {@link #append} does, its ids mapped through {@code map}: a
   * roll-up of paths interned apart (a segmented fold's cells), whose repeats are summed when the table is sorted.
   * {@code other} is read, never changed. Never compacts: the entries are already held by {@code other}.
   */
  void appendAll(PathInterner other, int[] map) {
    int n = other.size;
    if (size + n + 1 > start.length) {
      int c = Math.max(size + n, 2 * size); // doubling: a roll-up appends a thousand cells one after the other
      start = Arrays.copyOf(start, c + 1);
      conversions = Arrays.copyOf(conversions, c);
      nulls = Arrays.copyOf(nulls, c);
      values = Arrays.copyOf(values, c);
    }
    int touches = other.start[n];
    if (stored + touches > store.length) {
      store = Arrays.copyOf(store, Math.max(stored + touches, 2 * stored));
    }
    for (int k = 0; k < touches; k++) {
      store[stored + k] = map[other.store[k]];
    }
    for (int p = 0; p < n; p++) {
      start[size + p + 1] = stored + other.start[p + 1];
    }
    System.arraycopy(other.conversions, 0, conversions, size, n);
    System.arraycopy(other.nulls, 0, nulls, size, n);
    System.arraycopy(other.values, 0, values, size, n);
    stored += touches;
    size += n;
    unhashed += n;
  }

  /** Re-adds every entry through the hash table, merging repeats. */
  private void compact() {
    int[] oldStore = store;
    int[] oldStart = start;
    long[] oldConversions = conversions;
    long[] oldNulls = nulls;
    BigDecimal[] oldValues = values;
    int n = size;
    store = new int[Math.max(256, stored)];
    stored = 0;
    start = new int[Math.max(33, n + 1)];
    conversions = new long[start.length - 1];
    nulls = new long[start.length - 1];
    values = new BigDecimal[start.length - 1];
    size = 0;
    unhashed = 0;
    slots = emptySlots(64);
    for (int p = 0; p < n; p++) {
      BigDecimal v = oldValues[p];
      add(oldStore, oldStart[p], oldStart[p + 1] - oldStart[p], oldConversions[p], v == null ? BigDecimal.ZERO : v,
          oldNulls[p]);
    }
  }

  /**
   * Adds stats to the path {@code ids[from, from + length)}; the caller has checked them (not all zero, none negative).
   */
  void add(int[] ids, int from, int length, long conv, BigDecimal value, long nul) {
    int p = indexOf(ids, from, length);
    if (logged != null) {
      if (loggedSize == logged.length) {
        logged = Arrays.copyOf(logged, 2 * loggedSize);
      }
      logged[loggedSize++] = p;
    }
    conversions[p] = Math.addExact(conversions[p], conv);
    nulls[p] = Math.addExact(nulls[p], nul);
    if (value.signum() != 0) {
      BigDecimal v = values[p];
      values[p] = v == null ? value : v.add(value);
    }
  }

  private int indexOf(int[] ids, int from, int length) {
    int h = hash(ids, from, length);
    int mask = slots.length - 1;
    int i = h & mask;
    while (true) {
      long slot = slots[i];
      if (slot == EMPTY) {
        break;
      }
      int p = (int) slot;
      if ((int) (slot >>> 32) == h && sameIds(p, ids, from, length)) {
        return p;
      }
      i = (i + 1) & mask;
    }
    int p = append(ids, from, length);
    slots[i] = ((long) h << 32) | p;
    if (2 * size > slots.length) {
      rehash();
    }
    return p;
  }

  private boolean sameIds(int p, int[] ids, int from, int length) {
    int s = start[p];
    return start[p + 1] - s == length && Arrays.equals(store, s, s + length, ids, from, from + length);
  }

  private int append(int[] ids, int from, int length) {
    if (size + 1 == start.length) {
      int c = 2 * size;
      start = Arrays.copyOf(start, c + 1);
      conversions = Arrays.copyOf(conversions, c);
      nulls = Arrays.copyOf(nulls, c);
      values = Arrays.copyOf(values, c);
    }
    if (stored + length > store.length) {
      store = Arrays.copyOf(store, Math.max(stored + length, 2 * store.length));
    }
    System.arraycopy(ids, from, store, stored, length);
    stored += length;
    start[size + 1] = stored;
    return size++;
  }

  private void rehash() {
    long[] old = slots;
    slots = emptySlots(2 * old.length);
    int mask = slots.length - 1;
    for (long slot : old) {
      if (slot != EMPTY) {
        int i = (int) (slot >>> 32) & mask;
        while (slots[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        slots[i] = slot;
      }
    }
  }

  /**
   * @param names the channel names of the ids
   * @return the paths sorted into a table over the channels they use
   */
  PathTable toTable(ChannelInterner names) {
    return toTable(names, null);
  }

  /**
   * @param names the channel names of the ids
   * @param helper a thread that takes half of the sort's loops (see {@link Halves}), or null
   * @return the paths sorted into a table over the channels they use: the same table with or without a helper
   */
  PathTable toTable(ChannelInterner names, java.util.concurrent.Executor helper) {
    return PathTable.sort(names, store, start, size, conversions, nulls, values, unhashed > 0, helper);
  }

  /**
   * As {@link #toTable(ChannelInterner, java.util.concurrent.Executor)} for paths added through the hash table only
   * (no repeats), with the table row of every entry.
   */
  PathTable.Ordered toOrderedTable(ChannelInterner names, java.util.concurrent.Executor helper) {
    if (unhashed > 0) {
      throw new IllegalStateException("entries appended unhashed have no row of their own");
    }
    return PathTable.sortOrdered(names, store, start, size, conversions, nulls, values, helper);
  }

  /** The hash of a sequence; package-private so that tests can build sequences whose hashes collide. */
  static int hash(int[] ids, int from, int length) {
    long h = 0x9E3779B97F4A7C15L ^ length;
    for (int k = from; k < from + length; k++) {
      h = (h ^ ids[k]) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return (int) (h ^ (h >>> 32));
  }

  private static long[] emptySlots(int n) {
    long[] s = new long[n];
    Arrays.fill(s, EMPTY);
    return s;
  }
}
