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
 * (the core run in this JVM on the same files) and the CLI's CSV output.
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
