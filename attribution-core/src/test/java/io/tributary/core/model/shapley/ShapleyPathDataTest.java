package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.PathDataSet;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathModel;
import io.tributary.core.model.bootstrap.ConfidenceInterval;
import io.tributary.core.model.bootstrap.PathBootstrap;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The three Shapley models and their bootstrap intervals on the public PathData set (12 channels). */
class ShapleyPathDataTest {
  private static PathCounts read() throws IOException {
    return PathDataSet.readOrSkip();
  }

  @Test
  void pathData_threeModels_reconcileListEveryChannelAndAreExact() throws IOException {
    PathCounts pc = read();
    double value = pc.value().doubleValue();
    ShapleyFit fit = new ShapleyModel(20, 1000, 42).fit(pc);
    assertTrue(fit.exact(), "every set of a 12-channel data set is within the exact limit");
    assertEquals(fit, new ShapleyModel(20, 1000, 42).fit(pc), "deterministic");
    List<ModelResult> results = List.of(fit.result(), new CumulativeShapleyModel().attribute(pc),
        new SimplifiedShapleyModel().attribute(pc));
    for (ModelResult r : results) {
      assertEquals(12, r.credits().size(), r.model());
      assertEquals(19_785, r.totalConversions(), 1e-9 * 19_785, r.model());
      assertEquals(value, r.totalValue(), 1e-9 * value, r.model());
    }
    for (ModelResult r : results.subList(1, 3)) {
      r.credits().forEach(c -> assertTrue(c.conversions() >= 0 && c.value() >= 0, r.model() + " " + c));
    }
  }

  @Test
  void pathData_shapley_equalsDenseMoebiusRouteGameByGame() throws IOException {
    // Independent route: string-keyed sets, the full 2^n game of each converting set, Harsanyi dividends.
    PathCounts pc = read();
    Map<TreeSet<String>, double[]> bySet = new HashMap<>(); // conversions, journeys
    for (Map.Entry<Path, PathStats> e : pc.byPath().entrySet()) {
      double[] acc = bySet.computeIfAbsent(new TreeSet<>(e.getKey().channels()), k -> new double[2]);
      acc[0] += e.getValue().conversions();
      acc[1] += e.getValue().journeys();
    }
    Map<String, Double> expected = new TreeMap<>();
    for (Map.Entry<TreeSet<String>, double[]> e : bySet.entrySet()) {
      if (e.getValue()[0] == 0) {
        continue;
      }
      List<String> players = new ArrayList<>(e.getKey());
      double[] v = new double[1 << players.size()];
      for (int mask = 1; mask < v.length; mask++) {
        TreeSet<String> t = new TreeSet<>();
        for (int i = 0; i < players.size(); i++) {
          if ((mask & (1 << i)) != 0) {
            t.add(players.get(i));
          }
        }
        double[] s = bySet.get(t);
        v[mask] = s == null ? 0 : s[0] / s[1];
      }
      double[] phi = HarsanyiShapley.values(v);
      double cr = e.getValue()[0] / e.getValue()[1];
      for (int i = 0; i < players.size(); i++) {
        expected.merge(players.get(i), e.getValue()[0] * phi[i] / cr, Double::sum);
      }
    }
    ModelResult r = new ShapleyModel(20, 1000, 42).attribute(pc);
    expected.forEach((c, x) -> assertEquals(x, r.credit(c).conversions(), 1e-9 * 19_785, c));
  }

  @Test
  void pathData_bootstrap_intervalsContainPointEstimatesAndRepeat() throws IOException {
    PathCounts pc = read();
    List<PathModel> models = List.of(new ShapleyModel(20, 1000, 42), new SimplifiedShapleyModel());
    Map<String, SortedMap<String, ConfidenceInterval>> ci = PathBootstrap.intervals(pc, models, 60, 2024);
    assertEquals(ci, PathBootstrap.intervals(pc, models, 60, 2024));
    // shapley_simplified is linear in the counts, so its bootstrap distribution centres on the estimate: contained.
    // shapley is a sum of ratio (conversion-rate) estimates, which the bootstrap sees with their small bias: a channel
    // near an end of its interval may fall just outside (seen: delta, −2.546 vs [−2.530, 0.961]). Require it within a
    // quarter of the interval's width.
    for (PathModel m : models) {
      for (ChannelCredit c : m.attribute(pc).credits()) {
        ConfidenceInterval i = ci.get(m.name()).get(c.channel());
        double outside = Math.max(0, Math.max(i.low() - c.conversions(), c.conversions() - i.high()));
        double allowed = m instanceof SimplifiedShapleyModel ? 0 : 0.25 * i.width();
        assertTrue(outside <= allowed, m.name() + " " + c.channel() + " " + c.conversions() + " " + i);
      }
    }
  }
}
