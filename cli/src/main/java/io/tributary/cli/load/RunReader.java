package io.tributary.cli.load;

import io.tributary.core.journey.CustomerEvents;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the customers of one partition of a {@link SortedRun} in order: {@link #advance} moves to the next customer
 * (its id in {@link #key()}), {@link #readEvents} decodes its events into the core's buffer with the store's channel
 * ids. Not thread-safe: one per merging cursor.
 */
final class RunReader implements AutoCloseable {
  /** The segment tuple and time of each event read, for the customer's first values. */
  interface SegmentSink {
    void offer(long time, String[] tuple);
  }

  private final RunInput in;
  private final char[] channelMap;
  private final List<String[]> tuples;
  private final boolean segmented;
  /** Which run this is, in the store's run order: ties between runs are read in this order. */
  final int order;
  private byte[] key = new byte[32];
  private int keyLength;
  private int events;
  private boolean has;
  private byte[] text = new byte[32];

  RunReader(SortedRun run, int partition, int order, boolean segmented, int bufferBytes) throws IOException {
    this.in = new RunInput(run.file(), run.partitionStarts()[partition], run.partitionStarts()[partition + 1],
        bufferBytes);
    this.channelMap = run.owner().channelMap();
    this.tuples = run.owner().tuples();
    this.segmented = segmented;
    this.order = order;
  }

  /** @return whether there is a current customer, after moving to the next one */
  boolean advance() throws IOException {
    has = in.hasMore();
    if (has) {
      key = in.readBytes(key);
      keyLength = in.lastLength();
      events = (int) in.readUnsigned();
    }
    return has;
  }

  /** @return the current customer's stitched id bytes, {@code [0, keyLength())} */
  byte[] key() {
    return key;
  }

  int keyLength() {
    return keyLength;
  }

  /** Orders readers by their current customer id (unsigned bytes, as the runs are sorted), then by run order. */
  static int compare(RunReader a, RunReader b) {
    int c = Arrays.compareUnsigned(a.key, 0, a.keyLength, b.key, 0, b.keyLength);
    return c != 0 ? c : Integer.compare(a.order, b.order);
  }

  /** @return whether both readers are at the same customer */
  static boolean sameCustomer(RunReader a, RunReader b) {
    return Arrays.equals(a.key, 0, a.keyLength, b.key, 0, b.keyLength);
  }

  /**
   * Appends the current customer's events to {@code out}.
   *
   * @param segments told each event's segment tuple, or null
   */
  void readEvents(CustomerEvents out, SegmentSink segments) throws IOException {
    long time = 0;
    for (int e = 0; e < events; e++) {
      int flags = in.readByte();
      time += in.readSigned();
      int channel = CustomerEvents.NO_CHANNEL;
      if ((flags & SortedRunWriter.HAS_CHANNEL) != 0) {
        channel = channelMap[(int) in.readUnsigned()];
      }
      if (segmented) {
        String[] tuple = tuples.get((int) in.readUnsigned());
        if (segments != null) {
          segments.offer(time, tuple);
        }
      }
      BigDecimal value = null;
      String orderId = null;
      if ((flags & SortedRunWriter.HAS_EXTRAS) != 0) {
        int scale = (int) in.readSigned();
        text = in.readBytes(text);
        value = new BigDecimal(new BigInteger(Arrays.copyOf(text, in.lastLength())), scale);
        int n = (int) in.readUnsigned();
        if (n > 0) {
          if (text.length < n - 1) {
            text = new byte[n - 1];
          }
          for (int i = 0; i < n - 1; i++) {
            text[i] = (byte) in.readByte();
          }
          orderId = new String(text, 0, n - 1, StandardCharsets.UTF_8);
        }
      }
      out.add(time, channel, (flags & SortedRunWriter.TOUCH) != 0, (flags & SortedRunWriter.CONVERSION) != 0,
          value, orderId);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
