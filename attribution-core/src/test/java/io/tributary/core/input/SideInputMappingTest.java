package io.tributary.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The side-input rule of {@link ColumnMapping#forSideInput}: a renamed column by its export name when present. */
class SideInputMappingTest {
  private final ColumnMapping map = ColumnMapping.parse(List.of("customer_id=Cookie", "channel=source"),
      List.of("event_type:impression=touch"));

  @Test
  void forSideInput_exportNamePresent_readByIt() {
    ColumnMapping side = map.forSideInput(List.of("alias_id", " COOKIE "));
    assertEquals("cookie", side.source("customer_id"));
    assertEquals("channel", side.source("channel"), "source is not in this header: SPEC's name");
    Header h = IdRowParser.identityHeader("ids.csv", List.of("alias_id", " COOKIE "), side);
    assertEquals("c1", new IdRowParser(h, side).id(new String[] {"a1", "c1"}, 2, "customer_id"));
  }

  @Test
  void forSideInput_specNames_readBySpecNames() {
    ColumnMapping side = map.forSideInput(List.of("alias_id", "customer_id"));
    assertEquals("customer_id", side.source("customer_id"));
    Header h = IdRowParser.identityHeader("ids.csv", List.of("alias_id", "customer_id"), side);
    assertEquals("a1", new IdRowParser(h, side).id(new String[] {"a1", "c1"}, 2, "alias_id"));
  }

  @Test
  void forSideInput_neither_missingColumnNamedBySpec() {
    List<String> header = List.of("alias_id", "person");
    InputException e = assertThrows(InputException.class,
        () -> IdRowParser.identityHeader("ids.csv", header, map.forSideInput(header)));
    assertEquals("customer_id", e.column());
  }

  @Test
  void forSideInput_valueAliasesAreTheMainInputs() {
    ColumnMapping side = map.forSideInput(List.of("date", "source", "spend"));
    assertEquals("source", side.source("channel"));
    assertEquals("impression", side.translate("event_type", "impression"));
    assertEquals("touch", map.translate("event_type", "impression"));
  }

  @Test
  void forSideInput_noMapping_isNone() {
    assertSame(ColumnMapping.none(), ColumnMapping.none().forSideInput(List.of("customer_id")));
    assertSame(ColumnMapping.none(), ColumnMapping.of(Map.of("customer_id", "cookie"), Map.of())
        .forSideInput(List.of("customer_id")));
  }
}
