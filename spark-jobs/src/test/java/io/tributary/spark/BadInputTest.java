package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.InputException;
import io.tributary.core.TributaryException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs end in a clear one-line failure or in rejected rows with their reasons, never in a silent drop. */
class BadInputTest {
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);

  @TempDir Path dir;

  private JobConfig events(String file) {
    return JobConfig.ofEvents(DATE, file, dir.resolve("out").toString());
  }

  @Test
  void run_missingRequiredColumn_failsNamingFileAndColumn() {
    String f = TestFiles.write(dir, "e.csv", "customer_id,channel", "a,search");
    InputException e = assertThrows(InputException.class, () -> AttributionJob.run(SharedSpark.get(), events(f)));
    assertTrue(e.getMessage().startsWith(f + ":1: column timestamp: required column is missing"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("out/channel_credit")));
  }

  @Test
  void run_mappedColumn_readsRenamedExport() {
    String f = TestFiles.write(dir, "e.csv", "cookie,time,channel,conversion", "a,2024-03-01T00:00:00Z,search,1");
    JobConfig c = events(f);
    JobConfig mapped = new JobConfig(c.runDate(), c.events(), null, null, null, null,
        MappingSpec.parse(List.of("customer_id=cookie", "timestamp=time"), List.of()), "UTC", ">", c.models(),
        null, null, c.output(), c.format(), c.maxRejectedShare());
    JobResult r = AttributionJob.run(SharedSpark.get(), mapped);
    assertEquals(1, r.report().kpis().conversions());
  }

  @Test
  void run_wrongTypes_rejectsEachRowWithItsColumn() {
    String f = TestFiles.write(dir, "e.csv",
        "customer_id,timestamp,channel,conversion,conversion_value",
        "a,2024-03-01T00:00:00Z,search,1,10",
        "b,2024-03-01T00:00:00Z,search,maybe,",
        "c,2024-03-01T00:00:00Z,search,1,-5",
        "d,2024-03-01T00:00:00Z,search,1,abc",
        "e,2024-03-01T00:00:00Z,,0,",
        "f,2024-03-01T00:00:00Z,search,0",
        "h,2024-03-01T00:00:00Z,email,1,5");
    JobConfig c = events(f);
    JobConfig lenient = new JobConfig(c.runDate(), c.events(), null, null, null, null, c.mapping(), "UTC", ">",
        c.models(), null, null, c.output(), c.format(), 1.0);
    JobResult r = AttributionJob.run(SharedSpark.get(), lenient);
    assertEquals(7, r.stats().read());
    assertEquals(2, r.stats().accepted());
    List<Row> rejected = SharedSpark.get().read().format("delta").load(dir.resolve("out/rejected_rows").toString())
        .orderBy("line").collectAsList();
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L), rejected.stream().map(x -> (Long) x.getAs("line")).toList());
    List<String> reasons = rejected.stream().map(x -> (String) x.getAs("reason")).toList();
    assertTrue(reasons.get(0).startsWith("column conversion: expected 0/1 or true/false"), reasons.get(0));
    assertTrue(reasons.get(1).startsWith("column conversion_value: negative amount"), reasons.get(1));
    assertTrue(reasons.get(2).startsWith("column conversion_value: expected a non-negative decimal"),
        reasons.get(2));
    assertTrue(reasons.get(3).startsWith("column channel: a touch needs a channel"), reasons.get(3));
    assertEquals("expected 5 fields, found 4", reasons.get(4));
  }

  /*
   * A quote that never closes leaves no way to tell where the record ends: the job stops as the CLI does (they share
   * the core's reader), naming the line and column, under any rejected-row share.
   */
  @Test
  void run_unterminatedQuote_failsNamingLineAndColumnAsTheCliDoes() {
    String f = TestFiles.write(dir, "e.csv",
        "customer_id,timestamp,channel,conversion,conversion_value",
        "a,2024-03-01T00:00:00Z,search,1,10",
        "g,2024-03-01T00:00:00Z,\"unterminated,0,",
        "h,2024-03-01T00:00:00Z,email,1,5");
    JobConfig c = events(f);
    JobConfig lenient = new JobConfig(c.runDate(), c.events(), null, null, null, null, c.mapping(), "UTC", ">",
        c.models(), null, null, c.output(), c.format(), 1.0);
    InputException e = assertThrows(InputException.class, () -> AttributionJob.run(SharedSpark.get(), lenient));
    assertEquals(f + ":3: column channel: quoted field is never closed (a stray \" opens a quote that runs to the"
        + " end of the file)", e.getMessage());
  }

  @Test
  void run_headerOnly_failsWithNoDataRows() {
    String f = TestFiles.write(dir, "e.csv", "customer_id,timestamp,channel");
    JobFailedException e = assertThrows(JobFailedException.class,
        () -> AttributionJob.run(SharedSpark.get(), events(f)));
    assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
  }

  @Test
  void run_emptyFile_failsNamingFile() throws Exception {
    Path f = dir.resolve("empty.csv");
    Files.writeString(f, "");
    InputException e = assertThrows(InputException.class,
        () -> AttributionJob.run(SharedSpark.get(), events(f.toString())));
    assertEquals(f + ": empty file (expected a header line)", e.getMessage());
  }

  @Test
  void run_missingFile_failsNamingIt() {
    String f = dir.resolve("nope.csv").toString();
    InputException e = assertThrows(InputException.class, () -> AttributionJob.run(SharedSpark.get(), events(f)));
    assertEquals(f + ": no such file, folder or table", e.getMessage());
  }

  @Test
  void run_allRowsRejected_failsQuotingTheFirstReason() {
    String f = TestFiles.write(dir, "e.csv", "customer_id,timestamp,channel", "a,13/01/2024,search",
        "b,never,search");
    TributaryException e = assertThrows(TributaryException.class,
        () -> AttributionJob.run(SharedSpark.get(), events(f)));
    assertTrue(e.getMessage().startsWith(f + ": 2 of 2 rows rejected (100.00 % > --max-rejected-share 5.00 %); "
        + "first: " + f + ":2: column timestamp: cannot parse \"13/01/2024\""), e.getMessage());
  }

  @Test
  void execute_badInput_printsOneLineAndExitsTwo() {
    String f = TestFiles.write(dir, "e.csv", "customer_id,channel", "a,search");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AttributionJob.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--events", f, "--output",
        dir.resolve("out").toString());
    String printed = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code);
    assertEquals(1, printed.strip().lines().count(), printed);
    assertTrue(printed.startsWith("error: " + f + ":1: column timestamp: required column is missing"), printed);
  }

  /*
   * Issue 17: path counts that add up past the core's PathTotals limit (and past 2^63) are bad input, exit 2 with one
   * line. A gzip file is one split, so the job knows the line of the row that passes the limit, as the CLI does.
   */
  @Test
  void execute_pathCountsAddingUpPastTheLimit_exitTwoNamingLineAndColumn() throws Exception {
    Path f = dir.resolve("paths.csv.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(("path,total_conversions,total_conversion_value,total_null\n" + "search > email,3,30,5\n"
          + "search,600000000000000,1,0\n" + "email,0,0,400000000000000\n"
          + "display,5000000000000000000,1,5000000000000000000\n").getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AttributionJob.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--paths", f.toString(), "--output",
        dir.resolve("out").toString(), "--max-rejected-share", "1");
    String printed = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, printed);
    assertEquals(1, printed.strip().lines().count(), printed);
    assertTrue(printed.startsWith("error: " + f + ":4: column total_null: counts add up to more than "
        + "922,244,979,187,558 journeys"), printed);
  }

  @Test
  void execute_configFile_suppliesOptions() throws Exception {
    String f = TestFiles.write(dir, "e.csv", "customer_id,timestamp,channel,conversion",
        "a,2024-03-01T00:00:00Z,search,1");
    Path props = dir.resolve("job.properties");
    Files.writeString(props, "events=" + f + "\nrun-date=2024-03-31\nconversions=all\nformat=parquet\n"
        + "models=last_touch,linear\n"
        + "output=" + dir.resolve("cfg-out") + "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = AttributionJob.execute(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "--config",
        props.toString());
    assertEquals(0, code);
    assertEquals(2, SharedSpark.get().read().parquet(dir.resolve("cfg-out/channel_credit").toString()).count());
  }

  @Test
  void execute_configFileUnknownKey_failsNamingKey() throws Exception {
    Path props = dir.resolve("job.properties");
    Files.writeString(props, "evnets=x.csv\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AttributionJob.execute(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), "--config",
        props.toString());
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown key \"evnets\""));
  }
}
