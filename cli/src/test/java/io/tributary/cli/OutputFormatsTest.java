package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output format carries the same numbers; the text table carries them rounded to its 2 decimals. */
class OutputFormatsTest {
  @TempDir Path dir;

  private Path events() throws IOException {
    Path p = dir.resolve("events.csv");
    Files.writeString(p, RandomEvents.csv(400, 7L, true), StandardCharsets.UTF_8);
    return p;
  }

  private Path spend() throws IOException {
    Path p = dir.resolve("spend.csv");
    Files.writeString(p, "date,channel,spend\n2024-03-01,c0,123.45\n2024-03-01,c1,0.1\n2024-03-02,c3,77\n");
    return p;
  }

  /* model|channel|column -> value as written, from the CSV to stdout. */
  private static Map<String, String> fromCsv(String csv) {
    Map<String, String> m = new TreeMap<>();
    for (Map<String, String> r : SimpleCsv.parse(csv)) {
      for (String col : List.of("attributed_conversions", "attributed_value", "share", "spend", "roas", "roi",
          "cpa")) {
        m.put(r.get("model") + "|" + r.get("channel") + "|" + col, r.get(col));
      }
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> fromJsonRows(List<Object> rows) {
    Map<String, String> m = new TreeMap<>();
    for (Object o : rows) {
      Map<String, Object> r = (Map<String, Object>) o;
      for (String col : List.of("attributed_conversions", "attributed_value", "share", "spend", "roas", "roi",
          "cpa")) {
        Object v = r.get(col);
        m.put(r.get("model") + "|" + r.get("channel") + "|" + col,
            v == null ? "" : ((SimpleJson.Num) v).text());
      }
    }
    return m;
  }

  @Test
  @SuppressWarnings("unchecked")
  void csvJsonAndDirectories_sameEvents_sameNumbers() throws IOException {
    String[] base = {"attribute", "--events", events().toString(), "--spend", spend().toString(), "-q"};
    Cli.Result csv = Cli.run(concat(base, "--format", "csv", "--output", "-"));
    assertEquals(0, csv.exit(), csv.err());
    Map<String, String> expected = fromCsv(csv.out());
    assertTrue(expected.size() > 50);

    Cli.Result json = Cli.run(concat(base, "--format", "json", "--output", "-"));
    assertEquals(0, json.exit(), json.err());
    Map<String, Object> doc = (Map<String, Object>) SimpleJson.parse(json.out());
    assertEquals(List.of("channel_credit", "conversion_kpis", "path_summary", "markov_transitions", "removal_effects"),
        List.copyOf(doc.keySet()));
    assertEquals(expected, fromJsonRows((List<Object>) doc.get("channel_credit")));

    Path csvDir = dir.resolve("csv-out");
    Path jsonDir = dir.resolve("json-out");
    assertEquals(0, Cli.run(concat(base, "--format", "csv", "--output", csvDir.toString())).exit());
    assertEquals(0, Cli.run(concat(base, "--format", "json", "--output", jsonDir.toString())).exit());
    assertEquals(csv.out(), Files.readString(csvDir.resolve("channel_credit.csv")));
    assertEquals(expected, fromJsonRows(
        (List<Object>) SimpleJson.parse(Files.readString(jsonDir.resolve("channel_credit.json")))));

    // KPIs: CSV file and JSON file hold the same numbers, written the same way.
    Map<String, String> kCsv = SimpleCsv.read(csvDir.resolve("conversion_kpis.csv")).get(0);
    Map<String, Object> kJson = (Map<String, Object>) ((List<Object>) SimpleJson.parse(
        Files.readString(jsonDir.resolve("conversion_kpis.json")))).get(0);
    for (Map.Entry<String, String> e : kCsv.entrySet()) {
      Object v = kJson.get(e.getKey());
      assertEquals(e.getValue(), v == null ? "" : ((SimpleJson.Num) v).text(), e.getKey());
    }
    assertEquals(SimpleCsv.read(csvDir.resolve("path_summary.csv")).size(),
        ((List<Object>) SimpleJson.parse(Files.readString(jsonDir.resolve("path_summary.json")))).size());
  }

  @Test
  void table_sameEvents_showsCsvNumbersRounded() throws IOException {
    String[] base = {"attribute", "--events", events().toString(), "-q", "--models", "linear,markov"};
    Map<String, String> exact = fromCsv(Cli.run(concat(base, "--format", "csv")).out());
    Cli.Result table = Cli.run(base);
    assertEquals(0, table.exit(), table.err());
    String[] lines = table.out().split("\n");
    assertEquals("Attributed conversions", lines[0]);
    String[] head = lines[1].trim().split("\\s+");
    assertEquals(List.of("channel", "linear", "markov"), List.of(head));
    int checked = 0;
    for (int i = 3; !lines[i].startsWith("-"); i++) {
      String[] f = lines[i].trim().split("\\s+");
      for (int m = 1; m <= 2; m++) {
        double v = Double.parseDouble(exact.get(head[m] + "|" + f[0] + "|attributed_conversions"));
        assertEquals(v, Double.parseDouble(f[m]), 0.005 + 1e-12, f[0] + " " + head[m]);
        checked++;
      }
    }
    assertTrue(checked >= 8, "checked " + checked);
  }

  @Test
  void parquet_sameEvents_readBackByDuckDbEqualsCsv() throws IOException, SQLException {
    String[] base = {"attribute", "--events", events().toString(), "--spend", spend().toString(), "-q"};
    Map<String, String> expected = fromCsv(Cli.run(concat(base, "--format", "csv")).out());
    Path out = dir.resolve("pq");
    Cli.Result r = Cli.run(concat(base, "--format", "parquet", "--output", out.toString()));
    assertEquals(0, r.exit(), r.err());
    Map<String, String> got = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + out.resolve("channel_credit.parquet")
            + "')")) {
      while (rs.next()) {
        for (String col : List.of("attributed_conversions", "attributed_value", "share", "spend", "roas", "roi",
            "cpa")) {
          Object v = rs.getObject(col);
          got.put(rs.getString("model") + "|" + rs.getString("channel") + "|" + col,
              v == null ? "" : io.tributary.cli.output.Numbers.format(((Number) v).doubleValue()));
        }
      }
    }
    assertEquals(expected, got);
  }

  @Test
  void runDate_given_leadsEveryTable() throws IOException {
    Path out = dir.resolve("dated");
    Cli.Result r = Cli.run("attribute", "--events", events().toString(), "-q", "--format", "csv", "--output",
        out.toString(), "--run-date", "2024-05-01", "--conversions", "all");
    assertEquals(0, r.exit(), r.err());
    for (String t : List.of("channel_credit", "conversion_kpis", "path_summary")) {
      List<Map<String, String>> rows = SimpleCsv.read(out.resolve(t + ".csv"));
      assertEquals("run_date", new ArrayList<>(rows.get(0).keySet()).get(0), t);
      assertTrue(rows.stream().allMatch(x -> x.get("run_date").equals("2024-05-01")), t);
    }
  }

  @Test
  void attribute_runTwiceAndWithOneOrTwoThreads_byteIdentical() throws IOException {
    String[] base = {"attribute", "--events", events().toString(), "-q", "--format", "json"};
    String one = Cli.run(concat(base, "--threads", "1")).out();
    String two = Cli.run(concat(base, "--threads", "2")).out();
    String again = Cli.run(concat(base, "--threads", "2")).out();
    assertEquals(one, two);
    assertEquals(two, again);
  }

  @Test
  void bootstrap_seeded_intervalColumnsDeterministic() throws IOException {
    String[] base = {"attribute", "--events", events().toString(), "-q", "--format", "csv", "--models",
        "linear,time_decay,markov", "--bootstrap", "30"};
    Cli.Result a = Cli.run(concat(base, "--seed", "5"));
    Cli.Result b = Cli.run(concat(base, "--seed", "5"));
    Cli.Result c = Cli.run(concat(base, "--seed", "6"));
    assertEquals(0, a.exit(), a.err());
    assertEquals(a.out(), b.out(), "same seed, same bytes");
    assertTrue(!a.out().equals(c.out()), "another seed, other intervals");
    List<Map<String, String>> rows = SimpleCsv.parse(a.out());
    assertEquals(List.of("model", "channel", "attributed_conversions", "attributed_value", "share", "spend", "roas",
        "roi", "cpa", "ci_low", "ci_high"), List.copyOf(rows.get(0).keySet()));
    int intervals = 0;
    for (Map<String, String> r : rows) {
      if (!r.get("ci_low").isEmpty()) {
        assertTrue(Double.parseDouble(r.get("ci_low")) <= Double.parseDouble(r.get("ci_high")), r.toString());
        intervals++;
      }
    }
    assertTrue(intervals >= 10, "path models get intervals: " + intervals);
    assertTrue(!Cli.run("attribute", "--events", events().toString(), "-q", "--format", "csv").out()
        .contains("ci_low"), "no bootstrap, no interval columns");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /*
   * The chain's tables beside SPEC's, checked against the markov credit by its definition: each channel's credit is
   * the converting journeys' total × RE/ΣRE, and each state's outgoing probabilities sum to 1.
   */
  @Test
  void csvDirectory_markovFitted_chainTablesExplainItsCredit() throws IOException {
    Path out = dir.resolve("chain");
    Cli.Result r = Cli.run("attribute", "--events", events().toString(), "-q", "--models", "markov,linear",
        "--format", "csv", "--output", out.toString());
    assertEquals(0, r.exit(), r.err());
    Map<String, Double> credit = new TreeMap<>();
    for (Map<String, String> row : SimpleCsv.read(out.resolve("channel_credit.csv"))) {
      if (row.get("model").equals("markov")) {
        credit.put(row.get("channel"), Double.parseDouble(row.get("attributed_conversions")));
      }
    }
    List<Map<String, String>> effects = SimpleCsv.read(out.resolve("removal_effects.csv"));
    assertTrue(effects.size() >= 2, effects::toString);
    double sum = 0;
    double total = 0;
    for (Map<String, String> e : effects) {
      sum += Double.parseDouble(e.get("removal_effect"));
      total += credit.get(e.get("channel"));
    }
    for (Map<String, String> e : effects) {
      double want = total * Double.parseDouble(e.get("removal_effect")) / sum;
      assertEquals(want, credit.get(e.get("channel")), 1e-9 * Math.max(1, want), e.get("channel"));
    }
    Map<String, Double> outgoing = new TreeMap<>();
    for (Map<String, String> t : SimpleCsv.read(out.resolve("markov_transitions.csv"))) {
      outgoing.merge(t.get("from_state"), Double.parseDouble(t.get("probability")), Double::sum);
    }
    assertTrue(outgoing.containsKey("(start)"), outgoing::toString);
    outgoing.forEach((state, p) -> assertEquals(1.0, p, 1e-9, state));

    Path noMarkov = dir.resolve("no-chain");
    assertEquals(0, Cli.run("attribute", "--events", events().toString(), "-q", "--models", "linear",
        "--format", "csv", "--output", noMarkov.toString()).exit());
    assertTrue(Files.notExists(noMarkov.resolve("removal_effects.csv")), "no chain without markov");
  }
}
