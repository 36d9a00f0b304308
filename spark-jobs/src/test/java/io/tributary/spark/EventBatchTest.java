package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events packed by reading tasks come back, grouped by customer, exactly as they went in. */
class EventBatchTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int channel(EventBatch.Channels channels, String name) {
    byte[] b = utf8(name);
    return channels.id(b, 0, b.length);
  }

  @Test
  void partition_twoBatchesWithTheirOwnChannelIds_groupsEachCustomersEventsInKeyOrder() {
    // Task 1 meets "search" first, task 2 "émail" first: their ids differ, the names must not.
    EventBatch.Channels first = new EventBatch.Channels();
    EventBatch.Writer a = new EventBatch.Writer(first);
    byte[] bob = utf8("bob");
    byte[] zoe = utf8("xzoë"); // non-ASCII key, sorts after "bob" by bytes
    a.add(zoe, 1, zoe.length, 1_700_000_000_000L, channel(first, "search"), true, false, null, null, "eu\u001fgold");
    a.add(zoe, 1, zoe.length, 1_699_999_999_000L, -1, false, true, "12.50", "o-1", "eu\u001fgold");
    a.add(bob, 0, bob.length, 5L, channel(first, "émail"), true, true, "0.001", null, null);
    byte[] one = a.take();
    assertEquals(0, a.events());

    EventBatch.Channels second = new EventBatch.Channels();
    EventBatch.Writer b = new EventBatch.Writer(second);
    b.add(bob, 0, bob.length, -3L, channel(second, "émail"), true, false, null, null, null);
    b.add(bob, 0, bob.length, Long.MAX_VALUE, channel(second, "search"), true, false, null, null, null);
    byte[] two = b.take();

    EventBatch.Partition p = new EventBatch.Partition();
    p.add(two);
    p.add(one);
    assertEquals(2, p.customers());
    assertEquals(5, p.size());
    int[] order = p.group();
    List<String> names = p.channelNames();

    List<String> bobs = new ArrayList<>();
    for (int q = p.from(order[0]); q < p.to(order[0]); q++) {
      int i = p.event(q);
      bobs.add(p.time(i) + " " + names.get(p.channel(i)) + " " + p.touch(i) + " " + p.conversion(i) + " "
          + p.value(i) + " " + p.orderId(i) + " " + p.segments(i));
    }
    assertEquals(List.of(
        "-3 émail true false null null null",
        Long.MAX_VALUE + " search true false null null null",
        "5 émail true true 0.001 null null"), bobs);

    int zoeIndex = order[1];
    assertEquals(2, p.to(zoeIndex) - p.from(zoeIndex));
    int touch = p.event(p.from(zoeIndex));
    int conversion = p.event(p.from(zoeIndex) + 1);
    assertEquals(1_700_000_000_000L, p.time(touch));
    assertEquals("search", names.get(p.channel(touch)));
    assertTrue(p.touch(touch));
    assertFalse(p.conversion(touch));
    assertEquals("eu\u001fgold", p.segments(touch));
    assertEquals(1_699_999_999_000L, p.time(conversion));
    assertEquals(-1, p.channel(conversion));
    assertEquals("12.50", p.value(conversion));
    assertEquals("o-1", p.orderId(conversion));
    assertEquals("eu\u001fgold", p.segments(conversion));
    assertNull(p.value(touch));
  }

  @Test
  void segmentTuples_countsDistinctPackedValues_upToTheLimit() {
    EventBatch.Channels channels = new EventBatch.Channels();
    EventBatch.Writer w = new EventBatch.Writer(channels);
    byte[] key = utf8("c");
    int search = channel(channels, "search");
    // Five events, three distinct texts (one repeated after another in between), one event without segments.
    String[] packed = {"eu\u001fgold", "eu\u001fgold", "us\u001fgold", "eu\u001fgold", "eu\u001fsilver"};
    for (int k = 0; k < packed.length; k++) {
      w.add(key, 0, key.length, k, search, true, false, null, null, packed[k]);
    }
    EventBatch.Partition p = new EventBatch.Partition();
    p.add(w.take());
    assertEquals(3, p.segmentTuples(256));
    assertEquals(3, p.segmentTuples(3));
    assertEquals(3, p.segmentTuples(2), "past the limit: limit + 1");
    assertEquals(2, p.segmentTuples(1));

    EventBatch.Partition none = new EventBatch.Partition();
    EventBatch.Writer plain = new EventBatch.Writer(new EventBatch.Channels());
    plain.add(key, 0, key.length, 1, -1, true, false, null, null, null);
    none.add(plain.take());
    assertEquals(0, none.segmentTuples(256), "no segment columns");
  }

  @Test
  void partition_sameKeyEverywhere_landsInOnePartition() {
    byte[] key = utf8("customer-42");
    int p = EventBatch.partition(key, 0, key.length, 13);
    byte[] padded = utf8("..customer-42..");
    assertEquals(p, EventBatch.partition(padded, 2, 2 + key.length, 13));
    assertTrue(p >= 0 && p < 13);
  }

  @Test
  void partition_manyCustomers_spreadOverEveryPartition() {
    int[] counts = new int[7];
    for (int c = 0; c < 7000; c++) {
      byte[] k = utf8("c" + c);
      counts[EventBatch.partition(k, 0, k.length, 7)]++;
    }
    for (int n : counts) {
      assertTrue(n > 700 && n < 1300, "uneven spread " + java.util.Arrays.toString(counts));
    }
  }
}
