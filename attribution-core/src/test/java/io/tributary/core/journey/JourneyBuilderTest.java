package io.tributary.core.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JourneyBuilderTest {
  private static final long DAY = 86_400_000L;
  private static final String C = "cust";
  private final JourneyBuilder builder = new JourneyBuilder(JourneyOptions.defaults());

  private static Event touch(double day, String channel) {
    return Event.touch(C, (long) (day * DAY), channel);
  }

  private static Event conv(double day, String value, String order) {
    return Event.conversion(C, (long) (day * DAY), new BigDecimal(value), order);
  }

  private static List<String> channels(Journey j) {
    return j.channels();
  }

  @Test
  void build_touchesThenConversion_oneConvertingJourney() {
    List<Journey> js = builder.build(List.of(touch(1, "email"), touch(2, "search"), conv(3, "10", null))).journeys();
    assertEquals(1, js.size());
    assertEquals(List.of("email", "search"), channels(js.get(0)));
    assertTrue(js.get(0).converted());
    assertEquals(new BigDecimal("10"), js.get(0).value());
    assertEquals(3 * DAY, js.get(0).endTime());
  }

  @Test
  void build_touchesOlderThanLookback_becomeTheirOwnNonConvertingJourney() {
    // Conversion on day 45, lookback 30 days: touches of days 0 and 10 are 45 and 35 days old (outside), day 40 is in.
    List<Journey> js = builder.build(
        List.of(touch(0, "display"), touch(10, "social"), touch(40, "search"), conv(45, "5", null))).journeys();
    assertEquals(2, js.size());
    assertEquals(List.of("display", "social"), channels(js.get(0)));
    assertFalse(js.get(0).converted());
    assertEquals(10 * DAY, js.get(0).endTime());
    assertEquals(List.of("search"), channels(js.get(1)));
    assertTrue(js.get(1).converted());
  }

  @Test
  void build_touchExactlyLookbackOld_isInsideTheWindow() {
    List<Journey> js = builder.build(List.of(touch(0, "email"), conv(30, "1", null))).journeys();
    assertEquals(1, js.size());
    assertEquals(List.of("email"), channels(js.get(0)));
    assertTrue(js.get(0).converted());

    List<Journey> later = builder.build(
        List.of(Event.touch(C, 0, "email"), Event.conversion(C, 30 * DAY + 1, BigDecimal.ONE, null))).journeys();
    assertEquals(2, later.size(), "one millisecond past the window leaves the touch out");
    assertTrue(later.get(1).touchless());
  }

  @Test
  void build_touchesAfterLastConversion_formANonConvertingJourney() {
    List<Journey> js = builder.build(
        List.of(touch(1, "a"), conv(2, "3", null), touch(3, "b"), touch(4, "c"))).journeys();
    assertEquals(2, js.size());
    assertEquals(List.of("a"), channels(js.get(0)));
    assertEquals(List.of("b", "c"), channels(js.get(1)));
    assertFalse(js.get(1).converted());
    assertEquals(4 * DAY, js.get(1).endTime());
  }

  @Test
  void build_conversionWithoutTouches_isTouchless() {
    List<Journey> js = builder.build(List.of(conv(1, "7.5", null))).journeys();
    assertEquals(1, js.size());
    assertTrue(js.get(0).touchless());
    assertTrue(js.get(0).converted());
    assertEquals(new BigDecimal("7.5"), js.get(0).value());
  }

  @Test
  void build_repeatPurchases_eachConversionClosesItsJourney() {
    List<Journey> js = builder.build(List.of(touch(1, "a"), conv(2, "1", "o1"), touch(3, "b"), touch(3.5, "c"),
        conv(4, "2", "o2"), conv(5, "3", "o3"))).journeys();
    assertEquals(3, js.size());
    assertEquals(List.of("a"), channels(js.get(0)));
    assertEquals(List.of("b", "c"), channels(js.get(1)));
    assertTrue(js.get(2).touchless(), "the third purchase has no touch since the second");
  }

  @Test
  void build_tieAtSameTime_touchesComeBeforeConversionsThenByChannel() {
    long t = 5 * DAY;
    List<Event> events = List.of(
        Event.conversion(C, t, BigDecimal.TEN, null), Event.touch(C, t, "zeta"), Event.touch(C, t, "alpha"));
    List<Journey> js = builder.build(events).journeys();
    assertEquals(1, js.size());
    assertEquals(List.of("alpha", "zeta"), channels(js.get(0)));
    assertTrue(js.get(0).converted());
  }

  @Test
  void build_touchRowThatConverts_isTouchAndConversion() {
    Event both = new Event(C, 2 * DAY, "store", true, true, new BigDecimal("40"), null);
    List<Journey> js = builder.build(List.of(touch(1, "email"), both, touch(3, "app"))).journeys();
    assertEquals(2, js.size());
    assertEquals(List.of("email", "store"), channels(js.get(0)));
    assertEquals(new BigDecimal("40"), js.get(0).value());
    assertEquals(List.of("app"), channels(js.get(1)));
  }

  @Test
  void build_duplicateOrderId_keepsTheEarliestConversionAndCountsTheRest() {
    Event dupTouch = new Event(C, 4 * DAY, "store", true, true, new BigDecimal("9"), "o1");
    CustomerJourneys cj = builder.build(
        List.of(touch(1, "a"), conv(2, "9", "o1"), touch(3, "b"), dupTouch, conv(5, "9", "o1")));
    assertEquals(2, cj.duplicateConversions());
    List<Journey> js = cj.journeys();
    assertEquals(2, js.size());
    assertEquals(List.of("a"), channels(js.get(0)));
    assertTrue(js.get(0).converted());
    // The duplicate touch+conversion row stays a touch: b and store trail the only conversion.
    assertEquals(List.of("b", "store"), channels(js.get(1)));
    assertFalse(js.get(1).converted());
  }

  @Test
  void build_blankOrderIds_areNotDeduplicated() {
    CustomerJourneys cj = builder.build(List.of(conv(1, "1", ""), conv(2, "1", " "), conv(3, "1", null)));
    assertEquals(0, cj.duplicateConversions());
    assertEquals(3, cj.journeys().size());
  }

  @Test
  void build_zeroLookback_keepsOnlySimultaneousTouches() {
    JourneyBuilder strict = new JourneyBuilder(new JourneyOptions(Duration.ZERO));
    List<Journey> js = strict.build(List.of(touch(1, "a"), touch(2, "b"), conv(2, "1", null))).journeys();
    assertEquals(2, js.size());
    assertEquals(List.of("a"), channels(js.get(0)));
    assertEquals(List.of("b"), channels(js.get(1)));
  }

  @Test
  void build_shuffledInput_givesIdenticalJourneys() {
    Random r = new Random(7);
    List<Event> events = new ArrayList<>();
    String[] ch = {"a", "b", "c", "d"};
    for (int i = 0; i < 300; i++) {
      long t = r.nextInt(200) * DAY / 4;
      if (r.nextInt(10) == 0) {
        events.add(Event.conversion(C, t, BigDecimal.valueOf(r.nextInt(100)), r.nextBoolean() ? "o" + r.nextInt(5)
            : null));
      } else {
        events.add(Event.touch(C, t, ch[r.nextInt(ch.length)]));
      }
    }
    CustomerJourneys expected = builder.build(events);
    for (int k = 0; k < 20; k++) {
      List<Event> shuffled = new ArrayList<>(events);
      Collections.shuffle(shuffled, new Random(k));
      assertEquals(expected, builder.build(shuffled));
    }
  }

  @Test
  void build_everyTouchAndKeptConversionLandsInExactlyOneJourney() {
    Random r = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      List<Event> events = new ArrayList<>();
      int touches = 0;
      int conversions = 0;
      for (int i = 0; i < r.nextInt(30); i++) {
        long t = r.nextInt(120) * DAY;
        if (r.nextInt(5) == 0) {
          events.add(Event.conversion(C, t, BigDecimal.ONE, null));
          conversions++;
        } else {
          events.add(Event.touch(C, t, "c" + r.nextInt(3)));
          touches++;
        }
      }
      List<Journey> js = builder.build(events).journeys();
      assertEquals(touches, js.stream().mapToInt(j -> j.touches().size()).sum());
      assertEquals(conversions, js.stream().filter(Journey::converted).count());
    }
  }
}
