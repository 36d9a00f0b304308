package io.tributary.core.lifetime;

import io.tributary.core.clv.ClvTimeUnit;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.clv.SortedDistinct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct customer summaries of a tally's purchase patterns at one calibration end, in canonical order, and
 * each pattern's place among them: what both lifetime-value models are fitted on ({@link LifetimeFit}).
 *
 * <p>Canonical order: by x, t_x, T, valued repeats, mean repeat value, each as {@link Double#compare} (or
 * {@link Integer#compare}) orders it, so that the fit's sums, and so every customer's value, are the same bits
 * whatever order an engine read its customers in.
 *
 * @param distinct the distinct summaries, in canonical order
 * @param summaryOf per pattern id, the index of its summary in {@code distinct}; -1 for a pattern with a purchase
 *     after the calibration end
 * @param late the number of patterns with a purchase after the calibration end
 */
record PatternSummaries(List<CustomerSummary> distinct, int[] summaryOf, int late) {
  /*
   * Speed: a run has about as many distinct summaries as patterns (140,000 of them on 10M events), and a map of
   * summary objects with a comparator sort cost about as much as the two fits, in code that runs once and so is
   * seldom compiled well. Each of the five fields is replaced by its rank among the field's distinct values (a sort
   * of primitives), the five ranks are packed into one long whose order is the canonical order, and the summaries are
   * the distinct keys, sorted. When the ranks need more than 63 bits (never on real data: it takes thousands of
   * distinct values of every field), the summaries are sorted as objects instead.
   */
  static final Comparator<CustomerSummary> CANONICAL = (u, v) -> {
    // Written out: a chain of comparators costs more than the fit.
    int c = Integer.compare(u.frequency(), v.frequency());
    if (c == 0) {
      c = Double.compare(u.recency(), v.recency());
    }
    if (c == 0) {
      c = Double.compare(u.age(), v.age());
    }
    if (c == 0) {
      c = Integer.compare(u.valuedRepeats(), v.valuedRepeats());
    }
    return c != 0 ? c : Double.compare(u.meanRepeatValue(), v.meanRepeatValue());
  };

  /** Bits a packed key may use: a long's, less the sign bit (so that the keys sort as signed longs). */
  static final int KEY_BITS = 63;

  /**
   * @param buyers a tally
   * @param calibrationEnd the calibration end, as an epoch day
   * @param unit the time unit of t_x and T
   * @return the distinct summaries of its patterns
   */
  static PatternSummaries of(LifetimeTally buyers, long calibrationEnd, ClvTimeUnit unit) {
    return of(buyers, calibrationEnd, unit, KEY_BITS);
  }

  /* keyBits: the most bits a packed key may take (less than KEY_BITS only to test the other way). */
  static PatternSummaries of(LifetimeTally buyers, long calibrationEnd, ClvTimeUnit unit, int keyBits) {
    int n = buyers.patterns();
    int[] summaryOf = new int[n];
    int late = 0;
    // The fields of each pattern's summary, exactly as LifetimeTally.Purchases#summary computes them.
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    int[] valued = new int[n];
    double[] mean = new double[n];
    int kept = 0;
    double d = unit.days();
    for (int p = 0; p < n; p++) {
      LifetimeTally.Purchases purchases = buyers.pattern(p);
      if (purchases.lastDay() > calibrationEnd) {
        late++;
        summaryOf[p] = -1;
        continue;
      }
      CustomerSummary inDays = purchases.inDays();
      x[kept] = inDays.frequency();
      tx[kept] = inDays.recency() / d;
      age[kept] = (calibrationEnd - purchases.firstDay()) / d;
      valued[kept] = inDays.valuedRepeats();
      mean[kept] = inDays.meanRepeatValue();
      summaryOf[p] = kept++;
    }
    int[] xs = SortedDistinct.of(x, kept);
    double[] txs = SortedDistinct.of(tx, kept);
    double[] ages = SortedDistinct.of(age, kept);
    int[] valueds = SortedDistinct.of(valued, kept);
    double[] means = SortedDistinct.of(mean, kept);
    int bx = bits(xs.length);
    int btx = bits(txs.length);
    int bage = bits(ages.length);
    int bvalued = bits(valueds.length);
    int bmean = bits(means.length);
    if (bx + btx + bage + bvalued + bmean > keyBits) {
      return byObjects(buyers, calibrationEnd, unit, summaryOf, late);
    }
    long[] keys = new long[kept];
    for (int i = 0; i < kept; i++) {
      long k = Arrays.binarySearch(xs, x[i]);
      k = k << btx | Arrays.binarySearch(txs, tx[i]);
      k = k << bage | Arrays.binarySearch(ages, age[i]);
      k = k << bvalued | Arrays.binarySearch(valueds, valued[i]);
      keys[i] = k << bmean | Arrays.binarySearch(means, mean[i]);
    }
    long[] sorted = SortedDistinct.of(keys, kept);
    int rows = sorted.length;
    CustomerSummary[] distinct = new CustomerSummary[rows];
    for (int p = 0; p < n; p++) {
      if (summaryOf[p] >= 0) {
        int row = Arrays.binarySearch(sorted, 0, rows, keys[summaryOf[p]]);
        if (distinct[row] == null) {
          distinct[row] = buyers.pattern(p).summary(calibrationEnd, unit);
        }
        summaryOf[p] = row;
      }
    }
    return new PatternSummaries(List.of(distinct), summaryOf, late);
  }

  /* The same with a map of summaries and a comparator sort: for keys that do not fit in a long. */
  private static PatternSummaries byObjects(LifetimeTally buyers, long calibrationEnd, ClvTimeUnit unit,
      int[] summaryOf, int late) {
    Map<CustomerSummary, Integer> index = new HashMap<>();
    List<CustomerSummary> distinct = new ArrayList<>();
    for (int p = 0; p < summaryOf.length; p++) {
      if (summaryOf[p] >= 0) {
        CustomerSummary s = buyers.pattern(p).summary(calibrationEnd, unit);
        if (index.putIfAbsent(s, distinct.size()) == null) {
          distinct.add(s);
        }
      }
    }
    List<CustomerSummary> sorted = new ArrayList<>(distinct);
    sorted.sort(CANONICAL);
    for (int j = 0; j < sorted.size(); j++) {
      index.put(sorted.get(j), j);
    }
    for (int p = 0; p < summaryOf.length; p++) {
      if (summaryOf[p] >= 0) {
        summaryOf[p] = index.get(buyers.pattern(p).summary(calibrationEnd, unit));
      }
    }
    return new PatternSummaries(List.copyOf(sorted), summaryOf, late);
  }

  /* Bits for ranks 0..count-1. */
  private static int bits(int count) {
    return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
  }
}
