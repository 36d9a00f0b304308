package io.tributary.core.segment;

import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.paths.PathCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

/**
 * The segmented fold of event-log segments (constant per customer): each journey is folded once, into the
 * cell of its customer's values ({@code region × tier}), and the cells are rolled up into every segment value's
 * aggregate and the all-customer one when the fold is built. {@link JourneyAggregate#merge} is exact and order-free,
 * so the roll-up is the aggregate a fold of each journey into (all), its region and its tier would have built, bit
 * for bit; it interns each path and adds each journey's time-decay credit once instead of once per aggregate. The
 * cells share one path builder, each journey tagged with its cell: the paths are interned and sorted once, as an
 * unsegmented fold's, and every segment value's path table is a selection of that table's rows with the stats of the
 * value's journeys ({@link PathCounts.Builder#buildGroups}).
 *
 * <p>Cells are the cross product of the segments' values, which the customers can make large (two columns of 1,000
 * values each); memory stays bounded because at most {@link #MAX_CELLS} cells are open at a time: beyond that, the
 * open ones are rolled up into the aggregates built so far (an exact merge again) and folding goes on in new cells.
 * Not thread-safe.
 */
final class CellFold {
  /* 1,000 regions x 3 tiers are 3,000 cells: one roll-up at the end. A cell's empty builder is a few KB. */
  static final int MAX_CELLS = 4096;

  private final JourneyOptions options;
  private final List<? extends AttributionModel> models;
  /* Per segment (names order): the index of its value among the customer's event-log values. */
  private final int[] column;
  /*
   * The open cells' keys, found with the customer's values as they are (a HashMap of lists made a key per customer:
   * 23 of the 124 profile samples of the fold loop's building thread on 10M events, 2 of 57 after); a cell's tag is
   * its key's id, and its builder's index in builders.
   */
  private final ValueTuples keys;
  private final List<JourneyAggregate.Builder> builders = new ArrayList<>();
  // Every open cell's paths, each journey tagged with its cell: interned once for all cells (see rollUp).
  private PathCounts.Builder paths;
  // When not null, the paths are interned on its thread (internOn).
  private Executor interning;
  // The cells rolled up so far: per segment, value -> aggregate; and every journey's.
  private final List<Map<String, JourneyAggregate>> done = new ArrayList<>();
  private JourneyAggregate doneAll;
  // The last customer's cell: customers of one cell often follow each other.
  private int lastTag = -1;

  CellFold(JourneyOptions options, List<? extends AttributionModel> models, int[] column) {
    this.options = options;
    this.models = models;
    this.column = column.clone();
    this.keys = new ValueTuples(column);
    for (int d = 0; d < column.length; d++) {
      done.add(new HashMap<>());
    }
  }

  /**
   * @return whether the segments are event-log columns, none derived (those change per journey). One column too: its
   *     cells are its values, and only the fold by cell has each path interned once, tagged, on the fold's second
   *     thread (10M rows by region alone: fold 1.98-2.66 s into each aggregate apart, 1.10-1.20 s by cell; the whole
   *     run 6.1-7.1 s against 4.8-5.1 s, peak RSS 1.40 against 0.99 GB; benchmarks/results/segments.md).
   */
  static boolean applies(Segmentation segmentation) {
    List<String> names = segmentation.names();
    return !names.isEmpty() && segmentation.eventColumns().containsAll(names);
  }

  /**
   * Interns the cells' paths on a thread of {@code executor} while the caller goes on building journeys
   * ({@link PathCounts.Builder#internOn}): the same aggregates, bit for bit. Call before adding anything.
   */
  void internOn(Executor executor) {
    if (paths != null) {
      throw new IllegalStateException("internOn must be called before anything is added");
    }
    interning = executor;
  }

  /**
   * @param values the customer's event-log segment values, in {@link Segmentation#eventColumns()} order
   * @return the builder of the customer's cell
   */
  JourneyAggregate.Builder cellOf(String[] values) {
    if (lastTag >= 0 && keys.is(lastTag, values)) {
      return builders.get(lastTag);
    }
    int tag = keys.find(values);
    if (tag < 0) {
      if (keys.size() == MAX_CELLS) {
        flush();
        return cellOf(values);
      }
      if (paths == null) {
        paths = PathCounts.builder().tagJourneys();
        if (interning != null) {
          paths.internOn(interning);
        }
      }
      tag = keys.add(values);
      builders.add(JourneyAggregate.builder(options, models, paths, tag));
    }
    lastTag = tag;
    return builders.get(tag);
  }

  /**
   * @param slices the cell folds of disjoint slices of customers, built under the same settings and segments
   * @param empty the all-customer aggregate of no journeys, built under the same settings
   * @param names the segment names
   * @return the roll-up of every slice's cells (each slice's rolled up on its own, then merged: every merge is exact)
   */
  static SegmentedAggregate rollUp(List<CellFold> slices, JourneyAggregate empty, List<String> names) {
    CellFold first = slices.get(0);
    for (CellFold f : slices) {
      f.flush();
    }
    for (CellFold f : slices.subList(1, slices.size())) {
      for (int d = 0; d < f.done.size(); d++) {
        Map<String, JourneyAggregate> into = first.done.get(d);
        f.done.get(d).forEach((v, a) -> into.merge(v, a, JourneyAggregate::merge));
      }
      if (f.doneAll != null) {
        first.doneAll = first.doneAll == null ? f.doneAll : first.doneAll.merge(f.doneAll);
      }
    }
    List<SortedMap<String, JourneyAggregate>> byValue = new ArrayList<>();
    for (Map<String, JourneyAggregate> m : first.done) {
      byValue.add(new TreeMap<>(m));
    }
    return new SegmentedAggregate(first.doneAll == null ? empty : first.doneAll, names, byValue);
  }

  /*
   * Rolls the open cells up into the aggregates built so far and closes them. Their paths were interned once, into
   * one table of every journey (sorted once, as an unsegmented fold's): each segment value's table is a selection of
   * its rows with the stats of the value's journeys (PathCounts.Builder#buildGroups), so no path is interned or
   * sorted again; the rest (time-decay's exact sums, counters) is summed from the cells, as JourneyAggregate.sum does.
   */
  private void flush() {
    lastTag = -1;
    if (keys.size() == 0) {
      return;
    }
    // Groups: every segment value of the open cells, in segment order, then value order.
    record Group(int segment, String value, List<JourneyAggregate.Builder> cells) {}
    List<Group> groups = new ArrayList<>();
    int[][] groupsOfCell = new int[keys.size()][column.length];
    for (int d = 0; d < column.length; d++) {
      Map<String, List<Integer>> byValue = new TreeMap<>();
      for (int c = 0; c < keys.size(); c++) {
        byValue.computeIfAbsent(keys.tuples().get(c)[d], v -> new ArrayList<>()).add(c);
      }
      for (Map.Entry<String, List<Integer>> e : byValue.entrySet()) {
        List<JourneyAggregate.Builder> cells = new ArrayList<>();
        for (int c : e.getValue()) {
          groupsOfCell[c][d] = groups.size();
          cells.add(builders.get(c));
        }
        groups.add(new Group(d, e.getKey(), cells));
      }
    }
    List<PathCounts> tables = paths.buildGroups(groups.size(), groupsOfCell);
    List<JourneyAggregate.Builder> all = List.copyOf(builders);
    // (all) and every segment value: the sum of its cells with its paths, on both cores; (all) first, the largest.
    List<JourneyAggregate> merged = IntStream.rangeClosed(0, groups.size()).parallel()
        .mapToObj(g -> JourneyAggregate.sum(g == 0 ? all : groups.get(g - 1).cells(), tables.get(g)))
        .toList();
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      done.get(group.segment()).merge(group.value(), merged.get(g + 1), JourneyAggregate::merge);
    }
    doneAll = doneAll == null ? merged.get(0) : doneAll.merge(merged.get(0));
    keys.clear();
    builders.clear();
    paths = null;
  }
}
