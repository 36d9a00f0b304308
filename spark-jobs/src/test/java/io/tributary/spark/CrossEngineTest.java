package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.model.Requirement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's {@code channel_credit} and {@code conversion_kpis} equal, to 1e-9, the same report computed without Spark
 * (the core run in this JVM on the same files) and the CLI's CSV output. That checks the wiring (both engines run the
 * core); {@link #run_handWorkedLog_bothEnginesEqualTheNumbersWorkedByHand} checks the numbers against truth that does
 * not come from our code.
 */
class CrossEngineTest {
  private static final double EPS = 1e-9;
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);

  @TempDir Path dir;

  @Test
  void run_generatedLog_equalsCoreAndCli() {
    List<List<String>> files = EventLogGenerator.generate(7, 400);
    String events = TestFiles.write(dir, "events.csv", files.get(0).toArray(String[]::new));
    String ids = TestFiles.write(dir, "identities.csv", files.get(1).toArray(String[]::new));
    String consent = TestFiles.write(dir, "consent.csv", files.get(2).toArray(String[]::new));
    String spend = TestFiles.write(dir, "spend.csv", files.get(3).toArray(String[]::new));
    compare(events, spend, ids, consent);
  }

  @Test
  void run_sampleData_equalsCoreAndCli() {
    Path sample = Path.of("..", "sample-data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.exists(sample.resolve("events.csv")),
        "sample-data/events.csv is absent: skipped");
    compare(sample.resolve("events.csv").toString(), sample.resolve("spend.csv").toString(),
        sample.resolve("identities.csv").toString(), sample.resolve("consent.csv").toString());
  }

  /*
   * --touchpoint channel/campaign on the sample data (campaigns per channel in the log; spend per campaign and per
   * channel): the job's channel_credit (model, channel, campaign) and channel_rollup rows equal the CLI's, every
   * number to 1e-9, same columns, same rows; the KPIs too.
   */
  @Test
  void run_sampleDataChannelCampaign_jobEqualsCli() throws java.io.IOException {
    Path sample = Path.of("..", "sample-data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.exists(sample.resolve("events.csv")), "sample-data/events.csv is absent: skipped");
    String events = sample.resolve("events.csv").toString();
    String spend = TestFiles.write(dir, "campaign-spend.csv", "date,channel,spend,campaign",
        "2024-02-01,email,120.50,em_cart_reminder", "2024-02-01,email,30,", "2024-02-02,display,75.25,di_prospecting",
        "2024-02-03,paid_search,200,", "2024-02-03,tv,10,brand");
    String ids = sample.resolve("identities.csv").toString();
    String consent = sample.resolve("consent.csv").toString();
    Path out = dir.resolve("campaign-out");
    JobConfig c = JobConfig.ofEvents(DATE, events, out.toString()).withSideInputs(spend, ids, consent);
    JobConfig cfg = new JobConfig(c.runDate(), c.events(), null, c.spend(), c.identities(), c.consent(), c.mapping(),
        c.timezone(), c.pathSeparator(), c.models().with("touchpoint", "channel/campaign"), null, null, c.output(),
        c.format(), c.maxRejectedShare());
    AttributionJob.run(SharedSpark.get(), cfg);

    Path cliOut = dir.resolve("campaign-cli");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = io.tributary.cli.Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "attribute", "--events", events, "--spend", spend,
        "--identities", ids, "--consent", consent, "--touchpoint", "channel/campaign", "--format", "csv",
        "--output", cliOut + "/", "-q");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

    for (String table : List.of("channel_credit", "channel_rollup")) {
      List<Row> rows = SharedSpark.get().read().format("delta").load(out.resolve(table).toString()).collectAsList();
      Map<String, Row> job = new HashMap<>();
      boolean campaigns = table.equals("channel_credit");
      rows.forEach(r -> job.put(r.getAs("model") + "/" + r.getAs("channel")
          + (campaigns ? "/" + r.getAs("campaign") : ""), r));
      List<String> lines = Files.readAllLines(cliOut.resolve(table + ".csv"));
      List<String> header = List.of(lines.get(0).split(","));
      // The job's tables always carry the bootstrap interval's columns; files leave them out while unset.
      List<String> jobColumns = new java.util.ArrayList<>(List.of(rows.get(0).schema().fieldNames()));
      jobColumns.removeAll(List.of("run_date", "ci_low", "ci_high"));
      assertEquals(header, jobColumns, table + ": same columns");
      assertEquals(job.size(), lines.size() - 1, table + ": same rows");
      int withCampaign = 0;
      for (String line : lines.subList(1, lines.size())) {
        // Sample names hold no comma or quote: a plain split is the CSV.
        String[] f = line.split(",", -1);
        String key = f[header.indexOf("model")] + "/" + f[header.indexOf("channel")]
            + (campaigns ? "/" + (f[header.indexOf("campaign")].isEmpty() ? null : f[header.indexOf("campaign")])
                : "");
        Row r = job.get(key);
        assertNotNull(r, table + ": CLI row " + key + " is not in the job's output");
        withCampaign += campaigns && !f[header.indexOf("campaign")].isEmpty() ? 1 : 0;
        for (String col : List.of("attributed_conversions", "attributed_value", "share", "spend", "roas", "roi",
            "cpa")) {
          String cell = f[header.indexOf(col)];
          close(cell.isEmpty() ? null : Double.valueOf(cell), r.getAs(col), table + " " + key + " " + col);
        }
      }
      assertTrue(!campaigns || withCampaign > 20, "campaign rows: " + withCampaign);
    }
    Row k = SharedSpark.get().read().format("delta").load(out.resolve("conversion_kpis").toString()).first();
    List<String> kpi = Files.readAllLines(cliOut.resolve("conversion_kpis.csv"));
    List<String> kh = List.of(kpi.get(0).split(","));
    String[] kc = kpi.get(1).split(",", -1);
    for (String col : kh) {
      close(kc[kh.indexOf(col)].isEmpty() ? null : Double.valueOf(kc[kh.indexOf(col)]),
          k.getAs(col) == null ? null : ((Number) k.getAs(col)).doubleValue(), "conversion_kpis " + col);
    }
  }

  /*
   * Three customers, worked by hand (SPEC's definitions):
   *   a: search 00:00, email 01:00, social 02:00 converting (30)   path search > email > social, converts
   *   b: email converting (10)                                     path email, converts
   *   c: search                                                    path search, does not convert
   * KPIs: 3 journeys, 2 converting, value 40, rate 2/3; 1 multi-channel journey (converts: rate 1, share 1/2); single
   * channel 1 of 2; touches to conversion (3 + 1)/2 = 2; days (2 h + 0)/2 = 1/24.
   * first_touch: search 1 (30), email 1 (10). last_touch: social 1 (30), email 1 (10).
   * linear: search 1/3 (10), email 1 + 1/3 (20), social 1/3 (10).
   * position_based U: a gives 0.4/0.2/0.4, b all to email: search 0.4 (12), email 1.2 (16), social 0.4 (12).
   * markov, order 1: start→search 2/3, start→email 1/3, search→email 1/2, search→null 1/2, email→social 1/2,
   * email→conv 1/2, social→conv 1: P(conv) = 2/3·1/2 + 1/3·1 = 2/3. Without search: 1/3·1 = 1/3, RE 1/2; without
   * email: 0, RE 1; without social: 2/3·1/4 + 1/3·1/2 = 1/3, RE 1/2. Credit 2·RE/ΣRE: search 0.5, email 1, social 0.5.
   */
  @Test
  void run_handWorkedLog_bothEnginesEqualTheNumbersWorkedByHand() {
    String events = TestFiles.write(dir, "hand.csv", "customer_id,timestamp,channel,conversion,conversion_value",
        "a,2024-03-01T00:00:00Z,search,0,", "a,2024-03-01T01:00:00Z,email,0,", "a,2024-03-01T02:00:00Z,social,1,30",
        "b,2024-03-02T00:00:00Z,email,1,10", "c,2024-03-03T00:00:00Z,search,0,");
    Map<String, double[]> hand = new HashMap<>();
    hand.put("first_touch/search", new double[] {1, 30});
    hand.put("first_touch/email", new double[] {1, 10});
    hand.put("last_touch/social", new double[] {1, 30});
    hand.put("last_touch/email", new double[] {1, 10});
    hand.put("linear/search", new double[] {1.0 / 3, 10});
    hand.put("linear/email", new double[] {4.0 / 3, 20});
    hand.put("linear/social", new double[] {1.0 / 3, 10});
    hand.put("position_based/search", new double[] {0.4, 12});
    hand.put("position_based/email", new double[] {1.2, 16});
    hand.put("position_based/social", new double[] {0.4, 12});
    hand.put("markov/search", new double[] {0.5, Double.NaN});
    hand.put("markov/email", new double[] {1, Double.NaN});
    hand.put("markov/social", new double[] {0.5, Double.NaN});

    Path out = dir.resolve("hand-out");
    JobConfig c = JobConfig.ofEvents(DATE, events, out.toString());
    AttributionJob.run(SharedSpark.get(), new JobConfig(c.runDate(), c.events(), null, null, null, null,
        c.mapping(), c.timezone(), c.pathSeparator(),
        c.models().with("models", "first_touch,last_touch,linear,position_based,markov"), null, null, c.output(),
        c.format(), c.maxRejectedShare()));
    Map<String, Row> job = new HashMap<>();
    SharedSpark.get().read().format("delta").load(out.resolve("channel_credit").toString()).collectAsList()
        .forEach(r -> job.put(r.getAs("model") + "/" + r.getAs("channel"), r));

    ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = io.tributary.cli.Main.run(new PrintStream(cliOut, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "attribute", "--events", events, "--models",
        "first_touch,last_touch,linear,position_based,markov", "--format", "csv", "--output", "-", "--quiet");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    List<String> lines = cliOut.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    Map<String, String[]> cli = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      cli.put(f[header.indexOf("model")] + "/" + f[header.indexOf("channel")], f);
    }

    for (Map<String, ?> engine : List.of(job, cli)) {
      int nonZero = 0;
      for (String key : engine.keySet()) {
        double[] expected = hand.getOrDefault(key, new double[] {0, 0});
        Object row = engine.get(key);
        double conv = row instanceof Row r ? r.<Double>getAs("attributed_conversions")
            : Double.parseDouble(((String[]) row)[header.indexOf("attributed_conversions")]);
        double value = row instanceof Row r ? r.<Double>getAs("attributed_value")
            : Double.parseDouble(((String[]) row)[header.indexOf("attributed_value")]);
        close(expected[0], conv, key + " conversions");
        if (!Double.isNaN(expected[1])) {
          close(expected[1], value, key + " value");
        }
        nonZero += conv != 0 ? 1 : 0;
      }
      assertEquals(hand.size(), nonZero, "credited (model, channel) pairs: " + engine.keySet());
    }

    Row k = SharedSpark.get().read().format("delta").load(out.resolve("conversion_kpis").toString()).first();
    assertEquals(3L, (long) k.getAs("journeys"));
    assertEquals(2L, (long) k.getAs("converting_journeys"));
    assertEquals(1L, (long) k.getAs("multi_channel_journeys"));
    close(40.0, k.getAs("total_value"), "total_value");
    close(2.0 / 3, k.getAs("conversion_rate"), "conversion_rate");
    close(1.0, k.getAs("cross_channel_conversion_rate"), "cross");
    close(0.5, k.getAs("single_channel_conversion_rate"), "single");
    close(0.5, k.getAs("multi_channel_conversion_share"), "share");
    close(2.0, k.getAs("avg_touches_to_conversion"), "touches");
    close(1.0 / 24, k.getAs("avg_days_to_conversion"), "days");
  }

  /*
   * Two report dates, worked by hand (a date's journeys as of that date):
   *   a: search 03-01 00:00, email 01:00, social 02:00 converting (30)   03-01: search > email > social, converts
   *   d: display 03-01 10:00                                              03-01: display, does not convert (as of 03-01)
   *   b: email 03-02 00:00 converting (10)                                03-02: email, converts
   *   c: search 03-02 05:00                                               03-02: search, does not convert
   *   d: search 03-02 09:00 converting (20)                               03-02: display > search, converts
   * linear 03-01: search, email, social 1/3 (10) each; 03-02: email 1 (10), display 1/2 (10), search 1/2 (10).
   * markov 03-01 (fitted on 03-01): search, email, social 1/3 each (removing any loses the one conversion).
   * markov 03-02 fitted on 03-02 alone: start→email, search, display 1/3 each; email→conv 1; search→conv 1/2, →null
   *   1/2; display→search 1: P = 2/3; RE email 1/2, search 1/2, display 1/4: credit 2·RE/ΣRE = 0.8, 0.8, 0.4.
   * markov 03-02 with --fit-window 2d, fitted on both dates' five journeys (a, d as of 03-01, b, c, d): start→search
   *   2/5, display 2/5, email 1/5; search→email, null, conv 1/3 each; display→null, search 1/2 each; email→social,
   *   conv 1/2 each; social→conv 1. P(email) = 1, P(search) = 2/3, P(display) = 1/3, P = 3/5. Without search 1/5
   *   (RE 2/3), without email 1/5 (RE 2/3), without social 2/5 (RE 1/3), without display 7/15 (RE 2/9); ΣRE = 17/9.
   *   03-02's 2 conversions by those shares: search 12/17, email 12/17, social 6/17, display 4/17.
   */
  @Test
  void run_twoDateRange_bothEnginesEqualTheNumbersWorkedByHand() {
    String events = TestFiles.write(dir, "two-dates.csv", "customer_id,timestamp,channel,conversion,conversion_value",
        "a,2024-03-01T00:00:00Z,search,0,", "a,2024-03-01T01:00:00Z,email,0,", "a,2024-03-01T02:00:00Z,social,1,30",
        "d,2024-03-01T10:00:00Z,display,0,", "b,2024-03-02T00:00:00Z,email,1,10", "c,2024-03-02T05:00:00Z,search,0,",
        "d,2024-03-02T09:00:00Z,search,1,20");
    Map<String, Double> hand = new HashMap<>();
    hand.put("1/2024-03-01/linear/search", 1.0 / 3);
    hand.put("1/2024-03-01/linear/email", 1.0 / 3);
    hand.put("1/2024-03-01/linear/social", 1.0 / 3);
    hand.put("1/2024-03-01/markov/search", 1.0 / 3);
    hand.put("1/2024-03-01/markov/email", 1.0 / 3);
    hand.put("1/2024-03-01/markov/social", 1.0 / 3);
    hand.put("1/2024-03-02/linear/email", 1.0);
    hand.put("1/2024-03-02/linear/display", 0.5);
    hand.put("1/2024-03-02/linear/search", 0.5);
    hand.put("1/2024-03-02/markov/email", 0.8);
    hand.put("1/2024-03-02/markov/search", 0.8);
    hand.put("1/2024-03-02/markov/display", 0.4);
    hand.put("2/2024-03-02/markov/search", 12.0 / 17);
    hand.put("2/2024-03-02/markov/email", 12.0 / 17);
    hand.put("2/2024-03-02/markov/social", 6.0 / 17);
    hand.put("2/2024-03-02/markov/display", 4.0 / 17);
    hand.put("2/2024-03-02/linear/email", 1.0);
    hand.put("2/2024-03-02/linear/display", 0.5);
    hand.put("2/2024-03-02/linear/search", 0.5);
    Map<String, Double> got = new HashMap<>();
    for (int fit : new int[] {1, 2}) {
      LocalDate from = LocalDate.of(2024, 3, fit);
      Path out = dir.resolve("range-" + fit);
      JobConfig c = JobConfig.ofEvents(DATE, events, out.toString());
      AttributionJob.run(SharedSpark.get(), new JobConfig(c.runDate(), c.events(), null, null, null, null,
          c.mapping(), c.timezone(), c.pathSeparator(), c.models().with("models", "linear,markov"), null, null,
          c.output(), c.format(), c.maxRejectedShare(),
          io.tributary.core.window.RunWindow.dates(from, LocalDate.of(2024, 3, 2), fit)));
      for (Row r : SharedSpark.get().read().format("delta").load(out.resolve("channel_credit").toString())
          .collectAsList()) {
        got.put("job/" + fit + "/" + r.getAs("run_date") + "/" + r.getAs("model") + "/" + r.getAs("channel"),
            r.getAs("attributed_conversions"));
      }
      ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = io.tributary.cli.Main.run(new PrintStream(cliOut, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), "attribute", "--events", events, "--models",
          "linear,markov", "--from", from.toString(), "--to", "2024-03-02", "--fit-window", fit + "d", "--format",
          "csv", "--output", "-", "--quiet");
      assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
      List<String> lines = cliOut.toString(StandardCharsets.UTF_8).lines().toList();
      List<String> header = List.of(lines.get(0).split(","));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        got.put("cli/" + fit + "/" + f[header.indexOf("run_date")] + "/" + f[header.indexOf("model")] + "/"
            + f[header.indexOf("channel")], Double.parseDouble(f[header.indexOf("attributed_conversions")]));
      }
      Row fitRow = SharedSpark.get().read().format("delta").load(out.resolve("model_fit").toString())
          .filter("run_date = DATE'2024-03-02'").first();
      assertEquals(LocalDate.of(2024, 3, 3 - fit), fitRow.<java.sql.Date>getAs("fit_first_date").toLocalDate());
      assertEquals(fit == 1 ? 3L : 5L, (long) fitRow.getAs("fit_journeys"));
      assertEquals(fit == 1 ? 2L : 3L, (long) fitRow.getAs("fit_conversions"));
      assertEquals(1L, (long) fitRow.getAs("markov_order"));
    }
    int credited = 0;
    for (Map.Entry<String, Double> e : got.entrySet()) {
      String key = e.getKey().substring(e.getKey().indexOf('/') + 1);
      close(hand.getOrDefault(key, 0.0), e.getValue(), e.getKey());
      credited += e.getValue() != 0 ? 1 : 0;
    }
    // Every credited (fit, date, model, channel) of the hand list, in both engines.
    assertEquals(2 * hand.size(), credited, got.keySet().toString());
  }

  /**
   * Lifetime value by channel (--clv) on the sample data: the job's channel_lifetime_value and the lifetime columns of
   * its conversion_kpis equal the CLI's; against truth that does not come from our code, first_touch's new customers
   * per channel are the customers the sample generator made each channel acquire (truth.csv), and under every model
   * the channels' credited customers and lifetime value add up to all buyers and their total lifetime value. A second
   * run of the same log a year later has lifetime value per customer unchanged: change 0 against the first. Both
   * engines draw the same bootstrap replicates (--bootstrap 20), so the intervals are equal too.
   */
  @Test
  void lifetimeValue_sampleData_jobEqualsCliAndTheGeneratorsTruth() throws java.io.IOException {
    Path sample = Path.of("..", "sample-data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.exists(sample.resolve("events.csv")), "sample-data/events.csv is absent: skipped");
    String models = "first_touch,linear,time_decay,markov";
    String events = sample.resolve("events.csv").toString();
    String spend = sample.resolve("spend.csv").toString();
    String ids = sample.resolve("identities.csv").toString();
    String consent = sample.resolve("consent.csv").toString();
    Path out = dir.resolve("clv-out");
    JobConfig c = JobConfig.ofEvents(DATE, events, out.toString()).withSideInputs(spend, ids, consent);
    JobConfig cfg = new JobConfig(c.runDate(), c.events(), null, c.spend(), c.identities(), c.consent(), c.mapping(),
        c.timezone(), c.pathSeparator(), c.models().with("models", models).with("bootstrap", "20"), null, null,
        c.output(), c.format(),
        c.maxRejectedShare()).withLifetime(io.tributary.core.clv.ClvOptions.defaults());
    AttributionJob.run(SharedSpark.get(), cfg);
    Map<String, Row> job = new HashMap<>();
    SharedSpark.get().read().format("delta").load(out.resolve("channel_lifetime_value").toString()).collectAsList()
        .forEach(r -> job.put(r.getAs("model") + "/" + r.getAs("channel"), r));
    Row kpis = SharedSpark.get().read().format("delta").load(out.resolve("conversion_kpis").toString()).first();

    Path cliOut = dir.resolve("clv-cli");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = io.tributary.cli.Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "attribute", "--events", events, "--spend", spend,
        "--identities", ids, "--consent", consent, "--clv", "--models", models, "--bootstrap", "20", "--format", "csv",
        "--output", cliOut + "/", "-q");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    List<String> lines = Files.readAllLines(cliOut.resolve("channel_lifetime_value.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    assertEquals(job.size(), lines.size() - 1, "rows of channel_lifetime_value: job " + job.keySet());
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      String key = f[header.indexOf("model")] + "/" + f[header.indexOf("channel")];
      Row r = job.get(key);
      assertNotNull(r, "CLI row " + key + " is not in the job's output");
      for (String col : List.of("new_customers", "lifetime_value", "lifetime_value_per_customer", "spend", "roas",
          "ltv_roas", "ci_low", "ci_high")) {
        String cell = f[header.indexOf(col)];
        close(cell.isEmpty() ? null : Double.valueOf(cell), r.getAs(col), key + " " + col + " (CLI)");
      }
    }
    List<String> kpiLines = Files.readAllLines(cliOut.resolve("conversion_kpis.csv"));
    List<String> kpiHeader = List.of(kpiLines.get(0).split(","));
    String[] kpiCells = kpiLines.get(1).split(",", -1);
    for (String col : List.of("lifetime_value_customers", "lifetime_value_total", "lifetime_value_per_customer")) {
      close(Double.valueOf(kpiCells[kpiHeader.indexOf(col)]), kpis.getAs(col), col + " (CLI)");
    }

    long buyers = kpis.<Long>getAs("lifetime_value_customers");
    double total = kpis.<Double>getAs("lifetime_value_total");
    long acquired = 0;
    List<String> truth = Files.readAllLines(sample.resolve("truth.csv"));
    List<String> truthHeader = List.of(truth.get(0).split(","));
    for (String line : truth.subList(1, truth.size())) {
      String[] f = line.split(",", -1);
      long n = Long.parseLong(f[truthHeader.indexOf("acquired_customers")]);
      Row r = job.get("first_touch/" + f[truthHeader.indexOf("channel")]);
      assertNotNull(r, "first_touch row of " + f[0]);
      close((double) n, r.getAs("new_customers"), f[0] + ": customers the generator made it acquire");
      acquired += n;
    }
    assertEquals(acquired, buyers, "every buyer was acquired by a touch (truth.csv)");
    for (String model : models.split(",")) {
      double customers = 0;
      double value = 0;
      for (Map.Entry<String, Row> e : job.entrySet()) {
        if (e.getKey().startsWith(model + "/")) {
          customers += e.getValue().<Double>getAs("new_customers");
          value += e.getValue().<Double>getAs("lifetime_value");
        }
      }
      assertEquals(buyers, customers, 1e-6, model + ": credited customers add up to every buyer");
      assertEquals(total, value, 1e-9 * total, model + ": credited lifetime value adds up to the total");
    }
    assertTrue(!List.of(kpis.schema().fieldNames()).contains("lifetime_value_per_customer_change"),
        "no partition a year earlier: no change column yet");

    AttributionJob.run(SharedSpark.get(), cfg.withRunDate(DATE.plusYears(1)));
    Row later = SharedSpark.get().read().format("delta").load(out.resolve("conversion_kpis").toString())
        .where("run_date = DATE'" + DATE.plusYears(1) + "'").first();
    assertEquals(0.0, later.<Double>getAs("lifetime_value_per_customer_change"), 0.0,
        "the same buyers a year later: lifetime value per customer unchanged");
  }

  private void compare(String events, String spend, String ids, String consent) {
    JobConfig cfg = JobConfig.ofEvents(DATE, events, dir.resolve("out").toString())
        .withSideInputs(spend, ids, consent);
    AttributionJob.run(SharedSpark.get(), cfg);
    AttributionReport expected = CoreReference.compute(events, spend, ids, consent,
        cfg.models().resolve(Set.of(Requirement.TIMESTAMPS)), cfg.models());

    List<Row> credit = SharedSpark.get().read().format("delta").load(dir.resolve("out/channel_credit").toString())
        .collectAsList();
    assertEquals(expected.channelCredit().size(), credit.size());
    Map<String, Row> byKey = new HashMap<>();
    credit.forEach(r -> byKey.put(r.getAs("model") + "/" + r.getAs("channel"), r));
    for (ChannelCreditRow e : expected.channelCredit()) {
      Row r = byKey.get(e.model() + "/" + e.channel());
      assertNotNull(r, e.model() + "/" + e.channel());
      close(e.attributedConversions(), r.getAs("attributed_conversions"), e + " conversions");
      close(e.attributedValue(), r.getAs("attributed_value"), e + " value");
      close(e.share(), r.getAs("share"), e + " share");
      close(e.spend(), r.getAs("spend"), e + " spend");
      close(e.roas(), r.getAs("roas"), e + " roas");
      close(e.roi(), r.getAs("roi"), e + " roi");
      close(e.cpa(), r.getAs("cpa"), e + " cpa");
    }
    checkMarkovTables(byKey);
    Row k = SharedSpark.get().read().format("delta").load(dir.resolve("out/conversion_kpis").toString()).first();
    ConversionKpis x = expected.kpis();
    assertEquals(x.journeys(), (long) k.getAs("journeys"));
    assertEquals(x.convertingJourneys(), (long) k.getAs("converting_journeys"));
    assertEquals(x.multiChannelJourneys(), (long) k.getAs("multi_channel_journeys"));
    close(x.totalValue(), k.getAs("total_value"), "total_value");
    close(x.conversionRate(), k.getAs("conversion_rate"), "conversion_rate");
    close(x.crossChannelConversionRate(), k.getAs("cross_channel_conversion_rate"), "cross");
    close(x.singleChannelConversionRate(), k.getAs("single_channel_conversion_rate"), "single");
    close(x.multiChannelConversionShare(), k.getAs("multi_channel_conversion_share"), "share");
    close(x.avgTouchesToConversion(), k.getAs("avg_touches_to_conversion"), "touches");
    close(x.avgDaysToConversion(), k.getAs("avg_days_to_conversion"), "days");
    close(x.totalSpend(), k.getAs("total_spend"), "spend");
    close(x.omnichannelRoi(), k.getAs("omnichannel_roi"), "roi");

    compareWithCli(events, spend, ids, consent, byKey);
  }

  /** The CLI's {@code --format csv --output -} is SPEC's channel_credit without run_date. */
  private static void compareWithCli(String events, String spend, String ids, String consent,
      Map<String, Row> byKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = io.tributary.cli.Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "attribute", "--events", events, "--spend", spend,
        "--identities", ids, "--consent", consent, "--format", "csv", "--output", "-", "--quiet");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    assertEquals(byKey.size(), lines.size() - 1, "rows of the CLI's channel_credit");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      String key = f[header.indexOf("model")] + "/" + f[header.indexOf("channel")];
      Row r = byKey.get(key);
      assertNotNull(r, "CLI row " + key + " is not in the job's output");
      for (String col : List.of("attributed_conversions", "attributed_value", "share", "spend", "roas", "roi",
          "cpa")) {
        String cell = f[header.indexOf(col)];
        close(cell.isEmpty() ? null : Double.valueOf(cell), r.getAs(col), key + " " + col + " (CLI)");
      }
    }
  }

  private static void close(Double expected, Object actual, String what) {
    if (expected == null) {
      assertEquals(null, actual, what);
      return;
    }
    assertNotNull(actual, what);
    double a = ((Number) actual).doubleValue();
    assertTrue(Math.abs(expected - a) <= EPS * Math.max(1, Math.abs(expected)),
        what + ": expected " + expected + ", got " + a);
  }

  /*
   * The chain's tables against the markov credit by SPEC's definition: each channel's credit is the converting
   * journeys' total × RE/ΣRE, and every state's outgoing probabilities sum to 1.
   */
  private void checkMarkovTables(Map<String, Row> credit) {
    List<Row> effects = SharedSpark.get().read().format("delta").load(dir.resolve("out/removal_effects").toString())
        .collectAsList();
    assertTrue(effects.size() >= 2, "removal_effects has a row per channel");
    double sumEffects = 0;
    double total = 0;
    for (Row r : effects) {
      sumEffects += r.<Double>getAs("removal_effect");
      total += credit.get("markov/" + r.getAs("channel")).<Double>getAs("attributed_conversions");
    }
    for (Row r : effects) {
      close(total * r.<Double>getAs("removal_effect") / sumEffects,
          credit.get("markov/" + r.getAs("channel")).getAs("attributed_conversions"), "markov credit of "
              + r.getAs("channel") + " from its removal effect");
    }
    Map<String, Double> outgoing = new HashMap<>();
    SharedSpark.get().read().format("delta").load(dir.resolve("out/markov_transitions").toString()).collectAsList()
        .forEach(r -> outgoing.merge(r.getAs("from_state"), r.<Double>getAs("probability"), Double::sum));
    assertTrue(outgoing.containsKey("(start)"), "transitions leave (start)");
    outgoing.forEach((state, p) -> assertEquals(1.0, p, 1e-9, "probabilities out of " + state));
  }
}
