package io.tributary.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** Tasks of different sizes mapped largest first: results in the tasks' order, every task once, failures rethrown. */
class LargestFirstTest {
  @Test
  void results_inTaskOrder_eachTaskOnce() {
    Random rnd = new Random(7);
    List<Integer> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tasks.add(rnd.nextInt(50));
    }
    ConcurrentLinkedQueue<Integer> ran = new ConcurrentLinkedQueue<>();
    List<String> out = LargestFirst.map(tasks, t -> t, t -> {
      ran.add(t);
      return "task " + t;
    });
    // Independent truth: the plain sequential map.
    List<String> expected = new ArrayList<>();
    for (int t : tasks) {
      expected.add("task " + t);
    }
    assertEquals(expected, out);
    List<Integer> sortedRan = new ArrayList<>(ran);
    sortedRan.sort(null);
    List<Integer> sortedTasks = new ArrayList<>(tasks);
    sortedTasks.sort(null);
    assertEquals(sortedTasks, sortedRan);
  }

  @Test
  void oneThread_takesTheLargestFirst() {
    // With every task run by the caller alone (one task at a time, in the order taken), the order is by size.
    List<Integer> order = new ArrayList<>();
    List<Integer> tasks = List.of(3, 9, 1, 9, 5);
    Object lock = new Object();
    LargestFirst.map(tasks, t -> t, t -> {
      synchronized (lock) {
        order.add(t);
      }
      return t;
    });
    if (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() == 1
        && Runtime.getRuntime().availableProcessors() == 1) {
      assertEquals(List.of(9, 9, 5, 3, 1), order);
    }
    assertEquals(5, order.size());
  }

  @Test
  void failure_firstInTaskOrder_rethrownAsThrown() {
    IllegalStateException second = new IllegalStateException("second");
    IllegalArgumentException fourth = new IllegalArgumentException("fourth");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> LargestFirst.map(List.of(1, 2, 3, 4),
        t -> t, t -> {
          if (t == 2) {
            throw second;
          }
          if (t == 4) {
            throw fourth;
          }
          return t;
        }));
    assertSame(second, thrown);
  }

  @Test
  void noTasks_noResults() {
    assertEquals(List.of(), LargestFirst.map(List.<Integer>of(), t -> t, t -> t));
  }
}
