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
    int[] byRow = new int[size];
    int[] next = Arrays.copyOf(from, n);
    for (int j = 0; j < size; j++) {
      byRow[next[rowOf[entries[j]]]++] = j;
    }
    next = null;
    // Each group's rows, in row order (so in path order): the rows its journeys use, their stats summed. The rows are
    // cut in two at the middle journey and each part summed on a core of its own, then appended in row order: a row
    // is summed in one part only (from its journeys in the same order), so the tables are those of one pass. On 10M
    // events (3.3M journeys, two of 13 groups each) the pass was 0.9 s on one core while the other waited.
    int mid = 0;
    while (mid < n && from[mid + 1] <= size / 2) {
      mid++;
    }
    int[] cut = {0, mid, n};
    Rows[][] parts = new Rows[2][];
    IntStream.range(0, 2).parallel().forEach(part -> parts[part] = rows(cut[part], cut[part + 1], from, byRow,
        groups, groupsOfTag, Math.max(16, (cut[part + 1] - cut[part]) / Math.max(1, groups))));
    Rows[] out = parts[0];
    for (int g = 0; g < groups; g++) {
      out[g].append(parts[1][g]);
      parts[1][g] = null;
    }
    PathTable table = all.table();
    PathTable[] tables = new PathTable[groups];
    IntStream.range(0, groups).parallel().forEach(g -> {
      Rows rows = out[g];
      tables[g] = table.select(rows.rows, rows.size, rows.conv, rows.nul, rows.val);
      out[g] = null;
    });
    return new ArrayList<>(Arrays.asList(tables));
  }

  /* Per group, the rows of [lo, hi) its journeys use, with their stats. */
  private Rows[] rows(int lo, int hi, int[] from, int[] byRow, int groups, int[][] groupsOfTag, int capacity) {
    Rows[] out = new Rows[groups];
    for (int g = 0; g < groups; g++) {
      out[g] = new Rows(capacity);
    }
    for (int r = lo; r < hi; r++) {
      for (int k = from[r]; k < from[r + 1]; k++) {
        int j = byRow[k];
        int t = tags[j];
        boolean converted = (t & 1) != 0;
        BigDecimal v = values[j];
        for (int g : groupsOfTag[t >>> 1]) {
          out[g].add(r, converted, v);
        }
      }
    }
    return out;
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

    /* Appends the rows of {@code o}, all after this one's. */
    void append(Rows o) {
      if (o.size == 0) {
        return;
      }
      int c = size + o.size;
      if (c > rows.length) {
        rows = Arrays.copyOf(rows, c);
        conv = Arrays.copyOf(conv, c);
        nul = Arrays.copyOf(nul, c);
        val = Arrays.copyOf(val, c);
      }
      System.arraycopy(o.rows, 0, rows, size, o.size);
      System.arraycopy(o.conv, 0, conv, size, o.size);
      System.arraycopy(o.nul, 0, nul, size, o.size);
      System.arraycopy(o.val, 0, val, size, o.size);
      size = c;
    }

    void add(int row, boolean converted, BigDecimal value) {
      int i = size - 1;
      if (i < 0 || rows[i] != row) {
        if (size == rows.length) {
          int c = 2 * size;
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
