package io.tributary.cli.sample;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws one customer at a time from their own seeded random stream, so customer {@code i} is the same whatever the
 * number of customers, and a counterfactual re-run of that customer sees exactly the same touches.
 */
final class CustomerSimulator {
  /*
   * The exposure process (one episode of interest after another):
   *  1. The first touch falls uniformly in the period. Its channel is drawn from START (search and direct weighted by
   *     the customer's intent: keen buyers search), later channels from the row of the previous channel in NEXT
   *     (display leads to search, search to direct, e-mail to direct and the store, ...). App push needs the app,
   *     store visits a store nearby.
   *  2. Interest starts at 1 and shrinks by INTEREST_DECAY per touch. After each touch the episode goes on with
   *     probability 0.3 + 0.6 · interest, after an exponential gap of mean 8 h / interest (interest fades: touches
   *     thin out); otherwise, with probability RETURN, a new episode starts after 1 day + an exponential of mean
   *     12 days; otherwise the customer is gone.
   *  3. Every touch is a purchase decision point of ConversionProcess. Touches do not depend on purchases, which
   *     is what makes the counterfactual exact.
   *  4. Every random number is drawn in a fixed order per touch, used or not, so a draw never shifts the stream.
   *  5. StrictMath only: the files are byte-identical on every platform.
   *  6. After the first purchase, LifetimeProcess adds repeat purchases from a second stream of the customer's own.
   */

  static final double INTEREST_DECAY = 0.8;
  static final double RETURN = 0.5;
  static final int MAX_TOUCHES = 400;

  private static final long DAY = 86_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final double[] START = {18, 12, 10, 14, 14, 6, 5, 3, 5, 6, 5, 2};
  // Rows: from; columns: to, in SampleChannel order (ps, org, em, so, di, vi, af, ap, mp, dir, store, call).
  private static final double[][] NEXT = {
      {3, 1, 2, 0, 0, 0, 0, 0, 0, 3, 1, 0.5},
      {2, 2, 1, 0, 0, 0, 0, 0, 0, 3, 0.5, 0},
      {1, 0, 3, 0, 0, 0, 0, 1, 0, 3, 1, 0},
      {2, 0, 0, 3, 1, 2, 0, 0, 0, 2, 0, 0},
      {3, 2, 0, 1, 3, 0, 0, 0, 0, 2, 0, 0},
      {2, 2, 0, 2, 0, 2, 0, 0, 0, 1, 0, 0},
      {2, 0, 0, 0, 0, 0, 1, 0, 1, 2, 0, 0},
      {0, 0, 1, 0, 0, 0, 0, 2, 0, 2, 0, 0},
      {1, 0, 0, 0, 0, 0, 1, 0, 3, 1, 0, 0},
      {1, 0, 2, 0, 0, 0, 0, 0, 0, 2, 1, 1},
      {0, 0, 3, 0, 0, 0, 0, 0, 0, 1, 1, 1},
      {0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 2, 0}};
  private static final double BACKGROUND = 0.3;
  private static final double BASE_PROPENSITY = 0.008;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long seed;
  private final long periodMillis;
  private final long startMillis;
  private final double[] lifts;
  private final LifetimeProcess lifetime; // null: no repeat purchases

  /**
   * @param spec the data set's spec (seed and period)
   */
  CustomerSimulator(SampleSpec spec) {
    this.seed = spec.seed();
    this.periodMillis = spec.days() * DAY;
    this.startMillis = spec.startDate().toEpochDay() * DAY;
    this.lifts = SampleChannel.all().stream().mapToDouble(SampleChannel::lift).toArray();
    this.lifetime = spec.repeats() ? new LifetimeProcess(spec) : null;
  }

  /** @return the per-channel lifts of the factual world, indexed by ordinal (a fresh copy) */
  double[] lifts() {
    return lifts.clone();
  }

  /** SplitMix64's finaliser: a bijection of the 64-bit integers that scrambles every bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** @return customer {@code index}, drawn from its own stream */
  SimulatedCustomer simulate(long index) {
    SplittableRandom r = new SplittableRandom(mix64(mix64(seed) + index * GOLDEN));
    double intent = StrictMath.exp(0.6 * gaussian(r) - 0.18);
    boolean hasApp = r.nextDouble() < 0.3;
    boolean nearStore = r.nextDouble() < 0.45;
    boolean anonymous = r.nextDouble() < 0.35;
    boolean card = r.nextDouble() < 0.5 && nearStore;
    int deviceCount = 1 + (r.nextDouble() < 0.5 ? 1 : 0) + (r.nextDouble() < 0.2 ? 1 : 0);
    double meanOrderCents = StrictMath.exp(StrictMath.log(5500.0) + 0.45 * gaussian(r));
    boolean optedOut = r.nextDouble() < 0.02;
    boolean underAlias = r.nextDouble() < 0.3;

    int cap = 16;
    long[] times = new long[cap];
    int[] channels = new int[cap];
    int[] devices = new int[cap];
    int[] campaigns = new int[cap];
    double[] uniforms = new double[cap];
    double[] expectedValue = new double[cap];
    long[] valueCents = new long[cap];
    long[] delay = new long[cap];
    long[] duplicate = new long[cap];

    int n = 0;
    double interest = 1.0;
    int previous = -1;
    long t = seconds((long) (r.nextDouble() * periodMillis));
    while (t < periodMillis && n < MAX_TOUCHES) {
      if (n == cap) {
        cap *= 2;
        times = Arrays.copyOf(times, cap);
        channels = Arrays.copyOf(channels, cap);
        devices = Arrays.copyOf(devices, cap);
        campaigns = Arrays.copyOf(campaigns, cap);
        uniforms = Arrays.copyOf(uniforms, cap);
        expectedValue = Arrays.copyOf(expectedValue, cap);
        valueCents = Arrays.copyOf(valueCents, cap);
        delay = Arrays.copyOf(delay, cap);
        duplicate = Arrays.copyOf(duplicate, cap);
      }
      int c = nextChannel(r, previous, intent, hasApp, nearStore);
      SampleChannel channel = SampleChannel.all().get(c);
      times[n] = startMillis + t;
      channels[n] = c;
      devices[n] = r.nextInt(deviceCount);
      campaigns[n] = r.nextInt(channel.campaigns().size());
      uniforms[n] = r.nextDouble();
      double mean = meanOrderCents * valueFactor(channel);
      expectedValue[n] = mean;
      valueCents[n] = Math.max(100L, StrictMath.round(mean * StrictMath.exp(0.5 * gaussian(r) - 0.125)));
      boolean ownRow = r.nextDouble() < 0.65;
      long checkout = seconds((long) (exponential(r) * 20 * 60_000));
      delay[n] = channel.online() && ownRow ? checkout : 0;
      boolean twice = r.nextDouble() < 0.015;
      long copyAfter = 1000 + seconds((long) (r.nextDouble() * 90_000));
      duplicate[n] = twice ? copyAfter : 0;
      n++;

      interest *= INTEREST_DECAY;
      double go = r.nextDouble();
      double back = r.nextDouble();
      double gap = exponential(r);
      if (go < 0.3 + 0.6 * interest) {
        t += Math.max(1000L, seconds((long) (gap * 8 * HOUR / interest)));
        previous = c;
      } else if (back < RETURN) {
        t += DAY + seconds((long) (gap * 12 * DAY));
        interest = 1.0;
        previous = -1;
      } else {
        break;
      }
    }
    // A checkout row must come before the next touch, or the next touch would join the purchase's journey.
    for (int i = 0; i < n; i++) {
      long room = i + 1 < n ? times[i + 1] - times[i] : startMillis + periodMillis - times[i];
      if (delay[i] >= room) {
        delay[i] = seconds(room / 2);
      }
    }
    boolean[] converts = new boolean[n];
    double base = BASE_PROPENSITY * intent;
    ConversionProcess.sample(channels, ConversionProcess.weights(times, n), n, base, lifts, uniforms, converts);
    RepeatPurchases repeats = lifetime == null ? RepeatPurchases.NONE
        : lifetime.draw(index, n, times, channels, converts, delay, duplicate);
    return new SimulatedCustomer(index, base, anonymous, card, optedOut, underAlias, n, times, channels, devices,
        campaigns, expectedValue, converts, valueCents, delay, duplicate, repeats,
        CustomerSegments.persona(intent, hasApp, nearStore), CustomerSegments.loyalty(card));
  }

  private static int nextChannel(SplittableRandom r, int previous, double intent, boolean hasApp, boolean nearStore) {
    double[] row = previous < 0 ? START : NEXT[previous];
    double[] w = new double[row.length];
    double total = 0;
    for (int c = 0; c < row.length; c++) {
      double x = row[c] + (previous < 0 ? 0 : BACKGROUND);
      if (previous < 0 && (c == SampleChannel.PAID_SEARCH.ordinal() || c == SampleChannel.ORGANIC_SEARCH.ordinal()
          || c == SampleChannel.DIRECT.ordinal())) {
        x *= intent;
      }
      if ((c == SampleChannel.APP_PUSH.ordinal() && !hasApp) || (c == SampleChannel.STORE_VISIT.ordinal()
          && !nearStore)) {
        x = 0;
      }
      w[c] = x;
      total += x;
    }
    double u = r.nextDouble() * total;
    for (int c = 0; c < w.length; c++) {
      u -= w[c];
      if (u < 0 && w[c] > 0) {
        return c;
      }
    }
    for (int c = w.length - 1; ; c--) {
      if (w[c] > 0) {
        return c; // rounding left u a hair above zero: the last possible channel
      }
    }
  }

  private static double valueFactor(SampleChannel c) {
    return switch (c) {
      case STORE_VISIT -> 1.4;
      case CALL_CENTER -> 1.2;
      case MARKETPLACE -> 0.8;
      default -> 1.0;
    };
  }

  private static long seconds(long millis) {
    return millis / 1000 * 1000;
  }

  static double exponential(SplittableRandom r) {
    return -StrictMath.log(1.0 - r.nextDouble());
  }

  /** Box-Muller with StrictMath, so the stream is the same on every JDK (nextGaussian's algorithm is not pinned). */
  static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
  }
}
