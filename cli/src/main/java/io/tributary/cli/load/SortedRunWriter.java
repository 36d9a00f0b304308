package io.tributary.cli.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a store writer's held events as one {@link SortedRun}: customers ordered by partition, then by their
 * (stitched) id's UTF-8 bytes, unsigned; each customer's events in the order they were added, as the store groups
 * them in memory.
 *
 * <p>Layout, per customer: id (length, bytes), event count, then per event a flag byte (touch, conversion, has a
 * channel, has a value or order id), the time as a zig-zag step from the customer's previous event, the writer's
 * channel id, the segment tuple id (when the store keeps segment columns) and, for a conversion with a value or an
 * order id, the value (scale, unscaled bytes) and the order id (0, or length + 1 and its UTF-8 bytes).
 */
final class SortedRunWriter {
  /*
   * Sorting is on the distinct customers of the run (a comparison sort of ids), then the events are placed by a
   * counting sort on the customer's rank, as EventStore groups them: the events are never compared.
   */
  static final int TOUCH = 1;
  static final int CONVERSION = 2;
  static final int HAS_CHANNEL = 4;
  static final int HAS_EXTRAS = 8;

  private SortedRunWriter() {}

  /**
   * The stitched ids of a writer's customers, by the writer's customer id: {@code bytes[start[c], start[c] + length[c])},
   * {@code length[c] < 0} for a customer whose events are dropped (opted out).
   */
  record Keys(byte[] bytes, int[] start, int[] length) {}

  /**
   * @param file where to write (a new file)
   * @param folder the run's spill folder, which counts the bytes written against its disk limit
   * @param chunks the writer's held events
   * @param keys the stitched ids of the writer's customers
   * @param partitions how many partitions (fold slices) the customers are split into by a hash of their id
   * @param segmented whether rows carry a segment tuple id
   * @param owner the writer
   * @return the run
   */
  static SortedRun write(Path file, SpillFolder folder, List<EventStore.Chunk> chunks, Keys keys, int partitions, boolean segmented,
      EventStore.Writer owner) throws IOException {
    int customers = keys.start().length;
    int[] partition = new int[customers];
    int kept = 0;
    for (int c = 0; c < customers; c++) {
      if (keys.length()[c] >= 0) {
        partition[c] = partitionOf(keys.bytes(), keys.start()[c], keys.length()[c], partitions);
        kept++;
      }
    }
    Integer[] sorted = new Integer[kept];
    for (int c = 0, k = 0; c < customers; c++) {
      if (keys.length()[c] >= 0) {
        sorted[k++] = c;
      }
    }
    byte[] b = keys.bytes();
    Arrays.sort(sorted, (x, y) -> {
      int byPart = Integer.compare(partition[x], partition[y]);
      if (byPart != 0) {
        return byPart;
      }
      int sx = keys.start()[x];
      int sy = keys.start()[y];
      return Arrays.compareUnsigned(b, sx, sx + keys.length()[x], b, sy, sy + keys.length()[y]);
    });
    // Aliases stitched to one id are one customer: equal ids (neighbours once sorted) share a rank.
    int[] rank = new int[customers];
    Arrays.fill(rank, -1);
    int[] firstOfRank = new int[kept];
    int ranks = 0;
    for (int r = 0; r < kept; r++) {
      int c = sorted[r];
      if (ranks == 0 || !sameKey(keys, firstOfRank[ranks - 1], c)) {
        firstOfRank[ranks++] = c;
      }
      rank[c] = ranks - 1;
    }
    int[] start = new int[ranks + 1];
    for (EventStore.Chunk ch : chunks) {
      for (int i = 0; i < ch.size; i++) {
        int r = rank[ch.customer[i]];
        if (r >= 0) {
          start[r + 1]++;
        }
      }
    }
    for (int r = 0; r < ranks; r++) {
      start[r + 1] += start[r];
    }
    int[] next = Arrays.copyOf(start, ranks);
    int[] order = new int[start[ranks]];
    for (int k = 0; k < chunks.size(); k++) {
      EventStore.Chunk ch = chunks.get(k);
      for (int i = 0; i < ch.size; i++) {
        int r = rank[ch.customer[i]];
        if (r >= 0) {
          order[next[r]++] = k << EventStore.SHIFT | i;
        }
      }
    }
    long[] partitionStarts = new long[partitions + 1];
    try (RunOutput out = new RunOutput(file, folder)) {
      int p = 0;
      for (int r = 0; r < ranks; r++) {
        int c = firstOfRank[r];
        while (p <= partition[c]) {
          partitionStarts[p++] = out.position();
        }
        out.writeBytes(b, keys.start()[c], keys.length()[c]);
        out.writeUnsigned(start[r + 1] - start[r]);
        long previous = 0;
        for (int q = start[r]; q < start[r + 1]; q++) {
          int k = order[q];
          EventStore.Chunk ch = chunks.get(k >>> EventStore.SHIFT);
          int i = k & EventStore.MASK;
          previous = writeEvent(out, ch, i, previous, segmented);
        }
      }
      while (p <= partitions) {
        partitionStarts[p++] = out.position();
      }
    }
    long all = 0;
    for (EventStore.Chunk ch : chunks) {
      all += ch.size;
    }
    return new SortedRun(file, partitionStarts, owner, order.length, all - order.length);
  }

  private static boolean sameKey(Keys keys, int a, int b) {
    int sa = keys.start()[a];
    int sb = keys.start()[b];
    return Arrays.equals(keys.bytes(), sa, sa + keys.length()[a], keys.bytes(), sb, sb + keys.length()[b]);
  }

  /** @return the partition of a stitched customer id: a hash of its bytes (every run agrees) */
  static int partitionOf(byte[] b, int from, int length, int partitions) {
    if (partitions == 1) {
      return 0;
    }
    int h = ByteKeys.hash(b, from, from + length) * 0x9E3779B9;
    return Math.floorMod(h ^ (h >>> 16), partitions);
  }

  private static long writeEvent(RunOutput out, EventStore.Chunk ch, int i, long previous, boolean segmented)
      throws IOException {
    byte f = ch.flags[i];
    boolean conversion = (f & EventStore.CONVERSION) != 0;
    int x = conversion ? Arrays.binarySearch(ch.extraRows, 0, ch.extras, i) : -1;
    char channel = ch.channel[i];
    int flags = ((f & EventStore.TOUCH) != 0 ? TOUCH : 0) | (conversion ? CONVERSION : 0)
        | (channel != EventStore.NO_CHANNEL ? HAS_CHANNEL : 0) | (x >= 0 ? HAS_EXTRAS : 0);
    out.writeByte(flags);
    long time = ch.time[i];
    out.writeSigned(time - previous);
    if (channel != EventStore.NO_CHANNEL) {
      out.writeUnsigned(channel);
    }
    if (segmented) {
      out.writeUnsigned(ch.segmentRef[i]);
    }
    if (x >= 0) {
      BigDecimal v = ch.values[x];
      out.writeSigned(v.scale());
      byte[] unscaled = v.unscaledValue().toByteArray();
      out.writeBytes(unscaled, 0, unscaled.length);
      String orderId = ch.orderIds[x];
      if (orderId == null) {
        out.writeUnsigned(0);
      } else {
        byte[] id = orderId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeUnsigned(id.length + 1L);
        for (byte by : id) {
          out.writeByte(by);
        }
      }
    }
    return time;
  }
}
