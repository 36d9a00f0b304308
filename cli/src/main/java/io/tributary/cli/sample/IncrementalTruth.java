package io.tributary.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The known causal truth of a data set: per channel, the expected purchases (and their value) that exist only
 * because the channel's touches persuade, over the customers who did not opt out.
 *
 * <p>For each such customer and channel {@code c} it adds {@code E[purchases] − E[purchases | lift(c) = 0]}, both
 * computed exactly by {@link ConversionProcess#expected} on the customer's one timeline. Being expectations, the
 * numbers carry no sampling noise of their own; they are what the sampled events estimate.
 */
final class IncrementalTruth {
  /** The header of {@code truth.csv}. */
  static final String HEADER = "channel,per_touch_lift,touches,expected_total_conversions,incremental_conversions,"
      + "incremental_value,incremental_share,method";
  /** The {@code method} column: how the numbers were obtained. */
  static final String METHOD = "expected_conversions_minus_expected_without_channel_lift";

  private final double[] lifts;
  private final long[] touches = new long[SampleChannel.all().size()];
  private final double[] incremental = new double[SampleChannel.all().size()];
  private final double[] incrementalValue = new double[SampleChannel.all().size()];
  private double expectedConversions;
  private double expectedValue;

  /** @param lifts the factual per-channel lifts, indexed by ordinal */
  IncrementalTruth(double[] lifts) {
    this.lifts = lifts.clone();
  }

  /** Adds one customer (the caller leaves opted-out customers out). */
  void add(SimulatedCustomer c) {
    int n = c.touches();
    double[] w = ConversionProcess.weights(c.times(), n);
    double[] all = ConversionProcess.expected(c.channels(), w, n, c.base(), lifts, c.expectedValue());
    expectedConversions += all[0];
    expectedValue += all[1];
    boolean[] seen = new boolean[lifts.length];
    for (int i = 0; i < n; i++) {
      touches[c.channels()[i]]++;
      seen[c.channels()[i]] = true;
    }
    double[] without = lifts.clone();
    for (int ch = 0; ch < lifts.length; ch++) {
      if (!seen[ch] || lifts[ch] == 0) {
        continue; // no touch or no lift: removing the lift changes nothing
      }
      without[ch] = 0;
      double[] rest = ConversionProcess.expected(c.channels(), w, n, c.base(), without, c.expectedValue());
      without[ch] = lifts[ch];
      incremental[ch] += all[0] - rest[0];
      incrementalValue[ch] += (all[1] - rest[1]) / 100.0;
    }
  }

  /** @return the expected purchases with every channel on */
  double expectedConversions() {
    return expectedConversions;
  }

  /** @return the incremental purchases of {@code c} */
  double incremental(SampleChannel c) {
    return incremental[c.ordinal()];
  }

  /**
   * Writes {@code truth.csv}, one row per channel in {@link SampleChannel} order: this truth's columns, then the
   * lifetime truth's.
   */
  void write(Writer out, LifetimeTruth lifetime) throws IOException {
    double sum = 0;
    for (double v : incremental) {
      sum += v;
    }
    out.append(HEADER).append(',').append(LifetimeTruth.HEADER).append('\n');
    for (SampleChannel c : SampleChannel.all()) {
      int i = c.ordinal();
      out.append(String.format(Locale.ROOT, "%s,%.3f,%d,%.6f,%.6f,%.2f,%.6f,%s,", c.wireName(), c.lift(),
          touches[i], expectedConversions, incremental[i], incrementalValue[i], sum > 0 ? incremental[i] / sum : 0,
          METHOD)).append(lifetime.columns(c)).append('\n');
    }
  }
}
