package io.tributary.cli.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ByteKeys against a HashMap of Strings: ids dense in order of first appearance, one per distinct key, whatever the
 * keys' hashes do (equal hashes of different keys, a table grown many times) and wherever a key lies in its buffer.
 */
class ByteKeysTest {
  @Test
  void intern_randomKeysWithEqualHashesThroughManyGrowths_sameIdsAsAHashMap() {
    SplittableRandom rnd = new SplittableRandom(11);
    // Keys of 0 to 40 bytes (below and above the 8 bytes compared a long at a time), about a third built of the
    // blocks "Aa" and "BB", which have the same polynomial hash: every such key of n blocks shares its hash with
    // 2^n - 1 others, so probes meet equal hashes of different keys all the time.
    List<String> pool = new ArrayList<>();
    for (int k = 0; k < 30_000; k++) {
      StringBuilder sb = new StringBuilder();
      if (rnd.nextInt(3) == 0) {
        int blocks = 1 + rnd.nextInt(12);
        for (int i = 0; i < blocks; i++) {
          sb.append(rnd.nextBoolean() ? "Aa" : "BB");
        }
      } else {
        int n = rnd.nextInt(41);
        for (int i = 0; i < n; i++) {
          sb.append((char) ('!' + rnd.nextInt(94)));
        }
      }
      pool.add(sb.toString());
    }
    assertEquals(ByteKeys.hash(utf8("AaBB"), 0, 4), ByteKeys.hash(utf8("BBAa"), 0, 4), "the test's colliding blocks");

    ByteKeys keys = new ByteKeys();
    Map<String, Integer> truth = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // Grow first (new keys in a row, as a customer-ordered file gives them), then mostly look old ones up.
      String key = i < 20_000 ? pool.get(i) : pool.get(rnd.nextInt(pool.size()));
      int pad = rnd.nextInt(5);
      byte[] row = ("x".repeat(pad) + key + ",z").getBytes(StandardCharsets.UTF_8);
      int id = keys.intern(row, pad, pad + key.length());
      Integer want = truth.putIfAbsent(key, truth.size());
      assertEquals(want == null ? truth.size() - 1 : want, id, key);
    }
    assertEquals(truth.size(), keys.size());
    for (Map.Entry<String, Integer> e : truth.entrySet()) {
      int id = e.getValue();
      byte[] want = utf8(e.getKey());
      assertEquals(e.getKey(), keys.name(id));
      assertEquals(want.length, keys.length(id));
      assertArrayEquals(want, Arrays.copyOfRange(keys.bytes(), keys.start(id), keys.start(id) + keys.length(id)));
    }
  }

  @Test
  void intern_fromAnotherTable_mapsEveryKeyToItsIdHere() {
    ByteKeys a = new ByteKeys();
    ByteKeys b = new ByteKeys();
    Map<String, Integer> inA = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      String k = "c" + (i * 7 % 3_000);
      inA.putIfAbsent(k, inA.size());
      a.intern(utf8(k), 0, k.length());
    }
    for (int i = 0; i < 4_000; i++) {
      String k = "c" + (i * 3);
      b.intern(utf8(k), 0, k.length());
    }
    for (int id = 0; id < b.size(); id++) {
      String k = b.name(id);
      Integer want = inA.putIfAbsent(k, inA.size());
      assertEquals(want == null ? inA.size() - 1 : want, a.intern(b, id), k);
    }
    assertEquals(inA.size(), a.size());
    assertNotEquals(0, a.memoryBytes());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
