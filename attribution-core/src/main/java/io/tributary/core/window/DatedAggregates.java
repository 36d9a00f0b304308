package io.tributary.core.window;

import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.segment.SegmentedAggregate;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One {@link SegmentedAggregate} per date, mergeable date by date: what a windowed run's slices of customers produce
 * and engines merge in any order (an engine ships each date's aggregate with {@link AggregateCodec}). An unsegmented
 * run's dates hold their journeys only ({@link SegmentedAggregate#of}).
 *
 * @param byDate date → the journeys that belong to it, with their segments'; dates without any are absent
 */
public record DatedAggregates(SortedMap<LocalDate, SegmentedAggregate> byDate) {
  public DatedAggregates {
    byDate = Collections.unmodifiableSortedMap(new TreeMap<>(byDate));
  }

  /** @return no date at all */
  public static DatedAggregates empty() {
    return new DatedAggregates(new TreeMap<>());
  }

  /** @return the dates' segmented aggregates (the record's constructor, named for symmetry with {@link #of}) */
  public static DatedAggregates ofSegmented(SortedMap<LocalDate, SegmentedAggregate> byDate) {
    return new DatedAggregates(byDate);
  }

  /** @return unsegmented dates: each date's journeys */
  public static DatedAggregates of(SortedMap<LocalDate, JourneyAggregate> byDate) {
    TreeMap<LocalDate, SegmentedAggregate> out = new TreeMap<>();
    byDate.forEach((d, a) -> out.put(d, SegmentedAggregate.of(a)));
    return new DatedAggregates(out);
  }

  /** @return both, date by date ({@link SegmentedAggregate#merge}) */
  public DatedAggregates merge(DatedAggregates o) {
    TreeMap<LocalDate, SegmentedAggregate> out = new TreeMap<>(byDate);
    o.byDate.forEach((d, a) -> out.merge(d, a, SegmentedAggregate::merge));
    return new DatedAggregates(out);
  }

  /** @return the journeys of {@code date}, or {@code empty} when it has none */
  public JourneyAggregate get(LocalDate date, JourneyAggregate empty) {
    SegmentedAggregate a = byDate.get(date);
    return a == null ? empty : a.all();
  }

  /** @return the segmented journeys of {@code date}, or {@code empty} when it has none */
  public SegmentedAggregate segmented(LocalDate date, SegmentedAggregate empty) {
    return byDate.getOrDefault(date, empty);
  }

  /**
   * @param first first date, inclusive
   * @param last last date, inclusive
   * @param empty the aggregate of no journey (its settings)
   * @return the merged journeys of the dates from {@code first} to {@code last}
   */
  public JourneyAggregate range(LocalDate first, LocalDate last, JourneyAggregate empty) {
    JourneyAggregate out = empty;
    for (SegmentedAggregate a : byDate.subMap(first, last.plusDays(1)).values()) {
      out = out == empty ? a.all() : out.merge(a.all());
    }
    return out;
  }

  /**
   * @param first first date, inclusive
   * @param last last date, inclusive
   * @param empty the segmented aggregate of no journey (its settings and segment names)
   * @return the merged segmented journeys of the dates from {@code first} to {@code last}
   */
  public SegmentedAggregate segmentedRange(LocalDate first, LocalDate last, SegmentedAggregate empty) {
    SegmentedAggregate out = empty;
    for (Map.Entry<LocalDate, SegmentedAggregate> e : byDate.subMap(first, last.plusDays(1)).entrySet()) {
      out = out == empty ? e.getValue() : out.merge(e.getValue());
    }
    return out;
  }

  /** @return the dates present, in order */
  public List<LocalDate> dates() {
    return List.copyOf(byDate.keySet());
  }
}
