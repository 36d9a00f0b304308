package io.tributary.cli;

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

/**
 * {@code tributary attribute --touchpoint}: the campaign column, the channel roll-up table, spend per campaign and the
 * refusals, on the worked example of the core's {@code TouchpointLevelTest} (numbers worked out there by hand).
 */
class TouchpointCliTest {
  static final String EVENTS = String.join("\n",
      "customer_id,timestamp,channel,conversion,conversion_value,event_type,campaign",
      "a,2024-03-01T00:00:00Z,search,0,,touch,brand",
      "a,2024-03-02T00:00:00Z,email,0,,touch,spring",
      "a,2024-03-03T00:00:00Z,,1,100,conversion,",
      "b,2024-03-01T00:00:00Z,search,1,50,touch,generic",
      "c,2024-03-01T00:00:00Z,email,0,,touch,",
      "c,2024-03-02T00:00:00Z,email,0,,touch,spring",
      "c,2024-03-04T00:00:00Z,,1,30,conversion,",
      "");
  static final String SPEND = String.join("\n",
      "date,channel,spend,campaign",
      "2024-03-01,search,20,brand",
      "2024-03-01,search,10,generic",
      "2024-03-01,search,5,",
      "2024-03-01,email,15,spring",
      "2024-03-01,email,3,",
      "");

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void attribute_channelCampaign_campaignColumnRollupAndRoas() throws IOException {
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("attribute", "--events", write("events.csv", EVENTS).toString(), "--spend",
        write("spend.csv", SPEND).toString(), "--touchpoint", "channel/campaign", "--models", "linear,markov",
        "--format", "csv", "--output", out.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    List<Map<String, String>> credit = SimpleCsv.read(out.resolve("channel_credit.csv"));
    assertEquals(List.of("model", "channel", "campaign", "attributed_conversions", "attributed_value", "share",
        "spend", "roas", "roi", "cpa"), List.copyOf(credit.get(0).keySet()));
    Map<String, String> spring = row(credit, "linear", "email", "spring");
    assertEquals("1", spring.get("attributed_conversions"));
    assertEquals("65", spring.get("attributed_value"));
    assertEquals("15", spring.get("spend"));
    assertEquals(65.0 / 15, Double.parseDouble(spring.get("roas")), 1e-12);
    Map<String, String> none = row(credit, "linear", "email", "(none)");
    assertEquals("0.5", none.get("attributed_conversions"));
    assertEquals("", none.get("spend"), "channel-level spend stays on the channel's roll-up row");
    assertEquals("40", row(credit, "linear", "search", "brand").get("cpa"));

    List<Map<String, String>> rollup = SimpleCsv.read(out.resolve("channel_rollup.csv"));
    assertEquals(List.of("model", "channel", "attributed_conversions", "attributed_value", "share", "spend", "roas",
        "roi", "cpa"), List.copyOf(rollup.get(0).keySet()));
    Map<String, String> email = SimpleCsv.row(rollup, "linear", "email");
    assertEquals("1.5", email.get("attributed_conversions"));
    assertEquals("80", email.get("attributed_value"));
    assertEquals("18", email.get("spend"));
    assertEquals("35", SimpleCsv.row(rollup, "linear", "search").get("spend"));
    // A BI sum over either table counts each conversion once: 3 conversions, per model.
    for (List<Map<String, String>> table : List.of(credit, rollup)) {
      double sum = table.stream().filter(x -> x.get("model").equals("markov"))
          .mapToDouble(x -> Double.parseDouble(x.get("attributed_conversions"))).sum();
      assertEquals(3, sum, 1e-9);
    }
    assertEquals("53", SimpleCsv.read(out.resolve("conversion_kpis.csv")).get(0).get("total_spend"));
    String paths = Files.readString(out.resolve("path_summary.csv"), StandardCharsets.UTF_8);
    assertTrue(paths.contains("search/brand > email/spring"), paths);
    assertFalse(paths.contains("\u001F"), "the key's separator never reaches an output");
  }

  @Test
  void attribute_channelLevel_noCampaignColumnNoRollup() throws IOException {
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("attribute", "--events", write("events.csv", EVENTS).toString(), "--spend",
        write("spend.csv", SPEND).toString(), "--models", "linear", "--format", "csv", "--output", out.toString(),
        "-q");
    assertEquals(0, r.exit(), r.err());
    assertFalse(SimpleCsv.read(out.resolve("channel_credit.csv")).get(0).containsKey("campaign"));
    assertFalse(Files.exists(out.resolve("channel_rollup.csv")));
    assertEquals("18", SimpleCsv.row(SimpleCsv.read(out.resolve("channel_credit.csv")), "linear", "email")
        .get("spend"));
  }

  @Test
  void attribute_campaignLevel_rowsPerCampaignOverChannels() throws IOException {
    Cli.Result r = Cli.run("attribute", "--events", write("events.csv", EVENTS).toString(), "--spend",
        write("spend.csv", SPEND).toString(), "--touchpoint", "campaign", "--models", "linear", "--format", "csv",
        "-q");
    assertEquals(0, r.exit(), r.err());
    List<Map<String, String>> rows = SimpleCsv.parse(r.out());
    Map<String, String> spring = row(rows, "linear", "(all)", "spring");
    assertEquals("65", spring.get("attributed_value"));
    assertEquals("15", spring.get("spend"));
  }

  @Test
  void attribute_campaignLevelOnPathFile_refusedExit2() throws IOException {
    Path paths = write("paths.csv", "path,total_conversions\nsearch > email,3\n");
    Cli.Result r = Cli.run("attribute", "--paths", paths.toString(), "--touchpoint", "campaign");
    assertEquals(2, r.exit());
    assertEquals("tributary: --touchpoint: campaign needs an event log with a campaign column; a path file has "
        + "channels only\n", r.err());
    Cli.Result bad = Cli.run("attribute", "--paths", paths.toString(), "--touchpoint", "ad");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--touchpoint: expected channel, campaign or channel/campaign, got \"ad\""),
        bad.err());
  }

  @Test
  void attribute_campaignLevelWithoutCampaignColumn_refusedExit2() throws IOException {
    Path events = write("events.csv", "customer_id,timestamp,channel\na,2024-03-01T00:00:00Z,search\n");
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--touchpoint", "channel/campaign");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("events.csv:1: column campaign: --touchpoint channel/campaign needs a campaign "
        + "column; the header has none"), r.err());
  }

  @Test
  void report_channelCampaign_campaignTable() throws IOException {
    Path html = dir.resolve("report.html");
    Cli.Result r = Cli.run("report", "--events", write("events.csv", EVENTS).toString(), "--spend",
        write("spend.csv", SPEND).toString(), "--touchpoint", "channel/campaign", "--models", "first_touch,linear",
        "--output", html.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("<table id=\"campaigns\">"), "campaign table");
    String table = page.substring(page.indexOf("<table id=\"campaigns\">"));
    table = table.substring(0, table.indexOf("</table>"));
    // email/spring: spend 15; first_touch 0 / 0 / ROAS 0; linear 1 / 65 / ROAS 4.33.
    assertTrue(table.contains("<tr><td>email/spring</td><td>15.00</td><td>0.00</td><td>0.00</td><td>0.00</td>"
        + "<td>1.00</td><td>65.00</td><td>4.33</td></tr>"), table);
    // The charts by channel show the roll-up: email and search, not their campaigns.
    String chart = page.substring(page.indexOf("<svg id=\"chart-conversions\""));
    chart = chart.substring(0, chart.indexOf("</svg>"));
    assertTrue(chart.contains("<title>email / linear: 1.50</title>"), chart);
    assertFalse(chart.contains("spring"), chart);
  }

  private static Map<String, String> row(List<Map<String, String>> rows, String model, String channel,
      String campaign) {
    return rows.stream().filter(x -> x.get("model").equals(model) && x.get("channel").equals(channel)
        && x.get("campaign").equals(campaign)).findFirst().orElseThrow(() -> new AssertionError(
            model + " " + channel + "/" + campaign + " not in " + rows));
  }
}
