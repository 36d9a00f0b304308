package io.tributary.core.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.journey.Journey;
import io.tributary.core.journey.Touch;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PositionWeights;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed worked examples, one per rule model. */
class RuleModelsTest {
  private static final double EPS = 1e-12;
  private static final long DAY = 86_400_000L;

  private static PathCounts one(String value, String... channels) {
    return PathCounts.builder().add(Path.of(channels), 1, new BigDecimal(value), 0).build();
  }

  private static void assertCredit(ModelResult r, String channel, double conversions, double value) {
    assertEquals(conversions, r.credit(channel).conversions(), EPS, channel + " conversions");
    assertEquals(value, r.credit(channel).value(), 1e-9, channel + " value");
  }

  @Test
  void positionBased_directOrganicDirect_value140_gives112And28() {
    ModelResult r = new PositionBased(PositionWeights.U).attribute(one("140", "direct", "organic_search", "direct"));
    assertCredit(r, "direct", 0.8, 112);
    assertCredit(r, "organic_search", 0.2, 28);
  }

  @Test
  void positionBased_twoTouches_renormalisesFirstAndLast() {
    assertCredit(new PositionBased(PositionWeights.U).attribute(one("100", "a", "b")), "a", 0.5, 50);
    ModelResult j = new PositionBased(PositionWeights.J).attribute(one("100", "a", "b"));
    assertCredit(j, "a", 0.25, 25);
    assertCredit(j, "b", 0.75, 75);
    ModelResult inv = new PositionBased(PositionWeights.INVERSE_J).attribute(one("100", "a", "b"));
    assertCredit(inv, "a", 0.75, 75);
  }

  @Test
  void positionBased_fiveTouches_middleShareSplitsEqually() {
    // 40 / (20/3 each for b, c, b) / 40: b gets 2 × 6.667 = 13.333 %, c 6.667 %.
    ModelResult r = new PositionBased(PositionWeights.U).attribute(one("300", "a", "b", "c", "b", "d"));
    assertCredit(r, "a", 0.4, 120);
    assertCredit(r, "b", 0.4 / 3, 40);
    assertCredit(r, "c", 0.2 / 3, 20);
    assertCredit(r, "d", 0.4, 120);
  }

  @Test
  void positionBased_singleTouch_getsEverything() {
    assertCredit(new PositionBased(PositionWeights.J).attribute(one("9", "a")), "a", 1, 9);
  }

  @Test
  void positionWeights_parse_presetsPercentagesAndFractions() {
    assertEquals(PositionWeights.U, PositionWeights.parse("u"));
    assertEquals(PositionWeights.INVERSE_J, PositionWeights.parse("inverse-J"));
    PositionWeights p = PositionWeights.parse("30/40/30");
    assertEquals(0.3, p.first(), EPS);
    assertEquals(0.4, p.middle(), EPS);
    assertEquals(0.5, PositionWeights.parse("0.5,0,0.5").first(), EPS);
    assertThrows(IllegalArgumentException.class, () -> PositionWeights.parse("50/50/50"));
    assertThrows(IllegalArgumentException.class, () -> PositionWeights.parse("0/100/0"));
    assertThrows(IllegalArgumentException.class, () -> PositionWeights.parse("x"));
  }

  @Test
  void linear_repeatsCount() {
    // a > b > a: a gets 2/3, b 1/3 (ChannelAttribution's linear_touch).
    ModelResult r = new Linear().attribute(
        PathCounts.builder().add(Path.of("a", "b", "a"), 3, new BigDecimal("30"), 5).build());
    assertCredit(r, "a", 2, 20);
    assertCredit(r, "b", 1, 10);
  }

  @Test
  void firstAndLastTouch_creditTheEnds() {
    PathCounts pc = PathCounts.builder()
        .add(Path.of("a", "b", "c"), 2, new BigDecimal("20"), 0)
        .add(Path.of("c", "a"), 1, new BigDecimal("5"), 7)
        .build();
    ModelResult first = new FirstTouch().attribute(pc);
    assertCredit(first, "a", 2, 20);
    assertCredit(first, "c", 1, 5);
    ModelResult last = new LastTouch().attribute(pc);
    assertCredit(last, "c", 2, 20);
    assertCredit(last, "a", 1, 5);
  }

  @Test
  void lastNonDirect_skipsTrailingDirect_butAllDirectKeepsDirect() {
    PathCounts pc = PathCounts.builder()
        .add(Path.of("email", "direct", "direct"), 2, new BigDecimal("10"), 0)
        .add(Path.of("direct", "direct"), 1, new BigDecimal("4"), 0)
        .add(Path.of("direct", "search", "direct"), 1, new BigDecimal("1"), 0)
        .build();
    ModelResult r = new LastNonDirect("direct").attribute(pc);
    assertCredit(r, "email", 2, 10);
    assertCredit(r, "direct", 1, 4);
    assertCredit(r, "search", 1, 1);
    ModelResult custom = new LastNonDirect("email").attribute(pc);
    assertCredit(custom, "direct", 4, 15);
  }

  @Test
  void lastNonDirect_oneModelOnTablesOfOtherChannels_readsEachTablesDirectTouches() {
    // Id 0 is direct/brand (direct at campaign level) in the first table and affiliate/a in the second: the model
    // keeps which ids are direct per table, so fitting it on one table, then the other, then the first again must
    // give each table's hand-worked credit.
    PathCounts campaigns = PathCounts.builder()
        .add(Path.of(key("email", "e1"), key("direct", "brand")), 3, new BigDecimal("30"), 0)
        .add(Path.of(key("direct", "brand"), key("direct", "(none)")), 1, new BigDecimal("2"), 0)
        .build();
    PathCounts other = PathCounts.builder()
        .add(Path.of(key("search", "s1"), key("affiliate", "a")), 2, new BigDecimal("8"), 0)
        .add(Path.of(key("affiliate", "a"), key("direct", "brand")), 1, new BigDecimal("5"), 0)
        .build();
    LastNonDirect model = new LastNonDirect("direct");
    for (int round = 0; round < 2; round++) {
      ModelResult r = model.attribute(campaigns);
      assertCredit(r, key("email", "e1"), 3, 30);
      assertCredit(r, key("direct", "(none)"), 1, 2); // all direct: the last touch keeps it
      ModelResult o = model.attribute(other);
      assertCredit(o, key("affiliate", "a"), 3, 13);
    }
  }

  private static String key(String channel, String campaign) {
    return channel + io.tributary.core.journey.TouchpointLevel.SEPARATOR + campaign;
  }

  @Test
  void fitTogether_isEachModelsOwnFit_bitForBit() {
    // One pass for five models against each model's own pass: random tables (values of 0-2 decimals, summed as
    // integers), one whose values have 20 decimals (summed as decimals), and one model alone.
    List<PositionalModel> models = List.of(new FirstTouch(), new LastTouch(), new LastNonDirect("c01"), new Linear(),
        new PositionBased(PositionWeights.U));
    List<PathCounts> tables = new java.util.ArrayList<>();
    for (long seed = 1; seed <= 20; seed++) {
      tables.add(io.tributary.core.RandomData.pathCounts(seed, 50 + (int) (seed * 37), 2 + (int) (seed % 6),
          1 + (int) (seed % 9)));
    }
    PathCounts t = tables.get(3);
    BigDecimal[] longValues = new BigDecimal[t.table().size()];
    long[] conv = new long[longValues.length];
    long[] nul = new long[longValues.length];
    for (int p = 0; p < longValues.length; p++) {
      longValues[p] = t.table().value(p).setScale(20);
      conv[p] = t.table().conversions(p);
      nul[p] = t.table().nulls(p);
    }
    PathCounts decimals = t.withStats(conv, longValues, nul);
    org.junit.jupiter.api.Assertions.assertNull(decimals.table().scaledValues());
    tables.add(decimals);
    for (PathCounts table : tables) {
      List<ModelResult> together = TouchWeights.fitTogether(models, table);
      for (int m = 0; m < models.size(); m++) {
        assertEquals(models.get(m).attribute(table), together.get(m), models.get(m).name());
      }
      assertEquals(List.of(models.get(2).attribute(table)), TouchWeights.fitTogether(List.of(models.get(2)), table));
    }
  }

  @Test
  void timeDecay_issueExample_value50_touches0069DaysBefore_halfLife7() {
    long conv = 100 * DAY;
    Journey j = new Journey(List.of(new Touch("a", conv - 9 * DAY), new Touch("b", conv - 6 * DAY),
        new Touch("c", conv), new Touch("d", conv)), true, new BigDecimal("50"), conv);
    double[] w = new TimeDecay(Duration.ofDays(7)).weights(j);
    // 2^(-9/7) = 0.41016, 2^(-6/7) = 0.55204, 1, 1; sum 2.96220; × 50 → 6.92 / 9.32 / 16.88 / 16.88.
    assertEquals(6.92, 50 * w[0], 0.005);
    assertEquals(9.32, 50 * w[1], 0.005);
    assertEquals(16.88, 50 * w[2], 0.005);
    assertEquals(16.88, 50 * w[3], 0.005);
    double sum = 1 + 1 + Math.pow(2, -6.0 / 7) + Math.pow(2, -9.0 / 7);
    assertEquals(Math.pow(2, -9.0 / 7) / sum, w[0], EPS);
  }

  @Test
  void timeDecay_halfLifeToInfinity_tendsToLinear_andToZero_tendsToLastTouch() {
    long conv = 50 * DAY;
    Journey j = new Journey(List.of(new Touch("a", conv - 20 * DAY), new Touch("b", conv - 3 * DAY),
        new Touch("c", conv - DAY)), true, BigDecimal.ONE, conv);
    double[] slow = new TimeDecay(Duration.ofDays(365L * 100_000)).weights(j);
    for (double x : slow) {
      assertEquals(1.0 / 3, x, 1e-6);
    }
    double[] fast = new TimeDecay(Duration.ofMillis(1)).weights(j);
    assertEquals(0, fast[0], EPS);
    assertEquals(0, fast[1], EPS);
    assertEquals(1, fast[2], EPS);
  }

  @Test
  void timeDecay_touchesFarOlderThanHalfLife_doNotUnderflowToNaN() {
    long conv = 10_000 * DAY;
    Journey j = new Journey(List.of(new Touch("a", 0), new Touch("b", DAY)), true, BigDecimal.ONE, conv);
    double[] w = new TimeDecay(Duration.ofMinutes(1)).weights(j);
    assertEquals(0, w[0], EPS);
    assertEquals(1, w[1], EPS);
  }

  @Test
  void timeDecay_requiresTimestamps() {
    assertEquals(java.util.Set.of(io.tributary.core.model.Requirement.TIMESTAMPS),
        new TimeDecay(Duration.ofDays(7)).requires());
    assertThrows(IllegalArgumentException.class, () -> new TimeDecay(Duration.ZERO));
  }
}
