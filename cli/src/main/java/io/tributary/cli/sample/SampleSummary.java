package io.tributary.cli.sample;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SampleGenerator} wrote.
 *
 * @param customers customers simulated
 * @param eventRows rows of the event log (header excluded)
 * @param conversions purchases drawn (duplicate reports excluded), opted-out customers included: those decided at
 *     touches plus the repeat purchases
 * @param repeatPurchases of {@code conversions}, the repeat purchases of the lifetime process
 * @param expectedConversions expected purchases decided at touches of the customers who did not opt out; NaN
 *     without truth
 * @param files the files written, in writing order
 */
public record SampleSummary(long customers, long eventRows, long conversions, long repeatPurchases,
    double expectedConversions,
    List<Path> files) {
  public SampleSummary {
    files = List.copyOf(files);
  }
}
