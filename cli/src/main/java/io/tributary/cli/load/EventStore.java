package io.tributary.cli.load;

import io.tributary.core.journey.Event;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepted events held compactly until they are grouped per customer: customer ids interned to ints, channel ids to
 * chars, times as longs, a flag byte; the few conversion rows that carry a value or an order id are listed apart
 * (their row numbers ascending, so a binary search finds them). About 15 bytes per event plus the distinct ids, so
 * ten million events fit in under 200 MB, where ten million {@link Event} objects would not fit in a gigabyte.
 *
 * <p>Columns grow in fixed chunks, never by copying. Not thread-safe.
 */
public final class EventStore {
  /*
   * Grouping is a counting sort on the customer id: one pass counts events per customer, a prefix sum gives each
   * customer's slot range, a second pass places event indices. O(n), two int arrays, no comparisons. Within a
   * customer the events stay in reading order; the core's JourneyBuilder orders them by its own total order, so the
   * order here never changes a result.
   */
  private static final int SHIFT = 16;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;
  private static final byte TOUCH = 1;
  private static final byte CONVERSION = 2;
  private static final char NO_CHANNEL = Character.MAX_VALUE;

  private int[][] customer = new int[16][];
  private long[][] time = new long[16][];
  private char[][] channel = new char[16][];
  private byte[][] flags = new byte[16][];
  private int size;
  private int[] extraRows = new int[1024];
  private String lastCustomer;
  private int lastCustomerId;

  private final Map<String, Integer> customerIds = new HashMap<>();
  private final List<String> customerNames = new ArrayList<>();
  private final Map<String, Integer> channelIds = new HashMap<>();
  private final List<String> channelNames = new ArrayList<>();
  private final List<BigDecimal> values = new ArrayList<>();
  private final List<String> orderIds = new ArrayList<>();

  /**
   * Adds one accepted event under its unified customer id.
   *
   * @param e the event as parsed
   * @param unifiedId the customer id after identity stitching
   */
  public void add(Event e, String unifiedId) {
    int chunk = size >>> SHIFT;
    if (chunk == customer.length) {
      int n = chunk * 2;
      customer = Arrays.copyOf(customer, n);
      time = Arrays.copyOf(time, n);
      channel = Arrays.copyOf(channel, n);
      flags = Arrays.copyOf(flags, n);
    }
    if (customer[chunk] == null) {
      customer[chunk] = new int[CHUNK];
      time[chunk] = new long[CHUNK];
      channel[chunk] = new char[CHUNK];
      flags[chunk] = new byte[CHUNK];
    }
    int i = size & MASK;
    // Exports usually list a customer's rows together: skip the hash lookup while the customer repeats.
    if (!unifiedId.equals(lastCustomer)) {
      lastCustomer = unifiedId;
      lastCustomerId = intern(unifiedId, customerIds, customerNames);
    }
    customer[chunk][i] = lastCustomerId;
    time[chunk][i] = e.timestamp();
    channel[chunk][i] = e.channel() == null ? NO_CHANNEL : channelId(e.channel());
    flags[chunk][i] = (byte) ((e.touch() ? TOUCH : 0) | (e.conversion() ? CONVERSION : 0));
    if (e.conversion() && (e.value().signum() != 0 || e.orderId() != null)) {
      if (values.size() == extraRows.length) {
        extraRows = Arrays.copyOf(extraRows, extraRows.length * 2);
      }
      extraRows[values.size()] = size;
      values.add(e.value());
      orderIds.add(e.orderId());
    }
    size++;
  }

  private char channelId(String name) {
    int id = intern(name, channelIds, channelNames);
    if (id >= NO_CHANNEL) {
      throw new io.tributary.core.TributaryException(
          "more than " + (int) NO_CHANNEL + " distinct channel names; is the channel column mapped right?");
    }
    return (char) id;
  }

  private static int intern(String s, Map<String, Integer> ids, List<String> names) {
    Integer id = ids.get(s);
    if (id == null) {
      id = names.size();
      ids.put(s, id);
      names.add(s);
    }
    return id;
  }

  /** @return the number of events */
  public int size() {
    return size;
  }

  /** @return the number of distinct (unified) customers */
  public int customers() {
    return customerNames.size();
  }

  /** @return the number of distinct channels */
  public int channels() {
    return channelNames.size();
  }

  /**
   * Groups the events per customer. The store stays usable; the id-to-index map is released, since nothing is added
   * after grouping.
   *
   * @return the events in customer order
   */
  public Grouped group() {
    int n = customerNames.size();
    int[] start = new int[n + 1];
    for (int k = 0; k < size; k++) {
      start[customer[k >>> SHIFT][k & MASK] + 1]++;
    }
    for (int c = 0; c < n; c++) {
      start[c + 1] += start[c];
    }
    int[] next = Arrays.copyOf(start, n);
    int[] order = new int[size];
    for (int k = 0; k < size; k++) {
      order[next[customer[k >>> SHIFT][k & MASK]]++] = k;
    }
    customerIds.clear();
    return new Grouped(start, order);
  }

  /** The events in customer order: customer {@code c} owns {@code order[start[c] .. start[c+1])}. */
  public final class Grouped {
    private final int[] start;
    private final int[] order;

    private Grouped(int[] start, int[] order) {
      this.start = start;
      this.order = order;
    }

    /** @return the number of customers */
    public int customers() {
      return start.length - 1;
    }

    /**
     * Materialises one customer's events for the core.
     *
     * @param c a customer index, {@code 0 <= c < customers()}
     * @return the customer's events, in reading order
     */
    public List<Event> events(int c) {
      int from = start[c];
      int to = start[c + 1];
      String id = customerNames.get(c);
      List<Event> out = new ArrayList<>(to - from);
      for (int p = from; p < to; p++) {
        int k = order[p];
        int chunk = k >>> SHIFT;
        int i = k & MASK;
        char ch = channel[chunk][i];
        byte f = flags[chunk][i];
        int x = (f & CONVERSION) != 0 ? Arrays.binarySearch(extraRows, 0, values.size(), k) : -1;
        out.add(new Event(id, time[chunk][i], ch == NO_CHANNEL ? null : channelNames.get(ch), (f & TOUCH) != 0,
            (f & CONVERSION) != 0, x < 0 ? BigDecimal.ZERO : values.get(x), x < 0 ? null : orderIds.get(x)));
      }
      return out;
    }
  }
}
