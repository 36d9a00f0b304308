package io.tributary.cli.sample;

import io.tributary.core.journey.JourneyOptions;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a customer does after their first purchase: repeat purchases by the BG/NBD process and order values by the
 * Gamma-Gamma process, with the population parameters of the channel that acquired them
 * ({@link SampleChannel#lifetime()}).
 *
 * <p>The touch process ({@link ConversionProcess}) decides the purchases made at touches, and so the first purchase.
 * On top of those, from the first purchase on, the customer repeats at Poisson rate λ while alive and leaves with
 * probability p after each repeat purchase (never right after the first: BG/NBD's convention). Repeat purchases are
 * not caused by any touch; they are written as conversion-only rows under the customer id.
 */
final class LifetimeProcess {
  /*
   * Every draw comes from the customer's second stream, seeded apart from the touch stream, so adding this process
   * left every touch, purchase and truth of the touch process exactly as it was. Only StrictMath: the same bytes on
   * every platform.
   *
   * A repeat purchase that would fall between a touch and that touch's own checkout or duplicate report is moved one
   * second after them: the checkout row must close the journey its touch opened (a second or so, rarely).
   */

  private static final long DAY = 86_400_000L;
  private static final long SALT = 0x4C69666554696D65L;
  private static final long LOOKBACK = JourneyOptions.DEFAULT_LOOKBACK.toMillis();

  private final long seed;
  private final long endMillis;

  /** @param spec the data set's spec (seed and period) */
  LifetimeProcess(SampleSpec spec) {
    this.seed = CustomerSimulator.mix64(spec.seed() ^ SALT);
    this.endMillis = (spec.startDate().toEpochDay() + spec.days()) * DAY;
  }

  /**
   * Draws the customer's repeat purchases.
   *
   * @param index the customer number
   * @param n touches
   * @param times touch times
   * @param channels touch channels
   * @param converts which touches lead to a purchase
   * @param delay checkout delay per touch (0: on the touch row)
   * @param duplicate delay of the duplicate report per touch (0: none)
   */
  RepeatPurchases draw(long index, int n, long[] times, int[] channels, boolean[] converts, long[] delay,
      long[] duplicate) {
    int first = 0;
    while (first < n && !converts[first]) {
      first++;
    }
    if (first == n) {
      return RepeatPurchases.NONE;
    }
    long acquiredAt = times[first] + delay[first];
    int opener = 0;
    while (acquiredAt - times[opener] > LOOKBACK) {
      opener++; // SPEC's journey: the touches no older than the lookback before the conversion
    }
    int channel = channels[opener];
    LifetimeParameters lp = SampleChannel.all().get(channel).lifetime();
    SplittableRandom r = new SplittableRandom(CustomerSimulator.mix64(seed + index * 0x9E3779B97F4A7C15L));
    double lambda = gamma(r, lp.r()) / lp.alphaDays();
    double x = gamma(r, lp.a());
    double dropout = x / (x + gamma(r, lp.b()));
    double nu = gamma(r, lp.q()) / lp.gamma();
    double meanValueCents = 100.0 * lp.p() / nu;

    long[] at = new long[4];
    long[] value = new long[4];
    int count = 0;
    long t = acquiredAt;
    while (true) {
      double gap = CustomerSimulator.exponential(r) / lambda * DAY;
      if (gap >= endMillis - t) {
        break; // the next repeat falls after the period (a slow buyer's gap can exceed any long)
      }
      t += Math.max(1000L, seconds((long) gap));
      long cents = Math.max(1L, StrictMath.round(100.0 * gamma(r, lp.p()) / nu));
      boolean leaves = r.nextDouble() < dropout;
      t = clearOfCheckouts(t, n, times, converts, delay, duplicate);
      if (t >= endMillis) {
        break;
      }
      if (count == at.length) {
        at = Arrays.copyOf(at, 2 * count);
        value = Arrays.copyOf(value, 2 * count);
      }
      at[count] = t;
      value[count++] = cents;
      if (leaves) {
        break;
      }
    }
    return new RepeatPurchases(channel, acquiredAt, lambda, dropout, meanValueCents, count, at, value);
  }

  private static long clearOfCheckouts(long t, int n, long[] times, boolean[] converts, long[] delay,
      long[] duplicate) {
    for (int i = 0; i < n && times[i] <= t; i++) {
      long last = times[i] + delay[i] + duplicate[i];
      if (converts[i] && t <= last) {
        t = last + 1000;
      }
    }
    return t;
  }

  private static long seconds(long millis) {
    return millis / 1000 * 1000;
  }

  /**
   * A Gamma(shape, rate 1) draw: Marsaglia &amp; Tsang's squeeze method, and for a shape below 1 the boost
   * {@code Gamma(k) = Gamma(k + 1) · U^(1/k)}.
   */
  static double gamma(SplittableRandom r, double shape) {
    if (shape < 1) {
      double u = 1.0 - r.nextDouble();
      return gamma(r, shape + 1) * StrictMath.pow(u, 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / StrictMath.sqrt(9.0 * d);
    while (true) {
      double z = CustomerSimulator.gaussian(r);
      double v = 1.0 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1.0 - r.nextDouble();
      if (StrictMath.log(u) < 0.5 * z * z + d - d * v + d * StrictMath.log(v)) {
        return d * v;
      }
    }
  }
}
