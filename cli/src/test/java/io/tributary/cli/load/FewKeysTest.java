package io.tributary.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FewKeys' cache must never change an id: ids are dense, in order of first appearance, one per distinct key. */
class FewKeysTest {
  @Test
  void intern_manyKeysSharingCacheSlots_denseIdsInOrderOfFirstAppearance() {
    SplittableRandom rnd = new SplittableRandom(5);
    FewKeys keys = new FewKeys();
    Map<String, Integer> truth = new HashMap<>();
    // 600 keys of three letters: many share a slot (the same length, ends and middle) and take turns in it.
    String[] names = new String[600];
    for (int k = 0; k < names.length; k++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(21);
      for (int i = 0; i < n; i++) {
        sb.append((char) ('a' + rnd.nextInt(3)));
      }
      names[k] = sb.toString();
    }
    for (int i = 0; i < 50_000; i++) {
      String name = names[rnd.nextInt(names.length)];
      byte[] row = ("xy" + name + "z").getBytes(StandardCharsets.UTF_8);
      int id = keys.intern(row, 2, row.length - 1);
      Integer want = truth.putIfAbsent(name, truth.size());
      assertEquals(want == null ? truth.size() - 1 : want, id, name);
      assertEquals(name, keys.name(id));
    }
    assertEquals(truth.size(), keys.size());
  }
}
