package io.tributary.cli.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class IncrementalTruthTest {
  private static final double PS = SampleChannel.PAID_SEARCH.lift();
  private static final double EM = SampleChannel.EMAIL.lift();

  /** Two touches at the same instant (no decay): paid search, then e-mail; base b. */
  private static SimulatedCustomer twoTouches(double base) {
    return new SimulatedCustomer(0, base, false, false, false, false, 2, new long[] {1000, 1000},
        new int[] {SampleChannel.PAID_SEARCH.ordinal(), SampleChannel.EMAIL.ordinal()}, new int[2], new int[2],
        new double[] {5000, 5000}, new boolean[2], new long[2], new long[2], new long[2],
        RepeatPurchases.NONE, CustomerSegments.BROWSER, CustomerSegments.GUEST);
  }

  /** E[purchases] of the two-touch timeline with lifts a (first) and e (second), by hand. */
  private static double byHand(double base, double a, double e) {
    double h0 = 1 - (1 - base) * (1 - a);
    double h1AfterPurchase = 1 - (1 - base) * (1 - e);
    double h1Otherwise = 1 - (1 - base) * (1 - a) * (1 - e);
    return h0 + h0 * h1AfterPurchase + (1 - h0) * h1Otherwise;
  }

  @Test
  void add_twoTouchCustomer_incrementalIsDifferenceOfHandComputedExpectations() {
    double base = 0.1;
    IncrementalTruth truth = new IncrementalTruth(new CustomerSimulator(
        new SampleSpec(1, 1, 1, java.time.LocalDate.of(2024, 1, 1), false, true)).lifts());
    truth.add(twoTouches(base));
    double all = byHand(base, PS, EM);
    assertEquals(all, truth.expectedConversions(), 1e-12);
    assertEquals(all - byHand(base, 0, EM), truth.incremental(SampleChannel.PAID_SEARCH), 1e-12);
    assertEquals(all - byHand(base, PS, 0), truth.incremental(SampleChannel.EMAIL), 1e-12);
    assertEquals(0, truth.incremental(SampleChannel.DISPLAY));
  }

  @Test
  void write_twoTouchCustomer_oneRowPerChannelWithShares() throws IOException {
    double base = 0.1;
    IncrementalTruth truth = new IncrementalTruth(new CustomerSimulator(
        new SampleSpec(1, 1, 1, java.time.LocalDate.of(2024, 1, 1), false, true)).lifts());
    truth.add(twoTouches(base));
    StringWriter out = new StringWriter();
    truth.write(out, new LifetimeTruth(new SampleSpec(1, 1, 1, java.time.LocalDate.of(2024, 1, 1), false, true)));
    String[] lines = out.toString().split("\n");
    assertEquals(1 + SampleChannel.all().size(), lines.length);
    assertEquals(IncrementalTruth.HEADER + "," + LifetimeTruth.HEADER, lines[0]);
    String[] ps = lines[1].split(",");
    assertEquals("paid_search", ps[0]);
    assertEquals("1", ps[2]); // one paid-search touch
    double incPs = byHand(base, PS, EM) - byHand(base, 0, EM);
    double incEm = byHand(base, PS, EM) - byHand(base, PS, 0);
    assertEquals(incPs / (incPs + incEm), Double.parseDouble(ps[6]), 1e-6);
    assertTrue(lines[10].startsWith("direct,0.000,0,"), lines[10]);
  }
}
