package io.tributary.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.InputException;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rejected_rows.raw shows what helps fix a row and nothing about a person; error messages quote no id. */
class RawRowsTest {
  private static final List<String> EVENTS =
      List.of("\uFEFFCustomer_ID", "timestamp", "channel", "conversion", "conversion_value", "email", "order_id");

  @Test
  void line_eventRow_redactsIdsAndEveryUnreadColumn() {
    RawRows raw = RawRows.of(EVENTS, ',');
    assertEquals("[redacted],2024-03-01,\"a,b\",1,\"say \"\"hi\"\"\",[redacted],[redacted]",
        raw.line(new String[] {"cust-77", "2024-03-01", "a,b", "1", "say \"hi\"", "x@example.com", "o-1"}));
    assertTrue(raw.redacts());
  }

  @Test
  void line_renamedIdColumn_isRedacted() {
    RawRows raw = RawRows.of(List.of("cookie", "time", "channel"), ';');
    assertEquals("[redacted];[redacted];search", raw.line(new String[] {"ck-9", "2024", "search"}));
  }

  @Test
  void line_wrongWidth_withheldWhenTheFileHasPersonalColumns() {
    RawRows raw = RawRows.of(List.of("customer_id", "timestamp", "channel"), ',');
    assertEquals("[withheld: 2 fields where the header has 3; it may hold a customer id]",
        raw.line(new String[] {"2024-03-01", "cust-77"}));
    assertEquals("[withheld: the line cannot be split into columns; it may hold a customer id]",
        raw.unsplit("cust-77,\"open"));
  }

  @Test
  void line_pathFile_keptWholeEvenWhenMalformed() {
    RawRows raw = RawRows.of(List.of("path", "total_conversions", "total_null"), ',');
    assertFalse(raw.redacts());
    assertEquals("a > b,1", raw.line(new String[] {"a > b", "1"}));
    assertEquals("a > b,\"1", raw.unsplit("a > b,\"1"));
  }

  @Test
  void line_consentAndIdentityRows_fullyRedacted() {
    assertEquals("[redacted]", RawRows.of(List.of("customer_id"), ',').line(new String[] {"cust-77"}));
    assertEquals("[redacted]\t[redacted]",
        RawRows.of(List.of("alias_id", "customer_id"), '\t').line(new String[] {"dev-1", "cust-77"}));
  }

  @Test
  void header_missingColumn_quotesOnlyKnownColumnNames() {
    // An opt-out list exported without its header: the first id stands where the header should be.
    InputException e = assertThrows(InputException.class,
        () -> IdRowParser.consentHeader("optout.csv", List.of("cust-77"), ColumnMapping.none()));
    assertEquals("optout.csv:1: column customer_id: required column is missing; header has 1 unknown column",
        e.getMessage());
    InputException events = assertThrows(InputException.class, () -> EventRowParser.header("e.csv",
        List.of("cust-77", "2024-03-01T10:00:00Z", "channel"), ColumnMapping.none()));
    assertFalse(events.getMessage().contains("cust-77"), events.getMessage());
    assertTrue(events.getMessage().endsWith("header has channel and 2 unknown columns"), events.getMessage());
  }

  @Test
  void idWithControlCharacter_rejectedWithoutQuotingIt() {
    Header h = EventRowParser.header("e.csv", List.of("customer_id", "timestamp", "channel"), ColumnMapping.none());
    EventRowParser p = new EventRowParser(h, ColumnMapping.none(), ZoneOffset.UTC);
    InputException e = assertThrows(InputException.class,
        () -> p.parse(new String[] {"cust\u000077", "2024-03-01T10:00:00Z", "search"}, 5));
    assertEquals("e.csv:5: column customer_id: control character in customer id", e.getMessage());
    IdRowParser ids = new IdRowParser(
        IdRowParser.identityHeader("i.csv", List.of("alias_id", "customer_id"), ColumnMapping.none()),
        ColumnMapping.none());
    InputException id = assertThrows(InputException.class,
        () -> ids.id(new String[] {"dev\u001b1", "cust-77"}, 2, "alias_id"));
    assertEquals("i.csv:2: column alias_id: control character in id", id.getMessage());
  }
}
