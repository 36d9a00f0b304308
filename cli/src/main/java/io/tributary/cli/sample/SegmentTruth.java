package io.tributary.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The causal truth of {@link IncrementalTruth} per value of each segment column ({@code persona}, {@code loyalty}):
 * the same exact expectations, summed over that value's customers only. A customer's segment values are constant, so
 * for each column the values' numbers add up to the whole set's ({@code truth.csv}).
 */
final class SegmentTruth {
  /** The header of {@code truth_by_segment.csv}. */
  static final String HEADER = "segment,value," + IncrementalTruth.HEADER;

  private final double[] lifts;
  private final Map<String, IncrementalTruth> persona = new TreeMap<>();
  private final Map<String, IncrementalTruth> loyalty = new TreeMap<>();

  /** @param lifts the factual per-channel lifts, indexed by ordinal */
  SegmentTruth(double[] lifts) {
    this.lifts = lifts.clone();
  }

  /** Adds one customer's contribution (computed by the whole set's truth) to their persona and loyalty values. */
  void add(SimulatedCustomer c, IncrementalTruth.Contribution k) {
    persona.computeIfAbsent(c.persona(), v -> new IncrementalTruth(lifts)).add(k);
    loyalty.computeIfAbsent(c.loyalty(), v -> new IncrementalTruth(lifts)).add(k);
  }

  /**
   * Writes {@code truth_by_segment.csv}: {@code persona}'s values, then {@code loyalty}'s, each in text order (the
   * order of {@code --segment-by}'s rows), and per value one row per channel in {@link SampleChannel} order. Shares
   * are of the value's own incremental sum.
   */
  void write(Writer out) throws IOException {
    out.append(HEADER).append('\n');
    write(out, CustomerSegments.PERSONA, persona);
    write(out, CustomerSegments.LOYALTY, loyalty);
  }

  private static void write(Writer out, String segment, Map<String, IncrementalTruth> values) throws IOException {
    for (Map.Entry<String, IncrementalTruth> e : values.entrySet()) {
      for (SampleChannel c : SampleChannel.all()) {
        e.getValue().appendRow(out, segment + "," + e.getKey() + ",", c).append('\n');
      }
    }
  }
}
