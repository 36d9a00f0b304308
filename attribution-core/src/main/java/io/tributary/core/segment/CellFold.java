package io.tributary.core.segment;

import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The segmented fold of two or more event-log segments (constant per customer): each journey is folded once, into the
 * cell of its customer's values ({@code region × tier}), and the cells are rolled up into every segment value's
 * aggregate and the all-customer one when the fold is built. {@link JourneyAggregate#merge} is exact and order-free,
 * so the roll-up is the aggregate a fold of each journey into (all), its region and its tier would have built, bit
 * for bit; it interns each path and adds each journey's time-decay credit once instead of once per aggregate (a
 * value's paths are then put together from its cells and sorted once, as {@link JourneyAggregate#sum} does).
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
  private final Map<List<String>, JourneyAggregate.Builder> open = new HashMap<>();
  // The cells rolled up so far: per segment, value -> aggregate; and every journey's.
  private final List<Map<String, JourneyAggregate>> done = new ArrayList<>();
  private JourneyAggregate doneAll;
  // The last customer's values and cell: customers of one cell often follow each other.
  private String[] lastKey;
  private JourneyAggregate.Builder lastCell;

  CellFold(JourneyOptions options, List<? extends AttributionModel> models, int[] column) {
    this.options = options;
    this.models = models;
    this.column = column.clone();
    for (int d = 0; d < column.length; d++) {
      done.add(new HashMap<>());
    }
  }

  /** @return whether the segments are two or more event-log columns, none derived (those change per journey) */
  static boolean applies(Segmentation segmentation) {
    List<String> names = segmentation.names();
    return names.size() >= 2 && segmentation.eventColumns().containsAll(names);
  }

  /**
   * @param values the customer's event-log segment values, in {@link Segmentation#eventColumns()} order
   * @return the builder of the customer's cell
   */
  JourneyAggregate.Builder cellOf(String[] values) {
    String[] key = new String[column.length];
    for (int d = 0; d < key.length; d++) {
      key[d] = values[column[d]];
    }
    if (lastCell != null && Arrays.equals(key, lastKey)) {
      return lastCell;
    }
    List<String> k = Arrays.asList(key);
    JourneyAggregate.Builder b = open.get(k);
    if (b == null) {
      if (open.size() == MAX_CELLS) {
        flush();
      }
      b = JourneyAggregate.builder(options, models);
      open.put(k, b);
    }
    lastKey = key;
    lastCell = b;
    return b;
  }

  /**
   * @param slices the cell folds of disjoint slices of customers, built under the same settings and segments
   * @param empty the all-customer aggregate of no journeys, built under the same settings
   * @param names the segment names
   * @return the roll-up of every slice's cells: a cell's builders of all slices are summed together
   */
  static SegmentedAggregate rollUp(List<CellFold> slices, JourneyAggregate empty, List<String> names) {
    CellFold first = slices.get(0);
    Map<List<String>, List<JourneyAggregate.Builder>> cells = new HashMap<>();
    for (CellFold f : slices) {
      f.open.forEach((k, b) -> cells.computeIfAbsent(k, x -> new ArrayList<>(slices.size())).add(b));
      f.open.clear();
    }
    first.rollUp(cells);
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

  /* Rolls the open cells up into the aggregates built so far and closes them. */
  private void flush() {
    Map<List<String>, List<JourneyAggregate.Builder>> cells = new HashMap<>();
    open.forEach((k, b) -> cells.put(k, List.of(b)));
    open.clear();
    rollUp(cells);
  }

  /* Rolls cells (each one builder per slice) up into the aggregates built so far. */
  private void rollUp(Map<List<String>, List<JourneyAggregate.Builder>> open) {
    lastKey = null;
    lastCell = null;
    if (open.isEmpty()) {
      return;
    }
    List<List<String>> keys = new ArrayList<>(open.keySet());
    List<List<JourneyAggregate.Builder>> cells = new ArrayList<>(keys.size());
    for (List<String> k : keys) {
      cells.add(open.get(k));
    }
    // (all) and every segment value: the sum of its cells, on both cores (every sum is exact, so the grouping cannot
    // matter); (all) first, the largest.
    record Group(int segment, String value, List<JourneyAggregate.Builder> cells) {}
    List<Group> groups = new ArrayList<>();
    groups.add(new Group(-1, null, cells.stream().flatMap(List::stream).toList()));
    for (int d = 0; d < column.length; d++) {
      Map<String, List<JourneyAggregate.Builder>> byValue = new TreeMap<>();
      for (int c = 0; c < keys.size(); c++) {
        byValue.computeIfAbsent(keys.get(c).get(d), v -> new ArrayList<>()).addAll(cells.get(c));
      }
      int segment = d;
      byValue.forEach((v, parts) -> groups.add(new Group(segment, v, parts)));
    }
    List<JourneyAggregate> merged = groups.parallelStream().map(g -> JourneyAggregate.sum(g.cells())).toList();
    for (int g = 1; g < groups.size(); g++) {
      Group group = groups.get(g);
      done.get(group.segment()).merge(group.value(), merged.get(g), JourneyAggregate::merge);
    }
    doneAll = doneAll == null ? merged.get(0) : doneAll.merge(merged.get(0));
  }
}
