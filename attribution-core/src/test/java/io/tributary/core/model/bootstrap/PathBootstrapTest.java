package io.tributary.core.model.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathModel;
import io.tributary.core.model.rule.FirstTouch;
import io.tributary.core.model.rule.Linear;
import io.tributary.core.model.shapley.ShapleyModel;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathBootstrapTest {
  /** Reasonable data: 4 channels, 40 distinct paths, a few thousand journeys. */
  static PathCounts data(long seed, long scale) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] channels = {"display", "email", "search", "social"};
    PathCounts.Builder b = PathCounts.builder();
    for (int i = 0; i < 40; i++) {
      int len = 1 + r.nextInt(4);
      String[] p = new String[len];
      for (int j = 0; j < len; j++) {
        p[j] = channels[r.nextInt(channels.length)];
      }
      long conv = (5 + r.nextInt(30)) * scale;
      long nulls = (20 + r.nextInt(80)) * scale;
      b.add(Path.of(p), conv, BigDecimal.valueOf(conv * 25), nulls);
    }
    return b.build();
  }

  @Test
  void draw_replicate_hasTheSameNumberOfJourneys() {
    PathCounts pc = data(1, 1);
    JourneyResampler rs = new JourneyResampler(pc);
    PathCounts rep = rs.draw(new SplittableRandom(3));
    assertEquals(pc.conversions() + pc.nulls(), rep.conversions() + rep.nulls());
    assertEquals(rs.journeys(), rep.conversions() + rep.nulls());
  }

  @Test
  void pick_everyColumnAndUnit_givesEachJourneyExactlyOneNth() {
    // Skewed counts, a path without conversions and one without nulls: over all K·N (column, unit) pairs, cell j
    // must come up exactly n_j·K times, i.e. probability n_j/N with no rounding.
    PathCounts pc = PathCounts.builder().add(Path.of("a"), 1, BigDecimal.ONE, 17)
        .add(Path.of("b"), 0, BigDecimal.ZERO, 3).add(Path.of("c"), 6, BigDecimal.TEN, 0)
        .add(Path.of("a", "c"), 2, BigDecimal.ONE, 1).build();
    JourneyResampler rs = new JourneyResampler(pc);
    long n = rs.journeys();
    int k = rs.columns();
    assertEquals(30, n);
    assertEquals(6, k);
    long[] hits = new long[8];
    for (int column = 0; column < k; column++) {
      for (long r = 0; r < n; r++) {
        hits[rs.pick(column, r)]++;
      }
    }
    // Paths in order a, a > c, b, c: cells (conv, null) = (1, 17), (2, 1), (0, 3), (6, 0).
    long[] expected = {1, 17, 2, 1, 0, 3, 6, 0};
    for (int j = 0; j < 8; j++) {
      assertEquals(expected[j] * k, hits[j], "cell " + j);
    }
  }

  @Test
  void draw_manyReplicates_meanAndVarianceMatchTheMultinomial() {
    // Cell "a converted": n = 30 of N = 100 journeys. Multinomial: mean 30, variance N·p·(1−p) = 21.
    PathCounts pc = PathCounts.builder().add(Path.of("a"), 30, BigDecimal.valueOf(300), 20)
        .add(Path.of("b"), 10, BigDecimal.ZERO, 40).build();
    JourneyResampler rs = new JourneyResampler(pc);
    SplittableRandom rng = new SplittableRandom(11);
    int reps = 20_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < reps; i++) {
      PathCounts rep = rs.draw(rng.split());
      var a = rep.byPath().get(Path.of("a"));
      long conv = a == null ? 0 : a.conversions();
      if (a != null && conv > 0) {
        // each drawn conversion carries the path's mean value per conversion, 10
        assertEquals(0, BigDecimal.valueOf(10 * conv).compareTo(a.value()));
      }
      sum += conv;
      sumSq += (double) conv * conv;
    }
    double mean = sum / reps;
    double variance = sumSq / reps - mean * mean;
    assertEquals(30, mean, 4 * Math.sqrt(21.0 / reps));
    assertEquals(21, variance, 0.05 * 21);
  }

  @Test
  void quantile_evenlySpacedValues_interpolatesBetweenOrderStatistics() {
    double[] x = new double[101];
    for (int i = 0; i <= 100; i++) {
      x[i] = i;
    }
    assertEquals(2.5, PathBootstrap.quantile(x, 0.025), 1e-12);
    assertEquals(97.5, PathBootstrap.quantile(x, 0.975), 1e-12);
    assertEquals(7, PathBootstrap.quantile(new double[] {7}, 0.025), 0);
    assertEquals(1.5, PathBootstrap.quantile(new double[] {1, 2}, 0.5), 0);
  }

  @Test
  void intervals_singleChannelPaths_matchBinomialClosedForm() {
    // first_touch on single-channel paths: a's credit in a replicate is its drawn conversions ~ Binomial(N, p),
    // N = 2000, p = 0.1: sd = √(2000·.1·.9) = 13.42, so the 95 % interval is about 200 ± 1.96·13.42 = ±26.3.
    PathCounts pc = PathCounts.builder().add(Path.of("a"), 200, BigDecimal.ZERO, 800)
        .add(Path.of("b"), 100, BigDecimal.ZERO, 900).build();
    ConfidenceInterval a = PathBootstrap.intervals(pc, List.of(new FirstTouch()), 2000, 5).get("first_touch").get("a");
    double half = 1.959964 * Math.sqrt(2000 * 0.1 * 0.9);
    assertEquals(200 - half, a.low(), 3);
    assertEquals(200 + half, a.high(), 3);
  }

  @Test
  void intervals_reasonableData_containPointEstimates() {
    PathCounts pc = data(2, 1);
    List<PathModel> models = List.of(new Linear(), new ShapleyModel(20, 100, 1));
    Map<String, SortedMap<String, ConfidenceInterval>> ci = PathBootstrap.intervals(pc, models, 200, 9);
    for (PathModel m : models) {
      for (ChannelCredit c : m.attribute(pc).credits()) {
        ConfidenceInterval i = ci.get(m.name()).get(c.channel());
        assertTrue(i.contains(c.conversions()), m.name() + " " + c.channel() + " " + c.conversions() + " " + i);
        assertTrue(i.width() > 0);
      }
    }
  }

  @Test
  void intervals_sameSeed_identicalAndOtherSeed_different() {
    PathCounts pc = data(3, 1);
    List<PathModel> models = List.of(new Linear());
    assertEquals(PathBootstrap.intervals(pc, models, 50, 1), PathBootstrap.intervals(pc, models, 50, 1));
    assertFalse(PathBootstrap.intervals(pc, models, 50, 1).equals(PathBootstrap.intervals(pc, models, 50, 2)));
  }

  @Test
  void intervals_sixteenTimesTheJourneys_aboutFourTimesNarrower() {
    // Percentile widths scale like 1/√N for credit shares; attributed conversions scale with N, so relative width
    // (width / credit) should shrink about 4-fold: require at least 2.5-fold.
    List<PathModel> models = List.of(new ShapleyModel(20, 100, 1));
    PathCounts small = data(4, 1);
    PathCounts big = data(4, 16);
    SortedMap<String, ConfidenceInterval> s = PathBootstrap.intervals(small, models, 200, 3).get("shapley");
    SortedMap<String, ConfidenceInterval> b = PathBootstrap.intervals(big, models, 200, 3).get("shapley");
    ModelResult ps = models.get(0).attribute(small);
    ModelResult pb = models.get(0).attribute(big);
    for (String ch : s.keySet()) {
      double relSmall = s.get(ch).width() / ps.credit(ch).conversions();
      double relBig = b.get(ch).width() / pb.credit(ch).conversions();
      assertTrue(relBig * 2.5 < relSmall, ch + ": " + relSmall + " → " + relBig);
    }
  }

  @Test
  void fit_withReplicates_attachesIntervalsToPathModelsOnly() {
    PathCounts pc = data(5, 1);
    ModelOptions options = ModelOptions.defaults().withBootstrap(30, 7);
    List<AttributionModel> models = ModelRegistry.resolve("linear,shapley,shapley_simplified", options, Set.of());
    JourneyAggregate agg = JourneyAggregate.ofPaths("test", pc);
    List<ModelResult> with = AttributionRun.fit(agg, models, options);
    List<ModelResult> without = AttributionRun.fit(agg, models, ModelOptions.defaults());
    assertEquals(3, with.size());
    for (int m = 0; m < 3; m++) {
      for (ChannelCredit c : with.get(m).credits()) {
        assertTrue(c.hasInterval(), c.channel());
        assertTrue(c.ciLow() <= c.ciHigh());
        assertEquals(without.get(m).credit(c.channel()).conversions(), c.conversions(), 0);
      }
      without.get(m).credits().forEach(c -> assertFalse(c.hasInterval()));
    }
  }

  @Test
  void compute_withReplicates_channelCreditRowsCarryTheIntervals() {
    PathCounts pc = data(6, 1);
    ModelOptions options = ModelOptions.defaults().withBootstrap(20, 3);
    List<AttributionModel> models = ModelRegistry.resolve("shapley", options, Set.of());
    AttributionReport report = AttributionReport.compute(JourneyAggregate.ofPaths("test", pc), models,
        SpendTable.empty(), options);
    assertEquals(4, report.channelCredit().size());
    for (ChannelCreditRow row : report.channelCredit()) {
      assertTrue(row.ciLow() != null && row.ciHigh() != null && row.ciLow() <= row.ciHigh(), row.toString());
    }
    AttributionReport plain = AttributionReport.compute(JourneyAggregate.ofPaths("test", pc), models,
        SpendTable.empty());
    plain.channelCredit().forEach(row -> assertEquals(null, row.ciLow()));
  }

  @Test
  void intervals_zeroReplicates_throws() {
    assertThrows(IllegalArgumentException.class,
        () -> PathBootstrap.intervals(data(1, 1), List.of(new Linear()), 0, 1));
  }
}
