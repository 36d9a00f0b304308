package io.tributary.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EventStoreReleaseTest {
  @Test
  void release_afterGrouping_countsStayAndEventsAreRefused() throws Exception {
    EventStore store = new EventStore(IdentityMap.empty(), ConsentList.of(java.util.List.of("c")));
    EventStore.Writer w = store.writer();
    w.add(new Event("a", 1_000L, "email", true, false, BigDecimal.ZERO, null));
    w.add(new Event("b", 2_000L, "search", true, false, BigDecimal.ZERO, null));
    w.add(new Event("a", 3_000L, "search", false, true, new BigDecimal("9.50"), "o1"));
    w.add(new Event("c", 4_000L, "email", true, false, BigDecimal.ZERO, null));
    CustomerGroups grouped = store.group();
    // Customer a's two events, in time order, before the release.
    CustomerEvents buffer = grouped.newBuffer();
    try (CustomerCursor cursor = grouped.cursor()) {
      assertTrue(cursor.next(buffer));
      assertEquals(2, buffer.size());
    }

    store.release();

    // What the run's summary reads after the fold: two customers (c opted out), three events, one row dropped.
    assertEquals(2, grouped.customers());
    assertEquals(3, grouped.events());
    assertEquals(1, grouped.excludedByConsent());
    assertEquals(2, grouped.channels());
    IllegalStateException again = assertThrows(IllegalStateException.class, store::group);
    assertEquals("the events were released after the fold", again.getMessage());
    assertThrows(IllegalStateException.class, grouped::cursor);
    store.close();
  }
}
