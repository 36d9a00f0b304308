package io.tributary.core.lifetime;

import io.tributary.core.clv.BgNbd;
import io.tributary.core.clv.BgNbdFit;
import io.tributary.core.clv.ClvOptions;
import io.tributary.core.clv.CustomerSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The standard check of a BG/NBD fit (Fader, Hardie &amp; Lee 2005, figure 4): hold the last part of the run out, fit
 * on the rest, and compare the repeat purchases the fit predicts for the held-out days with those the customers made,
 * by the number of repeat purchases in the calibration part.
 *
 * <p>Choices: the holdout is the last third of the days from the run's first purchase to its calibration end (whole
 * days, at least one); only customers whose first purchase falls before it are checked; a purchase day counts once.
 *
 * @param calibrationEnd the last day of the calibration part
 * @param holdoutEnd the last day of the holdout (the run's calibration end)
 * @param fit the BG/NBD fit on the calibration part
 * @param rows per calibration frequency x = 0 .. {@value #LAST_ROW}+ (the last row pools the rest)
 */
public record HoldoutCheck(LocalDate calibrationEnd, LocalDate holdoutEnd, BgNbdFit fit, List<Row> rows) {
  /** The last frequency with a row of its own; higher ones are pooled into it. */
  public static final int LAST_ROW = 7;

  /**
   * One row of the check, and of the {@code lifetime_holdout} table.
   *
   * @param calibrationEnd the last day of the calibration part
   * @param holdoutEnd the last day of the holdout
   * @param frequency x in the calibration part ({@value #LAST_ROW} means x &gt;= {@value #LAST_ROW})
   * @param customers customers with that x
   * @param actual their mean repeat purchases in the holdout
   * @param predicted the fit's mean expected repeat purchases in the holdout
   */
  public record Row(LocalDate calibrationEnd, LocalDate holdoutEnd, int frequency, long customers, double actual,
      double predicted) {}

  public HoldoutCheck {
    rows = List.copyOf(rows);
  }

  /**
   * @param ledger the run's buyers
   * @param end the run's calibration end
   * @param options the time unit
   * @return the check
   * @throws io.tributary.core.clv.ClvException when the calibration part cannot be fitted
   */
  public static HoldoutCheck of(LifetimeLedger ledger, LocalDate end, ClvOptions options) {
    return of(LifetimeTally.of(ledger), end, options);
  }

  /**
   * @param buyers the run's buyers
   * @param end the run's calibration end
   * @param options the time unit
   * @return the check
   * @throws io.tributary.core.clv.ClvException when the calibration part cannot be fitted
   */
  public static HoldoutCheck of(LifetimeTally buyers, LocalDate end, ClvOptions options) {
    long last = end.toEpochDay();
    long first = last;
    for (int p = 0; p < buyers.patterns(); p++) {
      first = Math.min(first, buyers.pattern(p).firstDay());
    }
    long holdout = Math.max(1, (last - first) / 3);
    long cut = last - holdout;
    double unit = options.timeUnit().days();
    List<CustomerSummary> calibration = new ArrayList<>();
    List<Integer> actual = new ArrayList<>();
    for (int i = 0; i < buyers.size(); i++) {
      LifetimeTally.Purchases c = buyers.purchases(i);
      if (c.firstDay() > cut) {
        continue;
      }
      int x = 0;
      int lastRepeat = 0;
      int after = 0;
      for (int d : c.repeatDays()) {
        if (c.firstDay() + d <= cut) {
          x++;
          lastRepeat = d;
        } else if (c.firstDay() + d <= last) {
          after++;
        }
      }
      calibration.add(CustomerSummary.of(x, lastRepeat / unit, (cut - c.firstDay()) / unit));
      actual.add(after);
    }
    List<CustomerSummary> sorted = new ArrayList<>(calibration);
    sorted.sort(Comparator.comparingInt(CustomerSummary::frequency).thenComparingDouble(CustomerSummary::recency)
        .thenComparingDouble(CustomerSummary::age));
    BgNbdFit fit = BgNbd.fit(sorted);
    long[] n = new long[LAST_ROW + 1];
    double[] a = new double[LAST_ROW + 1];
    double[] p = new double[LAST_ROW + 1];
    for (int i = 0; i < calibration.size(); i++) {
      CustomerSummary s = calibration.get(i);
      int row = Math.min(LAST_ROW, s.frequency());
      n[row]++;
      a[row] += actual.get(i);
      p[row] += expected(fit.model(), holdout / unit, s);
    }
    List<Row> rows = new ArrayList<>();
    for (int x = 0; x <= LAST_ROW; x++) {
      if (n[x] > 0) {
        rows.add(new Row(LocalDate.ofEpochDay(cut), end, x, n[x], a[x] / n[x], p[x] / n[x]));
      }
    }
    return new HoldoutCheck(LocalDate.ofEpochDay(cut), end, fit, rows);
  }

  /* E[Y(t) | x, t_x, T]; the untransformed series where the transformed one gives no number (a, b very large). */
  private static double expected(BgNbd m, double t, CustomerSummary s) {
    double v = m.expectedPurchases(t, s);
    if (v >= 0 && !Double.isInfinite(v)) {
      return v;
    }
    return m.probabilityAlive(s) * UntransformedLifetimeValue.alive(m, t, s.frequency(), s.age());
  }
}
