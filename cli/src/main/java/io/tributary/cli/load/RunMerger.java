package io.tributary.cli.load;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.segment.FirstValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A k-way merge of sorted runs by customer, one partition after another: each {@link #next} takes the smallest
 * customer id among the runs' current customers and reads that customer's events from every run that has them (in
 * run order), so one customer at a time is in memory, beside one buffer per run.
 */
final class RunMerger implements CustomerCursor {
  private static final int BUFFER_BYTES = 1 << 16;

  private final SpilledGroups groups;
  private final int lastPartition;
  private int partition;
  private final PriorityQueue<RunReader> heap = new PriorityQueue<>(RunReader::compare);
  private final List<RunReader> open = new ArrayList<>();
  private final List<RunReader> current = new ArrayList<>();
  private long customersInPartition;
  private boolean inPartition;
  // The current customer's segment tuples and their times (segmented stores only).
  private long[] times = new long[16];
  private String[][] tuples = new String[16][];
  private int offered;
  private final RunReader.SegmentSink sink;

  /**
   * @param groups the spilled groups (its runs, and where the customer count goes)
   * @param fromPartition first partition read
   * @param toPartition one past the last
   */
  RunMerger(SpilledGroups groups, int fromPartition, int toPartition) {
    this.groups = groups;
    this.partition = fromPartition - 1;
    this.lastPartition = toPartition - 1;
    this.sink = groups.segmented() ? this::offer : null;
  }

  @Override
  public boolean next(CustomerEvents out) {
    out.clear();
    offered = 0;
    try {
      while (heap.isEmpty()) {
        if (inPartition) {
          groups.counted(partition, customersInPartition);
          inPartition = false;
        }
        closeOpen();
        if (partition >= lastPartition) {
          return false;
        }
        openPartition(++partition);
      }
      current.clear();
      RunReader first = heap.poll();
      current.add(first);
      while (!heap.isEmpty() && RunReader.sameCustomer(first, heap.peek())) {
        current.add(heap.poll());
      }
      for (RunReader r : current) {
        r.readEvents(out, sink);
        if (r.advance()) {
          heap.add(r);
        }
      }
      customersInPartition++;
      return true;
    } catch (IOException e) {
      throw groups.folder().failure(e);
    }
  }

  private void openPartition(int p) throws IOException {
    customersInPartition = 0;
    inPartition = true;
    List<SortedRun> runs = groups.runs();
    for (int k = 0; k < runs.size(); k++) {
      SortedRun run = runs.get(k);
      if (run.partitionStarts()[p] == run.partitionStarts()[p + 1]) {
        continue;
      }
      RunReader r = new RunReader(run, p, k, groups.segmented(), BUFFER_BYTES);
      open.add(r);
      if (r.advance()) {
        heap.add(r);
      }
    }
  }

  private void offer(long time, String[] tuple) {
    if (offered == times.length) {
      times = Arrays.copyOf(times, offered * 2);
      tuples = Arrays.copyOf(tuples, offered * 2);
    }
    times[offered] = time;
    tuples[offered++] = tuple;
  }

  @Override
  public String[] segmentValues(FirstValues first) {
    first.clear();
    for (int i = 0; i < offered; i++) {
      first.offer(times[i], tuples[i]);
    }
    return first.values();
  }

  @Override
  public String[] segmentValues(FirstValues first, long from, long to) {
    first.clear();
    for (int i = 0; i < offered; i++) {
      if (times[i] >= from && times[i] < to) {
        first.offer(times[i], tuples[i]);
      }
    }
    return first.values();
  }

  private void closeOpen() {
    for (RunReader r : open) {
      try {
        r.close();
      } catch (IOException e) {
        // Read to its end already; the file goes with the spill folder.
      }
    }
    open.clear();
    heap.clear();
  }

  @Override
  public void close() {
    closeOpen();
  }
}
