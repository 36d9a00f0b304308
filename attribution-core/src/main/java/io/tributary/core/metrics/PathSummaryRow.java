package io.tributary.core.metrics;

import java.util.Objects;

/**
 * One row of SPEC's {@code path_summary} table (without {@code run_date}).
 *
 * @param path channels joined by {@code " > "}
 * @param journeys journeys on the path
 * @param conversions converting journeys
 * @param conversionValue their revenue
 * @param nulls non-converting journeys
 */
public record PathSummaryRow(String path, long journeys, long conversions, double conversionValue, long nulls) {
  public PathSummaryRow {
    Objects.requireNonNull(path, "path");
  }
}
