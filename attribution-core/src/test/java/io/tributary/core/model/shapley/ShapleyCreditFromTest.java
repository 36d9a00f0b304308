package io.tributary.core.model.shapley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.ModelResult;
import io.tributary.core.paths.PathCounts;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Per-set Shapley crediting one window's journeys with the games of a longer fitting window: a hand-worked example,
 * and the fit itself when both are the same paths (exact and sampled games).
 */
class ShapleyCreditFromTest {
  private static final ShapleyModel EXACT = new ShapleyModel(20, 1000, 42);

  /*
   * Fitted: {a} 2 journeys, 1 conversion, 10 (CR 1/2, value per journey 5); {b} 4 journeys, 1 conversion, 10 (CR 1/4,
   * 2.5); {a,b} 2 journeys, 2 conversions, 20 (CR 1, 10). Game on {a,b}: φ_a = ½·½ + ½·(1 − ¼) = 0.625, φ_b = 0.375
   * (of CR 1); value game φ_a = ½·5 + ½·(10 − 2.5) = 6.25, φ_b = 3.75 (of 10): shares 0.625 / 0.375 both.
   * Credited: a journey on {a} converting for 7 (all to a), one on b > a converting for 4 (0.625 / 0.375).
   */
  @Test
  void creditFrom_handWorked_eachJourneySplitByItsSetsFittedGame() {
    PathCounts fitted = TestPaths.of("a", 1, 10, 1, "b", 1, 10, 3, "a > b", 2, 20, 0);
    PathCounts own = TestPaths.of("a", 1, 7, 0, "b > a", 1, 4, 1);
    ModelResult r = EXACT.creditFrom(fitted, own).reported();
    assertEquals(1.625, r.credit("a").conversions(), 1e-12);
    assertEquals(0.375, r.credit("b").conversions(), 1e-12);
    assertEquals(7 + 0.625 * 4, r.credit("a").value(), 1e-12);
    assertEquals(0.375 * 4, r.credit("b").value(), 1e-12);
  }

  @Test
  void creditFrom_samePaths_isTheFit_exactAndSampled() {
    for (ShapleyModel m : new ShapleyModel[] {EXACT, new ShapleyModel(2, 300, 7)}) {
      PathCounts pc = TestPaths.random(new SplittableRandom(3), 6, 200, 4);
      ModelResult fit = m.fit(pc).reported();
      ModelResult credited = m.creditFrom(pc, pc).reported();
      assertEquals(fit.credits().size(), credited.credits().size());
      for (ChannelCredit c : fit.credits()) {
        ChannelCredit g = credited.credit(c.channel());
        assertEquals(c.conversions(), g.conversions(), 1e-9, c.channel());
        assertEquals(c.value(), g.value(), 1e-9 * Math.max(1, Math.abs(c.value())), c.channel());
        assertEquals(c.sampled(), g.sampled(), c.channel());
        if (c.sampled()) {
          assertEquals(c.samplingError(), g.samplingError(), 1e-9, c.channel());
        }
      }
    }
  }

  @Test
  void creditFrom_aSetTheFitNeverSaw_isRefused() {
    PathCounts fitted = TestPaths.of("a", 1, 10, 1);
    assertThrows(IllegalArgumentException.class, () -> EXACT.creditFrom(fitted, TestPaths.of("b", 1, 1, 0)));
  }
}
