package io.tributary.core.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The published fits on the CDNOW 1/10 sample (calibration 1997-01-01..1997-09-30, weeks): BG/NBD in Fader, Hardie
 * &amp; Lee (2005), Gamma-Gamma in Fader &amp; Hardie (2013), reproduced to 3 significant digits from the raw log.
 */
class CdnowReproductionTest {
  private static CustomerSummaries summaries() {
    return CustomerSummaries.fromPurchases(CdnowSample.purchases(),
        ClvOptions.defaults().withCalibrationEnd(CdnowSample.CALIBRATION_END).withTimeUnit(ClvTimeUnit.WEEK));
  }

  static void assertSignificant(double expected, double actual, int digits, String what) {
    double tolerance = 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - digits + 1);
    assertEquals(expected, actual, tolerance, what);
  }

  @Test
  void summaries_calibration_countsPublishedCustomers() {
    CustomerSummaries s = summaries();
    assertEquals(2357, s.byCustomer().size());
    assertEquals(0, s.acquiredAfterEnd());
    long repeat = s.summaries().stream().filter(c -> c.frequency() > 0).count();
    assertEquals(1411, s.summaries().stream().filter(c -> c.frequency() == 0).count());
    assertEquals(946, repeat);
  }

  @Test
  void bgNbdFit_cdnow_publishedParameters() {
    BgNbdFit fit = BgNbd.fit(summaries().summaries());
    assertSignificant(0.243, fit.model().r(), 3, "r");
    assertSignificant(4.414, fit.model().alpha(), 3, "alpha");
    assertSignificant(0.793, fit.model().a(), 3, "a");
    assertSignificant(2.426, fit.model().b(), 3, "b");
    assertSignificant(-9582.4, fit.logLikelihood(), 5, "log-likelihood");
  }

  @Test
  void gammaGammaFit_cdnow_publishedParameters() {
    GammaGammaFit fit = GammaGamma.fit(summaries().summaries());
    assertEquals(946, fit.customers());
    assertSignificant(6.25, fit.model().p(), 3, "p");
    assertSignificant(3.74, fit.model().q(), 3, "q");
    assertSignificant(15.44, fit.model().gamma(), 3, "gamma");
    assertSignificant(-4055.9, fit.logLikelihood(), 5, "log-likelihood");
  }

  @Test
  void expectedPurchases_publishedExample_1226() {
    BgNbd published = new BgNbd(0.243, 4.414, 0.793, 2.426);
    double e = published.expectedPurchases(39, CustomerSummary.of(2, 30.43, 38.86));
    assertSignificant(1.226, e, 4, "E[Y(39) | 2, 30.43, 38.86]");
  }
}
