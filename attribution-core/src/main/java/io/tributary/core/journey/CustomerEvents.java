package io.tributary.core.journey;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One customer's events as parallel primitive columns, the form in which engines that hold millions of events hand
 * them to {@link JourneyBuilder} without an {@link Event} object per row. Channels are int ids into a dictionary of
 * names whose id order is the names' order ({@link String#compareTo}), so ordering by id orders by name, as SPEC's
 * journey rules require; {@link #NO_CHANNEL} marks a conversion row without a channel.
 *
 * <p>A reusable buffer: {@link #clear()} and refill it per customer. Also holds the builder's scratch space, so one
 * buffer per thread makes the whole fold allocation-free for plain touches. Not thread-safe.
 */
public final class CustomerEvents {
  /** The channel id of a conversion row that names no channel. */
  public static final int NO_CHANNEL = -1;

  private final List<String> channelNames;
  /*
   * The rank of each id's channel part ({@link TouchpointLevel#channelPart}), or null when every name is a plain
   * channel (then the rank is the id). Conversion parts tied on time are ordered by it, not by the whole key: a
   * conversion's campaign is no part of the journey rules, so conversions come out in the same order at every level.
   */
  final int[] channelRank;
  int size;
  long[] timestamps = new long[16];
  int[] channels = new int[16];
  boolean[] touch = new boolean[16];
  boolean[] conversion = new boolean[16];
  BigDecimal[] values = new BigDecimal[16];
  String[] orderIds = new String[16];

  // Scratch of JourneyBuilder.build: parts in rule-1 order, the pending touches.
  int[] order = new int[32];
  int[] sortBuffer = new int[32];
  int[] pendingChannels = new int[16];
  long[] pendingTimes = new long[16];

  /**
   * @param channelNames the dictionary: id {@code i} names {@code channelNames.get(i)}; must be strictly ascending
   * @throws IllegalArgumentException when the names are not strictly ascending
   */
  public CustomerEvents(List<String> channelNames) {
    this.channelNames = List.copyOf(channelNames);
    for (int i = 1; i < this.channelNames.size(); i++) {
      if (this.channelNames.get(i - 1).compareTo(this.channelNames.get(i)) >= 0) {
        throw new IllegalArgumentException("channel ids must follow name order: \"" + this.channelNames.get(i - 1)
            + "\" before \"" + this.channelNames.get(i) + "\"");
      }
    }
    this.channelRank = channelRanks(this.channelNames);
  }

  /* Key order refines channel order (TouchpointLevel), so the channel parts of sorted keys never decrease. */
  private static int[] channelRanks(List<String> names) {
    boolean keys = false;
    for (String n : names) {
      keys |= TouchpointLevel.hasCampaign(n);
    }
    if (!keys) {
      return null;
    }
    int[] rank = new int[names.size()];
    String previous = null;
    int r = -1;
    for (int i = 0; i < rank.length; i++) {
      String part = TouchpointLevel.channelPart(names.get(i));
      if (!part.equals(previous)) {
        r++;
        previous = part;
      }
      rank[i] = r;
    }
    return rank;
  }

  /** @return the channel dictionary, id order = name order */
  public List<String> channelNames() {
    return channelNames;
  }

  /** @return the name of channel {@code id} */
  public String channelName(int id) {
    return channelNames.get(id);
  }

  /** Empties the buffer for the next customer (add overwrites every column, so nothing needs wiping). */
  public void clear() {
    size = 0;
  }

  /** @return the number of events held */
  public int size() {
    return size;
  }

  /**
   * Adds one event with the same meaning and constraints as {@link Event}'s components.
   *
   * @param timestamp epoch ms
   * @param channel a dictionary id, or {@link #NO_CHANNEL} for a conversion row without a channel
   * @param isTouch whether the row is a touch (then it needs a channel)
   * @param isConversion whether the row converts
   * @param value the revenue, {@code >= 0}; null means zero
   * @param orderId the order id, or null
   * @throws IllegalArgumentException for a row that is neither touch nor conversion, a touch without a channel, an
   *     unknown channel id or a negative value
   */
  public void add(long timestamp, int channel, boolean isTouch, boolean isConversion, BigDecimal value,
      String orderId) {
    if (!isTouch && !isConversion) {
      throw new IllegalArgumentException("an event is a touch, a conversion or both");
    }
    if (channel < NO_CHANNEL || channel >= channelNames.size() || (isTouch && channel == NO_CHANNEL)) {
      throw new IllegalArgumentException(isTouch && channel == NO_CHANNEL ? "a touch needs a channel"
          : "channel id " + channel + " outside the dictionary of " + channelNames.size());
    }
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException("negative conversion value " + value);
    }
    if (size == timestamps.length) {
      grow();
    }
    timestamps[size] = timestamp;
    channels[size] = channel;
    touch[size] = isTouch;
    conversion[size] = isConversion;
    values[size] = value == null || !isConversion ? BigDecimal.ZERO : value;
    orderIds[size] = orderId;
    size++;
  }

  /** @return the timestamp (epoch ms) of event {@code i}, in the order added */
  public long timestamp(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("event " + i + " of " + size);
    }
    return timestamps[i];
  }

  /**
   * Adds the events of {@code source} whose timestamps lie in [{@code from}, {@code to}), in their order: one report
   * date's slice of a customer's events (see {@link io.tributary.core.window.DatedFold}).
   *
   * @param source a buffer with the same channel dictionary
   * @param from first epoch ms kept
   * @param to first epoch ms no longer kept
   * @throws IllegalArgumentException when the dictionaries differ
   */
  public void addRange(CustomerEvents source, long from, long to) {
    if (!source.channelNames.equals(channelNames)) {
      throw new IllegalArgumentException("a slice needs the source's channel dictionary");
    }
    for (int i = 0; i < source.size; i++) {
      long t = source.timestamps[i];
      if (t >= from && t < to) {
        if (size == timestamps.length) {
          grow();
        }
        timestamps[size] = t;
        channels[size] = source.channels[i];
        touch[size] = source.touch[i];
        conversion[size] = source.conversion[i];
        values[size] = source.values[i];
        orderIds[size] = source.orderIds[i];
        size++;
      }
    }
  }

  private void grow() {
    int n = size * 2;
    timestamps = Arrays.copyOf(timestamps, n);
    channels = Arrays.copyOf(channels, n);
    touch = Arrays.copyOf(touch, n);
    conversion = Arrays.copyOf(conversion, n);
    values = Arrays.copyOf(values, n);
    orderIds = Arrays.copyOf(orderIds, n);
  }

  /** Makes the scratch arrays hold {@code parts} parts. */
  void ensureScratch(int parts) {
    if (order.length < parts) {
      order = new int[parts];
      sortBuffer = new int[parts];
    }
    if (pendingChannels.length < parts) {
      pendingChannels = new int[parts];
      pendingTimes = new long[parts];
    }
  }

  @Override
  public String toString() {
    return "CustomerEvents[" + size + " events, " + Objects.toString(channelNames) + "]";
  }
}
