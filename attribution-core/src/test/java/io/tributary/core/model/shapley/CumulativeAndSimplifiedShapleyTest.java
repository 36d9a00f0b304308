package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CumulativeAndSimplifiedShapleyTest {
  private static final CumulativeShapleyModel CUMULATIVE = new CumulativeShapleyModel();
  private static final SimplifiedShapleyModel SIMPLIFIED = new SimplifiedShapleyModel();

  @Test
  void simplified_issue3Example_givesSevenAndThree() {
    // a: 4 conversions all to a; a > b: 6 conversions split evenly 3/3 → a = 7, b = 3.
    ModelResult r = SIMPLIFIED.attribute(TestPaths.of("a", 4, 40, 1, "a > b", 6, 12, 0));
    assertEquals(7, r.credit("a").conversions(), 1e-12);
    assertEquals(3, r.credit("b").conversions(), 1e-12);
    assertEquals(40 + 6, r.credit("a").value(), 1e-12);
    assertEquals(6, r.credit("b").value(), 1e-12);
  }

  @Test
  void cumulative_twoChannelExample_matchesHandComputation() {
    // CR(a) = 2/4 = .5, CR(b) = 1/4 = .25, CR(ab) = 3/6 = .5 (a > b and b > a), CR(c) = 0.
    // φa = .5 + .5/2 = .75, φb = .25 + .25 = .5, Σφ = 1.25; 6 conversions → a 3.6, b 2.4, c 0.
    // VPJ: a 10/4 = 2.5, b 4/4 = 1, ab 30/6 = 5: φa = 2.5 + 2.5 = 5, φb = 1 + 2.5 = 3.5, Σ 8.5; value 44 →
    // a = 44·5/8.5, b = 44·3.5/8.5.
    PathCounts pc = TestPaths.of("a", 2, 10, 2, "b", 1, 4, 3, "a > b", 3, 30, 1, "b > a > b", 0, 0, 2, "c", 0, 0, 5);
    ModelResult r = CUMULATIVE.attribute(pc);
    assertEquals(3.6, r.credit("a").conversions(), 1e-12);
    assertEquals(2.4, r.credit("b").conversions(), 1e-12);
    assertEquals(0, r.credit("c").conversions(), 0);
    assertEquals(44 * 5 / 8.5, r.credit("a").value(), 1e-12);
    assertEquals(44 * 3.5 / 8.5, r.credit("b").value(), 1e-12);
  }

  @Test
  void cumulative_randomData_matchesBruteForceOfItsGame() {
    SplittableRandom rnd = new SplittableRandom(41);
    for (int trial = 0; trial < 15; trial++) {
      PathCounts pc = TestPaths.random(rnd, 2 + rnd.nextInt(6), 5 + rnd.nextInt(50), 5);
      Map<TreeSet<String>, double[]> sets = bySet(pc);
      List<String> players = players(sets);
      double[] phi = BruteForceShapley.values(players.size(), mask -> {
        double v = 0; // v(S) = Σ_{T ⊆ S} CR(T)
        TreeSet<String> s = subset(players, mask);
        for (Map.Entry<TreeSet<String>, double[]> e : sets.entrySet()) {
          if (s.containsAll(e.getKey())) {
            v += e.getValue()[0] / e.getValue()[1];
          }
        }
        return v;
      });
      double sum = 0;
      for (double p : phi) {
        sum += p;
      }
      ModelResult r = CUMULATIVE.attribute(pc);
      for (int i = 0; i < players.size(); i++) {
        assertEquals(pc.conversions() * phi[i] / sum, r.credit(players.get(i)).conversions(), 1e-9);
      }
      assertSums(pc, r);
    }
  }

  @Test
  void simplified_randomData_matchesBruteForceOfItsGame() {
    SplittableRandom rnd = new SplittableRandom(43);
    for (int trial = 0; trial < 15; trial++) {
      PathCounts pc = TestPaths.random(rnd, 2 + rnd.nextInt(6), 5 + rnd.nextInt(50), 5);
      Map<TreeSet<String>, double[]> sets = bySet(pc);
      List<String> players = players(sets);
      double[][] phi = new double[2][];
      for (int k = 0; k < 2; k++) {
        int field = k == 0 ? 0 : 2; // conversions, value
        phi[k] = BruteForceShapley.values(players.size(), mask -> {
          double v = 0; // v(S) = conversions (value) of journeys whose set ⊆ S
          TreeSet<String> s = subset(players, mask);
          for (Map.Entry<TreeSet<String>, double[]> e : sets.entrySet()) {
            if (s.containsAll(e.getKey())) {
              v += e.getValue()[field];
            }
          }
          return v;
        });
      }
      ModelResult r = SIMPLIFIED.attribute(pc);
      for (int i = 0; i < players.size(); i++) {
        ChannelCredit c = r.credit(players.get(i));
        assertEquals(phi[0][i], c.conversions(), 1e-9);
        assertEquals(phi[1][i], c.value(), 1e-9 * Math.max(1, phi[1][i]));
        assertTrue(c.conversions() >= 0);
      }
      assertSums(pc, r);
    }
  }

  @Test
  void bothModels_channelOnlyInNullJourneys_getsZero() {
    PathCounts pc = TestPaths.of("a > b", 3, 0, 1, "z > a", 0, 0, 7);
    assertEquals(0, CUMULATIVE.attribute(pc).credit("z").conversions(), 0);
    assertEquals(0, SIMPLIFIED.attribute(pc).credit("z").conversions(), 0);
  }

  @Test
  void cumulative_noConversions_givesZeroCredit() {
    ModelResult r = CUMULATIVE.attribute(TestPaths.of("a", 0, 0, 3));
    assertEquals(0, r.credit("a").conversions(), 0);
    assertEquals(0, r.credit("a").value(), 0);
  }

  private static void assertSums(PathCounts pc, ModelResult r) {
    assertEquals(pc.conversions(), r.totalConversions(), 1e-9 * Math.max(1, pc.conversions()));
    assertEquals(pc.value().doubleValue(), r.totalValue(), 1e-9 * Math.max(1, pc.value().doubleValue()));
  }

  /** Per distinct channel set (strings): conversions, journeys, value. */
  private static Map<TreeSet<String>, double[]> bySet(PathCounts pc) {
    Map<TreeSet<String>, double[]> out = new HashMap<>();
    for (Map.Entry<Path, PathStats> e : pc.byPath().entrySet()) {
      double[] acc = out.computeIfAbsent(new TreeSet<>(e.getKey().channels()), k -> new double[3]);
      acc[0] += e.getValue().conversions();
      acc[1] += e.getValue().journeys();
      acc[2] += e.getValue().value().doubleValue();
    }
    return out;
  }

  private static List<String> players(Map<TreeSet<String>, double[]> sets) {
    TreeSet<String> all = new TreeSet<>();
    sets.keySet().forEach(all::addAll);
    return new ArrayList<>(all);
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
