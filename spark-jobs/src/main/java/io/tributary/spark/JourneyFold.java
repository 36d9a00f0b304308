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
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The executor side of the job: one shuffle partition's records, sorted by key, so that each customer's
 * events are consecutive. Each customer's events go, as columns, through the core's
 * {@link JourneyAggregate.Builder#addCustomer(CustomerEvents)}; the partition emits one {@link ParsedRecords#AGGREGATE} at its end.
 * Count and rejected records pass through untouched. Only one customer's events are held in memory at a time.
 */
final class JourneyFold implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

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
    SegmentedAggregate.Builder segmented = segmentation.enabled() && window == null
        ? SegmentedAggregate.builder(spec.journeyOptions(), models, segmentation) : null;
    FirstValues firstValues = new FirstValues(segmentation.eventColumns().size());
    AcquisitionRecorder recorder = lifetimeZone == null || window != null ? null
        : new AcquisitionRecorder(models, java.time.ZoneId.of(lifetimeZone));
    return new Iterator<>() {
      private Iterator<Row> ends;
      private final List<Row> customer = new ArrayList<>();
      private final Channels channels = new Channels();
      private String key;
      private long customers;
      private long events;
      private Row pending;
      private boolean finished;

      @Override
      public boolean hasNext() {
        while (pending == null && !finished) {
          if (ends != null) {
            if (ends.hasNext()) {
              pending = ends.next();
            } else {
              finished = true;
            }
          } else if (!input.hasNext()) {
            flush();
            ends = ends();
          } else {
            Row r = input.next();
            if (r.getInt(ParsedRecords.KIND) != ParsedRecords.DATA) {
              pending = r;
            } else {
              String k = r.getString(ParsedRecords.KEY);
              if (!k.equals(key)) {
                flush();
                key = k;
              }
              customer.add(r);
              events++;
            }
          }
        }
        return pending != null;
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
        if (dated == null) {
          List<Row> out = new ArrayList<>();
          out.add(ParsedRecords.aggregate(segmented != null ? AggregateCodec.encode(segmented.build())
              : AggregateCodec.encode(builder.build()), customers, events));
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
              first ? events : 0, e.getKey().toEpochDay()));
        }
        if (out.isEmpty()) {
          out.add(ParsedRecords.aggregate(null, customers, events, null));
        }
        return out.iterator();
      }

      private void flush() {
        if (!customer.isEmpty()) {
          CustomerEvents columns = channels.columns(customer);
          if (segmented != null) {
            firstValues.clear();
            for (Row r : customer) {
              firstValues.offer(r.getLong(ParsedRecords.TS), ParsedRecords.segments(r));
            }
            if (recorder != null) {
              recorder.startCustomer(columns.channelNames());
            }
            segmented.addCustomer(columns, firstValues.values(), recorder);
            if (recorder != null) {
              recorder.endCustomer();
            }
          } else if (dated != null) {
            dated.addCustomer(columns, segmentation.eventColumns().isEmpty() ? SegmentValues.NONE
                : (from, to) -> firstIn(from, to));
          } else if (recorder == null) {
            builder.addCustomer(columns);
          } else {
            recorder.startCustomer(columns.channelNames());
            builder.addCustomer(columns, recorder);
            recorder.endCustomer();
          }
          customers++;
          customer.clear();
        }
      }

      /* The core's rule for a customer's event-log segment values, over its rows in [from, to): a date's slice. */
      private String[] firstIn(long from, long to) {
        firstValues.clear();
        for (Row r : customer) {
          long t = r.getLong(ParsedRecords.TS);
          if (t >= from && t < to) {
            firstValues.offer(t, ParsedRecords.segments(r));
          }
        }
        return firstValues.values();
      }
    };
  }

  /*
   * The partition's channel dictionary and the one reusable column buffer of the core's columnar entry. The core
   * wants channel ids in name order; names are learnt as they come, so a new name (a handful per partition) makes a
   * new, re-sorted dictionary and buffer.
   */
  private static final class Channels {
    private final TreeMap<String, Integer> ids = new TreeMap<>();
    private CustomerEvents buffer = new CustomerEvents(List.of());

    CustomerEvents columns(List<Row> rows) {
      for (Row r : rows) {
        String c = r.getString(ParsedRecords.S1);
        if (c != null && !ids.containsKey(c)) {
          ids.put(c, -1);
          int i = 0;
          for (Map.Entry<String, Integer> e : ids.entrySet()) {
            e.setValue(i++);
          }
          buffer = new CustomerEvents(new ArrayList<>(ids.keySet()));
        }
      }
      buffer.clear();
      for (Row r : rows) {
        int flags = r.getInt(ParsedRecords.FLAGS);
        boolean conversion = (flags & EventRows.CONVERSION) != 0;
        String c = r.getString(ParsedRecords.S1);
        buffer.add(r.getLong(ParsedRecords.TS), c == null ? CustomerEvents.NO_CHANNEL : ids.get(c),
            (flags & EventRows.TOUCH) != 0, conversion, conversion ? EventRows.value(r) : BigDecimal.ZERO,
            r.getString(ParsedRecords.S3));
      }
      return buffer;
    }
  }
}
