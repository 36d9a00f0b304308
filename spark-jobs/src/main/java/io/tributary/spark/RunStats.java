package io.tributary.spark;

/**
 * What a run read and built, for {@code run_log} and the summary. {@code read = accepted + rejected}; rows excluded
 * by consent are accepted rows that were then dropped.
 *
 * @param inputs the inputs as given, e.g. {@code events=data/events.csv; spend=data/spend.csv}
 * @param read data rows read from every input (header and blank lines are not rows)
 * @param accepted rows that passed validation
 * @param rejected rows written to {@code rejected_rows}
 * @param excluded event rows dropped because the customer opted out
 * @param customers customers with events after stitching and consent
 * @param journeys journeys built, touchless conversions included
 */
public record RunStats(String inputs, long read, long accepted, long rejected, long excluded, long customers,
    long journeys) {
  /** @return nothing read yet */
  public static RunStats none(String inputs) {
    return new RunStats(inputs, 0, 0, 0, 0, 0, 0);
  }
}
