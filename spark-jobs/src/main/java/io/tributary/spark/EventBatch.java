package io.tributary.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shuffle's form of accepted events: a reading task packs the events bound for one customer partition into one
 * byte array, not a record per event. Spark then moves a few large arrays per task instead of millions of 19-column
 * rows (no row conversion, no sort, no per-row serialisation: issue 16 measured those at over half of the job's
 * read-and-fold time), and the folding task unpacks them straight into columns ({@link Partition}).
 *
 * <p>A batch is: the reading task's channel names so far (its ids index them), the number of events, then per event
 * a flags byte, the customer key (unified id, UTF-8) unless it is the previous event's, the timestamp as a zig-zag
 * varint difference from the previous event's, the channel id, and the rare extras (a conversion value as the
 * core's plain text, an order id, segment values) when present. Exact: every value comes back as it went in.
 */
final class EventBatch {
  static final int TOUCH = 1;
  static final int CONVERSION = 2;
  private static final int SAME_KEY = 4;
  private static final int CHANNEL = 8;
  private static final int VALUE = 16;
  private static final int ORDER = 32;
  private static final int SEGMENTS = 64;
  private static final int SAME_SEGMENTS = 128;

  private EventBatch() {}

  /**
   * @param key the customer key's bytes
   * @param from its first byte
   * @param to one past its last
   * @param partitions the number of customer partitions
   * @return the customer's partition: the same for the same key in every task
   */
  static int partition(byte[] key, int from, int to, int partitions) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + key[i];
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return Math.floorMod(h, partitions);
  }

  /** A reading task's channel names, by the bytes they were read as: the ids its batches carry. Not thread-safe. */
  static final class Channels {
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> bytes = new ArrayList<>();
    private int[] slots = new int[64];
    private byte[] lastBytes;
    private int lastId;

    /** @return the id of the channel named by {@code b[from, to)} (UTF-8) */
    int id(byte[] b, int from, int to) {
      if (lastBytes != null && Arrays.equals(lastBytes, 0, lastBytes.length, b, from, to)) {
        return lastId;
      }
      int h = partition(b, from, to, Integer.MAX_VALUE);
      int mask = slots.length - 1;
      for (int s = h & mask; ; s = (s + 1) & mask) {
        int id = slots[s] - 1;
        if (id < 0) {
          id = names.size();
          byte[] copy = Arrays.copyOfRange(b, from, to);
          names.add(new String(copy, StandardCharsets.UTF_8));
          bytes.add(copy);
          slots[s] = id + 1;
          if (2 * names.size() > slots.length) {
            rehash();
          }
          lastBytes = copy;
          lastId = id;
          return id;
        }
        byte[] k = bytes.get(id);
        if (Arrays.equals(k, 0, k.length, b, from, to)) {
          lastBytes = k;
          lastId = id;
          return id;
        }
      }
    }

    private void rehash() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int id = 0; id < bytes.size(); id++) {
        byte[] k = bytes.get(id);
        int s = partition(k, 0, k.length, Integer.MAX_VALUE) & mask;
        while (slots[s] != 0) {
          s = (s + 1) & mask;
        }
        slots[s] = id + 1;
      }
    }

    List<String> names() {
      return names;
    }
  }

  /** The events of one reading task bound for one customer partition. Not thread-safe. */
  static final class Writer {
    private final Channels channels;
    private byte[] buf = new byte[4096];
    private int pos;
    private int events;
    private byte[] lastKey = new byte[64];
    private int lastKeyLength = -1;
    private long lastTime;
    private String lastSegments;

    Writer(Channels channels) {
      this.channels = channels;
    }

    /**
     * Adds one event.
     *
     * @param key the customer key's bytes (the unified id, UTF-8)
     * @param channel the channel id in the task's {@link Channels}, or -1 for none
     * @param value the conversion value as the core's plain text, or null for none (zero)
     * @param orderId the order id, or null
     * @param segments the segment values joined by {@link ParsedRecords#SEGMENT_SEPARATOR}, or null for none
     */
    void add(byte[] key, int keyFrom, int keyTo, long time, int channel, boolean touch, boolean conversion,
        String value, String orderId, String segments) {
      int keyLength = keyTo - keyFrom;
      ensure(24 + keyLength);
      int flagsAt = pos++;
      int flags = (touch ? TOUCH : 0) | (conversion ? CONVERSION : 0);
      if (keyLength == lastKeyLength && Arrays.equals(lastKey, 0, keyLength, key, keyFrom, keyTo)) {
        flags |= SAME_KEY;
      } else {
        writeVarint(keyLength);
        System.arraycopy(key, keyFrom, buf, pos, keyLength);
        pos += keyLength;
        if (keyLength > lastKey.length) {
          lastKey = new byte[Math.max(keyLength, 2 * lastKey.length)];
        }
        System.arraycopy(key, keyFrom, lastKey, 0, keyLength);
        lastKeyLength = keyLength;
      }
      long delta = time - lastTime;
      writeVarint((delta << 1) ^ (delta >> 63));
      lastTime = time;
      if (channel >= 0) {
        flags |= CHANNEL;
        writeVarint(channel);
      }
      if (value != null) {
        flags |= VALUE;
        writeText(value);
      }
      if (orderId != null) {
        flags |= ORDER;
        writeText(orderId);
      }
      if (segments != null) {
        flags |= SEGMENTS;
        if (segments.equals(lastSegments)) {
          flags |= SAME_SEGMENTS;
        } else {
          writeText(segments);
          lastSegments = segments;
        }
      }
      buf[flagsAt] = (byte) flags;
      events++;
    }

    /** @return the bytes held */
    int size() {
      return pos;
    }

    /** @return the events held */
    int events() {
      return events;
    }

    /** @return the batch of the events held, and starts a new one */
    byte[] take() {
      Writer head = new Writer(channels);
      List<String> names = channels.names();
      head.writeVarint(names.size());
      for (String n : names) {
        head.writeText(n);
      }
      head.writeVarint(events);
      byte[] out = Arrays.copyOf(head.buf, head.pos + pos);
      System.arraycopy(buf, 0, out, head.pos, pos);
      pos = 0;
      events = 0;
      lastKeyLength = -1;
      lastTime = 0;
      lastSegments = null;
      return out;
    }

    private void writeText(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      ensure(5 + b.length);
      writeVarint(b.length);
      System.arraycopy(b, 0, buf, pos, b.length);
      pos += b.length;
    }

    private void writeVarint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    private void ensure(int more) {
      if (pos + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(pos + more, 2 * buf.length));
      }
    }
  }

  /**
   * All events of one customer partition, unpacked from its batches into columns and grouped by customer. Holds
   * the partition's events in memory (about 30 bytes an event), as the fold needs each customer's events together.
   */
  static final class Partition {
    // Channels over all batches: name -> id in first-seen order.
    private final java.util.Map<String, Integer> channelIds = new java.util.HashMap<>();
    private final List<String> channelNames = new ArrayList<>();
    // Customer keys: bytes in one pool, found through an open-addressing table.
    private byte[] keys = new byte[1 << 16];
    private int keysUsed;
    private int[] keyFrom = new int[1024];
    private int[] keyLength = new int[1024];
    private int[] slots = new int[2048];
    private int customers;
    // Events, in arrival order.
    private int size;
    private int[] customer = new int[1024];
    private long[] time = new long[1024];
    private int[] channel = new int[1024];
    private byte[] flags = new byte[1024];
    private String[] values;
    private String[] orderIds;
    private String[] segments;
    // Grouping, once all batches are in: events of customer c are order[start[c] .. start[c + 1]).
    private int[] order;
    private int[] start;

    /** Unpacks one batch. */
    void add(byte[] batch) {
      Reader in = new Reader(batch);
      int names = (int) in.varint();
      int[] ids = new int[names];
      for (int i = 0; i < names; i++) {
        String n = in.text();
        Integer id = channelIds.get(n);
        if (id == null) {
          id = channelNames.size();
          channelIds.put(n, id);
          channelNames.add(n);
        }
        ids[i] = id;
      }
      int events = (int) in.varint();
      ensureEvents(size + events);
      int currentCustomer = -1;
      long lastTime = 0;
      String lastSegments = null;
      for (int e = 0; e < events; e++) {
        int f = batch[in.pos++] & 0xFF;
        if ((f & SAME_KEY) == 0) {
          int length = (int) in.varint();
          currentCustomer = customer(batch, in.pos, length);
          in.pos += length;
        }
        long zz = in.varint();
        lastTime += (zz >>> 1) ^ -(zz & 1);
        int i = size++;
        customer[i] = currentCustomer;
        time[i] = lastTime;
        channel[i] = (f & CHANNEL) != 0 ? ids[(int) in.varint()] : -1;
        flags[i] = (byte) (f & (TOUCH | CONVERSION));
        if ((f & VALUE) != 0) {
          values()[i] = in.text();
        }
        if ((f & ORDER) != 0) {
          orderIds()[i] = in.text();
        }
        if ((f & SEGMENTS) != 0) {
          if ((f & SAME_SEGMENTS) == 0) {
            lastSegments = in.text();
          }
          segments()[i] = lastSegments;
        }
      }
    }

    private String[] values() {
      if (values == null) {
        values = new String[customer.length];
      }
      return values;
    }

    private String[] orderIds() {
      if (orderIds == null) {
        orderIds = new String[customer.length];
      }
      return orderIds;
    }

    private String[] segments() {
      if (segments == null) {
        segments = new String[customer.length];
      }
      return segments;
    }

    private void ensureEvents(int n) {
      if (n <= customer.length) {
        return;
      }
      int c = Math.max(n, customer.length + (customer.length >> 1));
      customer = Arrays.copyOf(customer, c);
      time = Arrays.copyOf(time, c);
      channel = Arrays.copyOf(channel, c);
      flags = Arrays.copyOf(flags, c);
      if (values != null) {
        values = Arrays.copyOf(values, c);
      }
      if (orderIds != null) {
        orderIds = Arrays.copyOf(orderIds, c);
      }
      if (segments != null) {
        segments = Arrays.copyOf(segments, c);
      }
    }

    /* The index of the customer keyed by b[from, from + length), added when new. */
    private int customer(byte[] b, int from, int length) {
      int mask = slots.length - 1;
      int h = partition(b, from, from + length, Integer.MAX_VALUE);
      for (int s = h & mask; ; s = (s + 1) & mask) {
        int c = slots[s] - 1;
        if (c < 0) {
          c = customers++;
          if (c == keyFrom.length) {
            keyFrom = Arrays.copyOf(keyFrom, 2 * c);
            keyLength = Arrays.copyOf(keyLength, 2 * c);
          }
          if (keysUsed + length > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keysUsed + length, 2 * keys.length));
          }
          System.arraycopy(b, from, keys, keysUsed, length);
          keyFrom[c] = keysUsed;
          keyLength[c] = length;
          keysUsed += length;
          slots[s] = c + 1;
          if (2 * customers > slots.length) {
            rehash();
          }
          return c;
        }
        if (keyLength[c] == length
            && Arrays.equals(keys, keyFrom[c], keyFrom[c] + length, b, from, from + length)) {
          return c;
        }
      }
    }

    private void rehash() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int c = 0; c < customers; c++) {
        int s = partition(keys, keyFrom[c], keyFrom[c] + keyLength[c], Integer.MAX_VALUE) & mask;
        while (slots[s] != 0) {
          s = (s + 1) & mask;
        }
        slots[s] = c + 1;
      }
    }

    /** @return the number of customers */
    int customers() {
      return customers;
    }

    /** @return the number of events */
    int size() {
      return size;
    }

    /** @return the channel names over all batches, in no particular order (ids index them) */
    List<String> channelNames() {
      return channelNames;
    }

    /**
     * Groups the events by customer and orders the customers by key (UTF-8 bytes, unsigned), so a partition's
     * customers are folded in the same order whatever order its batches arrived in.
     *
     * @return the customer indexes in key order
     */
    int[] group() {
      start = new int[customers + 1];
      for (int i = 0; i < size; i++) {
        start[customer[i] + 1]++;
      }
      for (int c = 0; c < customers; c++) {
        start[c + 1] += start[c];
      }
      int[] next = Arrays.copyOf(start, customers);
      order = new int[size];
      for (int i = 0; i < size; i++) {
        order[next[customer[i]]++] = i;
      }
      Integer[] byKey = new Integer[customers];
      for (int c = 0; c < customers; c++) {
        byKey[c] = c;
      }
      Arrays.sort(byKey, (a, b) -> Arrays.compareUnsigned(keys, keyFrom[a], keyFrom[a] + keyLength[a],
          keys, keyFrom[b], keyFrom[b] + keyLength[b]));
      int[] out = new int[customers];
      for (int c = 0; c < customers; c++) {
        out[c] = byKey[c];
      }
      return out;
    }

    /** @return the first position in {@link #event} of customer {@code c}'s events (after {@link #group}) */
    int from(int c) {
      return start[c];
    }

    /** @return one past the last position of customer {@code c}'s events */
    int to(int c) {
      return start[c + 1];
    }

    /** @return the event at grouped position {@code p} */
    int event(int p) {
      return order[p];
    }

    long time(int i) {
      return time[i];
    }

    /** @return the event's channel id into {@link #channelNames}, or -1 for none */
    int channel(int i) {
      return channel[i];
    }

    boolean touch(int i) {
      return (flags[i] & TOUCH) != 0;
    }

    boolean conversion(int i) {
      return (flags[i] & CONVERSION) != 0;
    }

    /** @return the conversion value's plain text, or null for zero */
    String value(int i) {
      return values == null ? null : values[i];
    }

    String orderId(int i) {
      return orderIds == null ? null : orderIds[i];
    }

    /** @return the segment values joined by {@link ParsedRecords#SEGMENT_SEPARATOR}, or null */
    String segments(int i) {
      return segments == null ? null : segments[i];
    }

    /**
     * @param limit the most worth counting
     * @return the number of distinct packed segment texts of the partition's events, or {@code limit + 1} once there
     *     are more than {@code limit}; an upper bound of the partition's distinct customer value tuples (0 without
     *     segment columns)
     */
    int segmentTuples(int limit) {
      if (segments == null) {
        return 0;
      }
      java.util.Set<String> seen = new java.util.HashSet<>();
      String last = null;
      for (int i = 0; i < size; i++) {
        String s = segments[i];
        // A batch's run of equal texts shares one String: only a change is looked up.
        if (s != last && s != null) {
          last = s;
          if (seen.add(s) && seen.size() > limit) {
            return limit + 1;
          }
        }
      }
      return seen.size();
    }
  }

  /** Reads a batch's varints and texts. */
  private static final class Reader {
    private final byte[] b;
    int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    long varint() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte x = b[pos++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
        shift += 7;
      }
    }

    String text() {
      int n = (int) varint();
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }
}
