package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.ModelResult;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ShapleyModelTest {
  private static final ShapleyModel EXACT = new ShapleyModel(20, 1000, 42);

  @Test
  void attribute_twoChannelExample_matchesHandComputation() {
    // Sets: {a}: 2 conv / 4 journeys, value 10 → CR .5, VPJ 2.5. {b}: 1 / 4, value 4 → CR .25, VPJ 1.
    // {a,b} (a > b and b > a): 3 conv / 6 journeys, value 30 → CR .5, VPJ 5. {c}: 0 / 5.
    // Game {a,b}: φa = ½(v(a) + v(ab) − v(b)) = ½(.5 + .5 − .25) = .375, φb = .125; 3 conv split .375/.5 → 2.25/.75.
    // Value game: φa = ½(2.5 + 5 − 1) = 3.25, φb = 1.75; 30 split 3.25/5 → 19.5 / 10.5.
    // a = 2 + 2.25 = 4.25, b = 1 + .75 = 1.75; value a = 10 + 19.5 = 29.5, b = 4 + 10.5 = 14.5; c = 0.
    PathCounts pc = TestPaths.of("a", 2, 10, 2, "b", 1, 4, 3, "a > b", 3, 30, 1, "b > a > b", 0, 0, 2, "c", 0, 0, 5);
    ModelResult r = EXACT.attribute(pc);
    assertCredit(r, "a", 4.25, 29.5);
    assertCredit(r, "b", 1.75, 14.5);
    assertCredit(r, "c", 0, 0);
    assertEquals(3, r.credits().size());
  }

  @Test
  void attribute_threeChannelSetWithUnseenSubsets_matchesHandComputation() {
    // Seen: {a} CR 1/2, {a,b,c} CR 1 (nothing else). Game on {a,b,c}: v(a) = .5, v(abc) = 1, all else 0.
    // Orders (6): a first (2 of 6): a gets .5, then the player after a loses .5 (v(a,x) = 0), the last gets 1.
    // φa = 2/6·.5 + (orders where a is last: 2/6)·1 = 1/6 + 1/3 = .5; φb = φc = (1 − .5)/2 = .25.
    // {a,b,c} has 2 conversions (2 journeys): split .5/.25/.25 of CR 1 → a 1, b .5, c .5. {a}: 1 conversion → a.
    PathCounts pc = TestPaths.of("a", 1, 0, 1, "a > b > c", 1, 0, 0, "c > b > a", 1, 0, 0);
    ModelResult r = EXACT.attribute(pc);
    assertCredit(r, "a", 2, 0);
    assertCredit(r, "b", 0.5, 0);
    assertCredit(r, "c", 0.5, 0);
  }

  @Test
  void attribute_channelLoweringTheRate_getsNegativeShareAsItIs() {
    // {a} CR .5, {b} CR .25, {a,b} CR .1 (1 of 10): φb = ½(.25 + .1 − .5) = −.075, φa = .175; 1 conv → −.75 / 1.75.
    PathCounts pc = TestPaths.of("a", 1, 0, 1, "b", 1, 0, 3, "a > b", 1, 0, 9);
    ModelResult r = EXACT.attribute(pc);
    assertCredit(r, "a", 1 + 1.75, 0);
    assertCredit(r, "b", 1 - 0.75, 0);
  }

  @Test
  void attribute_randomData_matchesDefinitionByBruteForce() {
    SplittableRandom rnd = new SplittableRandom(99);
    for (int trial = 0; trial < 20; trial++) {
      PathCounts pc = TestPaths.random(rnd, 2 + rnd.nextInt(6), 5 + rnd.nextInt(60), 6);
      ModelResult r = EXACT.attribute(pc);
      Map<String, double[]> expected = bySpecDefinition(pc);
      for (Map.Entry<String, double[]> e : expected.entrySet()) {
        ChannelCredit c = r.credit(e.getKey());
        assertEquals(e.getValue()[0], c.conversions(), 1e-9, e.getKey());
        assertEquals(e.getValue()[1], c.value(), 1e-9 * Math.max(1, Math.abs(e.getValue()[1])), e.getKey());
      }
      assertEquals(pc.conversions(), r.totalConversions(), 1e-9 * pc.conversions());
      assertEquals(pc.value().doubleValue(), r.totalValue(), 1e-9 * pc.value().doubleValue());
    }
  }

  @Test
  void fit_enumerateAndScanSearches_giveTheSameCredit() {
    SplittableRandom rnd = new SplittableRandom(5);
    PathCounts pc = TestPaths.random(rnd, 12, 3000, 9);
    ModelResult enumerated = new ShapleyModel(20, 10, 1, ShapleyModel.SubsetSearch.ENUMERATE).attribute(pc);
    ModelResult scanned = new ShapleyModel(20, 10, 1, ShapleyModel.SubsetSearch.SCAN).attribute(pc);
    ModelResult cheaper = EXACT.attribute(pc);
    for (ChannelCredit c : enumerated.credits()) {
      assertEquals(c.conversions(), scanned.credit(c.channel()).conversions(), 1e-9);
      assertEquals(c.value(), scanned.credit(c.channel()).value(), 1e-9 * Math.max(1, c.value()));
      assertEquals(c.conversions(), cheaper.credit(c.channel()).conversions(), 1e-9);
    }
  }

  @Test
  void fit_allGamesWithinLimit_isExactWithZeroError() {
    ShapleyFit f = EXACT.fit(TestPaths.random(new SplittableRandom(3), 6, 50, 5));
    assertTrue(f.exact());
    assertEquals(0, f.sampledGames());
    f.conversionsError().values().forEach(e -> assertEquals(0.0, e));
  }

  @Test
  void fit_setsBeyondLimit_sampledEstimatesAgreeWithExactWithinStatedErrors() {
    // Sets of up to 10 channels among many seen subsets; exact limit 4 forces 150 games to be sampled. Over 5 seeds
    // × 10 channels the standardised errors (sampled − exact)/se must look standard normal: none beyond 5, and a
    // mean square near 1 (an understated error would push it far above, an overstated one far below).
    SplittableRandom rnd = new SplittableRandom(17);
    PathCounts pc = TestPaths.random(rnd, 10, 400, 14);
    ShapleyFit exact = new ShapleyModel(20, 10, 1).fit(pc);
    assertTrue(exact.exact());
    double sumSq = 0;
    int count = 0;
    for (long seed = 1; seed <= 5; seed++) {
      ShapleyFit sampled = new ShapleyModel(4, 4000, seed).fit(pc);
      assertTrue(sampled.sampledGames() > 100);
      for (ChannelCredit c : exact.result().credits()) {
        double se = sampled.conversionsError().get(c.channel());
        assertTrue(se > 0, c.channel());
        double z = (sampled.result().credit(c.channel()).conversions() - c.conversions()) / se;
        double zValue = (sampled.result().credit(c.channel()).value() - c.value())
            / sampled.valueError().get(c.channel());
        assertTrue(Math.abs(z) < 5 && Math.abs(zValue) < 5, c.channel() + " z " + z + " value z " + zValue);
        sumSq += z * z;
        count++;
      }
      // Each sampled game's marginals telescope to v(S), so totals stay exact.
      assertEquals(pc.conversions(), sampled.result().totalConversions(), 1e-9 * pc.conversions());
    }
    assertEquals(50, count);
    double meanSquare = sumSq / count;
    assertTrue(meanSquare > 0.4 && meanSquare < 2.0, "mean squared z " + meanSquare);
  }

  @Test
  void fit_sameSeed_identicalAndOtherSeed_different() {
    PathCounts pc = TestPaths.random(new SplittableRandom(8), 9, 300, 12);
    ShapleyFit a = new ShapleyModel(3, 200, 7).fit(pc);
    ShapleyFit b = new ShapleyModel(3, 200, 7).fit(pc);
    ShapleyFit c = new ShapleyModel(3, 200, 8).fit(pc);
    assertEquals(a, b);
    assertNotEquals(a.result(), c.result());
  }

  @Test
  void attribute_noPaths_givesNoCredit() {
    ModelResult r = EXACT.attribute(PathCounts.empty());
    assertTrue(r.credits().isEmpty());
  }

  @Test
  void attribute_onlyNulls_givesZeroToEveryChannel() {
    ModelResult r = EXACT.attribute(TestPaths.of("a > b", 0, 0, 4, "c", 0, 0, 1));
    assertEquals(3, r.credits().size());
    r.credits().forEach(c -> assertEquals(0.0, c.conversions()));
  }

  private static void assertCredit(ModelResult r, String channel, double conversions, double value) {
    ChannelCredit c = r.credit(channel);
    assertEquals(conversions, c.conversions(), 1e-12, channel + " conversions");
    assertEquals(value, c.value(), 1e-12, channel + " value");
  }

  /** SPEC's definition read literally: strings, exact-set grouping, every order of every converting set's players. */
  static Map<String, double[]> bySpecDefinition(PathCounts pc) {
    Map<TreeSet<String>, double[]> bySet = new HashMap<>(); // conversions, journeys, value
    for (Map.Entry<Path, PathStats> e : pc.byPath().entrySet()) {
      double[] acc = bySet.computeIfAbsent(new TreeSet<>(e.getKey().channels()), k -> new double[3]);
      acc[0] += e.getValue().conversions();
      acc[1] += e.getValue().journeys();
      acc[2] += e.getValue().value().doubleValue();
    }
    Map<String, double[]> out = new TreeMap<>();
    for (TreeSet<String> s : bySet.keySet()) {
      s.forEach(c -> out.putIfAbsent(c, new double[2]));
    }
    for (Map.Entry<TreeSet<String>, double[]> e : bySet.entrySet()) {
      double[] stats = e.getValue();
      if (stats[0] == 0) {
        continue;
      }
      List<String> players = new ArrayList<>(e.getKey());
      int n = players.size();
      double[] phiCr = BruteForceShapley.values(n, mask -> {
        double[] t = bySet.get(subset(players, mask));
        return t == null ? 0 : t[0] / t[1];
      });
      double[] phiV = BruteForceShapley.values(n, mask -> {
        double[] t = bySet.get(subset(players, mask));
        return t == null ? 0 : t[2] / t[1];
      });
      double cr = stats[0] / stats[1];
      double vpj = stats[2] / stats[1];
      for (int i = 0; i < n; i++) {
        double[] acc = out.get(players.get(i));
        acc[0] += stats[0] * phiCr[i] / cr;
        if (vpj > 0) {
          acc[1] += stats[2] * phiV[i] / vpj;
        }
      }
    }
    return out;
  }

  private static TreeSet<String> subset(List<String> players, int mask) {
    TreeSet<String> t = new TreeSet<>();
    for (int i = 0; i < players.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        t.add(players.get(i));
      }
    }
    return t;
  }
}
