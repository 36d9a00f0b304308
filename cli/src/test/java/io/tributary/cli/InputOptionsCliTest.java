package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's input options through the real {@code tributary} command: {@code --map}/{@code --alias} repeated or
 * comma-separated read the same, {@code --timezone} places local times, and bad values are one line, exit 2.
 */
class InputOptionsCliTest {
  @TempDir Path dir;

  private Path export() throws IOException {
    Path events = dir.resolve("export.csv");
    Files.writeString(events, "Cookie;Time;Source;Kind;Revenue\n"
        + "anna;2024-03-01T10:00:00Z;search;view;\n"
        + "anna;2024-03-01T23:10:00Z;email;view;\n"
        + "anna;2024-03-01T23:30:00Z;email;buy;30\n"
        + "bob;2024-03-01T12:00:00Z;social;view;\n");
    return events;
  }

  @Test
  void mapAndAlias_repeatedOrCommaSeparated_sameResult() throws IOException {
    String events = export().toString();
    Cli.Result repeated = Cli.run("attribute", "--events", events, "--map", "customer_id=cookie",
        "--map", "timestamp=time", "--map", "channel=source", "--map", "event_type=kind",
        "--map", "conversion_value=revenue", "--alias", "event_type:view=touch", "--alias",
        "event_type:buy=conversion", "--models", "first_touch,linear", "--format", "csv");
    Cli.Result commas = Cli.run("attribute", "--events", events,
        "--map", "customer_id=cookie,timestamp=time,channel=source", "--map", "event_type=kind,conversion_value=revenue",
        "--alias", "event_type:view=touch,event_type:buy=conversion", "--models", "first_touch,linear",
        "--format", "csv");
    assertEquals(0, repeated.exit(), repeated.err());
    assertEquals(0, commas.exit(), commas.err());
    assertEquals(repeated.out(), commas.out());
    // anna: search > email, then one conversion worth 30 (a conversion row is no touch); bob converts nothing.
    List<Map<String, String>> rows = SimpleCsv.parse(commas.out());
    assertEquals("30", SimpleCsv.row(rows, "first_touch", "search").get("attributed_value"));
    assertEquals("15", SimpleCsv.row(rows, "linear", "email").get("attributed_value"));
    assertEquals("15", SimpleCsv.row(rows, "linear", "search").get("attributed_value"));
  }

  @Test
  void timezone_placesLocalTimesOnTheirDate() throws IOException {
    String events = export().toString();
    String[] common = {"attribute", "--events", events, "--map", "customer_id=cookie,timestamp=time,channel=source",
        "--map", "event_type=kind,conversion_value=revenue", "--alias", "event_type:view=touch,event_type:buy=conversion",
        "--models", "last_touch", "--format", "csv", "--run-date", "2024-03-01"};
    // Report dates are dates in --timezone: 23:30 UTC on 1 March is 00:30 on 2 March in Paris, so the conversion
    // (after the email touch of 23:10 UTC) is credited on 1 March in UTC and not in Paris.
    Cli.Result paris = Cli.run(concat(common, "--timezone", "Europe/Paris"));
    Cli.Result utc = Cli.run(concat(common, "--timezone", "UTC"));
    Cli.Result byDefault = Cli.run(common);
    assertEquals(0, paris.exit(), paris.err());
    assertEquals(0, utc.exit(), utc.err());
    assertEquals("30", SimpleCsv.row(SimpleCsv.parse(utc.out()), "last_touch", "email").get("attributed_value"));
    for (Map<String, String> row : SimpleCsv.parse(paris.out())) {
      assertEquals("0", row.get("attributed_value"), paris.out()); // nothing converts on 1 March in Paris
    }
    assertEquals(utc.out(), byDefault.out());
  }

  @Test
  void badInputOption_oneLineExit2_noStackTrace() throws IOException {
    String events = export().toString();
    String[][] bad = {{"--timezone", "Mars/Olympus"}, {"--map", "customer_id=cookie,timestamp"},
        {"--alias", "kind=touch"}, {"--path-separator", ""}};
    for (String[] b : bad) {
      Cli.Result r = Cli.run("attribute", "--events", events, b[0], b[1]);
      assertEquals(2, r.exit(), r.err());
      assertEquals(1, r.errLines().length, r.err());
      assertTrue(r.err().startsWith("tributary: " + b[0] + ": "), r.err());
      assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
