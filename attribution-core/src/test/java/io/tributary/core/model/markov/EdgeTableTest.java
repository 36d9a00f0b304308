package io.tributary.core.model.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Transition sums against a map of (from, to) pairs: in the matrix (ids below its size), in the hash table (any
 * other), and across both, through growth of the table.
 */
class EdgeTableTest {
  @Test
  void sums_matchAMapOfPairs_inTheMatrix_theTable_andBoth() {
    Random r = new Random(3);
    for (int states : new int[] {0, 1, 7, 96, EdgeTable.MATRIX_LIMIT, EdgeTable.MATRIX_LIMIT + 1}) {
      EdgeTable edges = new EdgeTable(states);
      Map<Long, Long> expected = new HashMap<>();
      for (int i = 0; i < 20_000; i++) {
        int range = r.nextBoolean() ? Math.max(1, states) : 400;
        int from = r.nextInt(range);
        int to = r.nextInt(range);
        long w = 1 + r.nextInt(50);
        edges.add(from, to, w);
        expected.merge(((long) from << 32) | to, w, Long::sum);
      }
      assertEquals(expected.size(), edges.size(), "states " + states);
      Map<Long, Long> seen = new HashMap<>();
      edges.forEach((from, to, w) -> assertEquals(null, seen.put(((long) from << 32) | to, w), "visited once"));
      assertEquals(expected, seen, "states " + states);
      expected.forEach((key, w) -> assertEquals(w, edges.get((int) (key >>> 32), (int) (long) key)));
      for (int from = 0; from < 300; from += 7) { // pairs never added read 0, in the matrix and the table
        for (int to = 0; to < 400; to += 13) {
          assertEquals(expected.getOrDefault(((long) from << 32) | to, 0L), edges.get(from, to));
        }
      }
    }
  }

  @Test
  void weight_isAtLeastOneJourney() {
    assertThrows(IllegalArgumentException.class, () -> new EdgeTable(4).add(1, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> new EdgeTable().add(1, 2, -3));
  }
}
