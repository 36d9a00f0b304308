package io.tributary.core.segment;

/**
 * A customer's event-log segment values over a span of time, as an engine reads them: what a windowed run
 * ({@link io.tributary.core.window.DatedFold}) asks for each date it folds. A date sees only the events it reads (its
 * lookback and the date), so the customer's segment there is taken from those events, by the {@link FirstValues} rule:
 * the value at the customer's first event in the span. Engines implement it over their own rows; the core never sees a
 * row.
 */
@FunctionalInterface
public interface SegmentValues {
  /** The values of a run without event-log segment columns. */
  SegmentValues NONE = (from, to) -> new String[0];

  /**
   * @param from first epoch ms of the span
   * @param to first epoch ms after the span
   * @return the customer's value of each event-log segment column ({@link Segmentation#eventColumns()} order) at its
   *     first event in [{@code from}, {@code to}); called only when the customer has an event there. The array may
   *     be reused by the next call.
   */
  String[] in(long from, long to);
}
