package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathValues;
import io.tributary.core.model.Revaluable;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Shapley models credited with other path values from their fit's channel sets ({@link Revaluable}). */
class ShapleyRevaluedTest {
  @Test
  void simplified_handWorkedValues_splitEachSetsValueEvenly() {
    // Sets: {a} (path a) and {a, b} (paths a > b and b > a). Values handed in afterwards: a 10, a > b 4, b > a 8.
    // Simplified Shapley splits each set's value evenly over its channels: a = 10 + 12/2 = 16, b = 12/2 = 6; the
    // conversions stay the fit's: a = 2 + 2/2 = 3, b = 1.
    PathCounts pc = TestPaths.of("a", 2, 0, 1, "a > b", 1, 0, 1, "b > a", 1, 0, 0);
    BigDecimal[] values = new BigDecimal[pc.table().size()];
    for (int p = 0; p < values.length; p++) {
      String path = pc.table().path(p).display();
      values[p] = new BigDecimal(path.equals("a") ? "10" : path.equals("a > b") ? "4" : "8");
    }
    ModelResult r = new SimplifiedShapleyModel().attributeRevalued(pc, List.of(PathValues.of(values))).get(0);
    assertEquals(16, r.credit("a").value(), 0);
    assertEquals(6, r.credit("b").value(), 0);
    assertEquals(3, r.credit("a").conversions(), 0);
    assertEquals(1, r.credit("b").conversions(), 0);
  }

  @Test
  void everyShapleyModel_drawnPaths_sameBitsAsAFitOnTheRevaluedPaths() {
    // Lifetime value refits the Shapley models this way: each must give exactly what attribute() gives on the paths
    // carrying the other values (conversions and nulls unchanged), with values of many digits (each path's the exact
    // sum of a few doubles, as lifetime value hands them over), counts, many zeros, sets of several paths, and games
    // both exact and sampled (exact limit 3). The truth is the decimal sum of each path's terms.
    SplittableRandom random = new SplittableRandom(20261205);
    List<Revaluable> models = List.of(new ShapleyModel(3, 50, 7), new ShapleyModel(12, 50, 7),
        new CumulativeShapleyModel(), new SimplifiedShapleyModel());
    for (int trial = 0; trial < 10; trial++) {
      PathCounts pc = TestPaths.random(random, 2 + random.nextInt(6), 20 + random.nextInt(200), 6);
      int n = pc.table().size();
      long[] conversions = new long[n];
      long[] nulls = new long[n];
      BigDecimal[] lifetime = new BigDecimal[n];
      BigDecimal[] customers = new BigDecimal[n];
      BigDecimal[] stray = new BigDecimal[n]; // value on paths without a conversion too: their sets change
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
          times[j] = random.nextInt(3);
          lifetime[p] = lifetime[p].add(new BigDecimal(parts[j]).multiply(BigDecimal.valueOf(times[j])));
        }
        counts[p] = acquires ? 1 + random.nextInt(3) : 0;
        customers[p] = BigDecimal.valueOf(counts[p]);
        stray[p] = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(1000), 2) : BigDecimal.ZERO;
      }
      List<PathValues> sets = List.of(PathValues.ofParts(start, parts, times), PathValues.ofCounts(counts),
          PathValues.of(stray), PathValues.of(lifetime));
      for (Revaluable m : models) {
        m.attribute(pc); // the run's fit first, as in a run: its grouping is the one revalued
        List<ModelResult> r = m.attributeRevalued(pc, sets);
        assertEquals(m.attribute(pc.withStats(conversions, lifetime, nulls)), r.get(0), m + " trial " + trial);
        assertEquals(m.attribute(pc.withStats(conversions, customers, nulls)), r.get(1), m + " trial " + trial);
        assertEquals(m.attribute(pc.withStats(conversions, stray, nulls)), r.get(2), m + " trial " + trial);
        assertEquals(r.get(0), r.get(3), m + " trial " + trial);
        // and again, from the revaluation kept for the same values
        assertEquals(r, m.attributeRevalued(pc, sets), m + " trial " + trial);
      }
    }
  }
}
