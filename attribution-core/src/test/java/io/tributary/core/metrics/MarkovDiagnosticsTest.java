package io.tributary.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.markov.MarkovModel;
import io.tributary.core.model.rule.Linear;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkovDiagnosticsTest {
  /*
   * Issue 3's worked example: G ×2 conversions, M ×1 conversion, G > M ×1 conversion, G ×1 null.
   * From (start): 4 journeys go to G, 1 to M. From G: 2 convert, 1 moves to M, 1 ends in (null). From M: both convert.
   * P(conv) = 0.8 (4 of 5); without G only M's journey converts: 0.2, RE = 1 − 0.2/0.8 = 0.75; without M:
   * 0.8 × (2/4) = 0.4, RE = 0.5.
   */
  private static JourneyAggregate workedExample() {
    PathCounts paths = PathCounts.builder()
        .addPath("G", ">", 2, new BigDecimal("20"), 0)
        .addPath("M", ">", 1, new BigDecimal("10"), 0)
        .addPath("G > M", ">", 1, new BigDecimal("10"), 0)
        .addPath("G", ">", 0, BigDecimal.ZERO, 1)
        .build();
    return JourneyAggregate.ofPaths("test", paths);
  }

  @Test
  void of_workedExample_transitionsAndRemovalEffectsByHand() {
    MarkovDiagnostics d = MarkovDiagnostics.of(workedExample(), List.of(new Linear(), new MarkovModel(1)))
        .orElseThrow();
    assertEquals(1, d.order());
    assertEquals(0.8, d.conversionProbability(), 1e-12);
    List<MarkovDiagnostics.Transition> want = List.of(
        new MarkovDiagnostics.Transition("(start)", "G", 4, 0.8),
        new MarkovDiagnostics.Transition("(start)", "M", 1, 0.2),
        new MarkovDiagnostics.Transition("G", "M", 1, 0.25),
        new MarkovDiagnostics.Transition("G", "(conversion)", 2, 0.5),
        new MarkovDiagnostics.Transition("G", "(null)", 1, 0.25),
        new MarkovDiagnostics.Transition("M", "(conversion)", 2, 1.0));
    assertEquals(want.size(), d.transitions().size(), d.transitions().toString());
    for (MarkovDiagnostics.Transition w : want) {
      assertTrue(d.transitions().stream().anyMatch(t -> t.fromState().equals(w.fromState())
          && t.toState().equals(w.toState()) && t.journeys() == w.journeys()
          && Math.abs(t.probability() - w.probability()) < 1e-12), "missing " + w + " in " + d.transitions());
    }
    assertEquals(2, d.removalEffects().size());
    MarkovDiagnostics.Removal g = d.removalEffects().get(0);
    MarkovDiagnostics.Removal m = d.removalEffects().get(1);
    assertEquals("G", g.channel());
    assertEquals(0.75, g.removalEffect(), 1e-12);
    assertEquals(0.2, g.conversionProbabilityWithout(), 1e-12);
    assertEquals("M", m.channel());
    assertEquals(0.5, m.removalEffect(), 1e-12);
    assertEquals(0.4, m.conversionProbabilityWithout(), 1e-12);
  }

  @Test
  void of_withoutMarkov_isEmpty() {
    assertTrue(MarkovDiagnostics.of(workedExample(), List.of(new Linear())).isEmpty());
  }
}
