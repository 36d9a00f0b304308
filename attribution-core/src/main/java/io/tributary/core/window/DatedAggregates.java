package io.tributary.core.window;

import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.JourneyAggregate;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One {@link JourneyAggregate} per date, mergeable date by date: what a windowed run's slices of customers produce
 * and engines merge in any order (an engine ships each date's aggregate with {@link AggregateCodec}).
 *
 * @param byDate date → the journeys that belong to it; dates without any are absent
 */
public record DatedAggregates(SortedMap<LocalDate, JourneyAggregate> byDate) {
  public DatedAggregates {
    byDate = Collections.unmodifiableSortedMap(new TreeMap<>(byDate));
  }

  /** @return no date at all */
  public static DatedAggregates empty() {
    return new DatedAggregates(new TreeMap<>());
  }

  /** @return both, date by date ({@link JourneyAggregate#merge}) */
  public DatedAggregates merge(DatedAggregates o) {
    TreeMap<LocalDate, JourneyAggregate> out = new TreeMap<>(byDate);
    o.byDate.forEach((d, a) -> out.merge(d, a, JourneyAggregate::merge));
    return new DatedAggregates(out);
  }

  /** @return the aggregate of {@code date}, or {@code empty} when it has no journey */
  public JourneyAggregate get(LocalDate date, JourneyAggregate empty) {
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
    for (Map.Entry<LocalDate, JourneyAggregate> e : byDate.subMap(first, last.plusDays(1)).entrySet()) {
      out = out == empty ? e.getValue() : out.merge(e.getValue());
    }
    return out;
  }

  /** @return the dates present, in order */
  public List<LocalDate> dates() {
    return List.copyOf(byDate.keySet());
  }
}
