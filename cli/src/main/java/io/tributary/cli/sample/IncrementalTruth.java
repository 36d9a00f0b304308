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
    add(contribution(c));
  }

  /**
   * One customer's share of the truth, computed once so that several truths (the whole set's and each segment
   * value's, {@link SegmentTruth}) can add it without recomputing the expectations.
   *
   * @param expected {expected purchases, expected value in cents} with every channel on
   * @param touches touches per channel ordinal
   * @param incremental incremental purchases per channel ordinal
   * @param incrementalValue incremental value per channel ordinal, in currency units
   */
  record Contribution(double[] expected, long[] touches, double[] incremental, double[] incrementalValue) {}

  /** @return customer {@code c}'s contribution under this truth's lifts */
  Contribution contribution(SimulatedCustomer c) {
    int n = c.touches();
    double[] w = ConversionProcess.weights(c.times(), n);
    double[] all = ConversionProcess.expected(c.channels(), w, n, c.base(), lifts, c.expectedValue());
    long[] count = new long[lifts.length];
    double[] inc = new double[lifts.length];
    double[] incValue = new double[lifts.length];
    for (int i = 0; i < n; i++) {
      count[c.channels()[i]]++;
    }
    double[] without = lifts.clone();
    for (int ch = 0; ch < lifts.length; ch++) {
      if (count[ch] == 0 || lifts[ch] == 0) {
        continue; // no touch or no lift: removing the lift changes nothing
      }
      without[ch] = 0;
      double[] rest = ConversionProcess.expected(c.channels(), w, n, c.base(), without, c.expectedValue());
      without[ch] = lifts[ch];
      inc[ch] = all[0] - rest[0];
      incValue[ch] = (all[1] - rest[1]) / 100.0;
    }
    return new Contribution(all, count, inc, incValue);
  }

  /** Adds a contribution computed by {@link #contribution}. */
  void add(Contribution k) {
    expectedConversions += k.expected()[0];
    expectedValue += k.expected()[1];
    for (int ch = 0; ch < lifts.length; ch++) {
      touches[ch] += k.touches()[ch];
      if (k.touches()[ch] > 0 && lifts[ch] != 0) {
        incremental[ch] += k.incremental()[ch];
        incrementalValue[ch] += k.incrementalValue()[ch];
      }
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
    out.append(HEADER).append(',').append(LifetimeTruth.HEADER).append('\n');
    for (SampleChannel c : SampleChannel.all()) {
      appendRow(out, "", c).append(',').append(lifetime.columns(c)).append('\n');
    }
  }

  /**
   * Appends {@code prefix} and channel {@code c}'s columns of {@link #HEADER} (no line end); the share is of this
   * truth's own sum over channels.
   */
  Writer appendRow(Writer out, String prefix, SampleChannel c) throws IOException {
    double sum = 0;
    for (double v : incremental) {
      sum += v;
    }
    int i = c.ordinal();
    return out.append(prefix).append(String.format(Locale.ROOT, "%s,%.3f,%d,%.6f,%.6f,%.2f,%.6f,%s", c.wireName(),
        c.lift(), touches[i], expectedConversions, incremental[i], incrementalValue[i],
        sum > 0 ? incremental[i] / sum : 0, METHOD));
  }
}
