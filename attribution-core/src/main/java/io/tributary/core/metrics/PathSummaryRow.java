package io.tributary.core.metrics;

import java.util.Objects;

/**
 * One row of SPEC's {@code path_summary} table (without {@code run_date}).
 *
 * @param shownPath channels joined by {@code " > "}, spelled out when asked ({@link #path()})
 * @param journeys journeys on the path
 * @param conversions converting journeys
 * @param conversionValue their revenue
 * @param nulls non-converting journeys
 */
public record PathSummaryRow(ShownPath shownPath, long journeys, long conversions, double conversionValue,
    long nulls) {
  public PathSummaryRow {
    Objects.requireNonNull(shownPath, "shownPath");
  }

  /**
   * A row of a path given as its text.
   *
   * @param path channels joined by {@code " > "}, empty for a conversion with no touch
   * @param journeys journeys on the path
   * @param conversions converting journeys
   * @param conversionValue their revenue
   * @param nulls non-converting journeys
   */
  public PathSummaryRow(String path, long journeys, long conversions, double conversionValue, long nulls) {
    this(ShownPath.of(path), journeys, conversions, conversionValue, nulls);
  }

  /** @return the path's text: channels joined by {@code " > "} */
  public String path() {
    return shownPath.toString();
  }
}
