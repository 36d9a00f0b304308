package io.tributary.cli.load;

import io.tributary.core.TributaryException;
import io.tributary.core.input.EventSink;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.segment.FirstValues;
import io.tributary.core.segment.ValueTuples;
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
 *
 * <p>With a memory budget ({@link Spilling}), a writer whose events would take the store past it writes them as a
 * {@link SortedRun} (stitched, opted-out customers dropped, sorted by customer) to the run's spill folder and starts
 * afresh, customer ids too; once anything spilled, {@link #group} spills the rest and the customers are merged back
 * from the runs ({@link SpilledGroups}). {@link #close} deletes the runs.
 */
public final class EventStore implements AutoCloseable {
  /*
   * Grouping is a counting sort on the customer id: one pass counts events per customer, a prefix sum gives each
   * customer's slot range, a second pass places event indices. O(n), two int arrays, no comparisons. Within a
   * customer the events stay in chunk order; the core's JourneyBuilder orders them by its own total order, so the
   * order here never changes a result.
   */
  static final int SHIFT = 16;
  private static final int CHUNK = 1 << SHIFT;
  static final int MASK = CHUNK - 1;
  static final byte TOUCH = 1;
  static final byte CONVERSION = 2;
  static final char NO_CHANNEL = Character.MAX_VALUE;
  private static final int EXCLUDED = -1;
  /*
   * Memory is checked every so many rows of a writer, not per row; small enough that a tiny budget (the tests') spills
   * several runs of a small file.
   */
  private static final int CHECK_EVERY = 1 << 12;
  /*
   * Heap of one chunk per row: customer, time, channel, flags, and the int per event grouping adds (order[]); 4 more
   * with segment columns. A value or order id adds its BigDecimal, String and slots, about 120 bytes.
   */
  private static final int BYTES_PER_ROW = 4 + 8 + 2 + 1 + 4;
  private static final int BYTES_PER_EXTRA = 120;

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
  private CustomerGroups grouped;
  private boolean released;
  /* Null: never spill. */
  private final Spilling spilling;
  /* Partitions of the spilled runs: one per fold slice. */
  private final int partitions;
  private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();
  private final List<SortedRun> runs = new ArrayList<>();
  private SpillFolder folder;

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
    this(identities, consent, segmentColumns, null, 1);
  }

  /**
   * @param identities alias to customer id, applied when grouping (or spilling)
   * @param consent opted-out customers, whose events are dropped when grouping (or spilling)
   * @param segmentColumns event-log columns of {@code --segment-by} whose values every row carries
   * @param spilling the memory budget and temporary folder; null never spills
   * @param partitions how many fold slices spilled customers are split into, {@code >= 1}
   */
  public EventStore(IdentityMap identities, ConsentList consent, List<String> segmentColumns, Spilling spilling,
      int partitions) {
    this.identities = java.util.Objects.requireNonNull(identities, "identities");
    this.consent = java.util.Objects.requireNonNull(consent, "consent");
    this.segmentColumns = List.copyOf(segmentColumns);
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    this.spilling = spilling;
    this.partitions = partitions;
  }

  /** @return an empty store with the same identities, consent, segment columns and spilling */
  public EventStore fresh() {
    return new EventStore(identities, consent, segmentColumns, spilling, partitions);
  }

  /** @return the event-log segment columns every row carries */
  public List<String> segmentColumns() {
    return segmentColumns;
  }

  /** Events of one writer, {@value #CHUNK} rows at most; values and order ids of the rows that have one. */
  static final class Chunk {
    final Writer owner;
    // Not final: release() drops them once the events are folded.
    int[] customer = new int[CHUNK];
    long[] time = new long[CHUNK];
    char[] channel = new char[CHUNK];
    byte[] flags = new byte[CHUNK];
    /* Per row, its segment values as an index into the owner's tuples; null without segment columns. */
    int[] segmentRef;
    int size;
    int[] extraRows = new int[16];
    BigDecimal[] values = new BigDecimal[16];
    String[] orderIds = new String[16];
    int extras;

    Chunk(Writer owner, boolean segmented) {
      this.owner = owner;
      this.segmentRef = segmented ? new int[CHUNK] : null;
    }

    void release() {
      customer = null;
      time = null;
      channel = null;
      flags = null;
      segmentRef = null;
      extraRows = null;
      values = null;
      orderIds = null;
      size = 0;
    }
  }

  /** Adds events from one thread, with ids of its own. Not thread-safe; one per thread. */
  public final class Writer implements EventSink {
    // Renewed after each spill: a run's customers are forgotten with its events.
    private ByteKeys customerKeys = new ByteKeys();
    private final FewKeys channelKeys = new FewKeys();
    // Distinct segment-value tuples this writer met, and the one of the row to come (a customer's rows repeat it).
    private final ValueTuples tupleIds = new ValueTuples();
    private final List<String[]> tuples = tupleIds.tuples();
    private int pendingTuple;
    private Chunk chunk;
    private byte[] lastCustomer = new byte[64];
    private int lastCustomerLength = -1;
    private int lastCustomerId;
    private long rows;
    // Filled by group(): this writer's ids -> the store's.
    private int[] customerMap;
    private char[] channelMap;
    // What it holds now, for the budget: chunks made since its last spill, rows with a value or order id, and the
    // heap counted into the store's total when last checked.
    private int heldChunks;
    private int heldExtras;
    private long heldBytes;

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
      if ((rows & (CHECK_EVERY - 1)) == CHECK_EVERY - 1 && spilling != null) {
        checkBudget(this);
      }
      Chunk c = chunk;
      if (c == null || c.size == CHUNK) {
        c = chunk = newChunk(this);
        heldChunks++;
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
        heldExtras++;
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
      pendingTuple = tupleIds.id(values);
    }

    /** @return rows added through this writer */
    public long rows() {
      return rows;
    }

    /** @return this writer's channel id to the store's, known after {@link #group} */
    char[] channelMap() {
      return channelMap;
    }

    /** @return this writer's segment tuples, by tuple id */
    List<String[]> tuples() {
      return tuples;
    }

    /* The heap this writer holds: its chunks, extras and customer table. */
    private long heldEstimate() {
      int perRow = BYTES_PER_ROW + (segmentColumns.isEmpty() ? 0 : 4);
      return (long) heldChunks * CHUNK * perRow + (long) heldExtras * BYTES_PER_EXTRA + customerKeys.memoryBytes();
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
    held.addAndGet(-w.heldBytes);
    w.heldBytes = 0;
    for (SortedRun r : runs) {
      if (r.owner() == w) {
        SpillFolder.delete(r.file());
      }
    }
    runs.removeIf(r -> r.owner() == w);
  }

  /*
   * Counts what the writer holds into the store's total; past the budget, the writer spills its own events (so
   * reading threads never wait for each other's data). Every writer that finds the store over budget spills, so the
   * writers holding most go soon after.
   */
  private void checkBudget(Writer w) {
    long now = w.heldEstimate();
    long total = held.addAndGet(now - w.heldBytes);
    w.heldBytes = now;
    if (total > spilling.budgetBytes()) {
      spill(w);
    }
  }

  /* Writes a writer's held events as a sorted run and forgets them, with its customer ids. */
  private void spill(Writer w) {
    List<Chunk> mine = new ArrayList<>();
    SpillFolder f;
    synchronized (this) {
      for (Chunk c : chunks) {
        if (c.owner == w) {
          mine.add(c);
        }
      }
      chunks.removeIf(c -> c.owner == w);
      if (folder == null) {
        folder = new SpillFolder(spilling.tempDir(), spilling.diskLimitBytes());
      }
      f = folder;
    }
    if (!mine.isEmpty()) {
      java.nio.file.Path file = f.newRun();
      SortedRun run;
      try {
        run = SortedRunWriter.write(file, f, mine, stitched(w.customerKeys), partitions, !segmentColumns.isEmpty(),
            w);
      } catch (java.io.IOException e) {
        throw f.failure(e);
      }
      synchronized (this) {
        runs.add(run);
      }
    }
    w.customerKeys = new ByteKeys();
    w.lastCustomerLength = -1;
    w.chunk = null;
    w.heldChunks = 0;
    w.heldExtras = 0;
    held.addAndGet(-w.heldBytes);
    w.heldBytes = 0;
  }

  /*
   * A writer's customers stitched through the identity map, opted-out ones marked dropped (length -1), as
   * unifyCustomers does for the held events. Without identities or consent the raw ids are the stitched ones.
   */
  private SortedRunWriter.Keys stitched(ByteKeys keys) {
    int n = keys.size();
    int[] start = new int[n];
    int[] length = new int[n];
    if (identities.size() == 0 && consent == ConsentList.none()) {
      for (int i = 0; i < n; i++) {
        start[i] = keys.start(i);
        length[i] = keys.length(i);
      }
      return new SortedRunWriter.Keys(keys.bytes(), start, length);
    }
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      String raw = keys.name(i);
      String id = identities.resolve(raw);
      if (consent.excludes(raw, id)) {
        synchronized (matchedOptOuts) {
          consent.markMatches(raw, id, matchedOptOuts);
        }
        length[i] = -1;
      } else {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        start[i] = all.size();
        length[i] = b.length;
        all.writeBytes(b);
      }
    }
    return new SortedRunWriter.Keys(all.toByteArray(), start, length);
  }

  /** Deletes the spilled runs, if any; the store must not be read after. */
  @Override
  public synchronized void close() {
    if (folder != null) {
      folder.close();
    }
  }

  /** @return runs spilled (0 when the events stayed in memory) */
  public synchronized long spilledRuns() {
    return folder == null ? 0 : folder.runs();
  }

  /** @return bytes spilled */
  public synchronized long spilledBytes() {
    return folder == null ? 0 : folder.bytes();
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

  /**
   * @return the number of distinct (unified) customers, known after {@link #group} (for spilled events, after they
   *     were read once)
   */
  public long customers() {
    return grouped instanceof SpilledGroups s ? s.customers() : customers;
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
  public synchronized CustomerGroups group() {
    if (released) {
      throw new IllegalStateException("the events were released after the fold");
    }
    if (grouped == null) {
      grouped = spilled() ? groupSpilled() : groupOnce();
    }
    return grouped;
  }

  /**
   * Lets go of the events held in memory, once they are folded: the run's fits and writes then have the heap without
   * them (about 20 bytes a row and the customer ids: 10M rows of 1M customers are 200-250 MB, which otherwise stay in
   * the old generation until the run ends, and a segmented run's tables then pushed the collector into a full
   * collection and a larger heap). The counts stay readable; reading or grouping the events again is refused. Spilled
   * runs stay on disk until {@link #close()}.
   */
  public synchronized void release() {
    for (Chunk c : chunks) {
      c.release();
    }
    chunks.clear();
    if (grouped instanceof Grouped g) {
      g.release();
    }
    for (Writer w : writers) {
      w.customerKeys = new ByteKeys();
      w.customerMap = null;
    }
    released = true;
  }

  /* Whether the events go to disk: some did already, or all of them are over the budget now. */
  private boolean spilled() {
    if (spilling == null) {
      return false;
    }
    long total = 0;
    for (Writer w : writers) {
      total += w.heldEstimate();
    }
    return !runs.isEmpty() || total > spilling.budgetBytes();
  }

  private CustomerGroups groupSpilled() {
    for (Writer w : List.copyOf(writers)) {
      spill(w);
    }
    unifyChannels();
    long kept = 0;
    long excluded = 0;
    for (SortedRun r : runs) {
      kept += r.events();
      excluded += r.excluded();
    }
    int unmatched;
    synchronized (matchedOptOuts) {
      unmatched = consent.unmatched(matchedOptOuts);
    }
    return new SpilledGroups(runs, partitions, channelNames, !segmentColumns.isEmpty(), kept, excluded, unmatched,
        folder);
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
          synchronized (matchedOptOuts) {
            consent.markMatches(raw, id, matchedOptOuts);
          }
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
  public final class Grouped implements CustomerGroups {
    // Not final: release() drops them; the counts stay.
    private int[] start;
    private int[] order;
    private final long excluded;
    private final int customerCount;
    private final int eventCount;

    private Chunk[] byIndex = chunks.toArray(Chunk[]::new);

    private Grouped(int[] start, int[] order, long excluded) {
      this.start = start;
      this.order = order;
      this.excluded = excluded;
      this.customerCount = start.length - 1;
      this.eventCount = order.length;
    }

    private void release() {
      start = null;
      order = null;
      byIndex = null;
    }

    /** @return the number of customers */
    @Override
    public long customers() {
      return customerCount;
    }

    /** @return the number of events kept (not excluded by consent) */
    @Override
    public long events() {
      return eventCount;
    }

    /** @return the events dropped because their customer opted out */
    @Override
    public long excludedByConsent() {
      return excluded;
    }

    /** @return how many ids of the consent list matched no event (see {@link ConsentList#unmatched}) */
    @Override
    public int unmatchedOptOuts() {
      return consent.unmatched(matchedOptOuts);
    }

    @Override
    public int channels() {
      return channelNames.size();
    }

    /* A slice per thread from four threads on, each of at least minCustomers customers (see JourneyFold). */
    @Override
    public int slices(int threads, int minCustomers) {
      int n = customerCount;
      return threads < JourneyFold.MIN_THREADS_TO_SLICE ? 1 : Math.min(threads, n / minCustomers + 1);
    }

    /** Slice {@code s} of {@code n} is the customers {@code [customers * s / n, customers * (s + 1) / n)}. */
    @Override
    public CustomerCursor cursor(int slice, int slices) {
      if (start == null) {
        throw new IllegalStateException("the events were released after the fold");
      }
      long n = customerCount;
      int from = (int) (n * slice / slices);
      int to = (int) (n * (slice + 1) / slices);
      return new CustomerCursor() {
        private int c = from - 1;
        // The customer's event at its earliest time when no other shares that time (fill finds it), else -1.
        private int earliest = -1;

        @Override
        public boolean next(CustomerEvents out) {
          if (c + 1 >= to) {
            out.clear();
            return false;
          }
          earliest = fill(++c, out);
          return true;
        }

        @Override
        public String[] segmentValues(FirstValues first) {
          // The values at the customer's first event: that event's alone when it is the only one at its time (the
          // events were just read by fill; reading them all again here was a fifth of the segmented fold's thread).
          return earliest >= 0 ? valuesOf(earliest, first) : Grouped.this.segmentValues(c, first);
        }

        @Override
        public String[] segmentValues(FirstValues first, long lo, long hi) {
          return Grouped.this.segmentValues(c, first, lo, hi);
        }

        @Override
        public void close() {
          // Nothing held.
        }
      };
    }

    /**
     * @return at least the number of distinct tuples of segment-column values among the held rows (each writer's
     *     distinct tuples, added up), so at least the number of segment cells their customers fall in; 0 without
     *     segment columns
     */
    public int segmentTuples() {
      java.util.Set<Writer> owners = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      int tuples = 0;
      for (Chunk c : byIndex) {
        if (c.segmentRef != null && owners.add(c.owner)) {
          tuples += c.owner.tuples().size();
        }
      }
      return tuples;
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

    /* One event's segment values as the customer's (FirstValues of that event alone). */
    private String[] valuesOf(int k, FirstValues first) {
      first.clear();
      if (!segmentColumns.isEmpty()) {
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
    @Override
    public CustomerEvents newBuffer() {
      return new CustomerEvents(channelNames);
    }

    /**
     * Puts one customer's events into a buffer for the core.
     *
     * @param c a customer index, {@code 0 <= c < customers()}
     * @param out a buffer from {@link #newBuffer()}; cleared first
     * @return the event (its index in the store) at the customer's earliest time when no other event of the customer
     *     has that time, else -1
     */
    public int fill(int c, CustomerEvents out) {
      out.clear();
      long earliestTime = Long.MAX_VALUE;
      int earliest = -1;
      for (int p = start[c]; p < start[c + 1]; p++) {
        int k = order[p];
        Chunk chunk = byIndex[k >>> SHIFT];
        int i = k & MASK;
        long time = chunk.time[i];
        if (time < earliestTime) {
          earliestTime = time;
          earliest = k;
        } else if (time == earliestTime) {
          earliest = -1;
        }
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
        out.add(time, ch == NO_CHANNEL ? CustomerEvents.NO_CHANNEL : ch, (f & TOUCH) != 0,
            (f & CONVERSION) != 0, value, orderId);
      }
      return earliest;
    }
  }
}
