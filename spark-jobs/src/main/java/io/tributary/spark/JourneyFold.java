package io.tributary.spark;

import io.tributary.core.segment.FirstValues;
import io.tributary.core.segment.SegmentValues;
import io.tributary.core.segment.SegmentedAggregate;
import io.tributary.core.segment.Segmentation;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.lifetime.AcquisitionRecorder;
import io.tributary.core.lifetime.LifetimeTally;
import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import io.tributary.core.options.RunOptions;
import io.tributary.core.window.DatedFold;
import io.tributary.core.window.RunWindow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * The executor side of the job: one customer partition's records. Its {@link ParsedRecords#EVENTS} batches are
 * unpacked into one {@link EventBatch.Partition}, grouped by customer; each customer's events go, as columns, through
 * the core's {@link JourneyAggregate.Builder#addCustomer(CustomerEvents)} (customers in key order), and the partition
 * emits one {@link ParsedRecords#AGGREGATE} at its end. Count and rejected records pass through untouched.
 */
final class JourneyFold implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;
  /**
   * The most distinct segment value tuples a partition folds by cell with: 10 regions x 3 tiers (30 cells) fold
   * faster by cell, 1,000 x 3 slower (the CLI's measurements, its {@code JourneyFold.MAX_CELLS}).
   */
  static final int MAX_CELLS = 256;
  /* The most distinct packed segment texts a partition keeps split (see splitOnce). */
  private static final int MAX_SPLITS = 4096;

  private final RunOptions spec;
  private final String lifetimeZone;
  /** The run's report dates, or null for a whole-input run. */
  private final RunWindow window;
  private final String zone;

  /**
   * @param spec the models and journey options
   * @param lifetimeZone when not null, the partition also records its buyers ({@code --clv}) with purchase days in
   *     this zone, and emits them as one {@link ParsedRecords#LIFETIME} record
   */
  JourneyFold(RunOptions spec, String lifetimeZone) {
    this(spec, lifetimeZone, null, null);
  }

  /**
   * @param spec the models and lookback
   * @param lifetimeZone as above (a whole-input run only)
   * @param window a windowed run's dates (then each date's journeys are folded apart, with the core's
   *     {@link DatedFold}), or null to fold every journey into one aggregate
   * @param zone the zone of the dates
   */
  JourneyFold(RunOptions spec, String lifetimeZone, RunWindow window, String zone) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.lifetimeZone = lifetimeZone;
    this.window = window != null && window.windowed() ? window : null;
    this.zone = zone;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    List<AttributionModel> models = spec.resolve(Set.of(Requirement.TIMESTAMPS));
    JourneyAggregate.Builder builder = window != null ? null : JourneyAggregate.builder(spec.journeyOptions(), models);
    // --segment-by: the same journeys folded into (all) and their segments' aggregates, shipped in one payload (per
    // date in a windowed run).
    Segmentation segmentation = spec.segmentation();
    DatedFold.Builder dated = window == null ? null
        : DatedFold.builder(window, ZoneId.of(zone), spec.journeyOptions(), models, segmentation);
    boolean segmentedFold = segmentation.enabled() && window == null;
    FirstValues firstValues = new FirstValues(segmentation.eventColumns().size());
    AcquisitionRecorder recorder = lifetimeZone == null || window != null ? null
        : new AcquisitionRecorder(models, java.time.ZoneId.of(lifetimeZone));
    return new Iterator<>() {
      private final EventBatch.Partition events = new EventBatch.Partition();
      // Made once the partition's events are in: whether it folds by cell depends on their segment values.
      private SegmentedAggregate.Builder segmented;
      private Iterator<Row> ends;
      private Row pending;
      // Each packed segment text of the partition split once: a partition holds a few distinct value tuples (30 of
      // region x tier) over tens of thousands of customers, and splitting each customer's first event again was 40 of
      // the segmented fold's 181 samples in a profile (issue 14). Bounded, for a column of many values.
      private final Map<String, String[]> split = new java.util.HashMap<>();

      @Override
      public boolean hasNext() {
        while (pending == null) {
          if (ends != null) {
            if (!ends.hasNext()) {
              return false;
            }
            pending = ends.next();
          } else if (!input.hasNext()) {
            fold();
            ends = ends();
          } else {
            Row r = input.next();
            if (r.getInt(ParsedRecords.KIND) == ParsedRecords.EVENTS) {
              events.add((byte[]) r.get(ParsedRecords.PAYLOAD));
            } else {
              pending = r;
            }
          }
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = pending;
        pending = null;
        return r;
      }

      /* The partition's closing records: one aggregate, or one per date (the counts ride on the first). */
      private Iterator<Row> ends() {
        long customers = events.customers();
        long n = events.size();
        if (dated == null) {
          List<Row> out = new ArrayList<>();
          out.add(ParsedRecords.aggregate(segmented != null ? AggregateCodec.encode(segmented.build())
              : AggregateCodec.encode(builder.build()), customers, n));
          if (recorder != null) {
            LifetimeTally buyers = LifetimeTally.of(recorder.build());
            out.add(ParsedRecords.lifetime(buyers.encode(), buyers.size()));
          }
          return out.iterator();
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<LocalDate, SegmentedAggregate> e : dated.build().byDate().entrySet()) {
          boolean first = out.isEmpty();
          out.add(ParsedRecords.aggregate(AggregateCodec.encode(e.getValue()), first ? customers : 0,
              first ? n : 0, e.getKey().toEpochDay()));
        }
        if (out.isEmpty()) {
          out.add(ParsedRecords.aggregate(null, customers, n, null));
        }
        return out.iterator();
      }

      /* Every customer of the partition, in key order, through the core's columnar entry. */
      private void fold() {
        if (segmentedFold) {
          // Few region x tier cells: each journey folded once, into its cell, and rolled up at the end (the core's
          // CellFold, as the CLI does); many cells cost more in roll-up than they save (benchmarks/results/
          // segments.md), so a partition holding more folds each journey into (all) and each of its values. Both
          // build the same aggregate, bit for bit.
          segmented = SegmentedAggregate.foldsByCell(segmentation) && events.segmentTuples(MAX_CELLS) <= MAX_CELLS
              ? SegmentedAggregate.builderByCell(spec.journeyOptions(), models, segmentation)
              : SegmentedAggregate.builder(spec.journeyOptions(), models, segmentation);
        }
        int[] customers = events.group();
        // The core wants channel ids in name order: one dictionary for the partition, its ids mapped once.
        List<String> names = events.channelNames();
        Integer[] byName = new Integer[names.size()];
        for (int i = 0; i < byName.length; i++) {
          byName[i] = i;
        }
        java.util.Arrays.sort(byName, (x, y) -> names.get(x).compareTo(names.get(y)));
        int[] ids = new int[byName.length];
        List<String> sorted = new ArrayList<>();
        for (int i = 0; i < byName.length; i++) {
          ids[byName[i]] = i;
          sorted.add(names.get(byName[i]));
        }
        CustomerEvents columns = new CustomerEvents(sorted);
        for (int c : customers) {
          columns.clear();
          for (int p = events.from(c); p < events.to(c); p++) {
            int i = events.event(p);
            int channel = events.channel(i);
            boolean conversion = events.conversion(i);
            String value = conversion ? events.value(i) : null;
            columns.add(events.time(i), channel < 0 ? CustomerEvents.NO_CHANNEL : ids[channel], events.touch(i),
                conversion, value == null ? BigDecimal.ZERO : new BigDecimal(value), events.orderId(i));
          }
          if (segmented != null) {
            firstIn(c, Long.MIN_VALUE, Long.MAX_VALUE);
            if (recorder != null) {
              recorder.startCustomer(columns.channelNames());
            }
            segmented.addCustomer(columns, firstValues.values(), recorder);
            if (recorder != null) {
              recorder.endCustomer();
            }
          } else if (dated != null) {
            int customer = c;
            dated.addCustomer(columns, segmentation.eventColumns().isEmpty() ? SegmentValues.NONE
                : (from, to) -> firstIn(customer, from, to));
          } else if (recorder == null) {
            builder.addCustomer(columns);
          } else {
            recorder.startCustomer(columns.channelNames());
            builder.addCustomer(columns, recorder);
            recorder.endCustomer();
          }
        }
      }

      /*
       * The core's rule for customer c's event-log segment values, over its events in [from, to) (a date's slice, or
       * all). Only the events at the earliest time can decide them, so only those are offered: the values are packed in
       * one text per event and splitting every event's (ten million) cost more than the segmented fold itself.
       */
      private String[] firstIn(int c, long from, long to) {
        firstValues.clear();
        long first = Long.MAX_VALUE;
        for (int p = events.from(c); p < events.to(c); p++) {
          long t = events.time(events.event(p));
          if (t >= from && t < to && t < first) {
            first = t;
          }
        }
        String offered = null;
        for (int p = events.from(c); p < events.to(c); p++) {
          int i = events.event(p);
          // A later event of the same time with the same packed values changes nothing: not split again.
          String packed = events.segments(i);
          if (events.time(i) == first && first != Long.MAX_VALUE && (offered == null || !offered.equals(packed))) {
            offered = packed;
            firstValues.offer(first, splitOnce(packed));
          }
        }
        return firstValues.values();
      }

      /* ParsedRecords#segments of packed, shared by every event of the text (FirstValues only reads it). */
      private String[] splitOnce(String packed) {
        String[] values = packed == null ? null : split.get(packed);
        if (values == null) {
          values = ParsedRecords.segments(packed);
          if (packed != null && split.size() < MAX_SPLITS) {
            split.put(packed, values);
          }
        }
        return values;
      }
    };
  }
}
