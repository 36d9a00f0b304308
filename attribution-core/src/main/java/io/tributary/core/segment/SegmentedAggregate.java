package io.tributary.core.segment;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.JourneyBuilder;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.journey.JourneySink;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run's journeys folded once for all customers and once per value of each segment: {@link #all()} is exactly the
 * unsegmented aggregate, and each segment's values partition the journeys, so their aggregates merge back into
 * {@link #all()}. Each segment is broken down on its own (no cross product of two segments): memory grows with the sum
 * of the segments' value counts, not their product. Mergeable in any order, like {@link JourneyAggregate}.
 *
 * @param all every journey
 * @param names the segment names, in the order given
 * @param byValue per segment name (same order), value → the aggregate of its journeys, values in text order
 */
public record SegmentedAggregate(
    JourneyAggregate all, List<String> names, List<SortedMap<String, JourneyAggregate>> byValue) {

  public SegmentedAggregate {
    Objects.requireNonNull(all, "all");
    names = List.copyOf(names);
    List<SortedMap<String, JourneyAggregate>> copy = new ArrayList<>();
    for (SortedMap<String, JourneyAggregate> m : byValue) {
      copy.add(Collections.unmodifiableSortedMap(new TreeMap<>(m)));
    }
    byValue = List.copyOf(copy);
    if (names.size() != byValue.size()) {
      throw new IllegalArgumentException("one value map per segment name");
    }
  }

  /** @return an unsegmented aggregate (no segment names) */
  public static SegmentedAggregate of(JourneyAggregate all) {
    return new SegmentedAggregate(all, List.of(), List.of());
  }

  /**
   * @return the sum of both slices
   * @throws IllegalArgumentException when they were built under different settings or segments
   */
  public SegmentedAggregate merge(SegmentedAggregate o) {
    if (!names.equals(o.names)) {
      throw new IllegalArgumentException("cannot merge aggregates of different segments: " + names + " vs " + o.names);
    }
    List<SortedMap<String, JourneyAggregate>> merged = new ArrayList<>();
    for (int d = 0; d < names.size(); d++) {
      TreeMap<String, JourneyAggregate> m = new TreeMap<>(byValue.get(d));
      o.byValue.get(d).forEach((v, a) -> m.merge(v, a, JourneyAggregate::merge));
      merged.add(m);
    }
    return new SegmentedAggregate(all.merge(o.all), names, merged);
  }

  /**
   * @param segmentation the segments
   * @return whether {@link #builderByCell} folds by cell: one or more segments, all event-log columns (a derived
   *     segment's value changes from one journey of a customer to the next)
   */
  public static boolean foldsByCell(Segmentation segmentation) {
    return CellFold.applies(segmentation);
  }

  /**
   * A builder that folds each journey once, into the cell of its customer's values of every segment ({@code region ×
   * tier}), and rolls the cells up into the segment values' and the all-customer aggregates when built: the same
   * aggregate, bit for bit, as {@link #builder(JourneyOptions, List, Segmentation)}'s (every merge is exact), with
   * each path interned and each journey's time-decay credit added once instead of once per aggregate. It pays while
   * the cells are few (tens: each is a path table of its own, and the roll-up sorts every value's paths again);
   * at most {@link CellFold#MAX_CELLS} cells are open at a time, so memory stays bounded however many there are.
   * Without {@link #foldsByCell} segments it is {@link #builder(JourneyOptions, List, Segmentation)}.
   *
   * @param options how events become journeys
   * @param models the models that will be fitted (journey models are folded here)
   * @param segmentation the segments
   * @return a builder for one slice of customers
   */
  public static Builder builderByCell(JourneyOptions options, List<? extends AttributionModel> models,
      Segmentation segmentation) {
    return new Builder(options, models, segmentation, 0, 1, foldsByCell(segmentation));
  }

  /**
   * @param options how events become journeys
   * @param models the models that will be fitted (journey models are folded here)
   * @param segmentation the segments
   * @return a builder for one slice of customers
   */
  public static Builder builder(JourneyOptions options, List<? extends AttributionModel> models,
      Segmentation segmentation) {
    return new Builder(options, models, segmentation, 0, 1, false);
  }

  /**
   * A builder for one share of the aggregates, so that several threads can fold the same customers at once, each
   * into its own aggregates: share 0 folds (all), and segment {@code d} is folded by share {@code (d + 1) % shares}.
   * Every share builds the customers' journeys itself. {@link #join} puts the shares' results together; the result is
   * the one builder's, bit for bit (each aggregate sees the same journeys in the same order).
   *
   * @param share this builder's share, {@code 0 <= share < shares}
   * @param shares the number of shares, at most the number of segment names + 1
   */
  public static Builder builder(JourneyOptions options, List<? extends AttributionModel> models,
      Segmentation segmentation, int share, int shares) {
    if (shares < 1 || share < 0 || share >= shares || shares > segmentation.names().size() + 1) {
      throw new IllegalArgumentException("share " + share + " of " + shares + " for " + segmentation);
    }
    return new Builder(options, models, segmentation, share, shares, false);
  }

  /**
   * @param shares the results of {@code builder(options, models, segmentation, i, shares.size())} for every i, over
   *     the same customers
   * @return the aggregate one builder would have made of those customers
   */
  public static SegmentedAggregate join(List<SegmentedAggregate> shares) {
    SegmentedAggregate first = shares.get(0);
    List<SortedMap<String, JourneyAggregate>> byValue = new ArrayList<>();
    for (int d = 0; d < first.names.size(); d++) {
      byValue.add(shares.get((d + 1) % shares.size()).byValue.get(d));
    }
    return new SegmentedAggregate(first.all, first.names, byValue);
  }

  /** Folds customers of one slice, each journey into the all-customer aggregate and its segments'. Not thread-safe. */
  public static final class Builder {
    private final JourneyOptions options;
    private final List<? extends AttributionModel> models;
    private final JourneyBuilder journeys;
    private final JourneyAggregate.Builder all;
    private final List<String> names;
    /* Per segment name: the index of its value among the customer's event-log values, or -1 when derived. */
    private final int[] column;
    private final List<Map<String, JourneyAggregate.Builder>> byValue = new ArrayList<>();
    // The customer being added.
    private CustomerEvents events;
    private String[] columnValues;
    private JourneySink also;
    private boolean first;
    private boolean convertedBefore;
    private String acquisition;
    private final JourneyAggregate.Builder[] targets;
    // Cells (see CellFold): the customer's cell when every segment is an event-log column, else null.
    private final CellFold cells;
    private JourneyAggregate.Builder cell;
    private final JourneySink sink = this::journey;
    // A converting journey's model weights, made by the first aggregate it goes to and reused by the others.
    private final JourneyAggregate.SharedWeights shared = new JourneyAggregate.SharedWeights();
    /* Whether this builder folds (all), and each segment: all true unless it is one share of several. */
    private final boolean foldsAll;
    private final boolean[] folds;
    // The journeys kept: those ending in [keepFrom, keepTo) (a windowed run's date), every one otherwise.
    private long keepFrom = Long.MIN_VALUE;
    private long keepTo = Long.MAX_VALUE;

    private Builder(JourneyOptions options, List<? extends AttributionModel> models, Segmentation segmentation,
        int share, int shares, boolean byCell) {
      this.options = Objects.requireNonNull(options, "options");
      this.models = List.copyOf(models);
      this.journeys = new JourneyBuilder(options);
      this.all = JourneyAggregate.builder(options, models);
      this.names = segmentation.names();
      this.column = new int[names.size()];
      List<String> eventColumns = segmentation.eventColumns();
      for (int d = 0; d < names.size(); d++) {
        column[d] = eventColumns.indexOf(names.get(d));
        byValue.add(new HashMap<>());
      }
      this.targets = new JourneyAggregate.Builder[names.size()];
      this.foldsAll = share == 0;
      this.folds = new boolean[names.size()];
      for (int d = 0; d < names.size(); d++) {
        folds[d] = (d + 1) % shares == share;
      }
      this.cells = byCell ? new CellFold(options, models, column) : null;
    }

    /**
     * When this builder folds by cell ({@link #builderByCell}), interns the cells' paths on a thread of
     * {@code executor} while the caller goes on adding customers: the same aggregate, bit for bit (see
     * {@link io.tributary.core.paths.PathCounts.Builder#internOn}); otherwise nothing. Call before adding anything.
     * The executor's thread is busy until {@link #build()}, which also gives it half of the paths' sort.
     *
     * @param executor runs one long task, then the sort's halves
     * @return this builder
     */
    public Builder internPathsOn(java.util.concurrent.Executor executor) {
      if (cells != null) {
        cells.internOn(executor);
      }
      return this;
    }

    /**
     * Builds one customer's journeys and adds each to the all-customer aggregate and to its segments'.
     *
     * @param customer all events of one customer (after identity stitching and consent exclusion), any order
     * @param values the customer's value of each event-log segment column, in {@link Segmentation#eventColumns()}
     *     order (the value at the customer's first event: see {@link FirstValues})
     * @param alsoSink when not null, receives every journey too, right after the aggregates took it
     * @return this
     */
    public Builder addCustomer(CustomerEvents customer, String[] values, JourneySink alsoSink) {
      keepFrom = Long.MIN_VALUE;
      keepTo = Long.MAX_VALUE;
      start(customer, values, alsoSink);
      addDuplicates(journeys.build(customer, sink));
      return this;
    }

    /**
     * Like {@link #addCustomer(CustomerEvents, String[])}, keeping only the journeys that end in [{@code from},
     * {@code to}) and the duplicates dropped there: one report date's journeys of a customer (see
     * {@link io.tributary.core.window.DatedFold}). The journeys before {@code from} still decide the derived segments
     * (a conversion there makes the date's journeys returning; the first of them names the acquisition channel), so
     * a derived segment is what the events given show: in a windowed run, the date's lookback and the date.
     *
     * @param customer the customer's events the date's journeys are cut from
     * @param values as {@link #addCustomer(CustomerEvents, String[], JourneySink)}, for these events
     * @param from first epoch ms of a kept journey's end
     * @param to first epoch ms of an end no longer kept
     * @return this
     */
    public Builder addCustomer(CustomerEvents customer, String[] values, long from, long to) {
      keepFrom = from;
      keepTo = to;
      start(customer, values, null);
      addDuplicates(journeys.build(customer, sink, from, to));
      return this;
    }

    private void start(CustomerEvents customer, String[] values, JourneySink alsoSink) {
      events = customer;
      columnValues = values;
      also = alsoSink;
      first = true;
      convertedBefore = false;
      acquisition = null;
      if (cells != null) {
        cell = cells.cellOf(values);
        return;
      }
      for (int d = 0; d < names.size(); d++) {
        targets[d] = folds[d] && column[d] >= 0 ? target(d, values[column[d]]) : null;
      }
    }

    private void addDuplicates(int duplicates) {
      if (cells != null) {
        cell.addDuplicates(duplicates);
        return;
      }
      if (foldsAll) {
        all.addDuplicates(duplicates);
      }
      for (int d = 0; d < names.size(); d++) {
        // Duplicates belong to the customer: counted in customer-level segments only (see docs/models.md).
        if (folds[d] && column[d] >= 0) {
          targets[d].addDuplicates(duplicates);
        }
      }
    }

    /** {@link #addCustomer(CustomerEvents, String[], JourneySink)} without a second receiver. */
    public Builder addCustomer(CustomerEvents customer, String[] values) {
      return addCustomer(customer, values, null);
    }

    private JourneyAggregate.Builder target(int d, String value) {
      return byValue.get(d).computeIfAbsent(value, v -> JourneyAggregate.builder(options, models));
    }

    private void journey(int[] channels, long[] times, int from, int to, boolean converted, BigDecimal value,
        long endTime) {
      if (first) {
        // The customer's first journey: its first touch is the acquisition channel; a touchless first conversion
        // was acquired by no touch, as the credit tables say of it.
        acquisition = from < to ? events.channelName(channels[from]) : JourneyAggregate.UNATTRIBUTED;
        first = false;
      }
      if (endTime < keepFrom || endTime >= keepTo) {
        // Before the date: it decided the derived segments above and below, and is not the date's.
        convertedBefore |= converted;
        return;
      }
      if (cells != null) {
        cell.addJourney(events, channels, times, from, to, converted, value, endTime);
        if (also != null) {
          also.journey(channels, times, from, to, converted, value, endTime);
        }
        return;
      }
      shared.clear();
      if (foldsAll) {
        all.addJourney(events, channels, times, from, to, converted, value, endTime, shared);
      }
      for (int d = 0; d < names.size(); d++) {
        if (!folds[d]) {
          continue;
        }
        JourneyAggregate.Builder b = targets[d];
        if (b == null) {
          String n = names.get(d);
          b = target(d, n.equals(Segmentation.NEW_VS_RETURNING)
              ? (convertedBefore ? Segmentation.RETURNING : Segmentation.NEW) : acquisition);
        }
        b.addJourney(events, channels, times, from, to, converted, value, endTime, shared);
      }
      if (converted) {
        convertedBefore = true;
      }
      if (also != null) {
        also.journey(channels, times, from, to, converted, value, endTime);
      }
    }

    /** @return the immutable aggregate of everything added so far */
    public SegmentedAggregate build() {
      if (cells != null) {
        return CellFold.rollUp(List.of(cells), all.build(), names);
      }
      List<SortedMap<String, JourneyAggregate>> out = new ArrayList<>();
      for (Map<String, JourneyAggregate.Builder> m : byValue) {
        TreeMap<String, JourneyAggregate> t = new TreeMap<>();
        m.forEach((v, b) -> t.put(v, b.build()));
        out.add(t);
      }
      return new SegmentedAggregate(all.build(), names, out);
    }
  }
}
