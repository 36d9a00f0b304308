package io.tributary.spark;

import io.tributary.core.journey.Event;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The executor side of the job: one shuffle partition's records, sorted by key, so that each customer's
 * events are consecutive. Each customer's events go through the core's
 * {@link JourneyAggregate.Builder#addCustomer}; the partition emits one {@link ParsedRecords#AGGREGATE} at its end.
 * Count and rejected records pass through untouched. Only one customer's events are held in memory at a time.
 */
final class JourneyFold implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelSpec spec;

  JourneyFold(ModelSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    List<AttributionModel> models = spec.resolve(Set.of(Requirement.TIMESTAMPS));
    JourneyAggregate.Builder builder = JourneyAggregate.builder(spec.journeyOptions(), models);
    return new Iterator<>() {
      private final List<Event> customer = new ArrayList<>();
      private String key;
      private long customers;
      private long events;
      private Row pending;
      private boolean finished;

      @Override
      public boolean hasNext() {
        while (pending == null && !finished) {
          if (!input.hasNext()) {
            flush();
            pending = ParsedRecords.aggregate(AggregateCodec.encode(builder.build()), customers, events);
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
              customer.add(EventRows.event(r));
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
          builder.addCustomer(customer);
          customers++;
          customer.clear();
        }
      }
    };
  }
}
