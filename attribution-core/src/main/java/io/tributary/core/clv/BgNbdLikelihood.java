package io.tributary.core.clv;

import io.tributary.core.Internal;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD log-likelihood of a whole population, laid out for the thousands of evaluations a fit makes: customers
 * with the same (x, t_x, T) are one row with a count, and each evaluation takes the log-gamma terms once per distinct
 * x and the logarithms once per distinct t_x and T, leaving a log-sum-exp per row. Immutable and thread-safe.
 */
@Internal
public final class BgNbdLikelihood {
  /*
   * Per customer ([1] eq. 6 of BgNbd, in log space):
   *   LL = A1(x) + A2(x) + ln( e^{A3} + [x > 0] e^{A4} )
   *   A1 = lnΓ(r+x) - lnΓ(r) + r ln α
   *   A2 = lnΓ(a+b) + lnΓ(b+x) - lnΓ(b) - lnΓ(a+b+x)
   *   A3 = -(r+x) ln(α+T)
   *   A4 = ln a - ln(b+x-1) - (r+x) ln(α+t_x)
   * Rows are sorted by (x, t_x, T) and summed in fixed blocks (BlockSum), so the sum is the same on every run and
   * any number of cores.
   */
  private final int customers;
  private final int repeatCustomers;
  private final double meanAge;
  private final double meanFrequency;
  private final int[] xs; // distinct x, ascending
  private final double[] recencies; // distinct t_x, ascending
  private final double[] ages; // distinct T, ascending
  private final int[] rowX; // index into xs
  private final int[] rowRecency; // index into recencies
  private final int[] rowAge; // index into ages
  private final int[] rowCount;
  private final SummaryCounts population;

  private BgNbdLikelihood(SummaryCounts summaries) {
    population = summaries;
    int n = summaries.size(); // runs: a run's customers share one summary
    customers = summaries.customers();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    int repeat = 0;
    double sumAge = 0;
    double sumX = 0;
    for (int i = 0; i < n; i++) {
      CustomerSummary s = summaries.summary(i);
      x[i] = s.frequency();
      tx[i] = s.recency();
      age[i] = s.age();
      int count = summaries.count(i);
      repeat += s.frequency() > 0 ? count : 0;
      // One customer at a time, in order: the same rounding as a list of every customer.
      for (int c = 0; c < count; c++) {
        sumAge += s.age();
        sumX += s.frequency();
      }
    }
    repeatCustomers = repeat;
    meanAge = customers == 0 ? 0 : sumAge / customers;
    meanFrequency = customers == 0 ? 0 : sumX / customers;
    xs = SortedDistinct.of(x, n);
    recencies = SortedDistinct.of(tx, n);
    ages = SortedDistinct.of(age, n);
    if (xs.length >= 1 << 21 || recencies.length >= 1 << 21 || ages.length >= 1 << 21) {
      throw new ClvException("more than 2,097,151 distinct values of x, t_x or T: not supported");
    }
    // One key per run: the three indices packed into a long (each < 2^21); the distinct keys sorted are the rows,
    // and each run's customers are counted into its row.
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long xi = Arrays.binarySearch(xs, x[i]);
      long ti = Arrays.binarySearch(recencies, tx[i]);
      long ai = Arrays.binarySearch(ages, age[i]);
      keys[i] = xi << 42 | ti << 21 | ai;
    }
    long[] rowKeys = SortedDistinct.of(keys, n);
    int rows = rowKeys.length;
    rowX = new int[rows];
    rowRecency = new int[rows];
    rowAge = new int[rows];
    rowCount = new int[rows];
    for (int row = 0; row < rows; row++) {
      rowX[row] = (int) (rowKeys[row] >>> 42);
      rowRecency[row] = (int) ((rowKeys[row] >>> 21) & 0x1FFFFF);
      rowAge[row] = (int) (rowKeys[row] & 0x1FFFFF);
    }
    for (int i = 0; i < n; i++) {
      rowCount[Arrays.binarySearch(rowKeys, keys[i])] += summaries.count(i);
    }
  }

  /**
   * @param summaries the customers
   * @return their likelihood
   */
  public static BgNbdLikelihood of(List<CustomerSummary> summaries) {
    return new BgNbdLikelihood(SummaryCounts.of(summaries));
  }

  /**
   * @param summaries the customers, as runs of equal summaries
   * @return their likelihood: the same as {@link #of(List)} of {@link SummaryCounts#expand()}
   */
  public static BgNbdLikelihood of(SummaryCounts summaries) {
    return new BgNbdLikelihood(summaries);
  }

  /** @return the number of customers */
  public int customers() {
    return customers;
  }

  /** @return the number of distinct (x, t_x, T), the rows each evaluation visits */
  public int rows() {
    return rowCount.length;
  }

  /**
   * @param m the parameters
   * @return the population's log-likelihood at them
   */
  public double logLikelihood(BgNbd m) {
    return logLikelihood(m.r(), m.alpha(), m.a(), m.b());
  }

  double logLikelihood(double r, double alpha, double a, double b) {
    int nx = xs.length;
    double[] base = new double[nx]; // A1 + A2
    double[] extra = new double[nx]; // ln a - ln(b+x-1)
    double lgR = Gamma.logGamma(r);
    double lgB = Gamma.logGamma(b);
    double lgAb = Gamma.logGamma(a + b);
    double rLogAlpha = r * Math.log(alpha);
    double logA = Math.log(a);
    for (int k = 0; k < nx; k++) {
      int x = xs[k];
      base[k] = x == 0 ? rLogAlpha
          : Gamma.logGamma(r + x) - lgR + rLogAlpha + lgAb + Gamma.logGamma(b + x) - lgB - Gamma.logGamma(a + b + x);
      extra[k] = x == 0 ? 0 : logA - Math.log(b + x - 1);
    }
    double[] logAge = logs(alpha, ages);
    double[] logRecency = logs(alpha, recencies);
    return BlockSum.sum(rowCount.length, (from, to) -> {
      double sum = 0;
      for (int i = from; i < to; i++) {
        int k = rowX[i];
        int x = xs[k];
        double rx = r + x;
        double a3 = -rx * logAge[rowAge[i]];
        double ll;
        if (x == 0) {
          ll = base[k] + a3;
        } else {
          double a4 = extra[k] - rx * logRecency[rowRecency[i]];
          double m = Math.max(a3, a4);
          ll = base[k] + m + Math.log1p(Math.exp(-Math.abs(a3 - a4)));
        }
        sum += rowCount[i] * ll;
      }
      return sum;
    });
  }

  /* Fits the model: the checks that give a clear message, then the optimiser. */
  BgNbdFit fit() {
    if (customers == 0) {
      throw new ClvException("BG/NBD: no customer in the calibration window: nothing to fit");
    }
    if (repeatCustomers == 0) {
      throw new ClvException("BG/NBD: none of the " + customers + " customers bought again in the calibration window "
          + "(every x = 0): repeat purchases cannot be fitted");
    }
    MaximumLikelihood.Optimum o = optimum();
    double[] t = o.theta();
    double[] se = o.standardErrors();
    List<Estimate> estimates = List.of(new Estimate("r", t[0], se[0]), new Estimate("alpha", t[1], se[1]),
        new Estimate("a", t[2], se[2]), new Estimate("b", t[3], se[3]));
    return new BgNbdFit(new BgNbd(t[0], t[1], t[2], t[3]), estimates, o.logLikelihood(), customers, repeatCustomers);
  }

  /*
   * Start: r = 1, α so that the mean rate r/α matches the mean x per unit of T, a = b = 1. A large population starts
   * instead from the optimum of a systematic subsample (every k-th customer), which lands the full fit near its
   * maximum in a few steps; the full fit still decides the result.
   */
  private MaximumLikelihood.Optimum optimum() {
    double alpha0 = Math.max(meanAge, 1e-6) / Math.max(meanFrequency, 1e-6);
    MaximumLikelihood.Optimum warm = null;
    if (customers >= MaximumLikelihood.WARM_START_MIN) {
      try {
        warm = new BgNbdLikelihood(population.everyKth(MaximumLikelihood.step(customers))).optimum();
      } catch (ClvException e) {
        warm = null;
      }
    }
    return MaximumLikelihood.maximize("BG/NBD", BgNbd.PARAMETERS, t -> logLikelihood(t[0], t[1], t[2], t[3]),
        new double[] {1, alpha0, 1, 1}, customers, warm);
  }

  private static double[] logs(double alpha, double[] times) {
    double[] out = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      out[i] = Math.log(alpha + times[i]);
    }
    return out;
  }

}
