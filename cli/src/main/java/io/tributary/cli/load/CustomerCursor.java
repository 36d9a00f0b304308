package io.tributary.cli.load;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.segment.FirstValues;

/** One pass over the customers of a slice of {@link CustomerGroups}, one customer at a time. Not thread-safe. */
public interface CustomerCursor extends AutoCloseable {
  /**
   * Puts the next customer's events into a buffer for the core.
   *
   * @param out a buffer from {@link CustomerGroups#newBuffer()}; cleared first
   * @return false when the slice has no more customers (the buffer is then left empty)
   */
  boolean next(CustomerEvents out);

  /**
   * The current customer's value of each segment column: the value at its first event (the core's
   * {@link FirstValues}).
   *
   * @param first a reusable rule holder, one per thread, sized to the store's segment columns
   * @return the values, in the array of {@code first}
   */
  String[] segmentValues(FirstValues first);

  /**
   * The current customer's value of each segment column over its events in [{@code from}, {@code to}): a windowed
   * run's date sees only those ({@link io.tributary.core.segment.SegmentValues}).
   *
   * @param first a reusable rule holder, one per thread, sized to the store's segment columns
   * @return the values, in the array of {@code first}
   */
  String[] segmentValues(FirstValues first, long from, long to);

  /** Releases what the cursor holds open (files of spilled runs); no checked exception. */
  @Override
  void close();
}
