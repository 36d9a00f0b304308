package io.tributary.core.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A table made by recipe ({@link LazyPathMap#ofRecipe}, a segmented fold's group tables): sized without being made,
 * made once while someone holds it, made again (the same table) once no one did.
 */
class LazyPathMapTest {
  private static final PathCounts PATHS = PathCounts.builder()
      .add(Path.of("email", "search"), 2, new BigDecimal("12.50"), 1)
      .add(Path.of("display"), 0, BigDecimal.ZERO, 3)
      .build();

  @Test
  void recipe_isSizedWithoutMaking_madeOnceWhileHeld_andAgainAfter() {
    AtomicInteger made = new AtomicInteger();
    LazyPathMap lazy = LazyPathMap.ofRecipe(() -> {
      made.incrementAndGet();
      return PATHS.table().withStats(new long[] {0, 2}, new BigDecimal[] {null, new BigDecimal("12.50")},
          new long[] {3, 1});
    }, () -> 2);
    assertEquals(2, lazy.size());
    assertEquals(0, made.get(), "size() does not make the table");

    PathTable held = lazy.table();
    assertSame(held, lazy.table());
    assertEquals(1, made.get(), "made once while held");
    assertTrue(held.sameAs(PATHS.table()));
    assertEquals(PATHS.byPath(), new PathCounts(lazy).byPath());

    WeakReference<PathTable> first = new WeakReference<>(held);
    held = null;
    for (int i = 0; i < 20 && first.get() != null; i++) {
      System.gc();
    }
    if (first.get() == null) { // the collector let it go: the next read makes it again, the same table
      PathTable again = lazy.table();
      assertTrue(again.sameAs(PATHS.table()));
      assertTrue(made.get() >= 2);
    }
  }

  @Test
  void recipe_ofAnotherSize_isABug() {
    LazyPathMap lazy = LazyPathMap.ofRecipe(PATHS::table, () -> 3);
    assertThrows(IllegalStateException.class, lazy::table);
  }
}
