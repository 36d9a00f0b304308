package io.tributary.cli.sample;

/**
 * The causal model of the synthetic data: when does a customer buy, given the touches they have seen?
 *
 * <p>Every touch is a decision point. At touch {@code i}, with the customer's previous purchase at touch {@code s}
 * (or none), the probability of buying is the noisy-OR
 *
 * <pre>  h(i | s) = 1 − (1 − base) · Π over touches j in (s, i] of (1 − lift(c_j) · 2^(−(t_i − t_j) / H))</pre>
 *
 * where {@code base} is the customer's own propensity, {@code lift(c)} the channel's per-touch lift
 * ({@link SampleChannel#lift()}) and {@code H} = {@value #HALF_LIFE_DAYS} days the half-life of a touch's effect. A
 * purchase uses up the interest built so far: touches before it no longer count (repeat purchases need new touches).
 *
 * <p>Because exposures do not depend on purchases, a counterfactual "without channel c" keeps the same timeline and
 * only sets {@code lift(c)} to zero; {@link #expected} then gives the exact expected purchases of either world.
 */
final class ConversionProcess {
  /*
   * expected(): dynamic programming over "index of the last purchase". q[s + 1] is the probability that, after the
   * touches processed so far, the last purchase happened at touch s (s = −1: none yet). At touch i every state s
   * converts with h(i | s); the converted mass moves to state i. Walking s downwards from i − 1 extends the product
   * of h by one factor per step, so one touch costs O(i) and a timeline O(n²).
   *
   * Decay 2^(−(t_i − t_j)/H) is computed as w_j / w_i with w_k = 2^((t_k − t_0)/H), one StrictMath call per touch;
   * StrictMath keeps the output byte-identical on every platform. SampleSpec bounds the period so w stays finite.
   */

  /** Half-life of a touch's lift, in days. */
  static final double HALF_LIFE_DAYS = 5.0;

  private static final double HALF_LIFE_MILLIS = HALF_LIFE_DAYS * 86_400_000.0;

  private ConversionProcess() {}

  /**
   * @param times touch times in epoch ms, non-decreasing
   * @return the decay weights {@code w_k = 2^((t_k − t_0)/H)}
   */
  static double[] weights(long[] times, int n) {
    double[] w = new double[n];
    for (int k = 0; k < n; k++) {
      w[k] = StrictMath.pow(2.0, (times[k] - times[0]) / HALF_LIFE_MILLIS);
    }
    return w;
  }

  /**
   * The purchase probability at touch {@code i} when the last purchase was at touch {@code since} (−1: none).
   *
   * @param channels channel ordinals per touch
   * @param w decay weights from {@link #weights}
   * @param lifts per-channel lift, indexed by ordinal
   */
  static double hazard(int[] channels, double[] w, int since, int i, double base, double[] lifts) {
    double notConvert = 1.0 - base;
    for (int j = since + 1; j <= i; j++) {
      notConvert *= 1.0 - lifts[channels[j]] * (w[j] / w[i]);
    }
    return 1.0 - notConvert;
  }

  /**
   * The exact expected number of purchases and their expected value over a timeline.
   *
   * @param channels channel ordinals per touch
   * @param w decay weights from {@link #weights}
   * @param n number of touches
   * @param base the customer's base propensity per decision point
   * @param lifts per-channel lift, indexed by ordinal
   * @param valueAt expected order value of a purchase at each touch
   * @return {@code {expected purchases, expected value}}
   */
  static double[] expected(int[] channels, double[] w, int n, double base, double[] lifts, double[] valueAt) {
    double[] q = new double[n + 1];
    q[0] = 1.0;
    double conversions = 0;
    double value = 0;
    for (int i = 0; i < n; i++) {
      double notConvert = 1.0 - base;
      double convertedHere = 0;
      for (int s = i - 1; s >= -1; s--) {
        int j = s + 1;
        notConvert *= 1.0 - lifts[channels[j]] * (w[j] / w[i]);
        double mass = q[s + 1] * (1.0 - notConvert);
        convertedHere += mass;
        q[s + 1] -= mass;
      }
      q[i + 1] = convertedHere;
      conversions += convertedHere;
      value += convertedHere * valueAt[i];
    }
    return new double[] {conversions, value};
  }

  /**
   * Draws the purchases of one timeline.
   *
   * @param uniforms one uniform [0, 1) draw per touch; touch i converts when its draw is below its hazard
   * @param converts receives whether each touch converts
   * @return the number of purchases
   */
  static int sample(int[] channels, double[] w, int n, double base, double[] lifts, double[] uniforms,
      boolean[] converts) {
    int since = -1;
    int count = 0;
    for (int i = 0; i < n; i++) {
      converts[i] = uniforms[i] < hazard(channels, w, since, i, base, lifts);
      if (converts[i]) {
        since = i;
        count++;
      }
    }
    return count;
  }
}
