package io.tributary.cli.load;

import io.tributary.core.journey.CustomerEvents;
import java.util.Arrays;
import java.util.List;

/**
 * Events grouped by customer from sorted runs on disk: every cursor merges the runs' customers of its partitions
 * ({@link RunMerger}). The customers were split into partitions by a hash of their id when the runs were written, one
 * per fold slice, so slices merge on their own threads without sharing a customer.
 */
final class SpilledGroups implements CustomerGroups {
  private final List<SortedRun> runs;
  private final int partitions;
  private final List<String> channelNames;
  private final boolean segmented;
  private final long events;
  private final long excluded;
  private final int unmatchedOptOuts;
  private final SpillFolder folder;
  // Customers per partition, counted by the cursor that read it to its end; -1 until then.
  private final long[] customers;

  /**
   * @param runs the runs, in the order ties are read
   * @param partitions the runs' partition count
   * @param channelNames the store's channel names, in id order
   * @param segmented whether the runs carry segment tuples
   * @param events events kept
   * @param excluded events dropped by consent
   * @param unmatchedOptOuts consent-list ids that matched no event
   * @param folder the runs' folder (for one-line failures)
   */
  SpilledGroups(List<SortedRun> runs, int partitions, List<String> channelNames, boolean segmented, long events,
      long excluded, int unmatchedOptOuts, SpillFolder folder) {
    this.runs = List.copyOf(runs);
    this.partitions = partitions;
    this.channelNames = List.copyOf(channelNames);
    this.segmented = segmented;
    this.events = events;
    this.excluded = excluded;
    this.unmatchedOptOuts = unmatchedOptOuts;
    this.folder = folder;
    this.customers = new long[partitions];
    Arrays.fill(customers, -1);
  }

  @Override
  public long events() {
    return events;
  }

  @Override
  public long excludedByConsent() {
    return excluded;
  }

  @Override
  public int unmatchedOptOuts() {
    return unmatchedOptOuts;
  }

  /** @return the distinct customers, or -1 while a partition has not been read to its end */
  @Override
  public synchronized long customers() {
    long n = 0;
    for (long c : customers) {
      if (c < 0) {
        return -1;
      }
      n += c;
    }
    return n;
  }

  @Override
  public int channels() {
    return channelNames.size();
  }

  @Override
  public int slices(int threads, int minCustomers) {
    return threads < JourneyFold.MIN_THREADS_TO_SLICE ? 1 : Math.max(1, Math.min(threads, partitions));
  }

  @Override
  public CustomerCursor cursor(int slice, int slices) {
    int from = (int) ((long) partitions * slice / slices);
    int to = (int) ((long) partitions * (slice + 1) / slices);
    return new RunMerger(this, from, to);
  }

  @Override
  public CustomerEvents newBuffer() {
    return new CustomerEvents(channelNames);
  }

  /** @return the runs spilled, and their bytes, for the run's summary */
  SpillFolder folder() {
    return folder;
  }

  List<SortedRun> runs() {
    return runs;
  }

  boolean segmented() {
    return segmented;
  }

  /* Every full pass counts the same customers: set, not added, so a second pass (clv reads twice) changes nothing. */
  synchronized void counted(int partition, long n) {
    customers[partition] = n;
  }
}
