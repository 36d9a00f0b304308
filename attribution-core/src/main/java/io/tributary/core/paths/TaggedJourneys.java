package io.tributary.core.paths;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The journeys of a tagged path fold ({@link PathCounts.Builder#tagJourneys()}), in the order they were added: each
 * journey's tag (a segmented fold's cell), whether it converted and its value. With the entry each one was interned
 * under (the interner logs it), they make every group of tags' path table from the one all-journey table, without
 * interning or sorting any path again: a group's rows are a selection of the all-journey table's rows, whose order
 * is the same order restricted (channel ids are in name order in both), with the stats of the group's journeys.
 */
final class TaggedJourneys {
  // Per journey: tag << 1 | converted; value, null when zero.
  private int[] tags = new int[1024];
  private BigDecimal[] values = new BigDecimal[1024];
  private int size;

  void add(int tag, boolean converted, BigDecimal value) {
    if (tag < 0 || tag > (Integer.MAX_VALUE >> 1)) {
      throw new IllegalArgumentException("tag out of range: " + tag);
    }
    if (size == tags.length) {
      tags = Arrays.copyOf(tags, 2 * size);
      values = Arrays.copyOf(values, 2 * size);
    }
    tags[size] = tag << 1 | (converted ? 1 : 0);
    values[size] = value.signum() != 0 ? value : null;
    size++;
  }

  int size() {
    return size;
  }

  /**
   * @param all the table of every journey's path, with its rows' entries
   * @param entries the interner entry of each journey, in journey order
   * @param groups the number of groups
   * @param groupsOfTag per tag, the groups its journeys belong to
   * @return per group, the table of its journeys' paths: exactly what interning and sorting them apart would make
   */
  List<PathTable> group(PathTable.Ordered all, int[] entries, int groups, int[][] groupsOfTag) {
    if (tags == null) {
      throw new IllegalStateException("grouped already");
    }
    if (entries.length < size) {
      throw new IllegalStateException("a journey was interned without its tag");
    }
    int[] order = all.order();
    int n = order.length;
    int[] rowOf = new int[n];
    for (int i = 0; i < n; i++) {
      rowOf[order[i]] = i;
    }
    // The journeys by row: a counting sort (stable, so a row's journeys keep their order; sums are exact anyway).
    int[] from = new int[n + 1];
    for (int j = 0; j < size; j++) {
      from[rowOf[entries[j]] + 1]++;
    }
    for (int r = 0; r < n; r++) {
      from[r + 1] += from[r];
    }
    // The journeys' tags and values in row order, moved there once (random writes): the sums below then read them in
    // order instead of following each journey's index into the tag and value arrays (two cache misses per journey,
    // 1.44M journeys on 10M events).
    int[] rowTags = new int[size];
    BigDecimal[] rowValues = new BigDecimal[size];
    int[] next = Arrays.copyOf(from, n);
    for (int j = 0; j < size; j++) {
      int k = next[rowOf[entries[j]]]++;
      rowTags[k] = tags[j];
      rowValues[k] = values[j];
    }
    // What the sums below do not read goes now (the journeys in fold order, the log, the maps: tens of MB each at a
    // million paths), so that a collection during them does not copy it; this is the journeys' last use.
    next = null;
    rowOf = null;
    entries = null;
    tags = null;
    values = null;
    // Each group's number of rows, so that its arrays are made once at their size: no doubling, no copy to size.
    int[] rowsOfGroup = new int[groups];
    int[] lastRow = new int[groups];
    Arrays.fill(lastRow, -1);
    for (int r = 0; r < n; r++) {
      for (int k = from[r]; k < from[r + 1]; k++) {
        for (int g : groupsOfTag[rowTags[k] >>> 1]) {
          if (lastRow[g] != r) {
            lastRow[g] = r;
            rowsOfGroup[g]++;
          }
        }
      }
    }
    // Each group's rows, in row order (so in path order): the rows its journeys use, their stats summed.
    Rows[] out = new Rows[groups];
    for (int g = 0; g < groups; g++) {
      out[g] = new Rows(rowsOfGroup[g]);
    }
    for (int r = 0; r < n; r++) {
      for (int k = from[r]; k < from[r + 1]; k++) {
        int t = rowTags[k];
        boolean converted = (t & 1) != 0;
        BigDecimal v = rowValues[k];
        for (int g : groupsOfTag[t >>> 1]) {
          out[g].add(r, converted, v);
        }
      }
    }
    rowTags = null;
    rowValues = null;
    PathTable table = all.table();
    PathTable[] tables = new PathTable[groups];
    IntStream.range(0, groups).parallel().forEach(g -> {
      Rows rows = out[g];
      tables[g] = table.select(rows.rows, rows.size, rows.conv, rows.nul, rows.val);
      out[g] = null;
    });
    return new ArrayList<>(Arrays.asList(tables));
  }

  /** One group's rows as they are found, in increasing row order. */
  private static final class Rows {
    int[] rows;
    long[] conv;
    long[] nul;
    BigDecimal[] val;
    int size;

    Rows(int capacity) {
      rows = new int[capacity];
      conv = new long[capacity];
      nul = new long[capacity];
      val = new BigDecimal[capacity];
    }

    void add(int row, boolean converted, BigDecimal value) {
      int i = size - 1;
      if (i < 0 || rows[i] != row) {
        if (size == rows.length) { // not when made at its size
          int c = Math.max(16, 2 * size);
          rows = Arrays.copyOf(rows, c);
          conv = Arrays.copyOf(conv, c);
          nul = Arrays.copyOf(nul, c);
          val = Arrays.copyOf(val, c);
        }
        i = size++;
        rows[i] = row;
      }
      if (converted) {
        conv[i] = Math.addExact(conv[i], 1);
      } else {
        nul[i] = Math.addExact(nul[i], 1);
      }
      if (value != null) {
        BigDecimal v = val[i];
        val[i] = v == null ? value : v.add(value);
      }
    }
  }
}
