package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC: the job's tables hold no raw customer id and nothing of an opted-out customer. Every id below starts with
 * {@code PII-}; bad rows carrying ids are put in every input kind. Every row of every table is read back and every
 * byte of every file under the output folder (Delta logs included) is searched for the marker — rows are read back
 * too because Parquet pages are compressed, so a byte search alone could miss a value.
 */
class PrivacyJobTest {
  private static final String MARK = "PII-";
  private static final List<String> OPTED_OUT_TRACES = List.of("optedout_channel", "777.77");
  private static final List<String> TABLES =
      List.of("channel_credit", "conversion_kpis", "path_summary", "run_log", "rejected_rows");

  @TempDir Path dir;

  private int run(ByteArrayOutputStream err, String... args) {
    return AttributionJob.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  @Test
  void job_badRowsWithIdsInEveryInputKind_noIdOrOptedOutTraceInAnyTable() throws IOException {
    String events = TestFiles.write(dir, "events.csv",
        "customer_id,timestamp,channel,conversion,conversion_value,device_id",
        "PII-cust-0001,2024-03-01T10:00:00Z,search,0,,PII-dev-1",
        "PII-cust-0001,2024-03-02T10:00:00Z,email,1,100,PII-dev-1",
        "PII-cust-0002,2024-03-01T09:00:00Z,display,1,50,",
        "PII-alias-0002b,2024-03-01T08:00:00Z,search,0,,",
        "PII-cust-0003,2024-03-01T09:00:00Z,optedout_channel,1,777.77,PII-dev-3",
        "PII-cust-4242,not-a-time,search,0,,PII-dev-4242",
        "PII-cust-4343,2024-03-01T09:00:00Z,search",
        // A quoted cell with a line break and a bad flag: rejected whole (an unclosed quote, as in the CLI, is no
        // longer a rejected row but the end of the run, so it cannot stand here).
        "PII-cust-4444,2024-03-01T09:00:00Z,\"sea\nrch\",maybe,,PII-dev-4444");
    String identities = TestFiles.write(dir, "identities.csv", "alias_id,customer_id",
        "PII-alias-0002b,PII-cust-0002", "PII-alias-bad,PII-cust-9,extra", ",PII-cust-8");
    String consent = TestFiles.write(dir, "consent.csv", "customer_id", "PII-cust-0003", "PII-opt-bad,extra");
    String spend = TestFiles.write(dir, "spend.csv", "date,channel,spend", "2024-03-01,search,10", "bad-date,email,5");
    Path out = dir.resolve("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = run(err, "--run-date", "2024-03-31", "--conversions", "all", "--events", events,
        "--identities", identities, "--consent",
        consent, "--spend", spend, "--output", out.toString(), "--max-rejected-share", "1");
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    SparkSession spark = SharedSpark.get();
    List<Row> rejected = spark.read().format("delta").load(out.resolve("rejected_rows").toString())
        .orderBy("source", "line").collectAsList();
    assertEquals(7, rejected.size(), rejected.toString()); // 3 events, 2 identities, 1 consent, 1 spend
    Row kpis = spark.read().format("delta").load(out.resolve("conversion_kpis").toString()).first();
    assertEquals(2L, (long) kpis.getAs("conversions")); // customers 1 and 2; customer 3 opted out
    assertEquals(150.0, (double) kpis.getAs("total_value"));
    for (String table : TABLES) {
      for (Row r : spark.read().format("delta").load(out.resolve(table).toString()).collectAsList()) {
        assertClean(table, r.toString());
      }
    }
    assertFilesClean(out);
  }

  @Test
  void job_headerlessOptOutList_failureInRunLogQuotesNoId() throws IOException {
    String events = TestFiles.write(dir, "e.csv", "customer_id,timestamp,channel,conversion",
        "PII-c1,2024-03-01T10:00:00Z,search,1");
    String consent = TestFiles.write(dir, "optout.csv", "PII-cust-0005", "PII-cust-0006");
    Path out = dir.resolve("failed");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = run(err, "--run-date", "2024-03-31", "--conversions", "all", "--events", events,
        "--consent", consent, "--output",
        out.toString());
    assertEquals(2, exit);
    String printed = err.toString(StandardCharsets.UTF_8);
    assertEquals("error: " + consent + ":1: column customer_id: required column is missing; header has 1 unknown "
        + "column", printed.strip());
    Row log = SharedSpark.get().read().format("delta").load(out.resolve("run_log").toString()).first();
    assertEquals("failed", log.getAs("status"));
    assertTrue(((String) log.getAs("message")).contains("required column is missing"), log.toString());
    assertClean("run_log", log.toString());
    assertFilesClean(out);
  }

  private static void assertFilesClean(Path out) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.size() >= 5, files.toString());
    for (Path f : files) {
      assertClean(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
    }
  }

  private static void assertClean(String what, String text) {
    assertFalse(text.contains(MARK), what + " holds a customer id: " + text);
    for (String trace : OPTED_OUT_TRACES) {
      assertFalse(text.contains(trace), what + " holds " + trace + " of an opted-out customer: " + text);
    }
  }
}
