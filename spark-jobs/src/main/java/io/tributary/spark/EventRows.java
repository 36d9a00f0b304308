package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.journey.TouchpointLevel;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Event-log rows: parsed by the core's {@link EventRowParser} (so the job accepts and rejects exactly what the CLI
 * does), then stitched to the unified customer id and dropped when that customer opted out. The record's key is the
 * unified id, which the shuffle groups by.
 */
final class EventRows implements RowHandler {
  private static final long serialVersionUID = 1L;

  static final int TOUCH = 1;
  static final int CONVERSION = 2;

  private final MappingSpec mapping;
  private final String zone;
  private final Broadcast<Map<String, String>> identities;
  private final Broadcast<Set<String>> consent;
  private final DateScan dates;
  private final TouchpointLevel level;

  EventRows(MappingSpec mapping, String zone, Broadcast<Map<String, String>> identities,
      Broadcast<Set<String>> consent) {
    this(mapping, zone, identities, consent, null);
  }

  /** @param dates when not null, events outside its range are {@link RowHandler#OUT_OF_RANGE} */
  EventRows(MappingSpec mapping, String zone, Broadcast<Map<String, String>> identities,
      Broadcast<Set<String>> consent, DateScan dates) {
    this(mapping, zone, identities, consent, dates, TouchpointLevel.CHANNEL);
  }

  /** @param level {@code --touchpoint}: a record's channel is the touch's touchpoint key at this level */
  EventRows(MappingSpec mapping, String zone, Broadcast<Map<String, String>> identities,
      Broadcast<Set<String>> consent, DateScan dates, TouchpointLevel level) {
    this.level = Objects.requireNonNull(level, "level");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.identities = identities;
    this.consent = consent;
    this.dates = dates;
  }

  @Override
  public Parser open(String file, List<String> header) {
    ColumnMapping m = mapping.mapping();
    Header h = EventRowParser.header(file, header, m);
    EventRowParser parser = new EventRowParser(h, m, ZoneId.of(zone), level);
    IdentityMap ids = identities == null ? IdentityMap.empty() : Identities.resolved(identities);
    ConsentList optedOut = consent == null ? ConsentList.none() : ConsentList.of(consent.value(), ids);
    BitSet matched = new BitSet();
    return new Parser() {
      @Override
      public Row accept(io.tributary.core.input.Fields fields) {
        Event e = parser.parse(fields);
        if (dates != null && !dates.contains(e.timestamp())) {
          return OUT_OF_RANGE;
        }
        String unified = ids.resolve(e.customerId());
        if (optedOut.excludes(e.customerId(), unified)) {
          optedOut.markMatches(e.customerId(), unified, matched);
          return null;
        }
        return ParsedRecords.data(unified, e.timestamp(), e.channel(), e.value().toPlainString(), e.orderId(),
            (e.touch() ? TOUCH : 0) | (e.conversion() ? CONVERSION : 0));
      }

      @Override
      public List<Row> finish(String file, long split) {
        return List.of(ParsedRecords.notes(file, split, parser.gapShifts(), matched.toByteArray()));
      }
    };
  }

  /** @return the conversion value of a {@link ParsedRecords#DATA} record of this handler */
  static BigDecimal value(Row r) {
    String v = r.getString(ParsedRecords.S2);
    return "0".equals(v) ? BigDecimal.ZERO : new BigDecimal(v);
  }
}
