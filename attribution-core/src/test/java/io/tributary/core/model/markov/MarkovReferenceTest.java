package io.tributary.core.model.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.RandomData;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact solver against an independent dense implementation ({@link DenseMarkovReference}), plus the invariants
 * every fit must satisfy, determinism, and paths of 100,000 touches.
 */
class MarkovReferenceTest {
  private static final double REL = 1e-9;

  static void assertClose(double expected, double actual, double scale, String what) {
    assertTrue(Math.abs(expected - actual) <= REL * Math.max(Math.abs(expected), scale),
        () -> what + ": expected " + expected + " but was " + actual);
  }

  static void assertMatchesReference(PathCounts pc, int order, MarkovFit fit) {
    DenseMarkovReference.Answer ref = DenseMarkovReference.fit(pc, order);
    assertEquals(ref.channels(), fit.channels());
    Map<String, Double> transitions = new java.util.HashMap<>();
    for (MarkovTransition t : fit.transitions()) {
      transitions.put(fit.states().get(t.from()).label() + " -> " + fit.states().get(t.to()).label(),
          (double) t.weight());
    }
    assertEquals(ref.transitions(), transitions, "transition weights, order " + order);
    assertClose(ref.p(), fit.conversionProbability(), 0, "P(conv)");
    assertClose(ref.ev(), fit.expectedValue(), 0, "E[value]");
    double conversions = pc.conversions();
    double value = pc.value().doubleValue();
    for (int c = 0; c < ref.channels().size(); c++) {
      String ch = ref.channels().get(c);
      RemovalEffect r = fit.removalEffect(ch);
      ChannelCredit credit = fit.result().credit(ch);
      assertClose(ref.effect()[c], r.effect(), 1e-12, "RE " + ch + " order " + order);
      assertClose(ref.valueEffect()[c], r.valueEffect(), 1e-12, "RE^v " + ch + " order " + order);
      assertClose(ref.credit()[c], credit.conversions(), conversions * 1e-12, "credit " + ch);
      assertClose(ref.valueCredit()[c], credit.value(), value * 1e-12, "value credit " + ch);
    }
  }

  static void assertInvariants(PathCounts pc, MarkovFit fit) {
    double conversions = pc.conversions();
    double value = pc.value().doubleValue();
    assertClose(conversions, fit.result().totalConversions(), 0, "credits sum to conversions");
    assertClose(value, fit.result().totalValue(), 0, "value credits sum to value");
    double journeys = pc.conversions() + pc.nulls();
    assertClose(conversions / journeys, fit.conversionProbability(), 0, "P(conv) = conversion rate");
    assertClose(value / journeys, fit.expectedValue(), 0, "E[value] = value per journey");
    for (RemovalEffect r : fit.removalEffects()) {
      assertTrue(r.effect() >= 0 && r.effect() <= 1, r.toString());
      assertTrue(r.conversionProbability() <= fit.conversionProbability() * (1 + REL), r.toString());
    }
    for (ChannelCredit c : fit.result().credits()) {
      assertTrue(c.conversions() >= 0 && c.value() >= 0, c.toString());
    }
  }

  @Test
  void fit_smallRandomInputs_matchDenseReferenceAtOrdersOneToFour() {
    for (long seed = 1; seed <= 60; seed++) {
      int channels = 1 + (int) (seed % 5);
      PathCounts pc = RandomData.pathCounts(seed, 5 + (int) (seed % 40), channels, 1 + (int) (seed % 7));
      for (int order = 1; order <= 4; order++) {
        MarkovFit fit = new MarkovModel(order).fit(pc);
        assertMatchesReference(pc, order, fit);
        assertInvariants(pc, fit);
      }
    }
  }

  @Test
  void fit_orderThreeOverSevenChannels_iterativeBlockMatchesReference() {
    // 7^3 = 343 windows > the dense limit: the big component is solved by Gauss-Seidel sweeps.
    PathCounts pc = RandomData.pathCounts(7, 3000, 7, 9);
    Chain chain = ChainBuilder.build(pc, 3);
    AbsorptionSolver solver = new AbsorptionSolver(chain);
    solver.solve(null, null);
    assertTrue(solver.counters()[0] > 0, "a block was iterated");
    MarkovFit fit = new MarkovModel(3).fit(pc);
    assertMatchesReference(pc, 3, fit);
    assertInvariants(pc, fit);
  }

  @Test
  void solve_iteratedAndDirect_agreeOnEveryRemoval() {
    PathCounts pc = RandomData.pathCounts(11, 400, 4, 8);
    for (int order = 1; order <= 3; order++) {
      Chain chain = ChainBuilder.build(pc, order);
      AbsorptionSolver direct = new AbsorptionSolver(chain, Integer.MAX_VALUE);
      AbsorptionSolver sweeps = new AbsorptionSolver(chain, 1);
      double[] base = direct.solve(null, null);
      for (int s = 0; s < chain.size(); s++) {
        assertClose(chain.outflow[s], base[s], 0, "visits = flow through state " + s);
      }
      for (int c = 0; c < chain.channels.length; c++) {
        boolean[] removed = new boolean[chain.size()];
        for (int s : chain.statesOf[c]) {
          removed[s] = true;
        }
        double[] a = direct.solve(removed, base);
        double[] b = sweeps.solve(removed, base);
        for (int s = 0; s < a.length; s++) {
          assertClose(a[s], b[s], 1e-6 * chain.outflow[s], "order " + order + " channel " + c + " state " + s);
        }
      }
      assertTrue(sweeps.counters()[0] + sweeps.counters()[2] > 0 && direct.counters()[0] == 0);
    }
  }

  @Test
  void fit_alternatingPathOf100000Touches_splitsEvenly() {
    // a > b > a > ... > b (100,000 touches), 1 conversion 1 null: the only way out is from the last state, so
    // removing either channel leaves P = 0: RE 1 each, 0.5 conversions each, at every order.
    List<String> touches = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      touches.add(i % 2 == 0 ? "a" : "b");
    }
    PathCounts pc = PathCounts.builder().add(new Path(touches), 1, new BigDecimal("8"), 1).build();
    for (int order = 1; order <= 3; order++) {
      int k = order;
      MarkovFit fit = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new MarkovModel(k).fit(pc));
      assertClose(0.5, fit.result().credit("a").conversions(), 0, "a");
      assertClose(4, fit.result().credit("b").value(), 0, "b value");
    }
  }

  @Test
  void fit_randomPathOf100000TouchesAmongShortPaths_matchesReference() {
    // One long random path makes the order-3 component nearly closed (it exits once per 100,000 steps): sweeps would
    // crawl, so the solver must switch to a direct solve, still exactly.
    SplittableRandom rnd = new SplittableRandom(5);
    List<String> channels = RandomData.channels(7);
    List<String> touches = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      touches.add(channels.get(rnd.nextInt(7)));
    }
    PathCounts pc = RandomData.pathCounts(3, 300, 7, 6)
        .merge(PathCounts.builder().add(new Path(touches), 2, new BigDecimal("30"), 3).build());
    for (int order = 1; order <= 3; order++) {
      int k = order;
      MarkovFit fit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new MarkovModel(k).fit(pc));
      assertMatchesReference(pc, order, fit);
      assertInvariants(pc, fit);
    }
    Chain chain = ChainBuilder.build(pc, 3);
    AbsorptionSolver solver = new AbsorptionSolver(chain);
    double[] base = solver.solve(null, null);
    boolean[] removed = new boolean[chain.size()];
    for (int s : chain.statesOf[0]) {
      removed[s] = true;
    }
    solver.solve(removed, base);
    assertTrue(solver.counters()[2] > 0, "switched to a direct solve: " + java.util.Arrays.toString(solver.counters()));
  }

  @Test
  void fit_buildOrderAndMergeSplits_giveIdenticalFits() {
    SplittableRandom rnd = new SplittableRandom(99);
    List<String> ch = RandomData.channels(6);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Path p = randomPath(rnd, ch, 7);
      long conv = rnd.nextInt(3);
      rows.add(new Object[] {p, conv, BigDecimal.valueOf(conv * rnd.nextInt(5000), 2),
          (long) rnd.nextInt(3) + (conv == 0 ? 1 : 0)});
    }
    for (int order = 1; order <= 3; order++) {
      MarkovModel model = new MarkovModel(order);
      MarkovFit expected = model.fit(build(rows));
      for (long seed = 0; seed < 3; seed++) {
        List<Object[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = shuffled.size() / 3;
        PathCounts merged = build(shuffled.subList(cut, shuffled.size())).merge(build(shuffled.subList(0, cut)));
        assertEquals(expected, model.fit(merged), "order " + order + " seed " + seed);
      }
    }
  }

  @Test
  void fit_valuesSummedAsIntegersOrAsDecimals_giveTheSameBits() {
    // A table whose values are 128-bit integers of one scale has its states' values summed as integers; one with a
    // value of 20 decimals (beyond ScaledValues.MAX_SCALE) as decimals. The same numbers written with more zeros give
    // the same credit and removal effects, bit for bit, and both match the reference.
    SplittableRandom rnd = new SplittableRandom(5);
    List<String> ch = RandomData.channels(5);
    List<Object[]> scaled = new ArrayList<>();
    List<Object[]> decimal = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      Path p = randomPath(rnd, ch, 6);
      long conv = rnd.nextInt(3);
      long nul = rnd.nextInt(3) + (conv == 0 ? 1 : 0);
      BigDecimal v = BigDecimal.valueOf(conv * rnd.nextInt(100_000), rnd.nextInt(3));
      scaled.add(new Object[] {p, conv, v, nul});
      decimal.add(new Object[] {p, conv, v.setScale(20), nul});
    }
    PathCounts asIntegers = build(scaled);
    PathCounts asDecimals = build(decimal);
    assertTrue(asIntegers.table().scaledValues() != null, "values of at most 2 decimals are scaled integers");
    assertTrue(asDecimals.table().scaledValues() == null, "values of 20 decimals are not");
    for (int order = 1; order <= 3; order++) {
      MarkovFit a = new MarkovModel(order).fit(asIntegers);
      MarkovFit b = new MarkovModel(order).fit(asDecimals);
      assertEquals(a.result(), b.result(), "order " + order);
      assertEquals(a.removalEffects(), b.removalEffects(), "order " + order);
      assertMatchesReference(asIntegers, order, a);
      assertMatchesReference(asDecimals, order, b);
    }
  }

  /* A path of 1 to maxLength touches of the given channels. */
  private static Path randomPath(SplittableRandom rnd, List<String> channels, int maxLength) {
    List<String> p = new ArrayList<>();
    int len = 1 + rnd.nextInt(maxLength);
    for (int j = 0; j < len; j++) {
      p.add(channels.get(rnd.nextInt(channels.size())));
    }
    return new Path(p);
  }

  private static PathCounts build(List<Object[]> rows) {
    PathCounts.Builder b = PathCounts.builder();
    for (Object[] r : rows) {
      b.add((Path) r[0], (Long) r[1], (BigDecimal) r[2], (Long) r[3]);
    }
    return b.build();
  }

  @Test
  void fit_everyTransientState_hasInflowEqualToOutflow() {
    PathCounts pc = RandomData.pathCounts(21, 500, 5, 8);
    for (int order = 1; order <= 3; order++) {
      MarkovFit fit = new MarkovModel(order).fit(pc);
      long[] in = new long[fit.states().size()];
      long[] out = new long[fit.states().size()];
      for (MarkovTransition t : fit.transitions()) {
        out[t.from()] += t.weight();
        in[t.to()] += t.weight();
      }
      for (int s = 1; s < fit.states().size() - 2; s++) {
        assertEquals(in[s], out[s], fit.states().get(s).label());
      }
      assertEquals(pc.conversions() + pc.nulls(), out[0]);
      assertEquals(pc.conversions(), in[fit.states().size() - 2]);
      assertEquals(pc.nulls(), in[fit.states().size() - 1]);
      long journeysThroughPaths = 0;
      for (Map.Entry<Path, PathStats> e : pc.byPath().entrySet()) {
        journeysThroughPaths += e.getValue().journeys();
      }
      assertEquals(journeysThroughPaths, out[0]);
    }
  }
}
