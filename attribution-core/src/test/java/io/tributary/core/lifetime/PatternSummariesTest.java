package io.tributary.core.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.clv.ClvTimeUnit;
import io.tributary.core.clv.CustomerSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PatternSummariesTest {
  private static final long END = 20_000;

  @Test
  void drawnPatterns_distinctSummariesInCanonicalOrder_eachPatternMappedToItsOwn() {
    // Against a brute force: every pattern's summary computed on its own, the distinct ones in a TreeSet ordered field
    // by field (x, t_x, T, valued repeats, mean), and each pattern found in that list by equality. Both ways of the
    // class (ranks packed in a long, and summary objects sorted when the ranks would not fit) must give it.
    for (ClvTimeUnit unit : ClvTimeUnit.values()) {
      LifetimeTally tally = drawn(new Random(20261205 + unit.ordinal()), 3000);
      List<CustomerSummary> expected = new ArrayList<>(new TreeSet<>(PatternSummariesTest::fieldByField) {
        {
          for (int p = 0; p < tally.patterns(); p++) {
            add(tally.pattern(p).summary(END, unit));
          }
        }
      });
      for (int keyBits : new int[] {PatternSummaries.KEY_BITS, 8}) {
        PatternSummaries s = PatternSummaries.of(tally, END, unit, keyBits);
        assertEquals(expected, s.distinct(), unit + ", key bits " + keyBits);
        assertEquals(0, s.late());
        for (int p = 0; p < tally.patterns(); p++) {
          assertEquals(tally.pattern(p).summary(END, unit), s.distinct().get(s.summaryOf()[p]));
        }
      }
    }
  }

  @Test
  void patternAfterTheCalibrationEnd_isLateAndMappedToNone() {
    LifetimeTally tally = new LifetimeTally();
    tally.add(buyer(END - 10, new int[] {3}, new double[] {5}));
    tally.add(buyer(END - 2, new int[] {4}, new double[] {5})); // last purchase END + 2
    PatternSummaries s = PatternSummaries.of(tally, END, ClvTimeUnit.DAY);
    assertEquals(1, s.late());
    assertEquals(1, s.distinct().size());
    assertEquals(-1, s.summaryOf()[tally.patternId(1)]);
    assertTrue(s.summaryOf()[tally.patternId(0)] == 0);
  }

  /* Buyers with few repeats over a few hundred days: many shared values of every field, and some equal summaries. */
  private static LifetimeTally drawn(Random r, int buyers) {
    LifetimeTally tally = new LifetimeTally();
    for (int i = 0; i < buyers; i++) {
      int repeats = r.nextInt(4);
      int[] days = new int[repeats];
      double[] values = new double[repeats];
      int day = 0;
      for (int k = 0; k < repeats; k++) {
        day += 1 + r.nextInt(60);
        days[k] = day;
        values[k] = r.nextInt(4) == 0 ? 0 : (1 + r.nextInt(40)) * 2.5;
      }
      tally.add(buyer(END - day - r.nextInt(300), days, values));
    }
    return tally;
  }

  private static CustomerLifetime buyer(long firstDay, int[] repeatDays, double[] values) {
    int valued = 0;
    double sum = 0;
    for (double v : values) {
      valued += v > 0 ? 1 : 0;
      sum += v;
    }
    int last = repeatDays.length == 0 ? 0 : repeatDays[repeatDays.length - 1];
    CustomerSummary inDays = new CustomerSummary(repeatDays.length, last, last, valued, valued == 0 ? 0 : sum / valued);
    return new CustomerLifetime(firstDay, inDays, null, List.of(), List.of(), repeatDays);
  }

  private static int fieldByField(CustomerSummary u, CustomerSummary v) {
    if (u.frequency() != v.frequency()) {
      return u.frequency() < v.frequency() ? -1 : 1;
    }
    if (u.recency() != v.recency()) {
      return u.recency() < v.recency() ? -1 : 1;
    }
    if (u.age() != v.age()) {
      return u.age() < v.age() ? -1 : 1;
    }
    if (u.valuedRepeats() != v.valuedRepeats()) {
      return u.valuedRepeats() < v.valuedRepeats() ? -1 : 1;
    }
    return u.meanRepeatValue() == v.meanRepeatValue() ? 0 : u.meanRepeatValue() < v.meanRepeatValue() ? -1 : 1;
  }
}
