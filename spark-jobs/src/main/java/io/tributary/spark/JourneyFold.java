package io.tributary.spark;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.lifetime.AcquisitionRecorder;
import io.tributary.core.lifetime.LifetimeTally;
import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import io.tributary.core.options.RunOptions;
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

  /**
   * @param spec the models and journey options
   * @param lifetimeZone when not null, the partition also records its buyers ({@code --clv}) with purchase days in
   *     this zone, and emits them as one {@link ParsedRecords#LIFETIME} record
   */
  JourneyFold(RunOptions spec, String lifetimeZone) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.lifetimeZone = lifetimeZone;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    List<AttributionModel> models = spec.resolve(Set.of(Requirement.TIMESTAMPS));
    JourneyAggregate.Builder builder = JourneyAggregate.builder(spec.journeyOptions(), models);
    AcquisitionRecorder recorder = lifetimeZone == null ? null
        : new AcquisitionRecorder(models, java.time.ZoneId.of(lifetimeZone));
    return new Iterator<>() {
      private final List<Row> customer = new ArrayList<>();
      private final Channels channels = new Channels();
      private String key;
      private long customers;
      private long events;
      private Row pending;
      private Row lifetime;
      private boolean finished;

      @Override
      public boolean hasNext() {
        if (pending == null && lifetime != null) {
          pending = lifetime;
          lifetime = null;
        }
        while (pending == null && !finished) {
          if (!input.hasNext()) {
            flush();
            pending = ParsedRecords.aggregate(AggregateCodec.encode(builder.build()), customers, events);
            if (recorder != null) {
              LifetimeTally buyers = LifetimeTally.of(recorder.build());
              lifetime = ParsedRecords.lifetime(buyers.encode(), buyers.size());
            }
            finished = true;
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

      private void flush() {
        if (!customer.isEmpty()) {
          CustomerEvents columns = channels.columns(customer);
          if (recorder == null) {
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
