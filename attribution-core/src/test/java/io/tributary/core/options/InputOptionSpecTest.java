package io.tributary.core.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.TributaryException;
import io.tributary.core.input.ColumnMapping;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputOptionSpecTest {
  @Test
  void defaults_noSideInputs_noMapping_utc_greaterThan() {
    Map<String, String> none = Map.of();
    assertNull(InputOptionSpec.SPEND.valueIn(none));
    assertNull(InputOptionSpec.IDENTITIES.valueIn(none));
    assertNull(InputOptionSpec.CONSENT.valueIn(none));
    assertEquals(List.of(), InputOptionSpec.MAP.valueIn(none));
    assertEquals(List.of(), InputOptionSpec.ALIAS.valueIn(none));
    assertEquals(ZoneId.of("UTC"), InputOptionSpec.TIMEZONE.valueIn(none));
    assertEquals(">", InputOptionSpec.PATH_SEPARATOR.valueIn(none));
    assertEquals("customer_id", InputOptionSpec.mapping(none).source("customer_id"));
  }

  @Test
  void map_repeatedAndCommaSeparated_sameEntries() {
    // What an engine keeps for `--map customer_id=cookie --map timestamp=time, channel=source`: the values joined.
    String joined = InputOptionSpec.MAP.joined(List.of("customer_id=cookie", "timestamp=time, channel=source"));
    assertEquals("customer_id=cookie,timestamp=time, channel=source", joined);
    assertEquals(List.of("customer_id=cookie", "timestamp=time", "channel=source"), InputOptionSpec.MAP.parse(joined));
    assertEquals(InputOptionSpec.MAP.parse("customer_id=cookie,timestamp=time,channel=source"),
        InputOptionSpec.MAP.parse(joined));
    assertEquals("customer_id=cookie,timestamp=time,channel=source",
        InputOptionSpec.MAP.show(InputOptionSpec.MAP.parse(joined)));
    assertTrue(InputOptionSpec.MAP.repeatable() && InputOptionSpec.ALIAS.repeatable());
    assertFalse(InputOptionSpec.TIMEZONE.repeatable() || InputOptionSpec.SPEND.repeatable());
  }

  @Test
  void mapping_fromGivenText_readsRenamesAndAliases() {
    ColumnMapping m = InputOptionSpec.mapping(Map.of("map", "Customer_ID=Cookie,timestamp=time",
        "alias", "event_type:impression=touch,event_type:buy=conversion"));
    assertEquals("cookie", m.source("customer_id"));
    assertEquals("time", m.source("timestamp"));
    assertEquals("channel", m.source("channel"));
    assertEquals("touch", m.translate("event_type", "IMPRESSION"));
    assertEquals("conversion", m.translate("event_type", "buy"));
    assertEquals("click", m.translate("event_type", "click"));
  }

  @Test
  void badValues_oneLineNamingTheOption() {
    assertEquals("--map: expected SPEC_COLUMN=FILE_COLUMN such as customer_id=cookie, got \"customer_id\"",
        message(() -> InputOptionSpec.MAP.parse("timestamp=time,customer_id")));
    assertEquals("--map: expected SPEC_COLUMN=FILE_COLUMN such as customer_id=cookie, got \"\"",
        message(() -> InputOptionSpec.MAP.parse("timestamp=time,")));
    assertEquals("--map: column customer_id given twice (cookie, visitor)",
        message(() -> InputOptionSpec.MAP.parse("customer_id=cookie,customer_id=visitor")));
    assertEquals("--alias: expected COLUMN:FROM=TO such as event_type:impression=touch, got \"event_type=touch\"",
        message(() -> InputOptionSpec.ALIAS.parse("event_type=touch")));
    assertEquals("--timezone: unknown time zone \"Mars/Olympus\" (e.g. UTC, Europe/Paris, America/New_York, +02:00)",
        message(() -> InputOptionSpec.TIMEZONE.parse("Mars/Olympus")));
    assertEquals("--path-separator: expected a separator of at least one character, got an empty value",
        message(() -> InputOptionSpec.PATH_SEPARATOR.parse("")));
    assertEquals("--spend: expected an input (a file, or none), got an empty value",
        message(() -> InputOptionSpec.SPEND.parse(" ")));
  }

  @Test
  void values_asUsersWriteThem() {
    assertEquals(ZoneId.of("Europe/Paris"), InputOptionSpec.TIMEZONE.parse(" Europe/Paris "));
    assertEquals(ZoneId.of("+02:00"), InputOptionSpec.TIMEZONE.parse("+02:00"));
    assertEquals(" | ", InputOptionSpec.PATH_SEPARATOR.parse(" | ")); // not stripped: a separator may be spaces
    assertEquals("spend.csv", InputOptionSpec.SPEND.parse(" spend.csv "));
    assertNull(InputOptionSpec.SPEND.parse("none")); // cancels a config file's input from the command line
  }

  @Test
  void help_everyOptionHasItsDefault() {
    assertEquals("Zone of timestamps without an offset and of dates (report and event dates), e.g. UTC, "
        + "Europe/Paris, +02:00 (default: UTC).", InputOptionSpec.TIMEZONE.description());
    for (OptionDef<?> o : InputOptionSpec.ALL) {
      assertEquals(o, InputOptionSpec.named(o.name()));
      assertTrue(o.description().endsWith("(default: " + o.defaultText() + ")."), o.name());
    }
  }

  private static String message(Runnable r) {
    return assertThrows(TributaryException.class, r::run).getMessage();
  }
}
