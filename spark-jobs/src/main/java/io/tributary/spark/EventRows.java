package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.EventSink;
import io.tributary.core.input.Header;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.window.DateRange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * does; plain rows straight from the reader's bytes, as in the CLI), then stitched to the unified customer id and
 * dropped when that customer opted out. Accepted events are not records of their own: each reading task packs them,
 * per customer partition of the unified id, into {@link EventBatch}es, emitted as {@link ParsedRecords#EVENTS}
 * records when a batch is full and when the split ends.
 */
final class EventRows implements RowHandler {
  private static final long serialVersionUID = 2L;

  /** A batch is emitted once it holds this many bytes (a few MB: a task holds one batch per partition at most). */
  static final int BATCH_BYTES = 4 << 20;

  private final MappingSpec mapping;
  private final String zone;
  private final Broadcast<Map<String, String>> identities;
  private final Broadcast<Set<String>> consent;
  private final DateScan dates;
  private final List<String> segmentColumns;
  private final TouchpointLevel level;
  private final int partitions;
  /** A windowed run's read range in epoch ms [keepFrom, keepTo): accepted events outside it are counted, not kept. */
  private final long keepFrom;
  private final long keepTo;

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
    this(mapping, zone, identities, consent, dates, level, List.of());
  }

  /** @param segmentColumns the event-log columns of {@code --segment-by}, whose values each data record carries */
  EventRows(MappingSpec mapping, String zone, Broadcast<Map<String, String>> identities,
      Broadcast<Set<String>> consent, DateScan dates, TouchpointLevel level, List<String> segmentColumns) {
    this(mapping, zone, identities, consent, dates, level, segmentColumns, 1, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private EventRows(MappingSpec mapping, String zone, Broadcast<Map<String, String>> identities,
      Broadcast<Set<String>> consent, DateScan dates, TouchpointLevel level, List<String> segmentColumns,
      int partitions, long keepFrom, long keepTo) {
    this.level = Objects.requireNonNull(level, "level");
    this.segmentColumns = List.copyOf(segmentColumns);
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.identities = identities;
    this.consent = consent;
    this.dates = dates;
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions " + partitions + " < 1");
    }
    this.partitions = partitions;
    this.keepFrom = keepFrom;
    this.keepTo = keepTo;
  }

  /**
   * @param n the number of customer partitions the batches are cut for
   * @param keep when not null, the only events kept (a windowed run's read range); the others still count as read
   *     and accepted
   * @return this handler, its batches cut for {@code n} partitions
   */
  EventRows partitioned(int n, DateRange keep) {
    return new EventRows(mapping, zone, identities, consent, dates, level, segmentColumns, n,
        keep == null ? Long.MIN_VALUE : keep.startInclusive().toEpochMilli(),
        keep == null ? Long.MAX_VALUE : keep.endExclusive().toEpochMilli());
  }

  /** @return the number of customer partitions the batches are cut for */
  int partitions() {
    return partitions;
  }

  @Override
  public Parser open(String file, List<String> header) {
    ColumnMapping m = mapping.mapping();
    Header h = EventRowParser.header(file, header, m, segmentColumns);
    EventRowParser parser = new EventRowParser(h, m, ZoneId.of(zone), level, segmentColumns);
    IdentityMap ids = identities == null ? IdentityMap.empty() : Identities.resolved(identities);
    ConsentList optedOut = consent == null ? ConsentList.none() : ConsentList.of(consent.value(), ids);
    Batches batches = new Batches(ids, optedOut, identities == null && consent == null);
    return new Parser() {
      @Override
      public Row accept(io.tributary.core.input.Fields fields) {
        batches.outcome = FOLDED;
        parser.parse(fields, batches);
        return batches.outcome;
      }

      @Override
      public List<Row> finish(String file, long split) {
        List<Row> out = batches.drain();
        out.add(ParsedRecords.notes(file, split, parser.gapShifts(), batches.matched.toByteArray()));
        return out;
      }
    };
  }

  /** One split's accepted events, packed per customer partition. */
  private final class Batches implements EventSink {
    private final IdentityMap ids;
    private final ConsentList optedOut;
    /** No identity map and no consent list: a row's customer id bytes are its key as read. */
    private final boolean plainKeys;
    private final BitSet matched = new BitSet();
    private final EventBatch.Channels channels = new EventBatch.Channels();
    private final EventBatch.Writer[] writers = new EventBatch.Writer[partitions];
    private String pendingSegments;
    /* The segment cells of the last row joined, and their packed text. */
    private String[] lastValues;
    private String lastPacked;
    /** What {@link Parser#accept} returns for the row just parsed. */
    Row outcome;

    Batches(IdentityMap ids, ConsentList optedOut, boolean plainKeys) {
      this.ids = ids;
      this.optedOut = optedOut;
      this.plainKeys = plainKeys;
    }

    @Override
    public void segments(String[] values) {
      // The parser hands a row's cells equal to the row before's as the same strings (a customer's rows mostly come
      // together): then the packed text is the one made for that row, not joined again.
      if (lastValues != null && lastValues.length == values.length) {
        boolean same = true;
        for (int k = 0; k < values.length && same; k++) {
          same = values[k] == lastValues[k];
        }
        if (same) {
          pendingSegments = lastPacked;
          return;
        }
      }
      pendingSegments = String.join(String.valueOf(ParsedRecords.SEGMENT_SEPARATOR), values);
      lastValues = values.clone();
      lastPacked = pendingSegments;
    }

    @Override
    public void add(byte[] b, int customerFrom, int customerTo, long time, int channelFrom, int channelTo,
        boolean touch, boolean conversion, BigDecimal value, String orderId) {
      if (dates != null && !dates.contains(time)) {
        outcome = OUT_OF_RANGE;
        return;
      }
      int channel = channelFrom < 0 ? -1 : channels.id(b, channelFrom, channelTo);
      if (plainKeys) {
        keep(b, customerFrom, customerTo, time, channel, touch, conversion, value, orderId);
      } else {
        stitched(new String(b, customerFrom, customerTo - customerFrom, StandardCharsets.UTF_8), time, channel,
            touch, conversion, value, orderId);
      }
    }

    @Override
    public void add(Event e) {
      if (dates != null && !dates.contains(e.timestamp())) {
        outcome = OUT_OF_RANGE;
        return;
      }
      int channel = -1;
      if (e.channel() != null) {
        byte[] c = e.channel().getBytes(StandardCharsets.UTF_8);
        channel = channels.id(c, 0, c.length);
      }
      stitched(e.customerId(), e.timestamp(), channel, e.touch(), e.conversion(), e.value(), e.orderId());
    }

    private void stitched(String raw, long time, int channel, boolean touch, boolean conversion, BigDecimal value,
        String orderId) {
      String unified = ids.resolve(raw);
      if (optedOut.excludes(raw, unified)) {
        optedOut.markMatches(raw, unified, matched);
        outcome = null;
        return;
      }
      byte[] key = unified.getBytes(StandardCharsets.UTF_8);
      keep(key, 0, key.length, time, channel, touch, conversion, value, orderId);
    }

    private void keep(byte[] key, int from, int to, long time, int channel, boolean touch, boolean conversion,
        BigDecimal value, String orderId) {
      if (time < keepFrom || time >= keepTo) {
        return;
      }
      // The value as plain text, zero as none: what the fold reads back (a negative scale reads back as scale 0).
      String plain = value == null ? null : value.toPlainString();
      if ("0".equals(plain)) {
        plain = null;
      }
      int p = EventBatch.partition(key, from, to, partitions);
      EventBatch.Writer w = writers[p];
      if (w == null) {
        w = writers[p] = new EventBatch.Writer(channels);
      }
      w.add(key, from, to, time, channel, touch, conversion, plain, orderId, pendingSegments);
      if (w.size() >= BATCH_BYTES) {
        outcome = ParsedRecords.events(p, w.take());
      }
    }

    List<Row> drain() {
      List<Row> out = new ArrayList<>();
      for (int p = 0; p < writers.length; p++) {
        if (writers[p] != null && writers[p].events() > 0) {
          out.add(ParsedRecords.events(p, writers[p].take()));
        }
      }
      return out;
    }
  }
}
