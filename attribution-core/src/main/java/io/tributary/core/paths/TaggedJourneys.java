package io.tributary.core.paths;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.FutureTask;

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
   * @param groupsOfTag per tag, the groups its journeys belong to; a group is at the same position in every list it is
   *     in (a cell's list is its value of each segment, in segment order)
   * @return per group, the table of its journeys' paths, made when read: exactly what interning and sorting them apart
   *     would make
   * @throws IllegalArgumentException when a group is at two positions
   */
  List<LazyPathMap> group(PathTable.Ordered all, int[] entries, int groups, int[][] groupsOfTag) {
    if (tags == null) {
      throw new IllegalStateException("grouped already");
    }
    if (entries.length < size) {
      throw new IllegalStateException("a journey was interned without its tag");
    }
    int[] slotOf = slots(groupsOfTag, groups);
    // Handed to the grouping, which lets them go once read (the task would hold whatever it captured to its end).
    Object[] journeyArrays = {entries, tags, values};
    int journeys = size;
    tags = null;
    values = null;
    // The grouping reads every journey once more (0.15-0.2 s on one core for 1.44M journeys), and nothing reads its
    // result before the all-customer fit is done: it runs on a thread of its own meanwhile, instead of on this
    // thread with the other core idle, and a group's table waits for it when first read.
    FutureTask<Groups> grouping = new FutureTask<>(
        () -> group(all, journeyArrays, journeys, groups, groupsOfTag, slotOf));
    Thread thread = new Thread(grouping, "tributary-groups");
    thread.setDaemon(true);
    thread.start();
    List<LazyPathMap> out = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      int group = g;
      out.add(LazyPathMap.ofRecipe(() -> done(grouping).table(group), () -> done(grouping).rowsOfGroup()[group]));
    }
    return out;
  }

  /* The grouping's result, once it is there; its failure as it was thrown. */
  private static Groups done(FutureTask<Groups> grouping) {
    return Halves.resultOf(grouping, "grouping journeys");
  }

  private static Groups group(PathTable.Ordered all, Object[] journeyArrays, int size, int groups,
      int[][] groupsOfTag, int[] slotOf) {
    int[] entries = (int[]) journeyArrays[0];
    int[] tags = (int[]) journeyArrays[1];
    BigDecimal[] values = (BigDecimal[]) journeyArrays[2];
    Arrays.fill(journeyArrays, null);
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
    PathTable table = all.table();
    // Each group's rows, touches and journeys, so that its arrays are made once at their size: no doubling, no copy.
    int[] rowsOfGroup = new int[groups];
    int[] touchesOfGroup = new int[groups];
    int[] journeysOfGroup = new int[groups];
    int[] lastRow = new int[groups];
    Arrays.fill(lastRow, -1);
    for (int r = 0; r < n; r++) {
      int length = table.length(r);
      for (int k = from[r]; k < from[r + 1]; k++) {
        for (int g : groupsOfTag[rowTags[k] >>> 1]) {
          journeysOfGroup[g]++;
          if (lastRow[g] != r) {
            lastRow[g] = r;
            rowsOfGroup[g]++;
            touchesOfGroup[g] += length;
          }
        }
      }
    }
    // Each group's table is made when a fit reads it (LazyPathMap.ofRecipe), from its own journeys in row order: its
    // rows as they are met, its ids gathered with the sums into arrays made at their size. Made here, all of them,
    // they were alive together from the fold to the last value's fit, and copied by every collection in between.
    int slots = 0;
    for (int j : slotOf) {
      slots = Math.max(slots, j + 1);
    }
    // Per position of the lists, every group's journeys one group after the other, each group's in row order (a
    // stable counting sort by group): a group's table reads its journeys only, not all of them once per group (with
    // 200 regions, 200 passes over every journey).
    int[] groupFrom = new int[groups];
    int[] journeysAt = new int[slots];
    for (int g = 0; g < groups; g++) {
      if (slotOf[g] >= 0) {
        groupFrom[g] = journeysAt[slotOf[g]];
        journeysAt[slotOf[g]] += journeysOfGroup[g];
      }
    }
    int[][] byGroup = new int[slots][];
    for (int j = 0; j < slots; j++) {
      byGroup[j] = new int[journeysAt[j]];
    }
    int[] rowOfJourney = new int[size];
    int[] at = groupFrom.clone();
    for (int r = 0; r < n; r++) {
      for (int k = from[r]; k < from[r + 1]; k++) {
        rowOfJourney[k] = r;
        int[] of = groupsOfTag[rowTags[k] >>> 1];
        for (int j = 0; j < of.length; j++) {
          byGroup[j][at[of[j]]++] = k;
        }
      }
    }
    return new Groups(table, rowOfJourney, rowTags, JourneyValues.of(rowValues), slotOf, byGroup, groupFrom,
        journeysOfGroup, rowsOfGroup, touchesOfGroup);
  }

  /**
   * The journeys' values, in row order: as whole numbers of one scale ({@code unscaled} at {@code scale}, each
   * value's own scale in {@code scales}, -1 for a journey without a value) when every one fits a long there, else
   * as the decimals ({@code decimals}, null for none) and the other fields null.
   */
  private record JourneyValues(long[] unscaled, byte[] scales, int scale, BigDecimal[] decimals) {
    static JourneyValues of(BigDecimal[] values) {
      // One pass on this (the grouping) thread, most journeys without a value: not ScaledValues.of, whose chunks on
      // the common pool took cores from the all-customer fit beside it.
      int scale = 0;
      for (BigDecimal v : values) {
        if (v != null) {
          if (v.scale() < 0 || v.scale() > ScaledValues.MAX_SCALE) {
            return new JourneyValues(null, null, 0, values); // a whole number written with an exponent, or tiny
          }
          scale = Math.max(scale, v.scale());
        }
      }
      long[] unscaled = new long[values.length];
      byte[] scales = new byte[values.length];
      try {
        for (int k = 0; k < values.length; k++) {
          BigDecimal v = values[k];
          if (v == null) {
            scales[k] = -1;
          } else {
            unscaled[k] = ScaledValues.exactLong(v, scale);
            scales[k] = (byte) v.scale();
          }
        }
      } catch (ArithmeticException beyondALong) {
        return new JourneyValues(null, null, 0, values);
      }
      return new JourneyValues(unscaled, scales, scale, null);
    }
  }

  /**
   * What every group's table is made from: the all-journey table, the journeys in its row order (each one's row, tag
   * and value), and per position of the tags' group lists the journeys of each group there, in row order.
   */
  private record Groups(PathTable table, int[] rowOfJourney, int[] rowTags, JourneyValues values, int[] slotOf,
      int[][] byGroup, int[] groupFrom, int[] journeysOfGroup, int[] rowsOfGroup, int[] touchesOfGroup) {

    PathTable table(int g) {
      Selection s = new Selection(rowsOfGroup[g], touchesOfGroup[g], values);
      int j = slotOf[g];
      if (j >= 0) {
        int[] journeys = byGroup[j];
        for (int i = groupFrom[g], end = i + journeysOfGroup[g]; i < end; i++) {
          int k = journeys[i];
          s.add(table, rowOfJourney[k], (rowTags[k] & 1) != 0, k);
        }
      }
      return s.table(table);
    }
  }

  /*
   * Each group's position in the tags' group lists, -1 for a group in none.
   *
   * @throws IllegalArgumentException when a group is at two positions (two lists, or twice in one list)
   */
  private static int[] slots(int[][] groupsOfTag, int groups) {
    int[] slotOf = new int[groups];
    Arrays.fill(slotOf, -1);
    for (int[] of : groupsOfTag) {
      for (int j = 0; j < of.length; j++) {
        int g = of[j];
        if (slotOf[g] >= 0 && slotOf[g] != j) {
          throw new IllegalArgumentException("group " + g + " is at positions " + slotOf[g] + " and " + j
              + " of the tags' group lists; a group may take one position only");
        }
        slotOf[g] = j;
      }
    }
    return slotOf;
  }

  /**
   * One group's table as its rows are found, in increasing row order, in arrays made at their final size; its values
   * summed as integers ({@link ScaledSums}) when the journeys' are, else as decimals.
   */
  private static final class Selection {
    private final int[] start;
    private final int[] ids;
    private final long[] conv;
    private final long[] nul;
    private final BigDecimal[] val;
    private final ScaledSums sums;
    private final JourneyValues values;
    private int size;
    private int touches;
    private int lastRow = -1;

    Selection(int rows, int touches, JourneyValues values) {
      start = new int[rows + 1];
      ids = new int[touches];
      conv = new long[rows];
      nul = new long[rows];
      this.values = values;
      boolean integers = values.unscaled() != null;
      val = integers ? null : new BigDecimal[rows];
      sums = integers ? new ScaledSums(rows, values.scale()) : null;
    }

    /* Adds journey k (of the values) on its row, met first: its ids copied. */
    void add(PathTable all, int row, boolean converted, int k) {
      if (row != lastRow) {
        lastRow = row;
        touches = all.copyIds(row, ids, touches);
        start[++size] = touches;
      }
      int i = size - 1;
      // One per journey, and the journeys are at most an int's range (they are an array's entries): no overflow, so
      // no Math.addExact (which the quick compiler calls rather than inlines).
      if (converted) {
        conv[i]++;
      } else {
        nul[i]++;
      }
      if (sums != null) {
        int scale = values.scales()[k];
        if (scale >= 0) {
          sums.add(i, values.unscaled()[k], scale);
        }
        return;
      }
      BigDecimal value = values.decimals()[k];
      if (value != null) {
        BigDecimal v = val[i];
        val[i] = v == null ? value : v.add(value);
      }
    }

    PathTable table(PathTable all) {
      if (size != conv.length || touches != ids.length) {
        throw new IllegalStateException("group counted " + conv.length + " rows and " + ids.length
            + " touches but met " + size + " and " + touches + " (a bug)");
      }
      return sums == null ? all.selected(start, ids, conv, nul, val) : all.selected(start, ids, conv, nul, sums);
    }
  }
}
