package io.tributary.cli.load;

import io.tributary.core.segment.FirstValues;

import io.tributary.core.TributaryException;
import io.tributary.core.input.EventSink;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accepted events held compactly until they are grouped per customer: customer ids interned to ints, channel ids to
 * chars, times as longs, a flag byte; the few conversion rows that carry a value or an order id are listed apart per
 * chunk. About 15 bytes per event plus the distinct ids, so ten million events fit in under 200 MB, where ten million
 * {@link Event} objects would not fit in a gigabyte.
 *
 * <p>Several reading threads fill one store, each through its own {@link Writer} with its own id tables (no locks
 * per row); {@link #group} then unifies the ids: channels numbered in name order (what the core's
 * {@link CustomerEvents} wants), customers stitched through the identity map with opted-out ones dropped. Columns
 * grow in fixed chunks, never by copying.
 */
public final class EventStore {
  /*
   * Grouping is a counting sort on the customer id: one pass counts events per customer, a prefix sum gives each
   * customer's slot range, a second pass places event indices. O(n), two int arrays, no comparisons. Within a
   * customer the events stay in chunk order; the core's JourneyBuilder orders them by its own total order, so the
   * order here never changes a result.
   */
  private static final int SHIFT = 16;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;
  private static final byte TOUCH = 1;
  private static final byte CONVERSION = 2;
  private static final char NO_CHANNEL = Character.MAX_VALUE;
  private static final int EXCLUDED = -1;

  private final IdentityMap identities;
  private final ConsentList consent;
  /* The event-log columns of --segment-by, whose values each row keeps as a reference to its writer's tuples. */
  private final List<String> segmentColumns;
  /* The consent list's ids that matched an event, marked while customers are unified. */
  private final java.util.BitSet matchedOptOuts = new java.util.BitSet();
  private final List<Chunk> chunks = new ArrayList<>();
  private final List<Writer> writers = new ArrayList<>();
  private int customers = -1;
  private List<String> channelNames = List.of();
  private Grouped grouped;

  /**
   * @param identities alias to customer id, applied when grouping
   * @param consent opted-out customers, whose events are dropped when grouping
   */
  public EventStore(IdentityMap identities, ConsentList consent) {
    this(identities, consent, List.of());
  }

  /**
   * @param identities alias to customer id, applied when grouping
   * @param consent opted-out customers, whose events are dropped when grouping
   * @param segmentColumns event-log columns of {@code --segment-by} whose values every row carries (via
   *     {@link io.tributary.core.input.EventSink#segments})
   */
  public EventStore(IdentityMap identities, ConsentList consent, List<String> segmentColumns) {
    this.identities = java.util.Objects.requireNonNull(identities, "identities");
    this.consent = java.util.Objects.requireNonNull(consent, "consent");
    this.segmentColumns = List.copyOf(segmentColumns);
  }

  /** @return an empty store with the same identities, consent and segment columns */
  public EventStore fresh() {
    return new EventStore(identities, consent, segmentColumns);
  }

  /** @return the event-log segment columns every row carries */
  public List<String> segmentColumns() {
    return segmentColumns;
  }

  /** Events of one writer, {@value #CHUNK} rows at most; values and order ids of the rows that have one. */
  private static final class Chunk {
    final Writer owner;
    final int[] customer = new int[CHUNK];
    final long[] time = new long[CHUNK];
    final char[] channel = new char[CHUNK];
    final byte[] flags = new byte[CHUNK];
    /* Per row, its segment values as an index into the owner's tuples; null without segment columns. */
    final int[] segmentRef;
    int size;
    int[] extraRows = new int[16];
    BigDecimal[] values = new BigDecimal[16];
    String[] orderIds = new String[16];
    int extras;

    Chunk(Writer owner, boolean segmented) {
      this.owner = owner;
      this.segmentRef = segmented ? new int[CHUNK] : null;
    }
  }

  /** Adds events from one thread, with ids of its own. Not thread-safe; one per thread. */
  public final class Writer implements EventSink {
    private final ByteKeys customerKeys = new ByteKeys();
    private final ByteKeys channelKeys = new ByteKeys();
    // Distinct segment-value tuples this writer met, and the one of the row to come (a customer's rows repeat it).
    private final List<String[]> tuples = new ArrayList<>();
    private final Map<List<String>, Integer> tupleIds = new HashMap<>();
    private int pendingTuple;
    private Chunk chunk;
    private byte[] lastCustomer = new byte[64];
    private int lastCustomerLength = -1;
    private int lastCustomerId;
    private long rows;
    // Filled by group(): this writer's ids -> the store's.
    private int[] customerMap;
    private char[] channelMap;

    /**
     * Adds one accepted event whose ids lie in a byte buffer (UTF-8, already stripped).
     *
     * @param b the buffer
     * @param customerFrom first byte of the customer id (before identity stitching)
     * @param customerTo one past it
     * @param time epoch ms
     * @param channelFrom first byte of the channel name, or -1 for none
     * @param channelTo one past it
     * @param touch whether the row is a touch
     * @param conversion whether the row converts
     * @param value the conversion value; null or zero for none
     * @param orderId the order id, or null
     */
    @Override
    public void add(byte[] b, int customerFrom, int customerTo, long time, int channelFrom, int channelTo,
        boolean touch, boolean conversion, BigDecimal value, String orderId) {
      Chunk c = chunk;
      if (c == null || c.size == CHUNK) {
        c = chunk = newChunk(this);
      }
      int i = c.size++;
      // Exports usually list a customer's rows together: skip the hash lookup while the customer repeats.
      int len = customerTo - customerFrom;
      if (!ByteKeys.same(lastCustomer, 0, lastCustomerLength, b, customerFrom, customerTo)) {
        lastCustomerId = customerKeys.intern(b, customerFrom, customerTo);
        if (len > lastCustomer.length) {
          lastCustomer = new byte[Math.max(len, 2 * lastCustomer.length)];
        }
        System.arraycopy(b, customerFrom, lastCustomer, 0, len);
        lastCustomerLength = len;
      }
      c.customer[i] = lastCustomerId;
      c.time[i] = time;
      c.channel[i] = channelFrom < 0 ? NO_CHANNEL : channelId(b, channelFrom, channelTo);
      c.flags[i] = (byte) ((touch ? TOUCH : 0) | (conversion ? CONVERSION : 0));
      if (c.segmentRef != null) {
        c.segmentRef[i] = pendingTuple;
      }
      if (conversion && ((value != null && value.signum() != 0) || orderId != null)) {
        if (c.extras == c.extraRows.length) {
          int n = c.extras * 2;
          c.extraRows = Arrays.copyOf(c.extraRows, n);
          c.values = Arrays.copyOf(c.values, n);
          c.orderIds = Arrays.copyOf(c.orderIds, n);
        }
        c.extraRows[c.extras] = i;
        c.values[c.extras] = value == null ? BigDecimal.ZERO : value;
        c.orderIds[c.extras++] = orderId;
      }
      rows++;
    }

    /** Adds one event parsed by the core's row parser (the path of rows that are not plain ASCII or not simple). */
    @Override
    public void add(Event e) {
      byte[] id = e.customerId().getBytes(StandardCharsets.UTF_8);
      if (e.channel() == null) {
        add(id, 0, id.length, e.timestamp(), -1, -1, e.touch(), e.conversion(), e.value(), e.orderId());
        return;
      }
      byte[] ch = e.channel().getBytes(StandardCharsets.UTF_8);
      byte[] both = Arrays.copyOf(id, id.length + ch.length);
      System.arraycopy(ch, 0, both, id.length, ch.length);
      add(both, 0, id.length, e.timestamp(), id.length, both.length, e.touch(), e.conversion(), e.value(),
          e.orderId());
    }

    /** Keeps the segment values of the row added next, as a tuple shared by every row that has them. */
    @Override
    public void segments(String[] values) {
      if (!tuples.isEmpty() && Arrays.equals(tuples.get(pendingTuple), values)) {
        return;
      }
      Integer id = tupleIds.get(Arrays.asList(values));
      if (id == null) {
        String[] copy = values.clone();
        id = tuples.size();
        tuples.add(copy);
        tupleIds.put(Arrays.asList(copy), id);
      }
      pendingTuple = id;
    }

    /** @return rows added through this writer */
    public long rows() {
      return rows;
    }

    private char channelId(byte[] b, int from, int to) {
      int id = channelKeys.intern(b, from, to);
      if (id >= NO_CHANNEL) {
        throw new TributaryException(
            "more than " + (int) NO_CHANNEL + " distinct channel names; is the channel column mapped right?");
      }
      return (char) id;
    }
  }

  /** @return a writer for one reading thread */
  public synchronized Writer writer() {
    Writer w = new Writer();
    writers.add(w);
    return w;
  }

  /**
   * Forgets every event a writer added (a range read on a wrong guess of its first record; see EventLoader). Call
   * before {@link #group}, never while the writer is in use.
   */
  public synchronized void discard(Writer w) {
    writers.remove(w);
    chunks.removeIf(c -> c.owner == w);
  }

  private synchronized Chunk newChunk(Writer w) {
    Chunk c = new Chunk(w, !segmentColumns.isEmpty());
    chunks.add(c);
    return c;
  }

  /** @return the number of events */
  public long size() {
    long n = 0;
    for (Writer w : writers) {
      n += w.rows;
    }
    return n;
  }

  /** @return the number of distinct (unified) customers, known after {@link #group} */
  public int customers() {
    return customers;
  }

  /** @return the number of distinct channels, known after {@link #group} */
  public int channels() {
    return channelNames.size();
  }

  /**
   * Unifies the writers' ids (customers stitched through the identity map, opted-out ones dropped) and groups the
   * events per customer. Done once, after every writer is done; later calls return the same grouping.
   *
   * @return the events in customer order, and how many were dropped by consent
   */
  public synchronized Grouped group() {
    if (grouped == null) {
      grouped = groupOnce();
    }
    return grouped;
  }

  private Grouped groupOnce() {
    unifyChannels();
    int n = unifyCustomers();
    customers = n;
    int[] start = new int[n + 1];
    long excluded = 0;
    for (Chunk c : chunks) {
      int[] map = c.owner.customerMap;
      for (int i = 0; i < c.size; i++) {
        int u = map[c.customer[i]];
        c.customer[i] = u;
        if (u == EXCLUDED) {
          excluded++;
        } else {
          start[u + 1]++;
        }
      }
      char[] chMap = c.owner.channelMap;
      for (int i = 0; i < c.size; i++) {
        char ch = c.channel[i];
        c.channel[i] = ch == NO_CHANNEL ? NO_CHANNEL : chMap[ch];
      }
    }
    for (int c = 0; c < n; c++) {
      start[c + 1] += start[c];
    }
    int[] next = Arrays.copyOf(start, n);
    int[] order = new int[start[n]];
    for (int k = 0; k < chunks.size(); k++) {
      Chunk c = chunks.get(k);
      for (int i = 0; i < c.size; i++) {
        int u = c.customer[i];
        if (u != EXCLUDED) {
          order[next[u]++] = k << SHIFT | i;
        }
      }
    }
    return new Grouped(start, order, excluded);
  }

  /* Channels of every writer, numbered by name: the core's CustomerEvents needs id order = name order. */
  private void unifyChannels() {
    TreeMap<String, Integer> sorted = new TreeMap<>();
    for (Writer w : writers) {
      for (int i = 0; i < w.channelKeys.size(); i++) {
        sorted.put(w.channelKeys.name(i), 0);
      }
    }
    List<String> names = new ArrayList<>(sorted.keySet());
    for (int i = 0; i < names.size(); i++) {
      sorted.put(names.get(i), i);
    }
    for (Writer w : writers) {
      w.channelMap = new char[w.channelKeys.size()];
      for (int i = 0; i < w.channelMap.length; i++) {
        w.channelMap[i] = (char) (int) sorted.get(w.channelKeys.name(i));
      }
    }
    channelNames = List.copyOf(names);
  }

  /*
   * Maps each writer's raw customer ids to unified ones (or EXCLUDED), once per distinct raw id. Without identities
   * or consent the first writer's table is the unified one and the others' keys are looked up in it as bytes.
   */
  private int unifyCustomers() {
    if (identities.size() == 0 && consent == ConsentList.none()) {
      ByteKeys all = writers.isEmpty() ? new ByteKeys() : writers.get(0).customerKeys;
      for (Writer w : writers) {
        int[] map = new int[w.customerKeys.size()];
        for (int i = 0; i < map.length; i++) {
          map[i] = w.customerKeys == all ? i : all.intern(w.customerKeys, i);
        }
        w.customerMap = map;
      }
      return all.size();
    }
    Map<String, Integer> unified = new HashMap<>();
    for (Writer w : writers) {
      int[] map = new int[w.customerKeys.size()];
      for (int i = 0; i < map.length; i++) {
        String raw = w.customerKeys.name(i);
        String id = identities.resolve(raw);
        if (consent.excludes(raw, id)) {
          consent.markMatches(raw, id, matchedOptOuts);
          map[i] = EXCLUDED;
        } else {
          map[i] = unified.computeIfAbsent(id, k -> unified.size());
        }
      }
      w.customerMap = map;
    }
    return unified.size();
  }

  /** The events in customer order: customer {@code c} owns {@code order[start[c] .. start[c+1])}. */
  public final class Grouped {
    private final int[] start;
    private final int[] order;
    private final long excluded;

    private final Chunk[] byIndex = chunks.toArray(Chunk[]::new);

    private Grouped(int[] start, int[] order, long excluded) {
      this.start = start;
      this.order = order;
      this.excluded = excluded;
    }

    /** @return the number of customers */
    public int customers() {
      return start.length - 1;
    }

    /** @return the number of events kept (not excluded by consent) */
    public int events() {
      return order.length;
    }

    /** @return the events dropped because their customer opted out */
    public long excludedByConsent() {
      return excluded;
    }

    /** @return how many ids of the consent list matched no event (see {@link ConsentList#unmatched}) */
    public int unmatchedOptOuts() {
      return consent.unmatched(matchedOptOuts);
    }

    /**
     * The customer's value of each segment column: the value at its first event (the core's {@link FirstValues}).
     *
     * @param c a customer index
     * @param first a reusable rule holder, one per thread, of {@link #segmentColumns()}' size
     * @return the values, in the array of {@code first}
     */
    public String[] segmentValues(int c, FirstValues first) {
      first.clear();
      if (segmentColumns.isEmpty()) {
        return first.values();
      }
      for (int p = start[c]; p < start[c + 1]; p++) {
        int k = order[p];
        Chunk chunk = byIndex[k >>> SHIFT];
        int i = k & MASK;
        first.offer(chunk.time[i], chunk.owner.tuples.get(chunk.segmentRef[i]));
      }
      return first.values();
    }

    /**
     * The customer's value of each segment column over its events in [{@code from}, {@code to}): a windowed run's
     * date sees only those ({@link io.tributary.core.segment.SegmentValues}).
     *
     * @param c a customer index with an event in the span
     * @param first a reusable rule holder, one per thread, of {@link #segmentColumns()}' size
     * @return the values, in the array of {@code first}
     */
    public String[] segmentValues(int c, FirstValues first, long from, long to) {
      first.clear();
      for (int p = start[c]; p < start[c + 1]; p++) {
        int k = order[p];
        Chunk chunk = byIndex[k >>> SHIFT];
        int i = k & MASK;
        if (chunk.time[i] >= from && chunk.time[i] < to) {
          first.offer(chunk.time[i], chunk.owner.tuples.get(chunk.segmentRef[i]));
        }
      }
      return first.values();
    }

    /** @return a buffer for {@link #fill}, one per thread */
    public CustomerEvents newBuffer() {
      return new CustomerEvents(channelNames);
    }

    /**
     * Puts one customer's events into a buffer for the core.
     *
     * @param c a customer index, {@code 0 <= c < customers()}
     * @param out a buffer from {@link #newBuffer()}; cleared first
     */
    public void fill(int c, CustomerEvents out) {
      out.clear();
      for (int p = start[c]; p < start[c + 1]; p++) {
        int k = order[p];
        Chunk chunk = byIndex[k >>> SHIFT];
        int i = k & MASK;
        char ch = chunk.channel[i];
        byte f = chunk.flags[i];
        BigDecimal value = null;
        String orderId = null;
        if ((f & CONVERSION) != 0) {
          int x = Arrays.binarySearch(chunk.extraRows, 0, chunk.extras, i);
          if (x >= 0) {
            value = chunk.values[x];
            orderId = chunk.orderIds[x];
          }
        }
        out.add(chunk.time[i], ch == NO_CHANNEL ? CustomerEvents.NO_CHANNEL : ch, (f & TOUCH) != 0,
            (f & CONVERSION) != 0, value, orderId);
      }
    }
  }
}
