package io.tributary.cli.load;

import io.tributary.core.journey.CustomerEvents;

/**
 * Accepted events grouped by customer (identities stitched, opted-out customers dropped), read one customer at a time
 * through {@link CustomerCursor}s: held in memory ({@link EventStore.Grouped}) or merged back from sorted runs on disk
 * ({@link SpilledGroups}). Every consumer folds customers into an order-free aggregate, so which customer comes first,
 * and which slice a customer falls in, never changes a result.
 */
public interface CustomerGroups {
  /** @return the number of events kept (not excluded by consent) */
  long events();

  /** @return the events dropped because their customer opted out */
  long excludedByConsent();

  /** @return how many ids of the consent list matched no event */
  int unmatchedOptOuts();

  /**
   * @return the number of distinct customers; for spilled groups counted while merging, so known once every slice was
   *     read to its end
   */
  long customers();

  /** @return the number of distinct channels (or touchpoints) */
  int channels();

  /**
   * @param threads worker threads of the fold
   * @param minCustomers least customers per slice (held groups; spilled groups have the slices they were written in)
   * @return how many slices to fold on their own threads, {@code >= 1}
   */
  int slices(int threads, int minCustomers);

  /**
   * @param slice which slice, {@code 0 <= slice < slices}
   * @param slices how many slices the customers are split into
   * @return a cursor over the customers of that slice; close it when done
   */
  CustomerCursor cursor(int slice, int slices);

  /** @return a cursor over every customer */
  default CustomerCursor cursor() {
    return cursor(0, 1);
  }

  /** @return a buffer for {@link CustomerCursor#next}, one per thread */
  CustomerEvents newBuffer();
}
