package io.tributary.core.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The weak-fit rule on fits written by hand, and on a real tiny fit against the published CDNOW-sized one. */
class FitWarningsTest {
  private static BgNbdFit bgNbd(double aSe) {
    return new BgNbdFit(new BgNbd(0.243, 4.414, 0.793, 2.426), List.of(new Estimate("r", 0.243, 0.013),
        new Estimate("alpha", 4.414, 0.379), new Estimate("a", 0.793, aSe), new Estimate("b", 2.426, 0.705)),
        -9582.4, 2357, 1125);
  }

  @Test
  void standardErrorsBelowTheirValues_noWarning() {
    GammaGammaFit gg = new GammaGammaFit(new GammaGamma(6.25, 3.74, 15.44), List.of(new Estimate("p", 6.25, 0.5),
        new Estimate("q", 3.74, 0.3), new Estimate("gamma", 15.44, 3)), -4055.9, 946);
    assertEquals(List.of(), FitWarnings.of(bgNbd(0.185), gg));
    assertEquals(List.of(), FitWarnings.of(bgNbd(0.185), null));
  }

  @Test
  void oneStandardErrorAboveItsValue_oneLineNamingIt() {
    List<String> w = FitWarnings.of(bgNbd(0.8), null);
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).startsWith("warning: the BG/NBD fit on 2357 customers is weak"), w.get(0));
    assertTrue(w.get(0).contains("a = 0.7930 ± 0.8000"), w.get(0));
    assertTrue(!w.get(0).contains("alpha ="), w.get(0));
    assertTrue(FitWarnings.weak(new Estimate("q", 1, 1.0000001)));
    assertTrue(!FitWarnings.weak(new Estimate("q", 1, 1)));
  }
}
