package io.tributary.core.lifetime;

import io.tributary.core.clv.BgNbd;
import io.tributary.core.clv.ClvOptions;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.clv.GammaGamma;
import io.tributary.core.clv.LifetimeValue;

/**
 * A customer's lifetime value by the same schedule as {@link LifetimeValue}, with the expected purchases of an alive
 * customer summed in the paper's untransformed form of eq. 10 (Fader, Hardie &amp; Lee 2005):
 *
 * <pre>  N(t) = (a + b + x − 1) / (a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) · 2F1(r + x, b + x; a + b + x − 1; z)]</pre>
 *
 * with z = t / (α + T + t). Used only where {@link LifetimeValue} gives no finite number: its transformed series
 * overflows when the fit drives a and b to thousands (dropout almost the same for everyone, a boundary fit that
 * short calibration windows produce), while this series' terms shrink by about z·b/(a + b) per step there.
 */
final class UntransformedLifetimeValue {
  private UntransformedLifetimeValue() {}

  /** @return the customer's discounted expected value over the horizon, as {@link LifetimeValue#lifetimeValue} */
  static double lifetimeValue(BgNbd m, GammaGamma value, ClvOptions options, CustomerSummary s) {
    double horizon = options.horizonDays();
    int months = Math.max(1, (int) Math.ceil(horizon / LifetimeValue.MONTH_DAYS - 1e-9));
    double unit = options.timeUnit().days();
    double discounted = 0;
    double before = 0;
    for (int k = 0; k < months; k++) {
      double end = Math.min((k + 1) * LifetimeValue.MONTH_DAYS, horizon);
      double n = alive(m, end / unit, s.frequency(), s.age());
      discounted += (n - before) * Math.pow(1 + options.discountRate(), -end / 365);
      before = n;
    }
    return value.expectedValue(s) * m.probabilityAlive(s) * discounted;
  }

  /** N(t): expected purchases in t after the calibration end of a customer alive then. */
  static double alive(BgNbd m, double t, int x, double age) {
    double r = m.r();
    double a = m.a();
    double b = m.b();
    double alpha = m.alpha();
    double z = t / (alpha + age + t);
    double c = a + b + x - 1;
    // 2F1(r + x, b + x; c; z) = Σ_n terms, each term the last times (r+x+n)(b+x+n) z / ((c+n)(n+1)).
    double term = 1;
    double sum = 1;
    for (int n = 0; n < 10_000_000; n++) {
      term *= (r + x + n) * (b + x + n) * z / ((c + n) * (n + 1));
      sum += term;
      if (term <= 1e-17 * sum) {
        break;
      }
    }
    double logPrefactor = (r + x) * (Math.log(alpha + age) - Math.log(alpha + age + t));
    return c / (a - 1) * -Math.expm1(logPrefactor + Math.log(sum));
  }
}
