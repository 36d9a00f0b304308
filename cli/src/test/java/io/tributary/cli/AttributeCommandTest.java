package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** {@code tributary attribute} end to end on a small log whose every number was worked out by hand. */
class AttributeCommandTest {
  /*
   * The worked example (lookback 30 days, half-life 7 days):
   *   a: search d1, email d2, conversion-only row d3 worth 100  -> converting journey [search, email], value 100
   *   b: social d1 that also converts, worth 50                  -> converting journey [social], value 50
   *   c: search d1, search d2, no conversion                     -> non-converting [search, search]
   *   d: conversion-only row d5 worth 10, no touch               -> touchless: (unattributed) 1 / 10
   *   e: display d1, conversion d41 worth 20 (40 days later)     -> non-converting [display] + touchless 1 / 20
   * Totals: 4 conversions worth 180, of which 2 worth 150 on paths and 2 worth 30 touchless.
   *
   * first_touch: search 1/100, social 1/50.  last_touch: email 1/100, social 1/50.
   * linear and position_based (L=2 -> 40/40 renormalised to 50/50): search 0.5/50, email 0.5/50, social 1/50.
   * time_decay: a's touches are 2 and 1 days old, weights 2^(-2/7) and 2^(-1/7); normalised, email gets
   *   1/(1+2^(-1/7)) and search 2^(-1/7)/(1+2^(-1/7)).
   * markov (order 1): start->search 2 (a converts, c is null, c's repeat collapsed), start->social 1,
   *   start->display 1, search->email 1, search->null 1, email->conv 1, social->conv 1, display->null 1.
   *   P(conv) = 2/4*1/2 + 1/4 = 1/2. Removing search, email or social leaves 1/4: RE = 1/2 each; display RE 0.
   *   Credit = 2 * (1/2)/(3/2) = 2/3 each. Value: E = visits(email)*100 + visits(social)*50 = 25 + 12.5 = 37.5;
   *   without search or email E = 12.5 (RE 2/3), without social E = 25 (RE 1/3); value = 150 * RE / (5/3):
   *   search 60, email 60, social 30.
   * Spend: search 40, email 10, tv 5 (no touches). linear: search roas 50/40 = 1.25, roi 0.25, cpa 40/0.5 = 80;
   *   email roas 5, roi 4, cpa 20; tv credit 0, roas 0, roi -1, cpa undefined; social has no spend.
   * KPIs: journeys a, b, c, d, e-old, e-touchless = 6; converting 4; rate 4/6; multi-channel journeys 1 (a),
   *   cross-channel rate 1/1; single-channel b, c, e-old -> 1/3; multi-channel share 1/4; avg touches (2+1)/2;
   *   avg days (2+0)/2 = 1; total spend 55; omnichannel roi (180-55)/55.
   */
  static final String EVENTS = String.join("\n",
      "customer_id,timestamp,channel,conversion,conversion_value,event_type",
      "a,2024-03-01T00:00:00Z,search,0,,touch",
      "a,2024-03-02T00:00:00Z,email,0,,touch",
      "a,2024-03-03T00:00:00Z,,1,100,conversion",
      "b,2024-03-01T00:00:00Z,social,1,50,touch",
      "c,2024-03-01T00:00:00Z,search,0,,touch",
      "c,2024-03-02T00:00:00Z,search,0,,touch",
      "d,2024-03-05T00:00:00Z,,1,10,conversion",
      "e,2024-03-01T00:00:00Z,display,0,,touch",
      "e,2024-04-10T00:00:00Z,,1,20,conversion",
      "");
  static final String SPEND = "date,channel,spend\n2024-03-01,search,40\n2024-03-01,email,10\n2024-03-02,tv,5\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  @Test
  void attribute_workedExample_creditsMatchHandComputation() throws IOException {
    Path events = write("events.csv", EVENTS);
    Path spend = write("spend.csv", SPEND);
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--spend", spend.toString(),
        "--format", "csv", "--output", "-");
    assertEquals(0, r.exit(), r.err());
    List<Map<String, String>> rows = SimpleCsv.parse(r.out());
    assertEquals(List.of("model", "channel", "attributed_conversions", "attributed_value", "share", "spend", "roas",
        "roi", "cpa"), List.copyOf(rows.get(0).keySet()));

    assertEquals(1, num(SimpleCsv.row(rows, "first_touch", "search"), "attributed_conversions"));
    assertEquals(100, num(SimpleCsv.row(rows, "first_touch", "search"), "attributed_value"));
    assertEquals(0, num(SimpleCsv.row(rows, "first_touch", "email"), "attributed_conversions"));
    assertEquals(1, num(SimpleCsv.row(rows, "last_touch", "email"), "attributed_conversions"));
    assertEquals(50, num(SimpleCsv.row(rows, "last_touch", "social"), "attributed_value"));

    for (String model : List.of("linear", "position_based")) {
      assertEquals(0.5, num(SimpleCsv.row(rows, model, "search"), "attributed_conversions"), model);
      assertEquals(50, num(SimpleCsv.row(rows, model, "search"), "attributed_value"), model);
      assertEquals(0.5, num(SimpleCsv.row(rows, model, "email"), "attributed_conversions"), model);
      assertEquals(1, num(SimpleCsv.row(rows, model, "social"), "attributed_conversions"), model);
      assertEquals(0, num(SimpleCsv.row(rows, model, "display"), "attributed_conversions"), model);
    }
    Map<String, String> search = SimpleCsv.row(rows, "linear", "search");
    assertEquals("0.5", search.get("attributed_conversions"));
    assertEquals("0.125", search.get("share"));
    assertEquals("40", search.get("spend"));
    assertEquals("1.25", search.get("roas"));
    assertEquals("0.25", search.get("roi"));
    assertEquals("80", search.get("cpa"));
    Map<String, String> email = SimpleCsv.row(rows, "linear", "email");
    assertEquals("5", email.get("roas"));
    assertEquals("4", email.get("roi"));
    assertEquals("20", email.get("cpa"));
    Map<String, String> tv = SimpleCsv.row(rows, "linear", "tv");
    assertEquals("0", tv.get("attributed_conversions"));
    assertEquals("0", tv.get("roas"));
    assertEquals("-1", tv.get("roi"), "a negative number stays a number in CSV");
    assertEquals("", tv.get("cpa"), "no conversions: cpa is undefined, an empty cell");
    Map<String, String> social = SimpleCsv.row(rows, "linear", "social");
    assertEquals("", social.get("spend"));
    assertEquals("", social.get("roas"));
    Map<String, String> unattributed = SimpleCsv.row(rows, "linear", "(unattributed)");
    assertEquals("2", unattributed.get("attributed_conversions"));
    assertEquals("30", unattributed.get("attributed_value"));
    assertEquals("0.5", unattributed.get("share"));

    double h = Math.pow(2, -1.0 / 7);
    assertEquals(1 / (1 + h), num(SimpleCsv.row(rows, "time_decay", "email"), "attributed_conversions"), 1e-12);
    assertEquals(h / (1 + h), num(SimpleCsv.row(rows, "time_decay", "search"), "attributed_conversions"), 1e-12);
    assertEquals(100 / (1 + h), num(SimpleCsv.row(rows, "time_decay", "email"), "attributed_value"), 1e-9);
    assertEquals(1, num(SimpleCsv.row(rows, "time_decay", "social"), "attributed_conversions"), 1e-12);

    if (rows.stream().anyMatch(x -> x.get("model").equals("markov"))) {
      for (String c : List.of("search", "email", "social")) {
        assertEquals(2.0 / 3, num(SimpleCsv.row(rows, "markov", c), "attributed_conversions"), 1e-9, c);
      }
      assertEquals(0, num(SimpleCsv.row(rows, "markov", "display"), "attributed_conversions"), 1e-12);
      assertEquals(60, num(SimpleCsv.row(rows, "markov", "search"), "attributed_value"), 1e-9);
      assertEquals(60, num(SimpleCsv.row(rows, "markov", "email"), "attributed_value"), 1e-9);
      assertEquals(30, num(SimpleCsv.row(rows, "markov", "social"), "attributed_value"), 1e-9);
    }
  }

  @Test
  void attribute_workedExampleToDirectory_kpisMatchHandComputation() throws IOException {
    Path events = write("events.csv", EVENTS);
    Path spend = write("spend.csv", SPEND);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--spend", spend.toString(),
        "--format", "csv", "--output", out.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err(), "--quiet prints nothing");
    assertFalse(Files.exists(out.resolve("rejected_rows.csv")), "no rejected rows, no table");
    Map<String, String> k = SimpleCsv.read(out.resolve("conversion_kpis.csv")).get(0);
    assertEquals("6", k.get("journeys"));
    assertEquals("4", k.get("converting_journeys"));
    assertEquals("4", k.get("conversions"));
    assertEquals("180", k.get("total_value"));
    assertEquals(4.0 / 6, num(k, "conversion_rate"));
    assertEquals("1", k.get("multi_channel_journeys"));
    assertEquals("1", k.get("cross_channel_conversion_rate"));
    assertEquals(1.0 / 3, num(k, "single_channel_conversion_rate"));
    assertEquals("0.25", k.get("multi_channel_conversion_share"));
    assertEquals("1.5", k.get("avg_touches_to_conversion"));
    assertEquals("1", k.get("avg_days_to_conversion"));
    assertEquals("55", k.get("total_spend"));
    assertEquals(125.0 / 55, num(k, "omnichannel_roi"), 1e-15);

    List<Map<String, String>> paths = SimpleCsv.read(out.resolve("path_summary.csv"));
    assertEquals(List.of("path", "journeys", "conversions", "conversion_value", "nulls"),
        List.copyOf(paths.get(0).keySet()));
    assertEquals(4, paths.size(), "display, search, search > email, search > search, social: " + paths);
  }
}
