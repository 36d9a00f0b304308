package io.tributary.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.InputException;
import io.tributary.core.journey.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputParsersTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final long T = 1709288100000L; // 2024-03-01T10:15:00Z

  @Test
  void timestamps_everyAllowedForm() {
    assertEquals(T, Timestamps.parse("2024-03-01T10:15:00Z", UTC));
    assertEquals(T, Timestamps.parse("2024-03-01T11:15:00+01:00", UTC));
    assertEquals(T, Timestamps.parse("2024-03-01 10:15:00", UTC));
    assertEquals(T, Timestamps.parse("2024-03-01T10:15", UTC));
    assertEquals(T, Timestamps.parse(" 1709288100000 ", UTC));
    assertEquals(T + 123, Timestamps.parse("2024-03-01T10:15:00.123Z", UTC));
    assertEquals(T, Timestamps.parse("2024-03-01 11:15:00", ZoneId.of("Europe/Paris")));
    assertEquals(1709251200000L, Timestamps.parse("2024-03-01", UTC));
  }

  @Test
  void timestamps_impossibleDates_areRejectedNotMovedToAPossibleOne() {
    for (String s : List.of("2024-02-30T10:00:00Z", "2023-02-29 10:00:00", "2024-02-30T10:00:00+01:00",
        "2024-04-31T10:00", "2024-02-30")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(s, UTC), s);
      assertTrue(e.getMessage().startsWith("cannot parse \"" + s + "\""), e.getMessage());
    }
    assertEquals(1709164800000L, Timestamps.parse("2024-02-29T00:00:00Z", UTC)); // a leap day is real
  }

  @Test
  void counts_tooLargeAndFractional_saySo() {
    IllegalArgumentException big =
        assertThrows(IllegalArgumentException.class, () -> Values.parseCount("99999999999999999999"));
    assertTrue(big.getMessage().contains("is too large"), big.getMessage());
    IllegalArgumentException half = assertThrows(IllegalArgumentException.class, () -> Values.parseCount("2.5"));
    assertTrue(half.getMessage().contains("is not a whole number"), half.getMessage());
    assertEquals(1000, Values.parseCount("1e3"));
    assertEquals(3, Values.parseCount("3.0"));
  }

  @Test
  void timestamps_garbageAndOutOfRange_areRejectedWithTheAllowedForms() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("2024-13-01", UTC));
    assertTrue(e.getMessage().contains("\"2024-13-01\"") && e.getMessage().contains("epoch ms"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("", UTC));
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("yesterday", UTC));
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("3024-01-01T00:00:00Z", UTC));
    assertThrows(IllegalArgumentException.class, () -> Timestamps.parse("99999999999999999999", UTC));
  }

  @Test
  void values_flagsAmountsCounts() {
    assertTrue(Values.parseFlag("TRUE"));
    assertTrue(Values.parseFlag("1"));
    assertFalse(Values.parseFlag(""));
    assertFalse(Values.parseFlag("0"));
    assertThrows(IllegalArgumentException.class, () -> Values.parseFlag("maybe"));
    assertEquals(new BigDecimal("12.5"), Values.parseAmount("12.50"));
    assertEquals(new BigDecimal("1200"), Values.parseAmount("1.2E3"));
    assertEquals(BigDecimal.ZERO, Values.parseAmount(" "));
    for (String bad : List.of("-1", "NaN", "Infinity", "12,5", "abc")) {
      assertThrows(IllegalArgumentException.class, () -> Values.parseAmount(bad), bad);
    }
    assertEquals(3, Values.parseCount("3.0"));
    for (String bad : List.of("2.5", "-1", "x", "1e30")) {
      assertThrows(IllegalArgumentException.class, () -> Values.parseCount(bad), bad);
    }
  }

  @Test
  void clip_longAndControlCharacters_areShortenedAndEscaped() {
    String s = Values.clip("a\tb" + "x".repeat(1000));
    assertTrue(s.startsWith("a\\u0009b"), s);
    assertTrue(s.length() < 100 && s.endsWith("(1003 chars)"), s);
  }

  @Test
  void durations_shortFormsIsoAndInfinite() {
    assertEquals(Duration.ofDays(30), Durations.parse("30d"));
    assertEquals(Duration.ofHours(36), Durations.parse("1.5d"));
    assertEquals(Duration.ofMinutes(90), Durations.parse("90m"));
    assertEquals(Duration.ofDays(7), Durations.parse("P7D"));
    assertEquals(Durations.UNLIMITED, Durations.parse("inf"));
    for (String bad : List.of("", "30", "-1d", "3w", "abc")) {
      assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
    }
  }

  private static EventRowParser events(List<String> header, ColumnMapping m) {
    return new EventRowParser(EventRowParser.header("events.csv", header, m), m, UTC);
  }

  @Test
  void eventRow_touchConversionAndConversionOnlyRows() {
    EventRowParser p = events(
        List.of("Customer_ID", "timestamp", "channel", "conversion", "conversion_value", "event_type", "order_id"),
        ColumnMapping.none());
    Event touch = p.parse(new String[] {"c1", "2024-03-01T10:15:00Z", "email", "", "", "", ""}, 2);
    assertEquals(Event.touch("c1", T, "email"), touch);
    Event both = p.parse(new String[] {"c1", "2024-03-01T10:15:00Z", "store", "1", "19.90", "touch", "o1"}, 3);
    assertTrue(both.touch() && both.conversion());
    assertEquals(new BigDecimal("19.9"), both.value());
    Event conv = p.parse(new String[] {"c1", "2024-03-01T10:15:00Z", "", "", "5", "conversion", ""}, 4);
    assertFalse(conv.touch());
    assertTrue(conv.conversion());
    assertNull(conv.channel());
  }

  @Test
  void eventRow_mappingAndAliases() {
    ColumnMapping m = ColumnMapping.of(Map.of("customer_id", "cookie", "timestamp", "Time", "event_type", "kind"),
        Map.of("event_type", Map.of("impression", "touch", "purchase", "conversion")));
    EventRowParser p = events(List.of("cookie", "time", "channel", "kind"), m);
    assertTrue(p.parse(new String[] {"k", "1709288100000", "display", "Impression"}, 2).touch());
    assertTrue(p.parse(new String[] {"k", "1709288100000", "", "purchase"}, 3).conversion());
  }

  @Test
  void eventRow_eachProblem_namesFileLineAndColumn() {
    EventRowParser p = events(List.of("customer_id", "timestamp", "channel", "conversion", "conversion_value",
        "event_type"), ColumnMapping.none());
    assertProblem(p, new String[] {"c", "2024-13-01", "a", "", "", ""}, "events.csv:7: column timestamp: cannot parse");
    assertProblem(p, new String[] {"", "2024-03-01", "a", "", "", ""}, "events.csv:7: column customer_id: empty");
    assertProblem(p, new String[] {"c", "2024-03-01", "", "", "", ""}, "column channel: a touch needs a channel");
    assertProblem(p, new String[] {"c", "2024-03-01", "a", "1", "-5", ""}, "column conversion_value: negative");
    assertProblem(p, new String[] {"c", "2024-03-01", "a", "1", "NaN", ""}, "column conversion_value: expected");
    assertProblem(p, new String[] {"c", "2024-03-01", "a", "", "5", ""}, "not a conversion");
    assertProblem(p, new String[] {"c", "2024-03-01", "a", "2", "", ""}, "column conversion: expected 0/1");
    assertProblem(p, new String[] {"c", "2024-03-01", "a", "", "", "click"}, "unknown event type \"click\"");
    assertProblem(p, new String[] {"c", "2024-03-01", "a\u0001", "", "", ""}, "control character");
    assertProblem(p, new String[] {"c", "2024-03-01", "x".repeat(1_000_000), "", "", ""}, "longer than 200");
    assertProblem(p, new String[] {"c", "2024-03-01"}, "events.csv:7: expected 6 fields, found 2");
  }

  private static void assertProblem(EventRowParser p, String[] row, String expected) {
    InputException e = assertThrows(InputException.class, () -> p.parse(row, 7));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(7, e.line());
    assertTrue(e.getMessage().length() < 300, "one short line");
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void header_missingOrDuplicatedColumn_isLine1() {
    InputException e = assertThrows(InputException.class,
        () -> EventRowParser.header("ev.csv", List.of("customer_id", "channel"), ColumnMapping.none()));
    assertEquals("ev.csv:1: column timestamp: required column is missing; header has customer_id,channel",
        e.getMessage());
    InputException semi = assertThrows(InputException.class,
        () -> EventRowParser.header("ev.csv", List.of("customer_id;timestamp;channel"), ColumnMapping.none()));
    assertTrue(semi.getMessage().contains("wrong delimiter?"), semi.getMessage());
    InputException dup = assertThrows(InputException.class,
        () -> EventRowParser.header("ev.csv", List.of("customer_id", "timestamp", "Timestamp"), ColumnMapping.none()));
    assertTrue(dup.getMessage().contains("more than once"), dup.getMessage());
    Header bom = EventRowParser.header("ev.csv", List.of("\uFEFFcustomer_id", "timestamp"), ColumnMapping.none());
    assertTrue(bom.has("customer_id"));
  }

  @Test
  void pathRow_parsesTrimsAndValidates() {
    Header h = PathRowParser.header("paths.csv",
        List.of("path", "total_conversions", "total_conversion_value", "total_null"), ColumnMapping.none());
    PathRowParser p = new PathRowParser(h, ColumnMapping.none(), ">");
    PathRowParser.Row row = p.parse(new String[] {" a > b>c ", "2", "3.5", "4"}, 2);
    assertEquals(List.of("a", "b", "c"), row.path().channels());
    assertEquals(2, row.stats().conversions());
    assertEquals(4, row.stats().nulls());
    assertEquals(new BigDecimal("3.5"), row.stats().value());
    for (String[] bad : List.of(new String[] {"a > > b", "1", "0", "0"}, new String[] {"a", "1.5", "0", "0"},
        new String[] {"a", "-1", "0", "0"}, new String[] {"", "1", "0", "0"}, new String[] {"a", "0", "5", "1"})) {
      InputException e = assertThrows(InputException.class, () -> p.parse(bad, 9));
      assertTrue(e.getMessage().startsWith("paths.csv:9: column "), e.getMessage());
    }
    String tooLong = String.join(">", java.util.Collections.nCopies(PathRowParser.MAX_PATH_LENGTH + 1, "a"));
    InputException longPath = assertThrows(InputException.class,
        () -> p.parse(new String[] {tooLong, "1", "0", "0"}, 3));
    assertEquals("paths.csv:3: column path: path has more than 10000 touches", longPath.getMessage());
    String longest = String.join(">", java.util.Collections.nCopies(PathRowParser.MAX_PATH_LENGTH, "a"));
    assertEquals(PathRowParser.MAX_PATH_LENGTH, p.parse(new String[] {longest, "1", "0", "0"}, 4).path().length());
    Header minimal = PathRowParser.header("p.csv", List.of("path", "total_conversions"), ColumnMapping.none());
    PathRowParser.Row r2 = new PathRowParser(minimal, ColumnMapping.none(), ">").parse(new String[] {"x", "3"}, 2);
    assertEquals(0, r2.stats().nulls());
  }

  @Test
  void spendRow_parsesAndValidates() {
    Header h = SpendRowParser.header("spend.csv", List.of("date", "channel", "spend"), ColumnMapping.none());
    SpendRowParser p = new SpendRowParser(h, ColumnMapping.none());
    assertEquals(new BigDecimal("120.5"), p.parse(new String[] {"2024-03-01", "email", "120.50"}, 2).spend());
    InputException e = assertThrows(InputException.class,
        () -> p.parse(new String[] {"2024-03-01", "email", "-3"}, 5));
    assertEquals("spend.csv:5: column spend: negative amount -3 (must be >= 0)", e.getMessage());
    assertThrows(InputException.class, () -> p.parse(new String[] {"March 1", "email", "3"}, 6));
  }

  @Test
  void delimiters_mostFrequentOutsideQuotes_commaOnTieOrNone() {
    assertEquals(',', Delimiters.detect("customer_id,timestamp,channel"));
    assertEquals(';', Delimiters.detect("customer_id;timestamp;channel"));
    assertEquals('\t', Delimiters.detect("customer_id\ttimestamp\tchannel"));
    assertEquals(';', Delimiters.detect("\"a,b,c\";x;y"), "commas inside quotes do not count");
    assertEquals(',', Delimiters.detect("path"));
    assertEquals(',', Delimiters.detect("a,b;c"));
  }

  @Test
  void idRows_emptyTooLongOrShortRows_nameFileLineAndColumn() {
    IdRowParser p = new IdRowParser(
        IdRowParser.identityHeader("ids.csv", List.of("alias_id", "customer_id"), ColumnMapping.none()),
        ColumnMapping.none());
    assertEquals("dev1", p.id(new String[] {" dev1 ", "c1"}, 2, "alias_id"));
    assertEquals("ids.csv:3: column customer_id: empty id",
        assertThrows(InputException.class, () -> p.id(new String[] {"dev1", " "}, 3, "customer_id")).getMessage());
    assertEquals("ids.csv:4: expected 2 fields, found 1",
        assertThrows(InputException.class, () -> p.id(new String[] {"dev1"}, 4, "alias_id")).getMessage());
    assertTrue(assertThrows(InputException.class,
        () -> p.id(new String[] {"x".repeat(513), "c"}, 5, "alias_id")).getMessage().contains("longer than 512"));
    assertThrows(InputException.class,
        () -> IdRowParser.consentHeader("optout.csv", List.of("id"), ColumnMapping.none()));
  }
}
