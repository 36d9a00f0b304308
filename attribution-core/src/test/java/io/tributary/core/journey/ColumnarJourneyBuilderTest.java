package io.tributary.core.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.rule.TimeDecay;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The columnar entry of {@link JourneyBuilder} (what the CLI folds ten million events through) on hand-worked
 * customers, and the object entry and the aggregate's two entries agreeing on random ones.
 */
class ColumnarJourneyBuilderTest {
  private static final long DAY = 86_400_000L;
  private static final List<String> DICT = List.of("direct", "email", "search");
  private static final int DIRECT = 0;
  private static final int EMAIL = 1;
  private static final int SEARCH = 2;
  private final JourneyBuilder builder = new JourneyBuilder(JourneyOptions.defaults());

  /** What the sink saw, one line per journey: channels@days, converted, value, end day. */
  private List<String> journeys(CustomerEvents events, int[] duplicates) {
    List<String> out = new ArrayList<>();
    duplicates[0] = builder.build(events, (ch, t, from, to, converted, value, end) -> {
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < to; i++) {
        sb.append(DICT.get(ch[i])).append('@').append(t[i] / DAY).append(' ');
      }
      out.add(sb + (converted ? "converted " + value.toPlainString() : "null") + " end " + end / DAY);
    });
    return out;
  }

  @Test
  void build_columnsOutOfOrder_cutByLookbackOrderIdsAndTies() {
    // Day 0 search, day 10 email, day 40 direct, day 45 conversion 5 (order A): the first two are older than 30 days
    // and form a null journey; day 45 again a conversion with order A is a duplicate; day 50 an email touch that
    // converts (order B, 7.5) and a search touch at the same instant: touches first, by name (email, search), then
    // the conversion. Day 90 a conversion with no touch in its window is touchless; day 95 a display-less direct
    // touch is left over.
    CustomerEvents ev = new CustomerEvents(DICT);
    ev.add(95 * DAY, DIRECT, true, false, null, null);
    ev.add(50 * DAY, SEARCH, true, false, null, null);
    ev.add(45 * DAY, CustomerEvents.NO_CHANNEL, false, true, new BigDecimal("5"), "A");
    ev.add(0, SEARCH, true, false, null, null);
    ev.add(50 * DAY, EMAIL, true, true, new BigDecimal("7.5"), "B");
    ev.add(45 * DAY, CustomerEvents.NO_CHANNEL, false, true, new BigDecimal("9"), "A");
    ev.add(40 * DAY, DIRECT, true, false, null, null);
    ev.add(10 * DAY, EMAIL, true, false, null, null);
    ev.add(90 * DAY, CustomerEvents.NO_CHANNEL, false, true, new BigDecimal("2"), null);
    int[] dup = new int[1];
    List<String> got = journeys(ev, dup);
    assertEquals(List.of(
        "search@0 email@10 null end 10",
        "direct@40 converted 5 end 45",
        "email@50 search@50 converted 7.5 end 50",
        "converted 2 end 90",
        "direct@95 null end 95"), got);
    assertEquals(1, dup[0]);
  }

  @Test
  void build_sameInstantConversionsWithoutOrderIds_comeBeforeThoseWithAndByValue() {
    CustomerEvents ev = new CustomerEvents(DICT);
    ev.add(DAY, EMAIL, true, false, null, null);
    ev.add(2 * DAY, CustomerEvents.NO_CHANNEL, false, true, new BigDecimal("3"), "Z");
    ev.add(2 * DAY, CustomerEvents.NO_CHANNEL, false, true, new BigDecimal("4"), null);
    ev.add(2 * DAY, CustomerEvents.NO_CHANNEL, false, true, new BigDecimal("1"), " ");
    int[] dup = new int[1];
    // Blank order id counts as none: 1 then 4 (by value), then order Z; the touch goes to the first.
    assertEquals(List.of("email@1 converted 1 end 2", "converted 4 end 2", "converted 3 end 2"), journeys(ev, dup));
    assertEquals(0, dup[0]);
  }

  @Test
  void build_manyEventsInReverse_sortedStably() {
    // More parts than the insertion-sort run, so the merge passes are exercised: 100 touches a day apart, then one
    // conversion at day 100: only days 70..99 are in its window.
    CustomerEvents ev = new CustomerEvents(DICT);
    ev.add(100 * DAY, CustomerEvents.NO_CHANNEL, false, true, BigDecimal.ONE, null);
    for (int d = 99; d >= 0; d--) {
      ev.add(d * DAY, d % 3, true, false, null, null);
    }
    List<int[]> seen = new ArrayList<>();
    builder.build(ev, (ch, t, from, to, converted, value, end) ->
        seen.add(new int[] {(int) (t[from] / DAY), (int) (t[to - 1] / DAY), to - from, converted ? 1 : 0}));
    assertEquals(2, seen.size());
    assertEquals(List.of(0, 69, 70, 0), List.of(seen.get(0)[0], seen.get(0)[1], seen.get(0)[2], seen.get(0)[3]));
    assertEquals(List.of(70, 99, 30, 1), List.of(seen.get(1)[0], seen.get(1)[1], seen.get(1)[2], seen.get(1)[3]));
  }

  @Test
  void columns_rejectUnsortedDictionaryAndTouchWithoutChannel() {
    assertThrows(IllegalArgumentException.class, () -> new CustomerEvents(List.of("email", "direct")));
    CustomerEvents ev = new CustomerEvents(DICT);
    assertThrows(IllegalArgumentException.class,
        () -> ev.add(0, CustomerEvents.NO_CHANNEL, true, false, null, null));
    assertThrows(IllegalArgumentException.class, () -> ev.add(0, 3, true, false, null, null));
  }

  @Test
  void aggregate_columnarAndEventEntries_giveEqualAggregatesInAnyOrder() {
    Random r = new Random(5);
    List<String> names = List.of("a", "b", "c", "d", "e");
    List<AttributionModel> models = List.of(new TimeDecay(Duration.ofDays(7)));
    JourneyAggregate.Builder viaEvents = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    JourneyAggregate.Builder viaColumns = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    CustomerEvents columns = new CustomerEvents(names);
    for (int c = 0; c < 300; c++) {
      List<Event> events = new ArrayList<>();
      int n = 1 + r.nextInt(c % 10 == 0 ? 80 : 12);
      for (int k = 0; k < n; k++) {
        long t = r.nextInt(6) * DAY * 10 + r.nextInt(3) * 1000L;
        int kind = r.nextInt(10);
        String ch = names.get(r.nextInt(names.size()));
        String order = r.nextInt(4) == 0 ? "o" + r.nextInt(3) : null;
        BigDecimal v = new BigDecimal(r.nextInt(100)).movePointLeft(r.nextInt(3));
        events.add(kind < 7 ? Event.touch("x", t, ch)
            : kind < 9 ? new Event("x", t, ch, true, true, v, order)
            : Event.conversion("x", t, v, order));
      }
      viaEvents.addCustomer(events);
      Collections.shuffle(events, r);
      columns.clear();
      for (Event e : events) {
        columns.add(e.timestamp(), e.channel() == null ? -1 : names.indexOf(e.channel()), e.touch(), e.conversion(),
            e.value(), e.orderId());
      }
      viaColumns.addCustomer(columns);
    }
    JourneyAggregate a = viaEvents.build();
    JourneyAggregate b = viaColumns.build();
    assertEquals(a, b);
    assertEquals(true, a.paths().size() > 50);
    assertEquals(true, a.duplicateConversions() > 0 && a.touchlessConversions() > 0);
  }
}
