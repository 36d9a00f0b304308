package io.tributary.core.input;

import io.tributary.core.InputException;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.paths.Path;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns one event-log row into an {@link Event} (or straight into an {@link EventSink}), or says exactly what is
 * wrong with it. Both engines use this class, so they accept and reject the same rows for the same reasons.
 *
 * <p>Not thread-safe (it remembers the last few flag and type cells it decided): one parser per reading thread.
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
  // --touchpoint: the level and the campaign column it reads (-1 at channel level: the column is not read).
  private final TouchpointLevel level;
  private final int campaignIx;
  private byte[] keyScratch = new byte[128];
  private final Map<String, String>[] aliases;
  private final boolean bytePath;
  // Per parser, hence per thread: a parser is not shared between threads.
  private final Memo typeMemo = new Memo();
  private final Memo flagMemo = new Memo();
  private final LongAdder gapShifts = new LongAdder();
  // The months of the canonical timestamps read: a log spans few of them.
  private final CanonicalTimestamps.Months months = new CanonicalTimestamps.Months();
  // Segment columns (--segment-by): their field indexes, the last plain cell each held and its value, the values seen.
  private final String[] segmentColumns;
  private final int[] segmentIx;
  private final byte[][] lastSegmentCell;
  private final String[] lastSegmentValue;
  // Per segment column, the plain cells met so far (up to SegmentCells.MAX) with their values.
  private final SegmentCells[] segmentCells;
  // The array plainSegments handed on last, or null: reused while the cells stay the same.
  private String[] lastPlainSegments;
  private final String[] plainSegmentsBuffer;
  private final Map<String, String> segmentValues = new java.util.HashMap<>();
  private String[] rowSegments;
  // Whether plainSegments found every cell as the plain row before's, and the sink that holds those values (null when
  // the text path handed others since): a customer's rows hand a sink their values once, not once per row.
  private boolean segmentsUnchanged;
  private EventSink segmentsHeldBy;

  /**
   * @param header the resolved header (see {@link #header})
   * @param mapping value aliases
   * @param zone zone of local date-times
   */
  public EventRowParser(Header header, ColumnMapping mapping, ZoneId zone) {
    this(header, mapping, zone, TouchpointLevel.CHANNEL, List.of());
  }

  /**
   * A parser that also reads segment columns: each accepted row's values are handed to
   * {@link EventSink#segments} right before the row, and kept for {@link #segments()}.
   *
   * @param header the resolved header (see {@link #header(String, List, ColumnMapping, List)})
   * @param mapping value aliases (they apply to segment columns too)
   * @param zone zone of local date-times
   * @param segmentColumns event-log columns of {@code --segment-by}, each in {@code header}
   */
  public EventRowParser(Header header, ColumnMapping mapping, ZoneId zone, List<String> segmentColumns) {
    this(header, mapping, zone, TouchpointLevel.CHANNEL, segmentColumns);
  }

  /**
   * A parser whose events name their touchpoint at {@code level}: {@link Event#channel()} is then the touchpoint key
   * ({@link TouchpointLevel#key}), a campaign name follows the channel name's rules, an empty one is
   * {@link TouchpointLevel#NO_CAMPAIGN}. At {@code channel} level the campaign column is not read at all.
   *
   * @param header the resolved header (see {@link #header})
   * @param mapping value aliases
   * @param zone zone of local date-times
   * @param level what a touch is credited as
   * @throws InputException when the level reads campaigns and the header has no campaign column
   */
  public EventRowParser(Header header, ColumnMapping mapping, ZoneId zone, TouchpointLevel level) {
    this(header, mapping, zone, level, List.of());
  }

  /**
   * A parser at touchpoint {@code level} that also reads the segment columns {@code segmentColumns} (see the two
   * constructors above).
   */
  public EventRowParser(Header header, ColumnMapping mapping, ZoneId zone, TouchpointLevel level,
      List<String> segmentColumns) {
    this.segmentColumns = segmentColumns.toArray(String[]::new);
    this.segmentIx = new int[this.segmentColumns.length];
    for (int k = 0; k < segmentIx.length; k++) {
      segmentIx[k] = header.index(this.segmentColumns[k]);
      if (segmentIx[k] < 0) {
        throw new IllegalArgumentException("segment column " + this.segmentColumns[k] + " not in the header");
      }
    }
    this.lastSegmentCell = new byte[segmentIx.length][];
    this.lastSegmentValue = new String[segmentIx.length];
    this.plainSegmentsBuffer = new String[segmentIx.length];
    this.segmentCells = new SegmentCells[segmentIx.length];
    for (int k = 0; k < segmentIx.length; k++) {
      segmentCells[k] = new SegmentCells();
    }
    this.header = Objects.requireNonNull(header, "header");
    this.level = Objects.requireNonNull(level, "level");
    this.campaignIx = level.usesCampaign() ? header.index("campaign") : -1;
    if (level.usesCampaign() && campaignIx < 0) {
      throw new InputException(header.file(), 1, mapping.source("campaign"),
          "--touchpoint " + level.text() + " needs a campaign column; the header has none");
    }
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
    this.bytePath = !mapping.hasAliases();
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
   * Resolves an event log's header with the event-log columns of {@code --segment-by}.
   *
   * @throws InputException when a required column or a segment column is missing, naming the file and the column
   */
  public static Header header(String file, List<String> names, ColumnMapping mapping, List<String> segmentColumns) {
    if (segmentColumns.isEmpty()) {
      return header(file, names, mapping);
    }
    List<String> optional = new java.util.ArrayList<>(OPTIONAL);
    for (String c : segmentColumns) {
      if (!optional.contains(c)) {
        optional.add(c);
      }
    }
    Header h = Header.resolve(file, names, REQUIRED, optional, mapping);
    for (String c : segmentColumns) {
      if (!h.has(c)) {
        throw new InputException(file, 1, mapping.source(c), "segment column (--segment-by) is not in the header");
      }
    }
    return h;
  }

  /**
   * @return the segment values of the row accepted last, in the order of the parser's segment columns (empty cells
   *     read {@code (none)}); the array is the parser's and changes with the next row: copy what you keep
   */
  public String[] segments() {
    return rowSegments;
  }

  /**
   * @param fields the row's fields
   * @param line the row's 1-based line number in the file (header = 1)
   * @return the event
   * @throws InputException naming file, line and column of the first problem
   */
  public Event parse(String[] fields, long line) {
    return parse(Fields.of(fields, line));
  }

  /**
   * @param fields the row's cells and line
   * @return the event
   * @throws InputException naming file, line and column of the first problem
   */
  public Event parse(Fields fields) {
    String file = header.file();
    long line = fields.line();
    header.checkWidth(fields);
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
    Boolean conversionType = conversionRow(type);
    if (conversionType == null) {
      throw new InputException(file, line, mapping.source("event_type"),
          "unknown event type \"" + Values.clip(type) + "\" (touch or conversion; map others with --alias)");
    }
    boolean conversionRow = conversionType;
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
    String touchpoint = channel.isEmpty() ? null : channel;
    if (campaignIx >= 0) {
      String campaign = field(fields, campaignIx);
      checkName(campaign, line, "campaign");
      touchpoint = touchpoint == null ? null : level.key(touchpoint, campaign);
    }
    if (segmentIx.length > 0) {
      readSegments(fields, line);
    }
    return new Event(customer, ts, touchpoint, !conversionRow, converts, value,
        orderId.isEmpty() ? null : orderId);
  }

  /**
   * Parses a row into {@code out}: a row whose used cells are all {@linkplain Fields#plain plain} is taken straight
   * from the reader's bytes (no String for its customer id or channel), any other through {@link #parse(Fields)}.
   * The byte path applies this class's rules to the bytes and hands every value rule (flags, event types, amounts,
   * canonical timestamps) to the same functions the text path calls; whatever it cannot decide there it leaves to the
   * text path, which words the reason. So both paths accept and reject the same rows.
   *
   * @throws InputException naming file, line and column of the first problem
   */
  public void parse(Fields fields, EventSink out) {
    // Only the byte reader has plain cells. Its own type, not the interface, is what the byte path reads through: the
    // quick compiler (which runs the CLI's reads under 1 GB) calls an interface's methods, where a final class's
    // small ones are inlined.
    if (!bytePath || !(fields instanceof CsvRecords records) || !plainRow(records, out)) {
      Event e = parse(fields);
      if (segmentIx.length > 0) {
        out.segments(rowSegments);
        segmentsHeldBy = null;
      }
      out.add(e);
    }
  }

  /* The value aliases translate text; with any of them every row takes the text path. */
  private boolean plainRow(CsvRecords r, EventSink out) {
    if (r.count() != header.width() || !r.plain(customerIx) || !r.plain(timestampIx)) {
      return false;
    }
    byte[] b = r.bytes();
    int cf = r.from(customerIx);
    int ct = r.to(customerIx);
    // A plain cell is printable ASCII: no control character, and only a space for String.strip to remove.
    if (cf == ct || ct - cf > MAX_ID_LENGTH || !stripped(b, cf, ct)) {
      return false;
    }
    long time = CanonicalTimestamps.parseOutsideGaps(b, r.from(timestampIx), r.to(timestampIx), zone,
        months);
    if (time == CanonicalTimestamps.NOT_CANONICAL) {
      return false;
    }
    boolean conversionRow = false;
    if (typeIx >= 0) {
      if (!r.plain(typeIx)) {
        return false;
      }
      int kind = typeMemo.decide(b, r.from(typeIx), r.to(typeIx), EventRowParser::typeCode);
      if (kind < 0) {
        return false;
      }
      conversionRow = kind == 1;
    }
    boolean converts = conversionRow;
    if (!conversionRow && conversionIx >= 0) {
      // As in the text path, the flag is read only when event_type has not already made the row a conversion.
      if (!r.plain(conversionIx)) {
        return false;
      }
      int flag = flagMemo.decide(b, r.from(conversionIx), r.to(conversionIx), EventRowParser::flagCode);
      if (flag < 0) {
        return false;
      }
      converts = flag == 1;
    }
    BigDecimal value = null;
    if (valueIx >= 0 && r.to(valueIx) > r.from(valueIx)) {
      if (!r.plain(valueIx) || !stripped(b, r.from(valueIx), r.to(valueIx))) {
        return false;
      }
      try {
        value = Values.parseAmount(new String(b, r.from(valueIx), r.to(valueIx) - r.from(valueIx),
            StandardCharsets.ISO_8859_1));
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (!converts && value.signum() != 0) {
        return false;
      }
    }
    int chf = -1;
    int cht = -1;
    if (channelIx >= 0 && r.to(channelIx) > r.from(channelIx)) {
      if (!r.plain(channelIx)) {
        return false;
      }
      chf = r.from(channelIx);
      cht = r.to(channelIx);
      if (!plainChannel(b, chf, cht)) {
        return false;
      }
    } else if (channelIx >= 0 && !r.plain(channelIx)) {
      return false;
    } else if (!conversionRow) {
      return false;
    }
    String orderId = null;
    if (orderIx >= 0 && r.to(orderIx) > r.from(orderIx)) {
      int of = r.from(orderIx);
      int ot = r.to(orderIx);
      if (!r.plain(orderIx) || ot - of > MAX_ID_LENGTH || !stripped(b, of, ot)) {
        return false;
      }
      orderId = new String(b, of, ot - of, StandardCharsets.ISO_8859_1);
    } else if (orderIx >= 0 && !r.plain(orderIx)) {
      return false;
    }
    if (segmentIx.length > 0) {
      if (!plainSegments(r)) {
        return false;
      }
      if (!segmentsUnchanged || segmentsHeldBy != out) {
        out.segments(rowSegments);
        segmentsHeldBy = out;
      }
    }
    if (campaignIx >= 0) {
      return campaignRow(r, out, cf, ct, time, chf, cht, !conversionRow, converts, value, orderId);
    }
    out.add(b, cf, ct, time, chf, cht, !conversionRow, converts, value, orderId);
    return true;
  }

  /*
   * The segment cells of a byte row: a cell equal to the same column's cell of the row before (a customer's rows
   * mostly come together, and a segment is constant per customer) reuses its value; any other goes through the text
   * rule. False, with nothing read, when a cell is not plain: the text path then reads the row.
   */
  private boolean plainSegments(Fields r) {
    byte[] b = r.bytes();
    // Null while every cell is the row before's: then that row's array is handed on again (segments() lets the next
    // row change it; it does not when the values are the same), not a new one per row (10M rows, 1M customers).
    String[] out = null;
    for (int k = 0; k < segmentIx.length; k++) {
      int ix = segmentIx[k];
      if (!r.plain(ix)) {
        lastPlainSegments = null;
        return false;
      }
      int f = r.from(ix);
      int t = r.to(ix);
      if (Memo.same(lastSegmentCell[k], b, f, t)) {
        if (out != null) {
          out[k] = lastSegmentValue[k];
        }
        continue;
      }
      if (out == null) {
        // One array for every row whose cells change (a new customer, mostly): the sink copies what it keeps
        // (EventSink#segments), so a million customers make no million arrays.
        out = plainSegmentsBuffer;
        System.arraycopy(lastSegmentValue, 0, out, 0, k); // cells 0..k-1 were the row before's
      }
      // A cell met before (a region, a tier: few values, each customer's rows come together, so the cell changes
      // with the customer) takes its value from the column's table, the bytes the key: no String per customer.
      SegmentCells cells = segmentCells[k];
      int slot = cells.find(b, f, t);
      if (slot >= 0) {
        out[k] = cells.value(slot);
        lastSegmentCell[k] = cells.key(slot);
      } else {
        try {
          out[k] = segmentValue(k, new String(b, f, t - f, StandardCharsets.ISO_8859_1), r.line());
        } catch (InputException e) {
          lastPlainSegments = null;
          return false;
        }
        lastSegmentCell[k] = cells.remember(b, f, t, out[k]);
      }
      lastSegmentValue[k] = out[k];
    }
    segmentsUnchanged = out == null && lastPlainSegments != null;
    if (out == null) {
      // Every cell as the row before's: its values (lastSegmentValue holds them after every completed call).
      out = lastPlainSegments != null ? lastPlainSegments : lastSegmentValue.clone();
    }
    lastPlainSegments = out;
    rowSegments = out;
    return true;
  }

  private void readSegments(Fields fields, long line) {
    String[] out = new String[segmentIx.length];
    for (int k = 0; k < segmentIx.length; k++) {
      out[k] = segmentValue(k, fields.text(segmentIx[k]), line);
    }
    rowSegments = out;
  }

  /*
   * One segment cell's value: stripped, translated by the column's --alias entries, (none) when empty; a value
   * becomes a cell of every output table, so it is held to a channel name's rules (length, no control character).
   * Values are interned: a run holds each once, however many customers share it.
   */
  private String segmentValue(int k, String cell, long line) {
    String column = segmentColumns[k];
    String v = mapping.translate(column, cell.strip());
    if (v.isEmpty()) {
      return io.tributary.core.segment.Segmentation.NONE;
    }
    if (v.length() > MAX_CHANNEL_LENGTH) {
      throw new InputException(header.file(), line, mapping.source(column),
          "segment value of " + v.length() + " characters is longer than " + MAX_CHANNEL_LENGTH);
    }
    if (Values.hasControl(v)) {
      throw new InputException(header.file(), line, mapping.source(column),
          "control character in segment value \"" + Values.clip(v) + "\"");
    }
    String known = segmentValues.get(v);
    if (known != null) {
      return known;
    }
    if (segmentValues.size() < MAX_INTERNED_SEGMENT_VALUES) {
      segmentValues.put(v, v);
    }
    return v;
  }

  /** Distinct segment values a parser interns; beyond, values are kept as read (memory stays bounded). */
  private static final int MAX_INTERNED_SEGMENT_VALUES = 100_000;

  /*
   * A plain row at a campaign level: the touchpoint key is not a range of the row, so the customer id and the key
   * are copied side by side into this parser's scratch (a few dozen bytes) and handed on from there. The campaign
   * cell takes the channel's plain rules; anything else goes to the text path, which words the reason.
   */
  private boolean campaignRow(Fields r, EventSink out, int cf, int ct, long time, int chf, int cht, boolean touch,
      boolean converts, BigDecimal value, String orderId) {
    if (!r.plain(campaignIx)) {
      return false;
    }
    byte[] b = r.bytes();
    int mf = r.from(campaignIx);
    int mt = r.to(campaignIx);
    if (mt > mf && !plainChannel(b, mf, mt)) {
      return false;
    }
    int customerLength = ct - cf;
    if (chf < 0) {
      out.add(b, cf, ct, time, -1, -1, touch, converts, value, orderId);
      return true;
    }
    byte[] none = NO_CAMPAIGN_BYTES;
    int channelLength = level == TouchpointLevel.CAMPAIGN ? 0 : cht - chf;
    int campaignLength = mt > mf ? mt - mf : none.length;
    int n = customerLength + channelLength + 1 + campaignLength;
    if (keyScratch.length < n) {
      keyScratch = new byte[Math.max(n, 2 * keyScratch.length)];
    }
    byte[] k = keyScratch;
    System.arraycopy(b, cf, k, 0, customerLength);
    System.arraycopy(b, chf, k, customerLength, channelLength);
    k[customerLength + channelLength] = (byte) TouchpointLevel.SEPARATOR;
    if (mt > mf) {
      System.arraycopy(b, mf, k, customerLength + channelLength + 1, campaignLength);
    } else {
      System.arraycopy(none, 0, k, customerLength + channelLength + 1, campaignLength);
    }
    out.add(k, 0, customerLength, time, customerLength, n, touch, converts, value, orderId);
    return true;
  }

  private static final byte[] NO_CAMPAIGN_BYTES = TouchpointLevel.NO_CAMPAIGN.getBytes(StandardCharsets.US_ASCII);

  /* Whether String.strip leaves plain text alone: in printable ASCII it removes spaces only. */
  private static boolean stripped(byte[] b, int f, int t) {
    return t == f || (b[f] != ' ' && b[t - 1] != ' ');
  }

  /* checkChannel's rules on a plain cell: its length, no path separator, nothing to strip (no control possible). */
  private static boolean plainChannel(byte[] b, int f, int t) {
    if (t - f > MAX_CHANNEL_LENGTH || !stripped(b, f, t)) {
      return false;
    }
    for (int i = f; i < t; i++) {
      if (b[i] == Path.MARK) {
        return false;
      }
    }
    return true;
  }

  /* The event type of a lower-cased cell: false for a touch, true for a conversion, null when unknown. */
  private static Boolean conversionRow(String lowerType) {
    switch (lowerType) {
      case "":
      case "touch":
        return Boolean.FALSE;
      case "conversion":
        return Boolean.TRUE;
      default:
        return null;
    }
  }

  private static int typeCode(String text) {
    Boolean c = conversionRow(text.strip().toLowerCase(Locale.ROOT));
    return c == null ? -1 : c ? 1 : 0;
  }

  private static int flagCode(String text) {
    try {
      return Values.parseFlag(text) ? 1 : 0;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /**
   * The plain cells of one segment column met so far, up to {@link #MAX} of them, with the value
   * {@link #segmentValue} made of each: a pure function of the cell's bytes (strip, aliases, checks, interning), so a
   * cell's value from here is the one the text rule would make again. A column of more distinct values than that
   * (a customer id used as a segment) keeps the first ones and reads the others by the rule.
   */
  private static final class SegmentCells {
    /*
     * Why: 10M rows of 1M customers change segment cells at every customer; making a String of each cell, stripping,
     * translating and looking it up, then a tuple list in the store, was a third of the reading thread's samples
     * with two segment columns (JFR, benchmarks/results/segments.md).
     */
    static final int MAX = 256;
    // Open addressing, linear probing, at most half full: the index of the cell in keys/values, or -1.
    private final int[] slots = new int[2 * MAX];
    private final byte[][] keys = new byte[MAX][];
    private final String[] values = new String[MAX];
    private int size;

    SegmentCells() {
      java.util.Arrays.fill(slots, -1);
    }

    /** @return the index of the cell {@code b[f, t)}, or -1 when it was not remembered */
    int find(byte[] b, int f, int t) {
      int mask = slots.length - 1;
      for (int i = hash(b, f, t) & mask; slots[i] >= 0; i = (i + 1) & mask) {
        int c = slots[i];
        if (Memo.same(keys[c], b, f, t)) {
          return c;
        }
      }
      return -1;
    }

    byte[] key(int c) {
      return keys[c];
    }

    String value(int c) {
      return values[c];
    }

    /** Remembers the cell's value when there is room; @return the cell's bytes, a copy */
    byte[] remember(byte[] b, int f, int t, String value) {
      byte[] key = java.util.Arrays.copyOfRange(b, f, t);
      if (size < MAX) {
        int mask = slots.length - 1;
        int i = hash(b, f, t) & mask;
        while (slots[i] >= 0) {
          i = (i + 1) & mask;
        }
        slots[i] = size;
        keys[size] = key;
        values[size] = value;
        size++;
      }
      return key;
    }

    private static int hash(byte[] b, int f, int t) {
      int h = t - f;
      for (int i = f; i < t; i++) {
        h = 31 * h + b[i];
      }
      return h ^ (h >>> 16);
    }
  }

  /**
   * The last few distinct cells of a low-cardinality column (a flag, an event type) and what the text rule made of
   * them: the rule runs once per distinct cell, not once per row, and never in a second form on bytes.
   */
  private static final class Memo {
    private static final int SLOTS = 8;
    private final byte[][] keys = new byte[SLOTS][];
    private final int[] codes = new int[SLOTS];
    private int next;
    private int last;

    int decide(byte[] b, int f, int t, java.util.function.ToIntFunction<String> rule) {
      // The cell of the row before is the likeliest: try its slot first. A plain loop, not Arrays.equals: cells here
      // are a few bytes long.
      if (same(keys[last], b, f, t)) {
        return codes[last];
      }
      int n = t - f;
      for (int s = 0; s < SLOTS; s++) {
        if (same(keys[s], b, f, t)) {
          last = s;
          return codes[s];
        }
      }
      int code = rule.applyAsInt(new String(b, f, n, StandardCharsets.ISO_8859_1));
      if (n > 16) {
        return code;
      }
      keys[next] = java.util.Arrays.copyOfRange(b, f, t);
      codes[next] = code;
      last = next;
      next = (next + 1) % SLOTS;
      return code;
    }

    /* Whether b[f, t) is the cell k: a plain loop, not Arrays.equals, for cells of a few bytes. */
    static boolean same(byte[] k, byte[] b, int f, int t) {
      if (k == null || k.length != t - f) {
        return false;
      }
      for (int i = 0; i < k.length; i++) {
        if (k[i] != b[f + i]) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * @return how many accepted or rejected rows so far had a local time in a daylight-saving gap of the zone, read
   *     moved forward by the gap (see {@link Timestamps#parse(String, ZoneId, LongAdder)}); engines report it
   */
  public long gapShifts() {
    return gapShifts.sum();
  }

  private void checkChannel(String channel, long line) {
    checkName(channel, line, "channel");
  }

  /* A channel's rules, for a channel or (at a campaign level) a campaign: both become part of a touchpoint key. */
  private void checkName(String name, long line, String canonical) {
    checkLength(name, MAX_CHANNEL_LENGTH, line, canonical);
    if (Values.hasControl(name)) {
      throw new InputException(header.file(), line, mapping.source(canonical),
          "control character in " + canonical + " name \"" + Values.clip(name) + "\"");
    }
    if (name.indexOf(Path.MARK) >= 0) {
      throw new InputException(header.file(), line, mapping.source(canonical),
          canonical + " name \"" + Values.clip(name) + "\" contains the path separator '>'");
    }
  }

  private void checkLength(String s, int max, long line, String canonical) {
    if (s.length() > max) {
      throw new InputException(header.file(), line, mapping.source(canonical),
          "value of " + s.length() + " characters is longer than " + max);
    }
  }

  private String field(Fields fields, int index) {
    if (index < 0) {
      return "";
    }
    String v = fields.text(index).strip();
    Map<String, String> a = aliases[index];
    if (a == null) {
      return v;
    }
    String to = a.get(v.toLowerCase(Locale.ROOT));
    return to == null ? v : to;
  }
}
