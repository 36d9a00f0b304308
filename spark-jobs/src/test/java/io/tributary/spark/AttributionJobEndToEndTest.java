package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a small event log whose every number is worked out by hand below.
 *
 * <pre>
 * line  row (customer ids are custN in the file)          after stitching / consent
 *  2-4  c1: search 03-01T10, email 03-02T10, search 03-03T10 converts 100
 *  5-6  c2: display 03-01T09, email 03-05T09 converts 50
 *  7    c3: search 03-02T08 (never converts)
 *  8    c4: email 03-04T12 converts 20
 *  9    c4b: display 03-03T12        c4b is an alias of c4 → c4: display > email, converts 20
 *  10   c5: search, converts 999     c5 opted out → dropped
 *  11   bad: timestamp "not-a-time"  rejected
 *
 * journeys: c1 search>email>search (conv 100, 2 days), c2 display>email (conv 50, 4 days),
 *           c3 search (null), c4 display>email (conv 20, 1 day)               → 4 journeys, 3 conversions, value 170
 * last_touch:     search 1 (100), email 2 (70), display 0
 * first_touch:    search 1 (100), display 2 (70), email 0
 * linear:         search 2/3 (66.667), email 1/3+1/2+1/2 = 4/3 (33.333+25+10 = 68.333), display 1 (25+10 = 35)
 * position_based: c1 L=3 → search .4+.4, email .2; L=2 → 50/50:
 *                 search .8 (80), email 1.2 (20+25+10 = 55), display 1 (35)
 * KPIs: conversion_rate 3/4; multi-channel journeys 3 (c1, c2, c4), all convert → cross rate 1;
 *       single-channel c3 → 0/1 = 0; multi share 3/3; avg touches (3+2+2)/3 = 7/3; avg days (2+4+1)/3 = 7/3
 * spend: search 50, email 10+10 = 20, display 25 → total 95, omnichannel roi (170−95)/95
 *        last_touch email: roas 70/20 = 3.5, roi 2.5, cpa 20/2 = 10; display: roas 0, roi −1, cpa null (0 conv.)
 * </pre>
 */
class AttributionJobEndToEndTest {
  private static final double EPS = 1e-9;
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);

  @TempDir static Path dir;
  static JobResult result;
  static JobConfig config;

  @BeforeAll
  static void runJob() {
    config = handChecked(dir, dir.resolve("out").toString());
    result = AttributionJob.run(SharedSpark.get(), config);
  }

  static JobConfig handChecked(Path dir, String output) {
    String events = TestFiles.write(dir, "events.csv",
        "customer_id,timestamp,channel,conversion,conversion_value",
        "cust1,2024-03-01T10:00:00Z,search,0,",
        "cust1,2024-03-02T10:00:00Z,email,0,",
        "cust1,2024-03-03T10:00:00Z,search,1,100",
        "cust2,2024-03-01T09:00:00Z,display,0,",
        "cust2,2024-03-05T09:00:00Z,email,1,50",
        "cust3,2024-03-02T08:00:00Z,search,0,",
        "cust4,2024-03-04T12:00:00Z,email,1,20",
        "cust4phone,2024-03-03T12:00:00Z,display,0,",
        "cust5,2024-03-01T00:00:00Z,search,1,999",
        "bad,not-a-time,search,0,");
    String spend = TestFiles.write(dir, "spend.csv", "date,channel,spend", "2024-03-01,search,50",
        "2024-03-01,email,10", "2024-03-02,email,10", "2024-03-01,display,25");
    String ids = TestFiles.write(dir, "identities.csv", "alias_id,customer_id", "cust4phone,cust4");
    String consent = TestFiles.write(dir, "consent.csv", "customer_id", "cust5");
    JobConfig c = JobConfig.ofEvents(DATE, events, output).withSideInputs(spend, ids, consent);
    return new JobConfig(c.runDate(), c.events(), null, c.spend(), c.identities(), c.consent(), c.mapping(),
        c.timezone(), c.pathSeparator(), c.models(), null, null, c.output(), c.format(), 0.2);
  }

  private static Map<String, Row> credit(String model) {
    SparkSession spark = SharedSpark.get();
    Map<String, Row> out = new HashMap<>();
    for (Row r : spark.read().format("delta").load(dir.resolve("out/channel_credit").toString())
        .where("model = '" + model + "'").collectAsList()) {
      out.put(r.getAs("channel"), r);
    }
    return out;
  }

  private static double d(Row r, String col) {
    return ((Number) r.getAs(col)).doubleValue();
  }

  @Test
  void run_handCheckedLog_countsEveryRow() {
    RunStats s = result.stats();
    // 10 event rows + 4 spend + 1 identity + 1 consent
    assertEquals(16, s.read());
    assertEquals(15, s.accepted());
    assertEquals(1, s.rejected());
    assertEquals(1, s.excluded());
    assertEquals(4, s.customers());
    assertEquals(4, s.journeys());
  }

  @Test
  void channelCredit_lastTouch_matchesHandComputation() {
    Map<String, Row> c = credit("last_touch");
    assertEquals(3, c.size());
    assertEquals(1, d(c.get("search"), "attributed_conversions"), EPS);
    assertEquals(100, d(c.get("search"), "attributed_value"), EPS);
    assertEquals(2, d(c.get("email"), "attributed_conversions"), EPS);
    assertEquals(70, d(c.get("email"), "attributed_value"), EPS);
    assertEquals(0, d(c.get("display"), "attributed_conversions"), EPS);
    assertEquals(2.0 / 3, d(c.get("email"), "share"), EPS);
    assertEquals(3.5, d(c.get("email"), "roas"), EPS);
    assertEquals(2.5, d(c.get("email"), "roi"), EPS);
    assertEquals(10, d(c.get("email"), "cpa"), EPS);
    assertEquals(0, d(c.get("display"), "roas"), EPS);
    assertEquals(-1, d(c.get("display"), "roi"), EPS);
    assertNull(c.get("display").getAs("cpa"));
  }

  @Test
  void channelCredit_firstTouchLinearPosition_matchHandComputation() {
    Map<String, Row> first = credit("first_touch");
    assertEquals(2, d(first.get("display"), "attributed_conversions"), EPS);
    assertEquals(70, d(first.get("display"), "attributed_value"), EPS);
    assertEquals(0, d(first.get("email"), "attributed_conversions"), EPS);
    Map<String, Row> linear = credit("linear");
    assertEquals(2.0 / 3, d(linear.get("search"), "attributed_conversions"), EPS);
    assertEquals(200.0 / 3, d(linear.get("search"), "attributed_value"), EPS);
    assertEquals(4.0 / 3, d(linear.get("email"), "attributed_conversions"), EPS);
    assertEquals(100.0 / 3 + 35, d(linear.get("email"), "attributed_value"), EPS);
    assertEquals(1, d(linear.get("display"), "attributed_conversions"), EPS);
    assertEquals(35, d(linear.get("display"), "attributed_value"), EPS);
    Map<String, Row> position = credit("position_based");
    assertEquals(0.8, d(position.get("search"), "attributed_conversions"), EPS);
    assertEquals(1.2, d(position.get("email"), "attributed_conversions"), EPS);
    assertEquals(55, d(position.get("email"), "attributed_value"), EPS);
  }

  @Test
  void conversionKpis_handCheckedLog_matchHandComputation() {
    List<Row> rows = SharedSpark.get().read().format("delta").load(dir.resolve("out/conversion_kpis").toString())
        .collectAsList();
    assertEquals(1, rows.size());
    Row k = rows.get(0);
    assertEquals(java.sql.Date.valueOf(DATE), k.getAs("run_date"));
    assertEquals(4L, (long) k.getAs("journeys"));
    assertEquals(3L, (long) k.getAs("conversions"));
    assertEquals(170, d(k, "total_value"), EPS);
    assertEquals(0.75, d(k, "conversion_rate"), EPS);
    assertEquals(3L, (long) k.getAs("multi_channel_journeys"));
    assertEquals(1.0, d(k, "cross_channel_conversion_rate"), EPS);
    assertEquals(0.0, d(k, "single_channel_conversion_rate"), EPS);
    assertEquals(1.0, d(k, "multi_channel_conversion_share"), EPS);
    assertEquals(7.0 / 3, d(k, "avg_touches_to_conversion"), EPS);
    assertEquals(7.0 / 3, d(k, "avg_days_to_conversion"), EPS);
    assertEquals(95, d(k, "total_spend"), EPS);
    assertEquals(75.0 / 95, d(k, "omnichannel_roi"), EPS);
  }

  @Test
  void pathSummary_handCheckedLog_listsThreePaths() {
    Map<String, Row> paths = new HashMap<>();
    for (Row r : SharedSpark.get().read().format("delta").load(dir.resolve("out/path_summary").toString())
        .collectAsList()) {
      paths.put(r.getAs("path"), r);
    }
    assertEquals(3, paths.size());
    Row de = paths.get("display > email");
    assertEquals(2L, (long) de.getAs("journeys"));
    assertEquals(70, d(de, "conversion_value"), EPS);
    assertEquals(1L, (long) paths.get("search").getAs("nulls"));
    assertEquals(100, d(paths.get("search > email > search"), "conversion_value"), EPS);
  }

  @Test
  void rejectedRows_badTimestamp_hasRealLineAndReason() {
    List<Row> rows = SharedSpark.get().read().format("delta").load(dir.resolve("out/rejected_rows").toString())
        .collectAsList();
    assertEquals(1, rows.size());
    Row r = rows.get(0);
    assertEquals(config.events().location(), r.getAs("source"));
    assertEquals(11L, (long) r.getAs("line"));
    assertTrue(((String) r.getAs("reason")).startsWith("column timestamp: cannot parse \"not-a-time\""),
        (String) r.getAs("reason"));
    assertEquals("[redacted],not-a-time,search,0,", r.getAs("raw")); // no customer id in any output
  }

  @Test
  void outputs_anyTable_holdNoRawCustomerId() {
    SparkSession spark = SharedSpark.get();
    for (String t : List.of("channel_credit", "conversion_kpis", "path_summary", "run_log")) {
      String all = spark.read().format("delta").load(dir.resolve("out/" + t).toString()).collectAsList().toString();
      assertTrue(!all.contains("cust"), t + " mentions a customer id: " + all);
    }
  }

  @Test
  void runLog_successfulRun_recordsCountsAndStatus() {
    List<Row> rows = SharedSpark.get().read().format("delta").load(dir.resolve("out/run_log").toString())
        .collectAsList();
    assertEquals(1, rows.size());
    Row r = rows.get(0);
    assertEquals("succeeded", r.getAs("status"));
    assertEquals(16L, (long) r.getAs("rows_read"));
    assertEquals((long) r.getAs("rows_read"), (long) r.getAs("rows_accepted") + (long) r.getAs("rows_rejected"));
  }

  @Test
  void execute_commandLine_printsSummaryAndExitsZero() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AttributionJob.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        "--run-date", "2024-03-30", "--conversions", "all",
        "--events", config.events().location(), "--spend", config.spend().location(),
        "--identities", config.identities().location(), "--consent", config.consent().location(),
        "--max-rejected-share", "0.2", "--format", "parquet", "--output", dir.resolve("cli-out").toString());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(printed.contains("run_date 2024-03-30 succeeded"), printed);
    assertTrue(printed.contains("16 read, 15 accepted, 1 rejected, 1 excluded by consent"), printed);
  }
}
