package io.tributary.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.InputException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second hostile-input round (issue 17): digits, digit counts, ambiguous path text, count totals. */
class HostileValuesTest {
  @Test
  void numbers_inDigitsOtherThanAscii_areRejectedSayingWhy() {
    // Arabic-Indic 12, full-width 12, Devanagari 5: Java's BigDecimal reads all three as numbers.
    for (String s : List.of("\u0661\u0662", "\uff11\uff12", "\u096b")) {
      IllegalArgumentException amount = assertThrows(IllegalArgumentException.class, () -> Values.parseAmount(s));
      assertEquals("\"" + s + "\" has digits other than 0-9 (numbers are read in ASCII digits only)",
          amount.getMessage());
      IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> Values.parseCount(s));
      assertTrue(count.getMessage().contains("digits other than 0-9"), count.getMessage());
    }
    IllegalArgumentException ts = assertThrows(IllegalArgumentException.class,
        () -> Timestamps.parse("\u0662\u0660\u0662\u0664-03-01T10:00:00Z", ZoneOffset.UTC));
    assertTrue(ts.getMessage().contains("digits other than 0-9"), ts.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("\u0661\u0667\u0660\u0669", ZoneOffset.UTC));
    assertEquals(new BigDecimal("12"), Values.parseAmount("12"));
  }

  @Test
  void amount_ofThreeHundredDigits_saysTooManyDigits() {
    String big = "9".repeat(300);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.parseAmount(big));
    assertEquals("amount has too many digits (300 before and 0 after the decimal point; at most 18 on each side)",
        e.getMessage());
    IllegalArgumentException frac =
        assertThrows(IllegalArgumentException.class, () -> Values.parseAmount("1." + "5".repeat(19)));
    assertTrue(frac.getMessage().startsWith("amount has too many digits (1 before and 19 after"), frac.getMessage());
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> Values.parseCount(big));
    assertEquals("count is too large: too many digits (300; at most 9223372036854775807)", count.getMessage());
    // The limits themselves: 18 + 18 digits, and leading zeros do not count.
    assertEquals(new BigDecimal("999999999999999999.999999999999999999"),
        Values.parseAmount("999999999999999999.999999999999999999"));
    assertEquals(new BigDecimal("7"), Values.parseAmount("0".repeat(40) + "7"));
    assertEquals(Long.MAX_VALUE, Values.parseCount("9223372036854775807"));
    assertEquals(7, Values.parseCount("0".repeat(30) + "7"));
    // Not plain decimals: the old words.
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Values.parseAmount("1e400")).getMessage()
        .contains("outside the supported range"));
  }

  @Test
  void pathRow_channelHoldingTheOutputMark_isRejectedWhateverTheSeparator() {
    Header h = PathRowParser.header("p.csv", List.of("path", "total_conversions"), ColumnMapping.none());
    PathRowParser pipe = new PathRowParser(h, ColumnMapping.none(), "|");
    // "a > b" under '|' would print as the two-channel path a > b.
    InputException e = assertThrows(InputException.class, () -> pipe.parse(new String[] {"a > b|c", "1"}, 3));
    assertEquals("p.csv:3: column path: channel name \"a > b\" contains '>', which outputs write between the "
        + "channels of a path", e.getMessage());
    assertThrows(InputException.class, () -> pipe.parse(new String[] {"x>y", "1"}, 4));
    assertEquals(List.of("a", "b"), pipe.parse(new String[] {"a|b", "1"}, 5).path().channels());
    PathRowParser arrows = new PathRowParser(h, ColumnMapping.none(), ">>");
    assertThrows(InputException.class, () -> arrows.parse(new String[] {"a>b >> c", "1"}, 6));
  }

  @Test
  void pathTotals_passingTheLimit_namesTheCountThatPassedIt() {
    long max = PathTotals.MAX_JOURNEYS;
    assertEquals(Long.MAX_VALUE / 10_001, max);
    // The limit keeps a total times a path's greatest length within 64 bits, the bound every derived sum relies on.
    assertTrue(BigDecimal.valueOf(max).multiply(BigDecimal.valueOf(PathRowParser.MAX_PATH_LENGTH + 1))
        .compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0);
    PathTotals t = new PathTotals();
    assertTrue(t.add(max - 10, 5));
    assertTrue(t.add(2, 3));
    assertEquals(max, t.conversions() + t.nulls());
    assertNull(t.exceededColumn());
    assertFalse(t.add(0, 1));
    assertEquals("total_null", t.exceededColumn());
    assertFalse(t.add(0, 0), "once past, every later row is refused");
    PathTotals u = new PathTotals();
    assertTrue(u.add(5, 0));
    // Two rows whose sum passes 2^63: the second is refused, nothing wraps.
    assertFalse(u.add(Long.MAX_VALUE, Long.MAX_VALUE));
    assertEquals("total_conversions", u.exceededColumn());
    assertEquals(5, u.conversions());
    assertEquals("total_conversions", PathTotals.passes(max, 1, 0));
    assertEquals("total_null", PathTotals.passes(max - 1, 1, 1));
    assertNull(PathTotals.passes(max - 2, 1, 1));
    assertTrue(PathTotals.reason().startsWith("counts add up to more than 922,244,979,187,558 journeys"),
        PathTotals.reason());
  }

  @Test
  void pathTotals_goingOnFromEarlierParts_refuseTheRowWhereTheWholeInputPassesTheLimit() {
    long max = PathTotals.MAX_JOURNEYS;
    // Rows that alone stay far under the limit: 4 + 6 journeys, none, then 1 conversion and 5 nulls.
    PathTotals alone = new PathTotals();
    assertTrue(alone.add(4, 6));
    assertTrue(alone.add(0, 0));
    assertTrue(alone.add(1, 5));
    // The same rows after max - 12 journeys of earlier parts: the first takes the total to max - 2; the third passes
    // the limit by its nulls (max - 2 + 1 is within it, max - 2 + 1 + 5 is not).
    PathTotals after = PathTotals.after(max - 12);
    assertTrue(after.add(4, 6));
    assertTrue(after.add(0, 0));
    assertFalse(after.add(1, 5));
    assertEquals("total_null", after.exceededColumn());
    assertEquals(max - 2, after.conversions() + after.nulls());
    assertThrows(IllegalArgumentException.class, () -> PathTotals.after(max + 1));
    assertThrows(IllegalArgumentException.class, () -> PathTotals.after(-1));
  }

  @Test
  void epochSeconds_areRefusedSayingWhatTheyWouldBe() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Timestamps.parse("1709288100", ZoneOffset.UTC));
    assertEquals("epoch 1709288100 is too small for milliseconds (it would be 1970-01-20T18:48:08.100Z); as "
        + "seconds it is 2024-03-01T10:15:00Z: epoch timestamps are read as milliseconds", e.getMessage());
    for (String s : List.of("0", "-1", "99999999999", "-99999999999", "946684800")) {
      assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(s, ZoneOffset.UTC), s);
    }
    // The bound itself, 10^11 ms = 1973-03-03T09:46:40Z, and milliseconds of every real date are read as before.
    assertEquals(100_000_000_000L, Timestamps.parse("100000000000", ZoneOffset.UTC));
    assertEquals(-100_000_000_000L, Timestamps.parse("-100000000000", ZoneOffset.UTC));
    assertEquals(1709288100000L, Timestamps.parse("1709288100000", ZoneOffset.UTC));
    assertEquals(-2208988800000L, Timestamps.parse("-2208988800000", ZoneOffset.UTC)); // 1900-01-01
  }

  @Test
  void localTimeInADaylightSavingGap_isMovedForwardAndCounted() {
    java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
    java.util.concurrent.atomic.LongAdder gaps = new java.util.concurrent.atomic.LongAdder();
    // 2024-03-10 02:00 EST -> 03:00 EDT: 02:30 does not exist; java.time reads it as 03:30 EDT = 07:30Z.
    long t = Timestamps.parse("2024-03-10 02:30:00", ny, gaps);
    assertEquals(java.time.Instant.parse("2024-03-10T07:30:00Z").toEpochMilli(), t);
    assertEquals(1, gaps.sum());
    Timestamps.parse("2024-03-10T02:59:59.5", ny, gaps);
    assertEquals(2, gaps.sum());
    // Not gaps: 01:59 and 03:00 that day, the autumn's repeated 01:30, a UTC instant, UTC itself.
    for (String s : List.of("2024-03-10 01:59:59", "2024-03-10 03:00:00", "2024-11-03 01:30:00",
        "2024-03-10T02:30:00Z")) {
      Timestamps.parse(s, ny, gaps);
    }
    Timestamps.parse("2024-03-10 02:30:00", ZoneOffset.UTC, gaps);
    assertEquals(2, gaps.sum());
    // The byte fast path leaves a gap time to Timestamps (which counts it) and agrees with it elsewhere.
    assertEquals(CanonicalTimestamps.NOT_CANONICAL, CanonicalTimestamps.parseOutsideGaps("2024-03-10 02:30:00", ny));
    assertEquals(Timestamps.parse("2024-03-10 03:30:00", ny),
        CanonicalTimestamps.parseOutsideGaps("2024-03-10 03:30:00", ny));
    assertEquals(t, CanonicalTimestamps.parse("2024-03-10 02:30:00", ny));
    // A date whose midnight is skipped (Sao Paulo's spring change of 2018-11-04) is counted too.
    Timestamps.parse("2018-11-04", java.time.ZoneId.of("America/Sao_Paulo"), gaps);
    assertEquals(3, gaps.sum());
  }

  @Test
  void eventRowParser_countsGapRowsOfItsInput() {
    Header h = EventRowParser.header("e.csv", List.of("customer_id", "timestamp", "channel"), ColumnMapping.none());
    EventRowParser p = new EventRowParser(h, ColumnMapping.none(), java.time.ZoneId.of("America/New_York"));
    p.parse(new String[] {"c1", "2024-03-10 02:30:00", "search"}, 2);
    p.parse(new String[] {"c1", "2024-03-10 04:30:00", "search"}, 3);
    assertEquals(1, p.gapShifts());
  }
}
