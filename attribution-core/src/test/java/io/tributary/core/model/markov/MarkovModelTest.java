package io.tributary.core.model.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathValues;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathStats;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Worked examples computed by hand, and the edge cases SPEC and the issue name. */
class MarkovModelTest {
  private static final double EPS = 1e-12;

  private static PathCounts counts(Object... rows) {
    PathCounts.Builder b = PathCounts.builder();
    for (int i = 0; i < rows.length; i += 4) {
      b.add(Path.of(((String) rows[i]).split(" > ")), (Integer) rows[i + 1], new BigDecimal((String) rows[i + 2]),
          (Integer) rows[i + 3]);
    }
    return b.build();
  }

  private static void assertCredit(ModelResult r, String channel, double conversions, double value) {
    assertEquals(conversions, r.credit(channel).conversions(), EPS * Math.max(1, conversions), channel);
    assertEquals(value, r.credit(channel).value(), EPS * Math.max(1, value), channel + " value");
  }

  @Test
  void fit_issueExampleGoogleMeta_matchesWorkedNumbers() {
    // G x2 conv, M x1 conv, G > M x1 conv, G x1 null. With values G 20, M 30, G > M 50 (our addition):
    // start→G 4, start→M 1; G→conv 2, G→M 1, G→null 1; M→conv 2. P = .8(.5 + .25) + .2 = .8.
    // Without G: .2 → RE .75; without M: .8 × .5 = .4 → RE .5; credit 4 × .75/1.25 = 2.4, 1.6.
    // Value: visits G 4/5, M 1/5 + 4/5 × 1/4 = 2/5; E[v] = 4/5 × 20/4 + 2/5 × 80/2 = 20 = 100 / 5.
    // Without G: 1/5 × 40 = 8 → .6; without M: 4/5 × 5 = 4 → .8; value 100 × .6/1.4 = 300/7, 400/7.
    PathCounts pc = counts("G", 2, "20", 1, "M", 1, "30", 0, "G > M", 1, "50", 0);
    MarkovFit fit = new MarkovModel(1).fit(pc);
    assertEquals(0.8, fit.conversionProbability(), EPS);
    assertEquals(20, fit.expectedValue(), EPS);
    assertEquals(0.75, fit.removalEffect("G").effect(), EPS);
    assertEquals(0.5, fit.removalEffect("M").effect(), EPS);
    assertEquals(0.2, fit.removalEffect("G").conversionProbability(), EPS);
    assertEquals(0.6, fit.removalEffect("G").valueEffect(), EPS);
    assertEquals(0.8, fit.removalEffect("M").valueEffect(), EPS);
    assertCredit(fit.result(), "G", 2.4, 300.0 / 7);
    assertCredit(fit.result(), "M", 1.6, 400.0 / 7);
  }

  @Test
  void attribute_issueExampleAbc_creditsTwoOneAndAHalfOneHalf() {
    // start→a 6; a→b 4, a→c 2; b: 3 conv 1 null; c: 1 conv 1 null. P = 4/6 × 3/4 + 2/6 × 1/2 = 2/3.
    // RE a = 1; RE b = 1 − (1/6)/(2/3) = .75; RE c = 1 − (1/2)/(2/3) = .25; ΣRE = 2 → 2, 1.5, .5.
    ModelResult r = new MarkovModel(1).attribute(counts("a > b", 3, "0", 1, "a > c", 1, "0", 1));
    assertEquals("markov", r.model());
    assertCredit(r, "a", 2, 0);
    assertCredit(r, "b", 1.5, 0);
    assertCredit(r, "c", 0.5, 0);
  }

  @Test
  void fit_orderTwoHandExample_matchesPaperComputation() {
    // Paths (order 2):            windows (collapsed)    journeys
    //   a > b > c      2 conv, value 10   (a,b) (b,c)          2
    //   a > b          1 conv 1 null, 4   (a,b)                2
    //   c              1 null             (c)  [shorter than k] 1
    //   b > c > c > c  1 conv 1 null, 6   (b,c) (c,c)          2   [(c,c) (c,c) collapsed]
    // N = 7. start→ab 4, start→bc 2, start→c 1; ab→bc 2, ab→conv 1, ab→null 1; bc→conv 2, bc→cc 2;
    // cc→conv 1, cc→null 1; c→null 1.
    // h(bc) = 1/2 + 1/2 × 1/2 = 3/4; P = 4/7 (1/4 + 1/2 × 3/4) + 2/7 × 3/4 = 4/7 (= 4 conversions / 7 journeys).
    // Without a (ab → null): P = 2/7 × 3/4 = 3/14, RE = 5/8. Without b (ab, bc): P = 0, RE = 1.
    // Without c (bc, c, cc): P = 4/7 × 1/4 = 1/7, RE = 3/4. ΣRE = 19/8 → a 20/19, b 32/19, c 24/19.
    // Value: visits ab 4/7, bc 4/7, cc 2/7; E[v] = 4/7 × 4/4 + 4/7 × 10/4 + 2/7 × 6/2 = 20/7.
    // Without a: visits bc 2/7, cc 1/7 → 5/7 + 3/7 = 8/7, RE^v 3/5. Without b: 0, RE^v 1.
    // Without c: 4/7 × 1 = 4/7, RE^v 4/5. ΣRE^v = 12/5 → a 5, b 25/3, c 20/3.
    PathCounts pc = counts("a > b > c", 2, "10", 0, "a > b", 1, "4", 1, "c", 0, "0", 1,
        "b > c > c > c", 1, "6", 1);
    MarkovFit fit = new MarkovModel(2).fit(pc);
    assertEquals(List.of("(start)", "a > b", "b > c", "c", "c > c", "(conversion)", "(null)"),
        fit.states().stream().map(MarkovState::label).toList());
    assertEquals(4.0 / 7, fit.conversionProbability(), EPS);
    assertEquals(20.0 / 7, fit.expectedValue(), EPS);
    assertEquals(5.0 / 8, fit.removalEffect("a").effect(), EPS);
    assertEquals(1, fit.removalEffect("b").effect(), EPS);
    assertEquals(3.0 / 4, fit.removalEffect("c").effect(), EPS);
    assertEquals(3.0 / 5, fit.removalEffect("a").valueEffect(), EPS);
    assertEquals(4.0 / 5, fit.removalEffect("c").valueEffect(), EPS);
    assertCredit(fit.result(), "a", 20.0 / 19, 5);
    assertCredit(fit.result(), "b", 32.0 / 19, 25.0 / 3);
    assertCredit(fit.result(), "c", 24.0 / 19, 20.0 / 3);
    assertTrue(fit.transitions().contains(new MarkovTransition(1, 2, 2, 0.5)), "a > b → b > c");
    assertTrue(fit.transitions().contains(new MarkovTransition(0, 3, 1, 1.0 / 7)), "start → c");
    assertTrue(fit.transitions().contains(new MarkovTransition(3, 6, 1, 1.0)), "c → null");
    assertEquals(11, fit.transitions().size()); // 3 from start, 3 + 2 + 2 + 1 out of ab, bc, cc, c
  }

  @Test
  void fit_orderAboveEveryPathLength_eachPathIsOneState() {
    // Order 5 on paths of <= 3 touches: each distinct path is its own state straight into (conversion)/(null), so
    // removing c loses exactly the conversions of the paths containing c: a 3 (a, a > b), b 2 → RE 3/5, 2/5 of P.
    PathCounts pc = counts("a", 1, "0", 1, "a > b", 2, "0", 0, "b > b > b", 0, "0", 3);
    MarkovFit fit = new MarkovModel(5).fit(pc);
    assertEquals(3.0 / 7, fit.conversionProbability(), EPS);
    assertEquals(1, fit.removalEffect("a").effect(), EPS);
    assertEquals(2.0 / 3, fit.removalEffect("b").effect(), EPS);
    assertCredit(fit.result(), "a", 3 * 1 / (5.0 / 3), 0);
    assertCredit(fit.result(), "b", 3 * (2.0 / 3) / (5.0 / 3), 0);
  }

  @Test
  void fit_dataWithoutNulls_probabilityOneAndCreditsReconcile() {
    // P = 1. Without a: start→b only (1/3) → RE a = 2/3; without b: a→conv 1/2 of a's 2 journeys → P = 1/3,
    // RE b = 2/3. Equal effects: 1.5 conversions each.
    PathCounts pc = counts("a", 1, "0", 0, "a > b", 1, "0", 0, "b", 1, "0", 0);
    MarkovFit fit = new MarkovModel(1).fit(pc);
    assertEquals(1, fit.conversionProbability(), EPS);
    assertEquals(2.0 / 3, fit.removalEffect("a").effect(), EPS);
    assertEquals(2.0 / 3, fit.removalEffect("b").effect(), EPS);
    assertCredit(fit.result(), "a", 1.5, 0);
  }

  @Test
  void fit_singleChannel_getsEverything() {
    PathCounts pc = counts("a", 3, "7.5", 2, "a > a > a", 1, "2.5", 4);
    for (int order = 1; order <= 3; order++) {
      MarkovFit fit = new MarkovModel(order).fit(pc);
      assertEquals(1, fit.removalEffect("a").effect(), EPS);
      assertCredit(fit.result(), "a", 4, 10);
    }
  }

  @Test
  void fit_channelOnlyLastOnNullPaths_removalEffectExactlyZero() {
    // z only ends non-converting paths, so z → null with certainty: removing it changes nothing.
    PathCounts pc = counts("a > z", 0, "0", 2, "a", 2, "5", 1, "z", 0, "0", 1);
    MarkovFit fit = new MarkovModel(1).fit(pc);
    assertEquals(0.0, fit.removalEffect("z").effect());
    assertEquals(0.0, fit.removalEffect("z").valueEffect());
    assertEquals(0.0, fit.result().credit("z").conversions());
    assertCredit(fit.result(), "a", 2, 5);
  }

  @Test
  void fit_channelOnlyOnNullPathsButLeadingIntoConvertingState_getsCreditAsTheChainIsMemoryless() {
    // c > a 1 null, a 1 conv: start→c 1, start→a 1, c→a 1, a: 1 conv 1 null. P = 1/2 × 1/2 + 1/2 × 1/2 = 1/2.
    // Without c: 1/4 → RE 1/2; without a: 0 → RE 1. Credit a 2/3, c 1/3.
    MarkovFit fit = new MarkovModel(1).fit(counts("c > a", 0, "0", 1, "a", 1, "0", 0));
    assertEquals(0.5, fit.removalEffect("c").effect(), EPS);
    assertCredit(fit.result(), "a", 2.0 / 3, 0);
    assertCredit(fit.result(), "c", 1.0 / 3, 0);
  }

  @Test
  void fit_noConversions_allZeroCredit() {
    MarkovFit fit = new MarkovModel(2).fit(counts("a > b", 0, "0", 3, "b", 0, "0", 1));
    assertEquals(0.0, fit.conversionProbability());
    for (RemovalEffect r : fit.removalEffects()) {
      assertEquals(0.0, r.effect());
      assertEquals(0.0, r.valueEffect());
    }
    assertEquals(List.of("a", "b"), fit.channels());
    assertEquals(0.0, fit.result().totalConversions());
    assertEquals(0.0, fit.result().totalValue());
  }

  @Test
  void fit_conversionsWithoutValue_zeroValueCreditOnly() {
    MarkovFit fit = new MarkovModel(1).fit(counts("a > b", 2, "0", 1, "b", 1, "0", 1));
    assertEquals(0.0, fit.expectedValue());
    assertEquals(3, fit.result().totalConversions(), EPS);
    assertEquals(0.0, fit.result().totalValue());
  }

  @Test
  void fit_emptyCounts_noStatesNoCredit() {
    MarkovFit fit = new MarkovModel(1).fit(PathCounts.empty());
    assertEquals(List.of(MarkovState.START, MarkovState.CONVERSION, MarkovState.NULL), fit.states());
    assertEquals(List.of(), fit.transitions());
    assertEquals(List.of(), fit.result().credits());
    assertEquals(0.0, fit.conversionProbability());
  }

  @Test
  void fit_pathWithNeitherConversionsNorNulls_isRejectedNamingThePath() {
    TreeMap<Path, PathStats> map = new TreeMap<>();
    map.put(Path.of("a", "b"), new PathStats(0, new BigDecimal("3"), 0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MarkovModel(1).fit(new PathCounts(map)));
    assertTrue(e.getMessage().contains("\"a > b\""), e.getMessage());
  }

  @Test
  void constructor_orderZero_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new MarkovModel(0));
  }

  @Test
  void fit_transitionProbabilities_sumToOneOutOfEveryNonAbsorbingState() {
    PathCounts pc = counts("a > b > c", 2, "10", 0, "a > b", 1, "4", 1, "c", 0, "0", 1, "b > c > a", 1, "6", 1);
    for (int order = 1; order <= 3; order++) {
      MarkovFit fit = new MarkovModel(order).fit(pc);
      double[] sum = new double[fit.states().size()];
      for (MarkovTransition t : fit.transitions()) {
        sum[t.from()] += t.probability();
      }
      for (int s = 0; s < fit.states().size() - 2; s++) {
        assertEquals(1, sum[s], EPS, fit.states().get(s).label());
      }
    }
  }

  @Test
  void attributeRevalued_issueExampleWithValuesSwapped_matchesWorkedNumbers() {
    // The worked example above, built without values and handed them afterwards (paths in table order: G, G > M, M):
    // the same value credit, 300/7 and 400/7, and the same conversion credit 2.4 and 1.6; then the values doubled.
    PathCounts pc = counts("G", 2, "0", 1, "M", 1, "0", 0, "G > M", 1, "0", 0);
    BigDecimal[] values = new BigDecimal[pc.table().size()];
    BigDecimal[] doubled = new BigDecimal[values.length];
    for (int p = 0; p < values.length; p++) {
      String path = pc.table().path(p).display();
      values[p] = new BigDecimal(path.equals("G") ? "20" : path.equals("M") ? "30" : "50");
      doubled[p] = values[p].add(values[p]);
    }
    List<ModelResult> r = new MarkovModel(1).attributeRevalued(pc,
        List.of(PathValues.of(values), PathValues.of(doubled)));
    assertCredit(r.get(0), "G", 2.4, 300.0 / 7);
    assertCredit(r.get(0), "M", 1.6, 400.0 / 7);
    assertCredit(r.get(1), "G", 2.4, 600.0 / 7);
    assertCredit(r.get(1), "M", 1.6, 800.0 / 7);
  }

  @Test
  void attributeRevalued_drawnPaths_sameBitsAsAFitOnTheRevaluedPaths() {
    // Lifetime value refits Markov this way: it must give exactly what attribute() gives on the paths carrying the
    // other values (conversions and nulls unchanged), at orders 1 to 3, values with many digits and many zeros.
    java.util.Random random = new java.util.Random(20241205);
    String[] channels = {"a", "b", "c", "d", "e"};
    PathCounts.Builder b = PathCounts.builder();
    for (int i = 0; i < 400; i++) {
      String[] path = new String[1 + random.nextInt(6)];
      for (int k = 0; k < path.length; k++) {
        path[k] = channels[random.nextInt(channels.length)];
      }
      int conversions = random.nextInt(3);
      b.add(Path.of(path), conversions, BigDecimal.valueOf(random.nextInt(1000), 2), conversions == 0 ? 1
          : random.nextInt(3));
    }
    PathCounts pc = b.build();
    int n = pc.table().size();
    long[] conversions = new long[n];
    long[] nulls = new long[n];
    BigDecimal[] lifetime = new BigDecimal[n];
    BigDecimal[] customers = new BigDecimal[n];
    // Lifetime values as lifetime value hands them over: each path's the exact sum of a few doubles, each counted a
    // few times; the truth is their decimal sum.
    int[] start = new int[n + 1];
    double[] parts = new double[3 * n];
    int[] times = new int[3 * n];
    long[] counts = new long[n];
    for (int p = 0; p < n; p++) {
      conversions[p] = pc.table().conversions(p);
      nulls[p] = pc.table().nulls(p);
      boolean acquires = conversions[p] > 0 && random.nextBoolean();
      lifetime[p] = BigDecimal.ZERO;
      start[p + 1] = start[p];
      for (int k = acquires ? 1 + random.nextInt(3) : 0; k > 0; k--) {
        int j = start[p + 1]++;
        parts[j] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 500;
        times[j] = 1 + random.nextInt(2);
        lifetime[p] = lifetime[p].add(new BigDecimal(parts[j]).multiply(BigDecimal.valueOf(times[j])));
      }
      counts[p] = acquires ? 1 + random.nextInt(3) : 0;
      customers[p] = BigDecimal.valueOf(counts[p]);
    }
    for (int order = 1; order <= 3; order++) {
      MarkovModel m = new MarkovModel(order);
      List<ModelResult> r = m.attributeRevalued(pc, List.of(PathValues.ofParts(start, parts, times),
          PathValues.ofCounts(counts), PathValues.of(lifetime)));
      assertEquals(m.attribute(pc.withStats(conversions, lifetime, nulls)), r.get(0), "order " + order);
      assertEquals(m.attribute(pc.withStats(conversions, customers, nulls)), r.get(1), "order " + order);
      assertEquals(r.get(0), r.get(2), "order " + order);
    }
  }

  @Test
  void attributeRevalued_afterTheFitOnThesePaths_readsItsChainAndGivesTheWorkedNumbers() {
    // A run fits Markov on its paths, then lifetime value revalues them: the chain the fit built is read (the same
    // model object, the same paths), and the credit is still the hand-worked 300/7 and 400/7 of the example above,
    // also after the model was fitted on other paths in between (the chain of the paths asked for, not the last one).
    PathCounts pc = counts("G", 2, "0", 1, "M", 1, "0", 0, "G > M", 1, "0", 0);
    BigDecimal[] values = new BigDecimal[pc.table().size()];
    for (int p = 0; p < values.length; p++) {
      String path = pc.table().path(p).display();
      values[p] = new BigDecimal(path.equals("G") ? "20" : path.equals("M") ? "30" : "50");
    }
    MarkovModel m = new MarkovModel(1);
    assertCredit(m.attribute(pc), "G", 2.4, 0);
    List<ModelResult> r = m.attributeRevalued(pc, List.of(PathValues.of(values)));
    assertCredit(r.get(0), "G", 2.4, 300.0 / 7);
    assertCredit(r.get(0), "M", 1.6, 400.0 / 7);
    PathCounts other = counts("M", 1, "0", 3, "M > G", 2, "0", 1);
    m.attribute(other);
    List<ModelResult> again = m.attributeRevalued(pc, List.of(PathValues.of(values)));
    assertEquals(r, again);
  }
}
