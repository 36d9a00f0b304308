package io.tributary.core.input;

import io.tributary.core.InputException;
import io.tributary.core.journey.Event;
import io.tributary.core.paths.Path;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns one event-log row (its fields as text) into an {@link Event}, or says exactly what is wrong with it. Both
 * engines use this class, so they accept and reject the same rows for the same reasons.
 */
public final class EventRowParser {
  /** Columns every event log must have. */
  public static final List<String> REQUIRED = List.of("customer_id", "timestamp");
  /** Columns read when present. */
  public static final List<String> OPTIONAL =
      List.of("channel", "conversion", "conversion_value", "event_type", "order_id", "campaign", "device_id");
  /** Longest channel name accepted; longer ones are garbage, not channels. */
  public static final int MAX_CHANNEL_LENGTH = 200;
  /** Longest customer or order id accepted. */
  public static final int MAX_ID_LENGTH = 512;

  private final Header header;
  private final ColumnMapping mapping;
  private final ZoneId zone;
  // Resolved once: this parser runs on every row of every event log.
  private final int customerIx;
  private final int timestampIx;
  private final int channelIx;
  private final int conversionIx;
  private final int valueIx;
  private final int typeIx;
  private final int orderIx;
  private final Map<String, String>[] aliases;
  // Rows are parsed on several threads at once by the CLI: a LongAdder costs nothing until a gap is met.
  private final LongAdder gapShifts = new LongAdder();

  /**
   * @param header the resolved header (see {@link #header})
   * @param mapping value aliases
   * @param zone zone of local date-times
   */
  public EventRowParser(Header header, ColumnMapping mapping, ZoneId zone) {
    this.header = Objects.requireNonNull(header, "header");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.zone = Objects.requireNonNull(zone, "zone");
    customerIx = header.index("customer_id");
    timestampIx = header.index("timestamp");
    channelIx = header.index("channel");
    conversionIx = header.index("conversion");
    valueIx = header.index("conversion_value");
    typeIx = header.index("event_type");
    orderIx = header.index("order_id");
    @SuppressWarnings("unchecked")
    Map<String, String>[] byIndex = new Map[header.width()];
    for (String canonical : REQUIRED) {
      putAliases(byIndex, canonical);
    }
    for (String canonical : OPTIONAL) {
      putAliases(byIndex, canonical);
    }
    this.aliases = byIndex;
  }

  private void putAliases(Map<String, String>[] byIndex, String canonical) {
    int i = header.index(canonical);
    if (i >= 0) {
      byIndex[i] = mapping.aliases(canonical);
    }
  }

  /** Resolves an event log's header. @throws InputException when a required column is missing */
  public static Header header(String file, List<String> names, ColumnMapping mapping) {
    return Header.resolve(file, names, REQUIRED, OPTIONAL, mapping);
  }

  /**
   * @param fields the row's fields
   * @param line the row's 1-based line number in the file (header = 1)
   * @return the event
   * @throws InputException naming file, line and column of the first problem
   */
  public Event parse(String[] fields, long line) {
    String file = header.file();
    if (fields.length != header.width()) {
      throw new InputException(file, line, null, "expected " + header.width() + " fields, found " + fields.length);
    }
    String customer = field(fields, customerIx);
    if (customer.isEmpty()) {
      throw new InputException(file, line, mapping.source("customer_id"), "empty customer id");
    }
    checkLength(customer, MAX_ID_LENGTH, line, "customer_id");
    if (Values.hasControl(customer)) {
      // Not quoted back: the reason is written to rejected_rows, which holds no customer id.
      throw new InputException(file, line, mapping.source("customer_id"), "control character in customer id");
    }
    long ts;
    try {
      ts = Timestamps.parse(field(fields, timestampIx), zone, gapShifts);
    } catch (IllegalArgumentException e) {
      throw new InputException(file, line, mapping.source("timestamp"), e.getMessage());
    }
    String type = field(fields, typeIx).toLowerCase(Locale.ROOT);
    boolean conversionRow;
    switch (type) {
      case "":
      case "touch":
        conversionRow = false;
        break;
      case "conversion":
        conversionRow = true;
        break;
      default:
        throw new InputException(file, line, mapping.source("event_type"),
            "unknown event type \"" + Values.clip(type) + "\" (touch or conversion; map others with --alias)");
    }
    boolean converts;
    try {
      converts = conversionRow || Values.parseFlag(field(fields, conversionIx));
    } catch (IllegalArgumentException e) {
      throw new InputException(file, line, mapping.source("conversion"), e.getMessage());
    }
    BigDecimal value;
    try {
      value = Values.parseAmount(field(fields, valueIx));
    } catch (IllegalArgumentException e) {
      throw new InputException(file, line, mapping.source("conversion_value"), e.getMessage());
    }
    if (!converts && value.signum() != 0) {
      throw new InputException(file, line, mapping.source("conversion_value"),
          "conversion value " + value.toPlainString() + " on a row that is not a conversion");
    }
    String channel = field(fields, channelIx);
    if (!conversionRow) {
      if (channel.isEmpty()) {
        throw new InputException(file, line, mapping.source("channel"), "a touch needs a channel");
      }
      checkChannel(channel, line);
    } else if (!channel.isEmpty()) {
      checkChannel(channel, line);
    }
    String orderId = field(fields, orderIx);
    checkLength(orderId, MAX_ID_LENGTH, line, "order_id");
    return new Event(customer, ts, channel.isEmpty() ? null : channel, !conversionRow, converts, value,
        orderId.isEmpty() ? null : orderId);
  }

  /**
   * @return how many accepted or rejected rows so far had a local time in a daylight-saving gap of the zone, read
   *     moved forward by the gap (see {@link Timestamps#parse(String, ZoneId, LongAdder)}); engines report it
   */
  public long gapShifts() {
    return gapShifts.sum();
  }

  private void checkChannel(String channel, long line) {
    checkLength(channel, MAX_CHANNEL_LENGTH, line, "channel");
    if (Values.hasControl(channel)) {
      throw new InputException(header.file(), line, mapping.source("channel"),
          "control character in channel name \"" + Values.clip(channel) + "\"");
    }
    if (channel.indexOf(Path.MARK) >= 0) {
      throw new InputException(header.file(), line, mapping.source("channel"),
          "channel name \"" + Values.clip(channel) + "\" contains the path separator '>'");
    }
  }

  private void checkLength(String s, int max, long line, String canonical) {
    if (s.length() > max) {
      throw new InputException(header.file(), line, mapping.source(canonical),
          "value of " + s.length() + " characters is longer than " + max);
    }
  }

  private String field(String[] fields, int index) {
    if (index < 0) {
      return "";
    }
    String v = fields[index].strip();
    Map<String, String> a = aliases[index];
    if (a == null) {
      return v;
    }
    String to = a.get(v.toLowerCase(Locale.ROOT));
    return to == null ? v : to;
  }
}
