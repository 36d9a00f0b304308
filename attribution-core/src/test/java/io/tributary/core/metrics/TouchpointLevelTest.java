package io.tributary.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.InputException;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.EventSink;
import io.tributary.core.input.Header;
import io.tributary.core.input.SpendRowParser;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import io.tributary.core.options.RunOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code --touchpoint}: the key of a touch, credit and spend per campaign, and the channel roll-up.
 *
 * <pre>
 * The worked example (lookback 30 days; campaign in brackets, [] for none):
 *   a: search[brand] d1, email[spring] d2, conversion-only row d3 worth 100
 *   b: search[generic] d1 that also converts, worth 50
 *   c: email[] d1, email[spring] d2, conversion-only row d4 worth 30
 * Spend: search/brand 20, search/generic 10, search (no campaign) 5, email/spring 15, email (no campaign) 3.
 *
 * channel/campaign, linear: a → search/brand 0.5 (50), email/spring 0.5 (50); b → search/generic 1 (50);
 *   c → email/(none) 0.5 (15), email/spring 0.5 (15).
 *   email/(none) 0.5 / 15, no spend listed for it: spend, ROAS, ROI and CPA null;
 *   email/spring 1 / 65, spend 15: ROAS 65/15, ROI 50/15, CPA 15;
 *   search/brand 0.5 / 50, spend 20: ROAS 2.5, ROI 1.5, CPA 40;  search/generic 1 / 50, spend 10: ROAS 5, CPA 10.
 * first_touch: email/(none) 1 / 30, email/spring 0 / 0, search/brand 1 / 100, search/generic 1 / 50.
 * channel_rollup, linear: email 1.5 / 80 with spend 18 (15 + 3), search 1.5 / 100 with spend 35 (20 + 10 + 5):
 *   the channel-level run's numbers (a: search 0.5, email 0.5; b: search 1; c: email 1 / 30).
 * KPIs: c's journey has two campaigns of one channel: single-channel. Multi-channel journeys 1 (a), as at channel
 *   level (a key-level count would say 2).
 * campaign level, linear: (none) 0.5 / 15, brand 0.5 / 50, generic 1 / 50, spring 1 / 65, channel column (all);
 *   spring's spend is the spend naming it over every channel (15).
 * </pre>
 */
class TouchpointLevelTest {
  private static final String EVENTS = String.join("\n",
      "customer_id,timestamp,channel,conversion,conversion_value,event_type,campaign",
      "a,2024-03-01T00:00:00Z,search,0,,touch,brand",
      "a,2024-03-02T00:00:00Z,email,0,,touch,spring",
      "a,2024-03-03T00:00:00Z,,1,100,conversion,",
      "b,2024-03-01T00:00:00Z,search,1,50,touch,generic",
      "c,2024-03-01T00:00:00Z,email,0,,touch,",
      "c,2024-03-02T00:00:00Z,email,0,,touch,spring",
      "c,2024-03-04T00:00:00Z,,1,30,conversion,",
      "");
  private static final String SPEND = String.join("\n",
      "date,channel,spend,campaign",
      "2024-03-01,search,20,brand",
      "2024-03-01,search,10,generic",
      "2024-03-01,search,5,",
      "2024-03-01,email,15,spring",
      "2024-03-01,email,3,",
      "");

  private static final List<AttributionModel> ALL_MODELS =
      RunOptions.defaults().resolve(EnumSet.allOf(Requirement.class));

  // ---------------------------------------------------------------- the key

  @Test
  void key_namesWithSlashesAndSeparators_neverCollideAndReadBack() {
    TouchpointLevel l = TouchpointLevel.CHANNEL_CAMPAIGN;
    assertNotEquals(l.key("a/b", "c"), l.key("a", "b/c"));
    assertNotEquals(l.key("a>b", "c"), l.key("a", ">b>c"));
    String k = l.key("paid/social", "spring/sale");
    assertEquals("paid/social", TouchpointLevel.channelOf(k));
    assertEquals("spring/sale", TouchpointLevel.campaignOf(k));
    assertEquals("paid/social/spring/sale", TouchpointLevel.display(k));
    assertEquals(TouchpointLevel.NO_CAMPAIGN, TouchpointLevel.campaignOf(l.key("email", "")));
    String c = TouchpointLevel.CAMPAIGN.key("email", "spring");
    assertEquals(TouchpointLevel.ALL_CHANNELS, TouchpointLevel.channelOf(c));
    assertEquals("spring", TouchpointLevel.campaignOf(c));
    assertNotEquals(c, l.key("(all)", "spring"));
    assertEquals("email", TouchpointLevel.CHANNEL.key("email", "spring"));
    assertNull(TouchpointLevel.campaignOf("email"));
  }

  /* Brute force over names of the characters most likely to confuse a concatenation: one key per pair, pair order. */
  @Test
  void key_everyPairOfShortNames_injectiveAndOrderedAsPairs() {
    String alphabet = "a/-( >";
    List<String> names = new ArrayList<>();
    for (char x : alphabet.toCharArray()) {
      names.add(String.valueOf(x));
      for (char y : alphabet.toCharArray()) {
        names.add("" + x + y);
      }
    }
    Map<String, String[]> seen = new TreeMap<>();
    for (String ch : names) {
      for (String cp : names) {
        String k = TouchpointLevel.CHANNEL_CAMPAIGN.key(ch, cp);
        String[] before = seen.put(k, new String[] {ch, cp});
        assertNull(before, () -> "two pairs make the key of " + ch + " / " + cp);
        assertEquals(ch, TouchpointLevel.channelOf(k));
        assertEquals(cp, TouchpointLevel.campaignOf(k));
      }
    }
    String[] previous = null;
    for (String[] pair : seen.values()) {
      if (previous != null) {
        int c = previous[0].compareTo(pair[0]);
        assertTrue(c < 0 || (c == 0 && previous[1].compareTo(pair[1]) < 0),
            () -> "key order is not pair order");
      }
      previous = pair;
    }
  }

  @Test
  void parse_levels_readAndRefused() {
    assertEquals(TouchpointLevel.CHANNEL_CAMPAIGN, TouchpointLevel.parse(" Channel/Campaign "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TouchpointLevel.parse("ad"));
    assertEquals("expected channel, campaign or channel/campaign, got \"ad\"", e.getMessage());
    assertEquals("--touchpoint: expected channel, campaign or channel/campaign, got \"ad\"",
        assertThrows(RuntimeException.class, () -> RunOptions.defaults().with("touchpoint", "ad")).getMessage());
  }

  // ---------------------------------------------------------------- rows

  @Test
  void parser_campaignLevelWithoutCampaignColumn_refusedOnTheHeader() {
    String log = "customer_id,timestamp,channel\na,2024-03-01T00:00:00Z,search\n";
    InputException e = assertThrows(InputException.class,
        () -> events(log, TouchpointLevel.CHANNEL_CAMPAIGN, false));
    assertEquals("events.csv:1: column campaign: --touchpoint channel/campaign needs a campaign column; the header "
        + "has none", e.getMessage());
    assertEquals(1, events(log, TouchpointLevel.CHANNEL, false).size());
  }

  @Test
  void parser_campaignWithPathSeparator_rejectedOnlyWhereCampaignsAreRead() {
    String log = "customer_id,timestamp,channel,campaign\na,2024-03-01T00:00:00Z,search,x>y\n";
    for (boolean bytes : new boolean[] {false, true}) {
      InputException e = assertThrows(InputException.class,
          () -> events(log, TouchpointLevel.CAMPAIGN, bytes));
      assertEquals("events.csv:2: column campaign: campaign name \"x>y\" contains the path separator '>'",
          e.getMessage());
      assertEquals("search", events(log, TouchpointLevel.CHANNEL, bytes).get(0).channel());
    }
  }

  /* The byte path (plain rows) and the text path make the same keys at every level. */
  @Test
  void parser_bytePathAndTextPath_sameEvents() {
    String log = randomLog(new SplittableRandom(3), 300);
    for (TouchpointLevel level : TouchpointLevel.values()) {
      assertEquals(events(log, level, false), events(log, level, true), level.text());
    }
  }

  // ---------------------------------------------------------------- the worked example

  @Test
  void campaignLevel_workedExample_creditAndRoas() {
    AttributionReport r = report(EVENTS, SPEND, TouchpointLevel.CHANNEL_CAMPAIGN, ALL_MODELS);
    Map<String, ChannelCreditRow> linear = rows(r.channelCredit(), "linear");
    assertEquals(List.of("email/(none)", "email/spring", "search/brand", "search/generic"),
        List.copyOf(linear.keySet()));
    ChannelCreditRow none = linear.get("email/(none)");
    assertEquals("email", none.channel());
    assertEquals("(none)", none.campaign());
    assertEquals(0.5, none.attributedConversions());
    assertEquals(15.0, none.attributedValue());
    assertNull(none.spend());
    assertNull(none.roas());
    ChannelCreditRow spring = linear.get("email/spring");
    assertEquals(1.0, spring.attributedConversions());
    assertEquals(65.0, spring.attributedValue());
    assertEquals(15.0, spring.spend());
    assertEquals(65.0 / 15, spring.roas(), 1e-12);
    assertEquals(50.0 / 15, spring.roi(), 1e-12);
    assertEquals(15.0, spring.cpa(), 1e-12);
    ChannelCreditRow brand = linear.get("search/brand");
    assertEquals(0.5, brand.attributedConversions());
    assertEquals(2.5, brand.roas(), 1e-12);
    assertEquals(1.5, brand.roi(), 1e-12);
    assertEquals(40.0, brand.cpa(), 1e-12);
    assertEquals(5.0, linear.get("search/generic").roas(), 1e-12);
    assertEquals(10.0, linear.get("search/generic").cpa(), 1e-12);

    Map<String, ChannelCreditRow> first = rows(r.channelCredit(), "first_touch");
    assertEquals(1.0, first.get("email/(none)").attributedConversions());
    assertEquals(30.0, first.get("email/(none)").attributedValue());
    assertEquals(0.0, first.get("email/spring").attributedConversions());
    assertEquals(100.0, first.get("search/brand").attributedValue());

    Map<String, ChannelCreditRow> rollup = rows(r.channelRollup(), "linear");
    assertEquals(1.5, rollup.get("email").attributedConversions());
    assertEquals(80.0, rollup.get("email").attributedValue());
    assertEquals(18.0, rollup.get("email").spend());
    assertEquals(80.0 / 18, rollup.get("email").roas(), 1e-12);
    assertEquals(100.0, rollup.get("search").attributedValue());
    assertEquals(35.0, rollup.get("search").spend());
    assertNull(rollup.get("search").campaign());

    assertEquals(1, r.kpis().multiChannelJourneys());
    assertEquals(53.0, r.kpis().totalSpend());
  }

  @Test
  void campaignOnlyLevel_workedExample_creditAndSpendPerCampaign() {
    AttributionReport r = report(EVENTS, SPEND, TouchpointLevel.CAMPAIGN, ALL_MODELS);
    Map<String, ChannelCreditRow> linear = rows(r.channelCredit(), "linear");
    assertEquals(List.of("(none)", "brand", "generic", "spring"), List.copyOf(linear.keySet()));
    for (ChannelCreditRow row : linear.values()) {
      assertEquals("(all)", row.channel());
    }
    assertEquals(65.0, linear.get("spring").attributedValue());
    assertEquals(15.0, linear.get("spring").spend());
    assertEquals(50.0, linear.get("generic").attributedValue());
    assertTrue(r.channelRollup().isEmpty());
  }

  // ---------------------------------------------------------------- the roll-up invariant

  @Test
  void rollup_workedExample_ruleModelsEqualTheChannelLevelRun() {
    assertRollupEqualsChannelRun(EVENTS, SPEND);
  }

  /*
   * Random logs built to trip a roll-up: timestamps from a handful of values (ties between touches of one channel and
   * different campaigns, and between conversions with different campaigns, order ids and values), names with "/",
   * "-" and "(", duplicate order ids, conversion-only rows naming a channel and a campaign.
   */
  @Test
  void rollup_randomLogsWithTies_ruleModelsEqualTheChannelLevelRun() {
    SplittableRandom rnd = new SplittableRandom(14);
    for (int round = 0; round < 30; round++) {
      assertRollupEqualsChannelRun(randomLog(rnd, 200), randomSpend(rnd));
    }
  }

  @Test
  void rollup_sampleData_ruleModelsEqualTheChannelLevelRun() throws IOException {
    String log = Files.readString(Path.of("..", "sample-data", "events.csv"), StandardCharsets.UTF_8);
    String spend = "date,channel,spend,campaign\n2024-01-01,email,100,em_cart_reminder\n2024-01-01,email,50,\n"
        + "2024-01-01,display,70,di_prospecting\n";
    assertRollupEqualsChannelRun(log, spend);
  }

  /* Data-driven models: fitted per campaign, their roll-up is the sum of their campaign rows. */
  @Test
  void rollup_dataDrivenModels_sumOfTheirCampaignRows() {
    String log = randomLog(new SplittableRandom(5), 400);
    AttributionReport r = report(log, SPEND, TouchpointLevel.CHANNEL_CAMPAIGN, ALL_MODELS);
    for (AttributionModel m : ALL_MODELS) {
      if (m.rule()) {
        continue;
      }
      Map<String, double[]> sums = new TreeMap<>();
      for (ChannelCreditRow row : r.channelCredit()) {
        if (row.model().equals(m.name()) && row.campaign() != null) {
          double[] s = sums.computeIfAbsent(row.channel(), k -> new double[2]);
          s[0] += row.attributedConversions();
          s[1] += row.attributedValue();
        }
      }
      for (ChannelCreditRow row : r.channelRollup()) {
        if (row.model().equals(m.name()) && sums.containsKey(row.channel())) {
          assertEquals(sums.get(row.channel())[0], row.attributedConversions(), 1e-9, m.name());
          assertEquals(sums.get(row.channel())[1], row.attributedValue(), 1e-9, m.name());
        }
      }
    }
  }

  private static void assertRollupEqualsChannelRun(String log, String spend) {
    AttributionReport channels = report(log, spend, TouchpointLevel.CHANNEL, ALL_MODELS);
    AttributionReport campaigns = report(log, spend, TouchpointLevel.CHANNEL_CAMPAIGN, ALL_MODELS);
    assertFalse(campaigns.channelRollup().isEmpty());
    int compared = 0;
    for (AttributionModel m : ALL_MODELS) {
      if (!m.rule()) {
        continue;
      }
      List<ChannelCreditRow> expected = channels.channelCredit().stream()
          .filter(row -> row.model().equals(m.name())).toList();
      List<ChannelCreditRow> rolled = campaigns.channelRollup().stream()
          .filter(row -> row.model().equals(m.name())).toList();
      // Whole rows, doubles compared bit for bit: credit, value, share, spend, ROAS, ROI, CPA.
      assertEquals(expected, rolled, m.name());
      compared++;
    }
    assertEquals(6, compared);
    assertEquals(channels.kpis(), campaigns.kpis());
  }

  /* Thousands of campaigns: rule models and Shapley run; markov is refused beyond its limit, in one line. */
  @Test
  void manyCampaigns_markovBeyondItsLimit_refusedWithAMessage() {
    StringBuilder log = new StringBuilder("customer_id,timestamp,channel,conversion,conversion_value,campaign\n");
    int n = AttributionReport.MAX_MARKOV_TOUCHPOINTS + 1;
    for (int i = 0; i < n; i++) {
      log.append('c').append(i).append(",2024-03-01T00:00:00Z,email,0,,k").append(i).append('\n');
      log.append('c').append(i).append(",2024-03-02T00:00:00Z,search,").append(i % 3 == 0 ? "1,10" : "0,")
          .append(",k").append(i).append('\n');
    }
    String noSpend = "date,channel,spend\n";
    List<AttributionModel> markov = RunOptions.defaults().with("models", "markov")
        .resolve(EnumSet.allOf(Requirement.class));
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> report(log.toString(), noSpend, TouchpointLevel.CAMPAIGN, markov));
    assertEquals("--touchpoint: markov: 2,001 touchpoints at campaign level, more than the 2,000 markov is fitted on "
        + "(its removal effects solve the chain once per touchpoint); leave markov out (--models) or fit it at "
        + "channel level", e.getMessage());
    List<AttributionModel> others = RunOptions.defaults().with("models", "linear,shapley,time_decay")
        .resolve(EnumSet.allOf(Requirement.class));
    AttributionReport r = report(log.toString(), noSpend, TouchpointLevel.CHANNEL_CAMPAIGN, others);
    assertEquals(3 * 2 * n, r.channelCredit().size(), "email/k and search/k per campaign, per model");
    assertEquals(1, report(log.toString(), noSpend, TouchpointLevel.CHANNEL, markov).channelCredit().stream()
        .filter(x -> x.channel().equals("email")).count(), "no limit at channel level");
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, ChannelCreditRow> rows(List<ChannelCreditRow> rows, String model) {
    Map<String, ChannelCreditRow> out = new LinkedHashMap<>();
    for (ChannelCreditRow r : rows) {
      if (r.model().equals(model)) {
        out.put(r.touchpoint(), r);
      }
    }
    return out;
  }

  static AttributionReport report(String log, String spendCsv, TouchpointLevel level,
      List<AttributionModel> models) {
    Map<String, List<Event>> byCustomer = new LinkedHashMap<>();
    for (Event e : events(log, level, true)) {
      byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
    }
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    byCustomer.values().forEach(b::addCustomer);
    return AttributionReport.compute(b.build(), models, spend(spendCsv, level),
        RunOptions.defaults().modelOptions(), level);
  }

  static SpendTable spend(String csv, TouchpointLevel level) {
    try (CsvRecords r = CsvRecords.open("spend.csv", stream(csv), ',', Long.MAX_VALUE)) {
      SpendRowParser p = new SpendRowParser(SpendRowParser.header("spend.csv", r.header(), ColumnMapping.none()),
          ColumnMapping.none(), level);
      SpendTable.Builder t = SpendTable.builder();
      while (r.next()) {
        SpendRowParser.Row row = p.parse(r);
        t.add(row.channel(), row.campaign(), row.spend());
      }
      return t.build();
    }
  }

  /** The log's events as an engine gets them: through the byte path where rows are plain, or all as text. */
  static List<Event> events(String log, TouchpointLevel level, boolean bytePath) {
    List<Event> out = new ArrayList<>();
    EventSink sink = new EventSink() {
      @Override
      public void add(byte[] b, int cf, int ct, long time, int chf, int cht, boolean touch, boolean conversion,
          BigDecimal value, String orderId) {
        out.add(new Event(new String(b, cf, ct - cf, StandardCharsets.UTF_8), time,
            chf < 0 ? null : new String(b, chf, cht - chf, StandardCharsets.UTF_8), touch, conversion,
            value == null || !conversion ? BigDecimal.ZERO : value, orderId));
      }

      @Override
      public void add(Event e) {
        out.add(e);
      }
    };
    try (CsvRecords r = CsvRecords.open("events.csv", stream(log), ',', Long.MAX_VALUE)) {
      Header h = EventRowParser.header("events.csv", r.header(), ColumnMapping.none());
      EventRowParser p = new EventRowParser(h, ColumnMapping.none(), ZoneId.of("UTC"), level);
      while (r.next()) {
        if (bytePath) {
          p.parse(r, sink);
        } else {
          out.add(p.parse(r));
        }
      }
    }
    return out;
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  static String randomLog(SplittableRandom rnd, int customers) {
    String[] channels = {"search", "search-x", "search/x", "direct", "(e)mail"};
    String[] campaigns = {"", "a", "a/b", "(none)", "b-c"};
    StringBuilder sb = new StringBuilder("customer_id,timestamp,channel,conversion,conversion_value,event_type,"
        + "campaign,order_id\n");
    for (int c = 0; c < customers; c++) {
      int events = 1 + rnd.nextInt(8);
      for (int e = 0; e < events; e++) {
        // Few distinct times: many ties, some beyond the 30-day lookback.
        long day = 1 + rnd.nextInt(4) * (rnd.nextInt(5) == 0 ? 20 : 1);
        String time = String.format(Locale.ROOT, "2024-03-%02dT00:00:00Z", Math.min(day, 28));
        String channel = channels[rnd.nextInt(channels.length)];
        String campaign = campaigns[rnd.nextInt(campaigns.length)];
        int kind = rnd.nextInt(10);
        String order = rnd.nextInt(3) == 0 ? "o" + rnd.nextInt(3) : "";
        String value = (1 + rnd.nextInt(50)) + "." + rnd.nextInt(100);
        if (kind < 6) {
          sb.append("c").append(c).append(',').append(time).append(',').append(channel).append(",0,,touch,")
              .append(campaign).append(",\n");
        } else if (kind < 8) {
          sb.append("c").append(c).append(',').append(time).append(',').append(channel).append(",1,").append(value)
              .append(",touch,").append(campaign).append(',').append(order).append('\n');
        } else {
          // A conversion-only row; half of them name a channel and a campaign (used for tie order only).
          boolean named = rnd.nextBoolean();
          sb.append("c").append(c).append(',').append(time).append(',').append(named ? channel : "").append(",1,")
              .append(value).append(",conversion,").append(named ? campaign : "").append(',').append(order)
              .append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static String randomSpend(SplittableRandom rnd) {
    String[] channels = {"search", "search/x", "direct", "tv"};
    String[] campaigns = {"", "a", "a/b", "zz"};
    StringBuilder sb = new StringBuilder("date,channel,spend,campaign\n");
    for (int i = 0; i < 8; i++) {
      sb.append("2024-03-01,").append(channels[rnd.nextInt(channels.length)]).append(',')
          .append(rnd.nextInt(100)).append('.').append(rnd.nextInt(10)).append(',')
          .append(campaigns[rnd.nextInt(campaigns.length)]).append('\n');
    }
    return sb.toString();
  }
}
