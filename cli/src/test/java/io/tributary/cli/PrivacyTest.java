package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC: outputs hold no raw customer id, and opted-out customers reach no output. Every customer id, alias and device
 * id below starts with {@code PII-}; bad rows carrying them are put in every input kind, and every byte of every file
 * the command writes (tables in CSV and JSON, the rejects file, the HTML report) and everything it prints is searched
 * for that marker, and for the opted-out customer's only channel and value.
 */
class PrivacyTest {
  private static final String MARK = "PII-";
  /** Seen only in the events of the customer who opted out. */
  private static final List<String> OPTED_OUT_TRACES = List.of("optedout_channel", "777.77");

  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  private String[] inputs() throws IOException {
    Path events = write("events.csv", "customer_id,timestamp,channel,conversion,conversion_value,device_id",
        "PII-cust-0001,2024-03-01T10:00:00Z,search,0,,PII-dev-1",
        "PII-cust-0001,2024-03-02T10:00:00Z,email,1,100,PII-dev-1",
        "PII-cust-0002,2024-03-01T09:00:00Z,display,1,50,",
        "PII-alias-0002b,2024-03-01T08:00:00Z,search,0,,",
        "PII-cust-0003,2024-03-01T09:00:00Z,optedout_channel,1,777.77,PII-dev-3",
        "PII-cust-4242,not-a-time,search,0,,PII-dev-4242",
        "PII-cust-4343,2024-03-01T09:00:00Z,search",
        "PII-cust-4444,2024-03-01T09:00:00Z,\"sea\nrch\",0,,");
    Path identities = write("identities.csv", "alias_id,customer_id", "PII-alias-0002b,PII-cust-0002",
        "PII-alias-bad,PII-cust-9,extra", ",PII-cust-8");
    Path consent = write("consent.csv", "customer_id", "PII-cust-0003", "PII-opt-bad,extra", "\"\"");
    Path spend = write("spend.csv", "date,channel,spend", "2024-03-01,search,10", "bad-date,email,5");
    return new String[] {"--events", events.toString(), "--identities", identities.toString(), "--consent",
        consent.toString(), "--spend", spend.toString(), "--on-bad-row", "skip"};
  }

  private static String[] with(String[] base, String... more) {
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }

  @Test
  void attribute_badRowsWithIdsInEveryInputKind_noIdInAnyOutputOrMessage() throws IOException {
    String[] in = inputs();
    Path csv = dir.resolve("csv");
    Path json = dir.resolve("json");
    Path rejects = dir.resolve("rejects.csv");
    List<Cli.Result> runs = List.of(
        Cli.run(with(with(new String[] {"attribute"}, in), "--rejects", rejects.toString(), "--format", "csv",
            "--output", csv.toString(), "--report", dir.resolve("report.html").toString())),
        Cli.run(with(with(new String[] {"attribute"}, in), "--format", "json", "--output", json.toString())),
        Cli.run(with(with(new String[] {"attribute"}, in))),
        Cli.run(with(with(new String[] {"attribute"}, in), "--format", "csv", "--output", "-")));
    for (Cli.Result r : runs) {
      assertEquals(0, r.exit(), r.err());
      assertClean("stdout", r.out());
      assertClean("stderr", r.err());
    }
    // The bad rows were read and set aside, one per input kind at least, each with its reason.
    List<Map<String, String>> rejected = SimpleCsv.read(rejects);
    assertEquals(List.of("consent.csv", "consent.csv", "events.csv", "events.csv", "events.csv", "identities.csv",
            "identities.csv", "spend.csv"),
        rejected.stream().map(x -> Path.of(x.get("source")).getFileName().toString()).sorted().toList());
    assertTrue(rejected.stream().anyMatch(x -> x.get("raw").equals("[redacted],not-a-time,search,0,,[redacted]")),
        rejected.toString());
    List<Path> written = new ArrayList<>();
    List<String> inputs = List.of("events.csv", "identities.csv", "consent.csv", "spend.csv");
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile)
          .filter(p -> !(p.getParent().equals(dir) && inputs.contains(p.getFileName().toString())))
          .forEach(written::add);
    }
    assertTrue(written.size() >= 10, written.toString());
    for (Path p : written) {
      assertClean(p.toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    }
  }

  @Test
  void attribute_optedOutCustomer_leavesNoTraceInTheNumbers() throws IOException {
    Cli.Result r = Cli.run(with(with(new String[] {"attribute"}, inputs()), "--format", "csv", "--output",
        dir.resolve("out").toString()));
    assertEquals(0, r.exit(), r.err());
    // Customers 1 and 2 (through its alias) convert once each, for 100 + 50; customer 3 opted out.
    Map<String, String> kpis = SimpleCsv.read(dir.resolve("out/conversion_kpis.csv")).get(0);
    assertEquals("2", kpis.get("conversions"));
    assertEquals("150", kpis.get("total_value"));
    assertEquals("2", kpis.get("journeys"));
    assertTrue(r.err().contains("1 rows excluded by consent"), r.err());
  }

  @Test
  void attribute_headerlessOptOutList_errorQuotesNoId() throws IOException {
    Path events = write("e.csv", "customer_id,timestamp,channel,conversion", "PII-c1,2024-03-01T10:00:00Z,search,1");
    Path consent = write("optout.csv", "PII-cust-0005", "PII-cust-0006");
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--consent", consent.toString());
    assertEquals(2, r.exit());
    assertEquals(consent + ":1: column customer_id: required column is missing; header has 1 unknown column",
        r.err().strip());
  }

  @Test
  void attribute_formulaCells_neutralisedInEveryCsvOutput() throws IOException {
    Path paths = HostileInputTest.CORPUS.resolve("paths-formula-injection.csv");
    Path rejects = dir.resolve("rejects.csv");
    Cli.Result r = Cli.run("attribute", "--paths", paths.toString(), "--on-bad-row", "skip", "--rejects",
        rejects.toString(), "--format", "csv", "--output", dir.resolve("out").toString());
    assertEquals(0, r.exit(), r.err());
    List<Path> csvs;
    try (Stream<Path> files = Files.walk(dir)) {
      csvs = files.filter(p -> p.toString().endsWith(".csv")).toList();
    }
    assertTrue(csvs.size() >= 4, csvs.toString());
    int seen = 0;
    for (Path f : csvs) {
      for (List<String> record : SimpleCsv.records(Files.readString(f))) {
        for (String cell : record) {
          seen += cell.contains("HYPERLINK") || cell.contains("cmd") ? 1 : 0;
          // A spreadsheet runs a cell starting with one of these; only numbers may (a negative ROI).
          if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            assertTrue(cell.matches("-?[0-9.]+(E-?[0-9]+)?"), f + ": formula cell " + cell);
          }
        }
      }
    }
    assertTrue(seen >= 3, "the hostile cells reached the outputs, neutralised: " + seen);
  }

  private static void assertClean(String what, String text) {
    assertFalse(text.contains(MARK), what + " holds a customer id:\n" + text);
    for (String trace : OPTED_OUT_TRACES) {
      assertFalse(text.contains(trace), what + " holds " + trace + " of an opted-out customer:\n" + text);
    }
  }
}
