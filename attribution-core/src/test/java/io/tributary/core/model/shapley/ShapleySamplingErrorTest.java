package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.rule.Linear;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * SPEC: Shapley is "exact for sets of at least 20 distinct channels, sampled with a stated error beyond". A journey of
 * 25 distinct channels is sampled; its credit must carry a standard error, and that error must cover the exact
 * answer, worked out here by hand from the permutation definition.
 */
class ShapleySamplingErrorTest {
  private static final int N = 25;

  /*
   * Paths: S = c00 > c01 > ... > c24 (1 journey, converting); c00 (2 journeys, 1 converting); c00 > c01 (1 journey,
   * converting). CR: v({c00}) = 1/2, v({c00,c01}) = 1, v(S) = 1, every other set 0.
   *
   * Game on S (25 players), by the permutation definition φ_c = E[v(P ∪ c) − v(P)] over uniform orders; only the
   * first two places and the last matter:
   *   c00 first, c01 second (prob 1/600): c00 +1/2, c01 +1/2, third −1, last +1
   *   c01 first, c00 second (1/600):      c00 +1,            third −1, last +1
   *   c00 first, other second (23/600):   c00 +1/2, second −1/2,       last +1
   *   otherwise:                                                        last +1
   * so φ_c00 = (1/2 + 1 + 23/2 + 24)/600 = 37/600, φ_c01 = (1/2 + 24)/600 = 24.5/600 and for each of the other 23,
   * φ_x = (24 − 2/23 − 1/2)/600; they sum to 1 = v(S). S has 1 journey, so its credit is φ itself.
   * Game on {c00}: c00 gets CR = 1/2 per journey, 2 journeys: 1. Game on {c00, c01}: φ_c00 = (1/2 + 1)/2 = 3/4,
   * φ_c01 = (0 + 1/2)/2 = 1/4, 1 journey.
   */
  private static Map<String, Double> handWorked() {
    Map<String, Double> m = new TreeMap<>();
    for (int i = 2; i < N; i++) {
      m.put(name(i), (24 - 2.0 / 23 - 0.5) / 600);
    }
    m.put(name(0), 1 + 0.75 + 37.0 / 600);
    m.put(name(1), 0.25 + 24.5 / 600);
    return m;
  }

  private static String name(int i) {
    return String.format(java.util.Locale.ROOT, "c%02d", i);
  }

  private static PathCounts paths() {
    PathCounts.Builder b = PathCounts.builder();
    int[] all = new int[N];
    for (int i = 0; i < N; i++) {
      all[i] = b.channelId(name(i));
    }
    b.add(all, N, 1, new BigDecimal("100"), 0);
    b.add(new int[] {all[0]}, 1, 1, new BigDecimal("10"), 1);
    b.add(new int[] {all[0], all[1]}, 2, 1, new BigDecimal("10"), 0);
    return b.build();
  }

  @Test
  void fit_25Channels_exactAtLimit25EqualsHandWorked() {
    ShapleyFit exact = new ShapleyModel(25, 2, 1).fit(paths());
    assertTrue(exact.exact());
    handWorked().forEach((c, v) -> assertEquals(v, exact.result().credit(c).conversions(), 1e-12, c));
  }

  @Test
  void attribute_25ChannelsBeyondDefaultLimit_statedErrorCoversTheExactCredit() {
    ModelResult sampled = new ShapleyModel(20, 20_000, 42).attribute(paths());
    Map<String, Double> truth = handWorked();
    assertEquals(N, sampled.credits().size());
    for (ChannelCredit c : sampled.credits()) {
      assertTrue(c.sampled(), c.channel());
      assertTrue(c.samplingError() > 0 && c.valueSamplingError() > 0, c.channel());
      double z = (c.conversions() - truth.get(c.channel())) / c.samplingError();
      assertTrue(Math.abs(z) < 4, c.channel() + ": " + c.conversions() + " vs " + truth.get(c.channel()) + ", z " + z);
    }
    // A player other than c00/c01 gains +1 only when last (p = 1/25) and loses a little in rare orders: its
    // marginal's standard deviation is close to the Bernoulli one, √(p(1 − p)), and the error is that / √m.
    double bernoulli = Math.sqrt(0.04 * 0.96 / 20_000);
    double se = sampled.credit(name(12)).samplingError();
    assertTrue(Math.abs(se / bernoulli - 1) < 0.1, "se " + se + " vs " + bernoulli);
    // Each permutation's marginals telescope to v(S): the total stays exact.
    assertEquals(3, sampled.totalConversions(), 1e-9);
  }

  @Test
  void report_sampledShapley_rowsCarryTheErrorAndTheNoteSaysSo() {
    JourneyAggregate agg = JourneyAggregate.ofPaths("test", paths());
    List<AttributionModel> models = List.of(new Linear(), new ShapleyModel(20, 2_000, 42));
    AttributionReport report = AttributionReport.compute(agg, models, SpendTable.empty());
    for (ChannelCreditRow r : report.channelCredit()) {
      if (r.model().equals("shapley")) {
        assertNotNull(r.samplingError(), r.channel());
        assertNotNull(r.valueSamplingError(), r.channel());
      } else {
        assertNull(r.samplingError(), r.model());
      }
    }
    String note = report.samplingNote().orElseThrow();
    assertTrue(note.contains("shapley") && note.contains("sampling_se"), note);

    AttributionReport exact = AttributionReport.compute(agg, List.of(new ShapleyModel(25, 2, 1)),
        SpendTable.empty());
    assertTrue(exact.samplingNote().isEmpty());
    exact.channelCredit().forEach(r -> assertNull(r.samplingError()));
  }
}
