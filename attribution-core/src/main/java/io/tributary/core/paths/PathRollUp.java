package io.tributary.core.paths;

import io.tributary.core.Internal;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The paths of a segmented fold's cells rolled up: the all-customer table of every cell's paths, sorted once, and each
 * group's table (a segment value: the cells of that value) taken from it. A group's paths are rows of the
 * all-customer table (sorted paths of a subset of its channels keep their order), so a group needs no sort of paths:
 * its cells' entries are ordered by the row they went to (integers), repeats summed. Each table is the one a builder
 * fed the group's journeys would have built, bit for bit: the same paths in the same order over the same channels,
 * counts added exactly and values as exact decimals (whose sum does not depend on the order of adding).
 *
 * <p>Sorting every value's paths again from the cells (a value of a 10 x 3 segmentation sums 3 or 10 cells) cost
 * three sorts of about all the paths; this costs one, and an integer sort per group.
 */
@Internal
public final class PathRollUp {
  private final PathCounts all;
  private final PathTable table;
  private final PathInterner entries;
  /* Cell c's entries are entries[offset[c], offset[c + 1]); rowOf[e] is entry e's row of the all-customer table. */
  private final int[] offset;
  private final int[] rowOf;

  private PathRollUp(List<PathCounts.Builder> cells) {
    PathCounts.Builder b = PathCounts.builder();
    offset = new int[cells.size() + 1];
    for (int c = 0; c < cells.size(); c++) {
      offset[c] = b.interner().size();
      b.addAll(cells.get(c));
    }
    offset[cells.size()] = b.interner().size();
    entries = b.interner();
    rowOf = new int[entries.size()];
    table = entries.toTable(b.channelNames(), rowOf);
    all = new PathCounts(LazyPathMap.of(table));
  }

  /**
   * Sorts the cells' paths into the all-customer table.
   *
   * @param cells the cells' path builders (each journey in one of them), read and never changed
   * @return the roll-up, from which the groups' tables are taken
   * @throws IllegalStateException when a builder interns on another thread ({@link PathCounts.Builder#internOn})
   */
  public static PathRollUp of(List<PathCounts.Builder> cells) {
    return new PathRollUp(cells);
  }

  /** @return the paths of every cell together */
  public PathCounts all() {
    return all;
  }

  /**
   * @param cells indices into the list given to {@link #of}, each at most once
   * @return the paths of those cells together
   */
  public PathCounts group(int[] cells) {
    int n = 0;
    for (int c : cells) {
      n += offset[c + 1] - offset[c];
    }
    // Entry and row in one long, row high: sorting the longs orders the entries by row.
    long[] keys = new long[n];
    int k = 0;
    for (int c : cells) {
      for (int e = offset[c]; e < offset[c + 1]; e++) {
        keys[k++] = ((long) rowOf[e] << 32) | e;
      }
    }
    Arrays.sort(keys);
    int[] rows = new int[n];
    long[] conv = new long[n];
    long[] nul = new long[n];
    BigDecimal[] val = new BigDecimal[n];
    int m = 0;
    for (long key : keys) {
      int row = (int) (key >>> 32);
      int e = (int) key;
      BigDecimal v = entries.value(e);
      if (m > 0 && rows[m - 1] == row) { // the same path in another cell: summed as the builder sums repeats
        conv[m - 1] = Math.addExact(conv[m - 1], entries.conversions(e));
        nul[m - 1] = Math.addExact(nul[m - 1], entries.nulls(e));
        if (v != null) {
          val[m - 1] = val[m - 1] == null ? v : val[m - 1].add(v);
        }
        continue;
      }
      rows[m] = row;
      conv[m] = entries.conversions(e);
      nul[m] = entries.nulls(e);
      val[m] = v;
      m++;
    }
    return new PathCounts(LazyPathMap.of(table.select(rows, m, conv, nul, val)));
  }
}
