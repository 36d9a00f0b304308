package io.tributary.core.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ValueTuples numbers tuples densely in order of first appearance, one id per distinct tuple of values. */
class ValueTuplesTest {
  @Test
  void id_manyTuplesEqualButNotSameStrings_denseIdsInOrderOfFirstAppearance() {
    SplittableRandom rnd = new SplittableRandom(3);
    ValueTuples tuples = new ValueTuples();
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
    ValueTuples tuples = new ValueTuples();
    String[] row = {"north", "gold"};
    assertEquals(0, tuples.id(row));
    row[0] = "south";
    assertEquals(1, tuples.id(row));
    assertArrayEquals(new String[] {"north", "gold"}, tuples.tuples().get(0));
    assertEquals(0, tuples.id(new String[] {"north", "gold"}));
  }

  @Test
  void projection_tuplesOfTheChosenColumns_inTheirOrder() {
    // A customer's values (region, device, tier); the cells are (tier, region), as CellFold asks for them.
    ValueTuples cells = new ValueTuples(new int[] {2, 0});
    assertEquals(-1, cells.find(new String[] {"north", "app", "gold"}));
    assertEquals(0, cells.add(new String[] {"north", "app", "gold"}));
    // The device is not part of the cell: the same cell.
    assertEquals(0, cells.find(new String[] {new String("north"), "web", new String("gold")}));
    assertTrue(cells.is(0, new String[] {"north", null, "gold"}));
    assertFalse(cells.is(0, new String[] {"gold", "app", "north"}));
    assertEquals(1, cells.id(new String[] {"gold", "app", "north"}));
    assertArrayEquals(new String[] {"gold", "north"}, cells.tuples().get(0));
    assertArrayEquals(new String[] {"north", "gold"}, cells.tuples().get(1));
    for (int r = 0; r < 200; r++) { // past the table's first doublings
      assertEquals(2 + r, cells.id(new String[] {"r" + r, "app", "silver"}));
    }
    assertEquals(0, cells.find(new String[] {"north", "tv", "gold"}));
    cells.clear();
    assertEquals(0, cells.size());
    assertEquals(-1, cells.find(new String[] {"north", "app", "gold"}));
    assertEquals(0, cells.id(new String[] {"south", "app", "bronze"}));
  }
}
