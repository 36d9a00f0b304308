package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input the issue lists gives one clear line naming file, line and column, exit status 2, and no stack
 * trace; {@code --on-bad-row skip} goes on and accounts for every row.
 */
class BadInputTest {
  private static final String HEADER = "customer_id,timestamp,channel,conversion,conversion_value,event_type\n";
  private static final String GOOD = "a,2024-03-01T00:00:00Z,search,0,,touch\n";

  @TempDir Path dir;

  private String file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toString();
  }

  /* Runs attribute and checks: exit 2, stdout empty, exactly one stderr line, equal to file + suffix. */
  private void assertOneLineError(String expectedAfterFile, String file, String... args) {
    Cli.Result r = Cli.run(args);
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.errLines().length, r.err());
    assertEquals(file + expectedAfterFile, r.errLines()[0]);
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  private void assertEventsError(String text, String expectedAfterFile) throws IOException {
    String f = file("events.csv", text);
    assertOneLineError(expectedAfterFile, f, "attribute", "--events", f);
  }

  private void assertPathsError(String text, String expectedAfterFile) throws IOException {
    String f = file("paths.csv", text);
    assertOneLineError(expectedAfterFile, f, "attribute", "--paths", f);
  }

  @Test
  void missingFile_exit2NamesFile() {
    String f = dir.resolve("nope.csv").toString();
    assertOneLineError(": no such file", f, "attribute", "--events", f);
  }

  @Test
  void missingColumn_namesColumnOnLine1() throws IOException {
    assertEventsError("customer_id,channel\na,search\n",
        ":1: column timestamp: required column is missing; header has customer_id,channel");
  }

  @Test
  void badTimestamp_namesLineAndColumn() throws IOException {
    assertEventsError(HEADER + GOOD + "b,2024-13-01,email,0,,touch\n",
        ":3: column timestamp: cannot parse \"2024-13-01\" (ISO-8601 instant such as 2024-03-01T10:15:00Z, "
            + "local date-time such as 2024-03-01 10:15:00, or epoch ms)");
  }

  @Test
  void unknownEventType_namesLineAndColumn() throws IOException {
    assertEventsError(HEADER + GOOD + GOOD + "b,2024-03-01T00:00:00Z,email,0,,impression\n",
        ":4: column event_type: unknown event type \"impression\" (touch or conversion; map others with --alias)");
  }

  @Test
  void unknownEventType_withAlias_accepted() throws IOException {
    String f = file("events.csv", HEADER + "b,2024-03-01T00:00:00Z,email,1,5,impression\n");
    Cli.Result r = Cli.run("attribute", "--events", f, "--alias", "event_type:impression=touch", "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    assertEquals("5", SimpleCsv.row(SimpleCsv.parse(r.out()), "linear", "email").get("attributed_value"));
  }

  @Test
  void negativeValue_namesLineAndColumn() throws IOException {
    assertEventsError(HEADER + "b,2024-03-01T00:00:00Z,email,1,-5,touch\n",
        ":2: column conversion_value: negative amount -5 (must be >= 0)");
  }

  @Test
  void nonNumericValue_namesLineAndColumn() throws IOException {
    assertEventsError(HEADER + "b,2024-03-01T00:00:00Z,email,1,12 EUR,touch\n",
        ":2: column conversion_value: expected a non-negative decimal number, got \"12 EUR\"");
  }

  @Test
  void emptyFile_saysSo() throws IOException {
    assertEventsError("", ": empty file (expected a header line)");
  }

  @Test
  void headerOnly_saysSo() throws IOException {
    assertEventsError(HEADER, ": no data rows after the header");
  }

  @Test
  void wrongDelimiter_hintsAtIt() throws IOException {
    String f = file("events.csv", HEADER.replace(',', ';') + GOOD.replace(',', ';'));
    assertOneLineError(":1: column customer_id: required column is missing; header has 1 unknown column "
            + "(wrong delimiter?)",
        f, "attribute", "--events", f, "--delimiter", ",");
  }

  @Test
  void semicolonFile_detected_runs() throws IOException {
    String f = file("events.csv", HEADER.replace(',', ';') + GOOD.replace(',', ';'));
    Cli.Result r = Cli.run("attribute", "--events", f, "-q");
    assertEquals(0, r.exit(), r.err());
  }

  @Test
  void wrongFieldCount_namesLine() throws IOException {
    assertEventsError(HEADER + GOOD + "b,2024-03-01T00:00:00Z,email\n", ":3: expected 6 fields, found 3");
  }

  @Test
  void pathWithEmptyChannel_namesLineAndColumn() throws IOException {
    assertPathsError("path,total_conversions\na > b,1\na > > b,2\n",
        ":3: column path: empty channel name in path \"a > > b\" (separator \">\")");
  }

  @Test
  void fractionalConversions_namesLineAndColumn() throws IOException {
    assertPathsError("path,total_conversions,total_null\na > b,2.5,1\n",
        ":2: column total_conversions: count 2.5 is not a whole number");
  }

  @Test
  void hundredThousandTouchPath_refusedWithLineAndColumn() throws IOException {
    String path = String.join(" > ", java.util.Collections.nCopies(100_000, "a"));
    assertPathsError("path,total_conversions\nb,1\n" + path + ",1\n",
        ":3: column path: path has more than 10000 touches");
  }

  @Test
  void unterminatedQuote_namesLineAndColumn() throws IOException {
    assertEventsError(HEADER + GOOD + "b,2024-03-01T00:00:00Z,\"email,0,,touch\n" + GOOD,
        ":3: column channel: quoted field is never closed (a stray \" opens a quote that runs to the end of the "
            + "file)");
  }

  @Test
  void unknownModel_usageError() throws IOException {
    String f = file("events.csv", HEADER + GOOD);
    Cli.Result r = Cli.run("attribute", "--events", f, "--models", "linear,lastclick");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("tributary: unknown model \"lastclick\"; valid: all, first_touch"), r.err());
  }

  @Test
  void timeDecayOnPathFile_explicit_isError_implicit_isNote() throws IOException {
    String f = file("paths.csv", "path,total_conversions\na > b,1\n");
    Cli.Result explicit = Cli.run("attribute", "--paths", f, "--models", "time_decay");
    assertEquals(2, explicit.exit());
    assertTrue(explicit.err().contains("model time_decay needs timestamps"), explicit.err());
    Cli.Result all = Cli.run("attribute", "--paths", f, "--format", "csv");
    assertEquals(0, all.exit(), all.err());
    assertTrue(all.err().contains("note: time_decay left out"), all.err());
    assertFalse(all.out().contains("time_decay"));
  }

  @Test
  void badDuration_usageErrorNamesOption() throws IOException {
    String f = file("events.csv", HEADER + GOOD);
    Cli.Result r = Cli.run("attribute", "--events", f, "--lookback", "30x");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--lookback") && r.err().contains("invalid duration \"30x\""), r.err());
  }

  @Test
  void eventsAndPathsTogether_usageError() throws IOException {
    String f = file("events.csv", HEADER + GOOD);
    Cli.Result r = Cli.run("attribute", "--events", f, "--paths", f);
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("mutually exclusive"), r.err());
  }

  @Test
  void skip_badRows_readEqualsAcceptedPlusRejected_andRejectsWritten() throws IOException {
    // Line 4 holds a quoted line break, so the bad row after it is on line 6, not 5.
    String f = file("events.csv", HEADER + GOOD
        + "b,2024-13-01,email,0,,touch\n"
        + "c,2024-03-01T00:00:00Z,\"multi\nline\",0,,touch\n"
        + "d,2024-03-01T00:00:00Z,email,1,-3,touch\n"
        + "e,2024-03-01T00:00:00Z,=cmd(),1,3,touch\n");
    Path rejects = dir.resolve("rejects.csv");
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("attribute", "--events", f, "--on-bad-row", "skip", "--rejects", rejects.toString(),
        "--format", "csv", "--output", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains(f + ": 5 rows read = 2 accepted + 3 rejected"), r.err());
    List<Map<String, String>> rows = SimpleCsv.read(rejects);
    assertEquals(3, rows.size());
    assertEquals(List.of("3", "4", "6"), rows.stream().map(x -> x.get("line")).toList());
    assertEquals("column channel: control character in channel name \"multi\\u000aline\"", rows.get(1).get("reason"));
    assertEquals("column conversion_value: negative amount -3 (must be >= 0)", rows.get(2).get("reason"));
    assertEquals("[redacted],2024-03-01T00:00:00Z,email,1,-3,touch", rows.get(2).get("raw"));
    assertEquals(Files.readString(rejects), Files.readString(out.resolve("rejected_rows.csv")));
    // The accepted channel "=cmd()" is neutralised in CSV output.
    assertTrue(Files.readString(out.resolve("channel_credit.csv")).contains(",'=cmd(),"));
    assertEquals(1, SimpleCsv.read(out.resolve("conversion_kpis.csv")).size());
  }

  @Test
  void rejectsWithoutSkip_usageError() throws IOException {
    String f = file("events.csv", HEADER + GOOD);
    Cli.Result r = Cli.run("attribute", "--events", f, "--rejects", dir.resolve("r.csv").toString());
    assertEquals(2, r.exit());
    assertEquals("tributary: --rejects needs --on-bad-row skip (under fail the first bad row stops)",
        r.errLines()[0]);
  }

  @Test
  void skip_everyRowBad_exit2() throws IOException {
    assertOneLineError(": every one of the 1 rows was rejected; nothing to attribute", dir.resolve("e.csv").toString(),
        "attribute", "--events", file("e.csv", HEADER + "b,x,email,0,,touch\n"), "--on-bad-row", "skip");
  }
}
