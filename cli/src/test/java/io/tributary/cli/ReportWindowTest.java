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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report windows in the CLI, against a two-date log worked by hand (SPEC's journey rules, a date's journeys as of that
 * date):
 *
 * <pre>
 *   a: search 03-01 00:00, email 01:00, social 02:00 converting (30)   03-01: search > email > social, converts
 *   d: display 03-01 10:00                                              03-01: display, does not convert (as of 03-01)
 *   b: email 03-02 00:00 converting (10)                                03-02: email, converts
 *   c: search 03-02 05:00                                               03-02: search, does not convert
 *   d: search 03-02 09:00 converting (20)                               03-02: display > search, converts
 * </pre>
 *
 * 03-01: 2 journeys, 1 conversion, value 30; linear search, email, social 1/3 each (10 each); markov (one path
 * converts, display's journey does not): removing any of search, email, social loses it all, display nothing: 1/3
 * each. 03-02: 3 journeys, 2 conversions, value 30; linear email 1 (10), display 1/2 (10), search 1/2 (10); markov:
 * start→email, search, display 1/3 each, email→conv 1, search→conv 1/2, display→search 1: P = 2/3; without email
 * 1/3 (RE 1/2), without search 1/3 (RE 1/2), without display 1/2 (RE 1/4): 2 conversions × RE/ΣRE = email 0.8,
 * search 0.8, display 0.4.
 */
class ReportWindowTest {
  static final String[] LOG = {"customer_id,timestamp,channel,conversion,conversion_value",
      "a,2024-03-01T00:00:00Z,search,0,", "a,2024-03-01T01:00:00Z,email,0,", "a,2024-03-01T02:00:00Z,social,1,30",
      "d,2024-03-01T10:00:00Z,display,0,", "b,2024-03-02T00:00:00Z,email,1,10", "c,2024-03-02T05:00:00Z,search,0,",
      "d,2024-03-02T09:00:00Z,search,1,20"};

  /** date/model/channel → {conversions, value (NaN: not checked)}, worked by hand above. */
  static Map<String, double[]> hand() {
    Map<String, double[]> h = new HashMap<>();
    h.put("2024-03-01/linear/search", new double[] {1.0 / 3, 10});
    h.put("2024-03-01/linear/email", new double[] {1.0 / 3, 10});
    h.put("2024-03-01/linear/social", new double[] {1.0 / 3, 10});
    h.put("2024-03-01/markov/search", new double[] {1.0 / 3, Double.NaN});
    h.put("2024-03-01/markov/email", new double[] {1.0 / 3, Double.NaN});
    h.put("2024-03-01/markov/social", new double[] {1.0 / 3, Double.NaN});
    h.put("2024-03-02/linear/email", new double[] {1, 10});
    h.put("2024-03-02/linear/display", new double[] {0.5, 10});
    h.put("2024-03-02/linear/search", new double[] {0.5, 10});
    h.put("2024-03-02/markov/email", new double[] {0.8, Double.NaN});
    h.put("2024-03-02/markov/search", new double[] {0.8, Double.NaN});
    h.put("2024-03-02/markov/display", new double[] {0.4, Double.NaN});
    return h;
  }

  @TempDir Path dir;

  private Path log() throws IOException {
    Path p = dir.resolve("two-dates.csv");
    Files.write(p, List.of(LOG), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void range_csv_oneRowPerDateModelChannel_equalsTheHandWorkedNumbers() throws IOException {
    Cli.Result r = Cli.run("attribute", "--events", log().toString(), "--models", "linear,markov", "--from",
        "2024-03-01", "--to", "2024-03-02", "--format", "csv", "--output", "-", "-q");
    assertEquals(0, r.exit(), r.err());
    List<Map<String, String>> rows = SimpleCsv.parse(r.out());
    assertEquals("run_date", rows.get(0).keySet().iterator().next());
    Map<String, double[]> hand = hand();
    int credited = 0;
    for (Map<String, String> row : rows) {
      String key = row.get("run_date") + "/" + row.get("model") + "/" + row.get("channel");
      double[] want = hand.getOrDefault(key, new double[] {0, 0});
      assertEquals(want[0], Double.parseDouble(row.get("attributed_conversions")), 1e-9, key);
      if (!Double.isNaN(want[1])) {
        assertEquals(want[1], Double.parseDouble(row.get("attributed_value")), 1e-9, key);
      }
      credited += Double.parseDouble(row.get("attributed_conversions")) != 0 ? 1 : 0;
    }
    assertEquals(hand.size(), credited);
    // One row per date, model and channel of the date's journeys: 03-01 has four channels, 03-02 three (no social).
    assertEquals(2 * (4 + 3), rows.size());
  }

  @Test
  void runDate_creditsThatDateOnly_asOfThatDate() throws IOException {
    Cli.Result r = Cli.run("attribute", "--events", log().toString(), "--models", "linear", "--run-date",
        "2024-03-01", "--format", "json", "--output", dir.resolve("one").toString() + "/", "-q");
    assertEquals(0, r.exit(), r.err());
    String kpis = Files.readString(dir.resolve("one/conversion_kpis.json"));
    // d's display touch is a non-converting journey as of 03-01 (its conversion the next day is not seen).
    assertTrue(kpis.contains("\"run_date\": \"2024-03-01\"") || kpis.contains("\"run_date\":\"2024-03-01\""), kpis);
    assertTrue(kpis.replace(" ", "").contains("\"journeys\":2"), kpis);
    assertTrue(kpis.replace(" ", "").contains("\"conversions\":1"), kpis);
  }

  @Test
  void range_parquet_hasRunDate() throws IOException, SQLException {
    Path out = dir.resolve("pq");
    Cli.Result r = Cli.run("attribute", "--events", log().toString(), "--models", "linear", "--from",
        "2024-03-01", "--to", "2024-03-02", "--format", "parquet", "--output", out.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(run_date AS VARCHAR) d, SUM(attributed_value) v, COUNT(*) n "
            + "FROM read_parquet('" + out.resolve("channel_credit.parquet") + "') GROUP BY 1 ORDER BY 1")) {
      assertTrue(rs.next());
      assertEquals("2024-03-01", rs.getString("d"));
      assertEquals(30.0, rs.getDouble("v"), 1e-9);
      assertTrue(rs.next());
      assertEquals("2024-03-02", rs.getString("d"));
      assertEquals(30.0, rs.getDouble("v"), 1e-9);
    }
  }

  @Test
  void report_onARange_drawsTheDailyTrend() throws IOException {
    Path html = dir.resolve("r.html");
    Cli.Result r = Cli.run("report", "--events", log().toString(), "--from", "2024-03-01", "--to", "2024-03-02",
        "--output", html.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(html);
    assertTrue(page.contains("id=\"chart-trend\""), "trend chart");
    assertTrue(page.contains("<tr><td>2024-03-01</td>") && page.contains("<tr><td>2024-03-02</td>"), "trend table");
    assertTrue(!page.contains("<script"), "no script");
  }

  @Test
  void windowOptions_checkedByTheCore_oneLine() throws IOException {
    Cli.Result r = Cli.run("attribute", "--events", log().toString(), "--from", "2024-03-02", "--to", "2024-03-01");
    assertEquals(2, r.exit());
    assertEquals("tributary: --from: 2024-03-02 is after --to 2024-03-01", r.err().strip());
  }
}
