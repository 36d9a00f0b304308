package io.tributary.cli.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SegmentTuples numbers tuples densely in order of first appearance, one id per distinct tuple of values. */
class SegmentTuplesTest {
  @Test
  void id_manyTuplesEqualButNotSameStrings_denseIdsInOrderOfFirstAppearance() {
    SplittableRandom rnd = new SplittableRandom(3);
    SegmentTuples tuples = new SegmentTuples();
    Map<List<String>, Integer> truth = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      // 300 regions x 3 tiers x a null now and then: 900+ tuples, past several doublings of the table. New String
      // objects each time, so that equal values are found by content, not by identity.
      String tier = rnd.nextInt(50) == 0 ? null : new String("t" + rnd.nextInt(3));
      String[] values = {new String("r" + rnd.nextInt(300)), tier};
      int id = tuples.id(values);
      Integer want = truth.putIfAbsent(Arrays.asList(values.clone()), truth.size());
      assertEquals(want == null ? truth.size() - 1 : want, id, Arrays.toString(values));
      assertArrayEquals(values, tuples.tuples().get(id));
    }
    assertEquals(truth.size(), tuples.tuples().size());
  }

  @Test
  void id_keepsACopy_callerMayReuseItsArray() {
    SegmentTuples tuples = new SegmentTuples();
    String[] row = {"north", "gold"};
    assertEquals(0, tuples.id(row));
    row[0] = "south";
    assertEquals(1, tuples.id(row));
    assertArrayEquals(new String[] {"north", "gold"}, tuples.tuples().get(0));
    assertEquals(0, tuples.id(new String[] {"north", "gold"}));
  }
}
