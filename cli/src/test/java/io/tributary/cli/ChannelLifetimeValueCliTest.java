package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary attribute --clv} on the committed sample-data against its known lifetime truth ({@code truth.csv}:
 * the customers each channel acquired and their expected lifetime value from the generator's own parameters).
 */
class ChannelLifetimeValueCliTest {
  private static final Path SAMPLE = Path.of("..", "sample-data");

  @TempDir
  static Path out;

  private static Map<String, Map<String, String>> truth;
  private static List<Map<String, String>> table;
  private static Map<String, String> kpis;

  @BeforeAll
  static void run() throws IOException {
    Cli.Result r = Cli.run("attribute", "--events", SAMPLE.resolve("events.csv").toString(), "--identities",
        SAMPLE.resolve("identities.csv").toString(), "--consent", SAMPLE.resolve("consent.csv").toString(), "--spend",
        SAMPLE.resolve("spend.csv").toString(), "--clv", "--models", "first_touch,linear,shapley", "--format", "csv",
        "--output", out.toString() + "/", "-q");
    assertEquals(0, r.exit(), r.err());
    table = SimpleCsv.read(out.resolve("channel_lifetime_value.csv"));
    kpis = SimpleCsv.read(out.resolve("conversion_kpis.csv")).get(0);
    truth = new LinkedHashMap<>();
    for (Map<String, String> row : SimpleCsv.read(SAMPLE.resolve("truth.csv"))) {
      truth.put(row.get("channel"), row);
    }
  }

  private static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  @Test
  void firstTouch_newCustomers_areTheChannelsThatAcquiredThem() {
    long all = 0;
    for (Map.Entry<String, Map<String, String>> t : truth.entrySet()) {
      Map<String, String> row = SimpleCsv.row(table, "first_touch", t.getKey());
      assertEquals(Long.parseLong(t.getValue().get("acquired_customers")), num(row, "new_customers"), 1e-9,
          t.getKey());
      all += Long.parseLong(t.getValue().get("acquired_customers"));
    }
    assertEquals(all, Long.parseLong(kpis.get("lifetime_value_customers")), "every buyer acquired by a touch");
  }

  @Test
  void everyModel_splitsTheSameCustomersAndValue() {
    for (String model : List.of("first_touch", "linear", "shapley")) {
      double customers = 0;
      double value = 0;
      for (Map<String, String> row : table) {
        if (row.get("model").equals(model)) {
          customers += num(row, "new_customers");
          value += num(row, "lifetime_value");
        }
      }
      assertEquals(num(kpis, "lifetime_value_customers"), customers, 1e-6, model);
      assertEquals(num(kpis, "lifetime_value_total"), value, 1e-6 * value, model);
    }
  }

  /*
   * How close the estimate comes (docs/model-accuracy.md, "Lifetime value by channel"). One pooled BG/NBD +
   * Gamma-Gamma fit, calibrated on 60 days and projected 365 days ahead, ranks the channels by value per customer
   * almost as the truth does, but shrinks every channel towards the pooled mean: it over-values the one-off buyers of
   * display, social and affiliates (few repeats in 60 days are read as "not yet", not as "gone") by up to 7x, and
   * the total by about 1.6x. The bounds below are those measured, with room for nothing but that honesty.
   */
  @Test
  void firstTouch_lifetimeValuePerCustomer_ranksChannelsAsTheTruthAndStaysWithinStatedFactors() {
    List<String> channels = new ArrayList<>(truth.keySet());
    double[] est = new double[channels.size()];
    double[] tru = new double[channels.size()];
    double estTotal = 0;
    double trueTotal = 0;
    for (int i = 0; i < channels.size(); i++) {
      Map<String, String> row = SimpleCsv.row(table, "first_touch", channels.get(i));
      est[i] = num(row, "lifetime_value_per_customer");
      tru[i] = num(truth.get(channels.get(i)), "expected_clv_per_customer");
      double ratio = est[i] / tru[i];
      assertTrue(ratio > 0.7 && ratio < 8, channels.get(i) + ": estimate / truth = " + ratio);
      estTotal += num(row, "lifetime_value");
      trueTotal += num(truth.get(channels.get(i)), "expected_clv");
    }
    double total = estTotal / trueTotal;
    assertTrue(total > 1.0 && total < 2.0, "total estimate / truth = " + total);
    assertTrue(spearman(est, tru) > 0.9, "rank correlation " + spearman(est, tru));
  }

  static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double n = a.length;
    double d2 = 0;
    for (int i = 0; i < a.length; i++) {
      d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
    }
    return 1 - 6 * d2 / (n * (n * n - 1)); // no ties among these values
  }

  private static double[] ranks(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      for (double w : v) {
        r[i] += w < v[i] ? 1 : 0;
      }
    }
    return r;
  }

  @Test
  void htmlReport_showsLifetimeValueAndTheHoldoutCheck(@TempDir Path dir) throws IOException {
    Path html = dir.resolve("r.html");
    Cli.Result r = Cli.run("report", "--events", SAMPLE.resolve("events.csv").toString(), "--identities",
        SAMPLE.resolve("identities.csv").toString(), "--consent", SAMPLE.resolve("consent.csv").toString(), "--clv",
        "-o", html.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<table id=\"lifetime\">"), "lifetime table");
    assertTrue(page.contains("<table id=\"holdout\">"), "holdout table");
    // 60 days from 2024-01-01: the last third, 2024-02-11 .. 2024-02-29, is held out.
    assertTrue(page.contains("up to 2024-02-10"), "calibration part");
  }

  @Test
  void directoryOutput_isTheSameBytesTwice(@TempDir Path again) throws IOException {
    Cli.Result r = Cli.run("attribute", "--events", SAMPLE.resolve("events.csv").toString(), "--identities",
        SAMPLE.resolve("identities.csv").toString(), "--consent", SAMPLE.resolve("consent.csv").toString(), "--spend",
        SAMPLE.resolve("spend.csv").toString(), "--clv", "--models", "first_touch,linear,shapley", "--format", "csv",
        "--output", again.toString() + "/", "-q");
    assertEquals(0, r.exit(), r.err());
    assertEquals(Files.readString(out.resolve("channel_lifetime_value.csv")),
        Files.readString(again.resolve("channel_lifetime_value.csv")));
  }
}
