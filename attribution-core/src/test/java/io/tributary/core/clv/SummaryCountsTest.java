package io.tributary.core.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SummaryCountsTest {
  /* Runs of a few summaries drawn from a small set, so equal summaries appear both in one run and in several. */
  private static SummaryCounts runs(long seed, int n) {
    Random random = new Random(seed);
    List<CustomerSummary> s = new ArrayList<>();
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      int x = random.nextInt(4);
      double age = 10 + random.nextInt(30);
      double tx = x == 0 ? 0 : random.nextInt((int) age + 1);
      int valued = x == 0 ? 0 : random.nextInt(x + 1);
      s.add(new CustomerSummary(x, tx, age, valued, valued == 0 ? 0 : 5 + random.nextInt(20)));
      c[i] = random.nextInt(5); // 0: a summary that stands for nobody
    }
    return SummaryCounts.of(s, c);
  }

  @Test
  void everyKthTakesTheSameCustomersAsTheExpandedList() {
    SummaryCounts p = runs(7, 500);
    List<CustomerSummary> all = p.expand();
    assertEquals(all.size(), p.customers());
    for (int k : new int[] {1, 2, 3, 7, 50, all.size(), all.size() + 3}) {
      List<CustomerSummary> expected = new ArrayList<>();
      for (int i = 0; i < all.size(); i += k) {
        expected.add(all.get(i));
      }
      assertEquals(expected, p.everyKth(k).expand(), "k = " + k);
    }
  }

  @Test
  void ofAListKeepsItsOrderInRuns() {
    List<CustomerSummary> all = runs(11, 300).expand();
    SummaryCounts p = SummaryCounts.of(all);
    assertEquals(all, p.expand());
    for (int i = 1; i < p.size(); i++) {
      // neighbouring runs differ, or they would be one run
      assertEquals(false, p.summary(i).equals(p.summary(i - 1)));
    }
  }

  @Test
  void aFitOnRunsIsTheFitOnEveryCustomerToTheBit() {
    // 120,000 customers: enough for the warm start (every k-th customer) and the block sums on several cores. Whole
    // days, so that many customers share a summary.
    double[] ages = new double[120_000];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = 30 + i % 120;
    }
    List<CustomerSummary> drawn = Simulated.bgNbd(new BgNbd(0.6, 15, 0.8, 3), ages, 3, 0, null);
    int[] repeats = drawn.stream().mapToInt(CustomerSummary::frequency).filter(x -> x > 0).toArray();
    List<CustomerSummary> values = Simulated.gammaGamma(new GammaGamma(6, 4, 15), repeats, 5);
    List<CustomerSummary> all = new ArrayList<>();
    int v = 0;
    for (CustomerSummary s : drawn) {
      int x = s.frequency();
      // Order values to the quarter: customers share means.
      double mean = x == 0 ? 0 : Math.max(0.25, Math.round(values.get(v++).meanRepeatValue() * 4) / 4.0);
      all.add(new CustomerSummary(x, Math.floor(s.recency()), s.age(), x, mean));
    }
    all.sort(java.util.Comparator.comparingInt(CustomerSummary::frequency)
        .thenComparingDouble(CustomerSummary::recency).thenComparingDouble(CustomerSummary::age)
        .thenComparingInt(CustomerSummary::valuedRepeats).thenComparingDouble(CustomerSummary::meanRepeatValue));
    SummaryCounts runs = SummaryCounts.of(all);
    assertEquals(true, runs.size() < all.size() * 0.7, "customers share summaries: " + runs.size());
    int[] ones = new int[all.size()];
    java.util.Arrays.fill(ones, 1);
    SummaryCounts single = SummaryCounts.of(all, ones);
    assertEquals(all.size(), single.size());
    BgNbdFit purchases = BgNbd.fit(runs);
    assertEquals(purchases, BgNbd.fit(single));
    assertEquals(purchases, BgNbd.fit(all));
    GammaGammaFit value = GammaGamma.fit(runs);
    assertEquals(value, GammaGamma.fit(single));
    assertEquals(value, GammaGamma.fit(all));
  }
}
