package io.tributary.cli.load;

import io.tributary.core.segment.FirstValues;
import io.tributary.core.segment.SegmentValues;
import io.tributary.core.segment.SegmentedAggregate;
import io.tributary.core.segment.Segmentation;

import io.tributary.core.TributaryException;
import io.tributary.core.window.DatedAggregates;
import io.tributary.core.window.DatedFold;
import io.tributary.core.window.RunWindow;
import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.lifetime.AcquisitionRecorder;
import io.tributary.core.lifetime.LifetimeLedger;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Folds grouped events into one {@link JourneyAggregate} through the core: each customer's events are copied into a
 * reusable column buffer and handed to the core's columnar journey entry, one slice of customers per thread (a
 * {@link CustomerCursor} each, over held or spilled events alike), and the slices merged. No object is made per event
 * or touch. The aggregate's merge is exact and order-free, so the result is the same bits for any thread count and
 * whether or not the events spilled to disk.
 */
public final class JourneyFold {
  /*
   * Each slice builds its own path table (a sort) and the slices are then merged on one thread; on the 2-core build
   * machine that overhead, and two threads sharing the caches, made two slices slower than one (10M events: 2.6-2.8 s
   * against 1.6 s, benchmarks/results/cli.md), so a slice per thread starts at four threads.
   */
  static final int MIN_THREADS_TO_SLICE = 4;

  /*
   * Event-log segments are folded by cell (SegmentedAggregate.foldsByCell: each journey once, into its
   * region x tier cell, rolled up at the end) on one thread when the cells are few; with many cells the roll-up of
   * small path tables costs more than it saves, and the threads share out the aggregates instead (foldShared).
   * 10M events, 96 touchpoints: 10 regions x 3 tiers (30 cells) folded in 2.4-2.5 s instead of 3.0-3.4 s; 1,000 x 3
   * (3,000 cells) in 5.0 s instead of 3.9-4.3 s (benchmarks/results/segments.md).
   */
  static final int MAX_CELLS = 256;

  private JourneyFold() {}

  /**
   * @param grouped events per customer
   * @param options lookback
   * @param models the models to be fitted (journey models are folded here)
   * @param threads worker threads, {@code >= 1}
   * @return the merged aggregate
   */
  public static JourneyAggregate fold(CustomerGroups grouped, JourneyOptions options,
      List<AttributionModel> models, int threads) {
    return fold(grouped, options, models, threads, null).aggregate();
  }

  /**
   * The aggregate and, when asked, the run's buyers with their acquisition journeys.
   *
   * @param aggregate the merged aggregate
   * @param ledger the buyers, or null when not recorded
   */
  public record Folded(JourneyAggregate aggregate, LifetimeLedger ledger, SegmentedAggregate segmented) {
    /** An unsegmented fold. */
    public Folded(JourneyAggregate aggregate, LifetimeLedger ledger) {
      this(aggregate, ledger, null);
    }

    Folded merge(Folded o) {
      return new Folded(aggregate.merge(o.aggregate), ledger == null ? null : ledger.merge(o.ledger),
          segmented == null ? null : segmented.merge(o.segmented));
    }
  }

  /** {@link #fold(CustomerGroups, JourneyOptions, List, int, ZoneId, int)} with the default slicing. */
  public static Folded fold(CustomerGroups grouped, JourneyOptions options, List<AttributionModel> models,
      int threads, ZoneId lifetimeZone) {
    return fold(grouped, options, models, threads, lifetimeZone, Slicing.DEFAULT.minCustomers());
  }

  /**
   * @param grouped events per customer
   * @param options lookback
   * @param models the models to be fitted (journey models are folded here)
   * @param threads worker threads, {@code >= 1}
   * @param lifetimeZone when not null, buyers are recorded too (their purchase days in this zone), from the same
   *     journey build
   * @param minCustomers least customers per slice when folding on several threads (see {@link Slicing})
   * @return the merged aggregate and ledger
   */
  public static Folded fold(CustomerGroups grouped, JourneyOptions options, List<AttributionModel> models,
      int threads, ZoneId lifetimeZone, int minCustomers) {
    return fold(grouped, options, models, threads, lifetimeZone, minCustomers, Segmentation.none());
  }

  /**
   * As {@link #fold(CustomerGroups, JourneyOptions, List, int, ZoneId, int)}; with segments, each journey is also
   * folded into its segments' aggregates ({@link Folded#segmented()}), from the same journey build.
   *
   * @param segmentation the run's segments; the store's segment columns are its event-log columns
   */
  public static Folded fold(CustomerGroups grouped, JourneyOptions options, List<AttributionModel> models,
      int threads, ZoneId lifetimeZone, int minCustomers, Segmentation segmentation) {
    int slices = grouped.slices(threads, minCustomers);
    if (slices == 1 && SegmentedAggregate.foldsByCell(segmentation) && grouped instanceof EventStore.Grouped held
        && held.segmentTuples() <= MAX_CELLS) {
      // With a second thread, the cells' paths are interned there while this one builds journeys (the plain
      // fold's pipeline, below), and it takes half of their one sort.
      ExecutorService interning = threads > 1 ? foldPool(1) : null;
      try (CustomerCursor cursor = grouped.cursor()) {
        SegmentedAggregate.Builder b = SegmentedAggregate.builderByCell(options, models, segmentation);
        if (interning != null) {
          b.internPathsOn(interning);
        }
        return foldSegmented(grouped, cursor, options, models, lifetimeZone, b, segmentation);
      } finally {
        if (interning != null) {
          interning.shutdownNow();
        }
      }
    }
    if (slices == 1 && segmentation.enabled() && threads > 1 && grouped instanceof EventStore.Grouped
        && grouped.customers() >= minCustomers) {
      return foldShared(grouped, options, models, threads, lifetimeZone, segmentation);
    }
    if (slices == 1 && !segmentation.enabled() && threads > 1 && grouped.customers() >= minCustomers) {
      ExecutorService interning = foldPool(1);
      try {
        return foldRange(grouped, options, models, 0, 1, lifetimeZone, segmentation, interning);
      } finally {
        interning.shutdownNow();
      }
    }
    if (slices == 1) {
      return foldRange(grouped, options, models, 0, 1, lifetimeZone, segmentation, null);
    }
    ExecutorService pool = foldPool(slices);
    try {
      List<Future<Folded>> parts = new ArrayList<>();
      for (int s = 0; s < slices; s++) {
        int slice = s;
        parts.add(pool.submit(() -> foldRange(grouped, options, models, slice, slices, lifetimeZone,
            segmentation, null)));
      }
      Folded total = null;
      for (Future<Folded> f : parts) {
        Folded a = result(f);
        total = total == null ? a : total.merge(a);
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A windowed run's fold: each report date's journeys (and those of its fitting window) apart, through the core's
   * {@link DatedFold}, one slice of customers per thread as {@link #fold} does.
   *
   * @param grouped events per customer
   * @param options lookback
   * @param models the models to be fitted
   * @param threads worker threads, {@code >= 1}
   * @param window the run's dates (windowed)
   * @param zone the zone of the dates
   * @param minCustomers least customers per slice when folding on several threads
   * @return the journeys of every date
   */
  public static DatedAggregates foldDated(CustomerGroups grouped, JourneyOptions options,
      List<AttributionModel> models, int threads, RunWindow window, ZoneId zone, int minCustomers) {
    return foldDated(grouped, options, models, threads, window, zone, minCustomers, Segmentation.none());
  }

  /**
   * As {@link #foldDated(CustomerGroups, JourneyOptions, List, int, RunWindow, ZoneId, int)}, each date's journeys
   * also folded per segment; a customer's event-log segment values on a date come from the events that date sees
   * (the core's {@link DatedFold}).
   *
   * @param segmentation the run's segments; the groups' segment columns are its event-log columns
   */
  public static DatedAggregates foldDated(CustomerGroups grouped, JourneyOptions options,
      List<AttributionModel> models, int threads, RunWindow window, ZoneId zone, int minCustomers,
      Segmentation segmentation) {
    int slices = grouped.slices(threads, minCustomers);
    List<java.util.concurrent.Callable<DatedAggregates>> parts = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      int slice = s;
      parts.add(() -> {
        DatedFold.Builder b = DatedFold.builder(window, zone, options, models, segmentation);
        CustomerEvents buffer = grouped.newBuffer();
        FirstValues first = new FirstValues(segmentation.eventColumns().size());
        boolean columns = !segmentation.eventColumns().isEmpty();
        try (CustomerCursor cursor = grouped.cursor(slice, slices)) {
          SegmentValues values = columns ? (lo, hi) -> cursor.segmentValues(first, lo, hi) : SegmentValues.NONE;
          while (cursor.next(buffer)) {
            b.addCustomer(buffer, values);
          }
        }
        return b.build();
      });
    }
    if (slices == 1) {
      try {
        return parts.get(0).call();
      } catch (Exception e) {
        throw e instanceof RuntimeException re ? re : new TributaryException("building journeys failed", e);
      }
    }
    ExecutorService pool = foldPool(slices);
    try {
      DatedAggregates total = DatedAggregates.empty();
      for (Future<DatedAggregates> f : pool.invokeAll(parts)) {
        total = total.merge(result(f));
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException("interrupted while building journeys", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /* One fold task's result; a task's bad-input or failure exception reaches the caller as thrown. */
  private static <T> T result(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException("interrupted while building journeys", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new TributaryException("building journeys failed: " + e.getCause(), e.getCause());
    }
  }

  /*
   * interning: when not null, the path table is filled on its thread while this one builds journeys (a pipeline of
   * two, for one slice on two or three threads: nothing to merge, so the aggregate is the one-thread fold's bits).
   * 10M events on 2 threads: the fold from 1.21 to 1.08 s, same bytes (benchmarks/results/cli.md, 2026-12-05 03:01).
   */
  private static Folded foldRange(CustomerGroups grouped, JourneyOptions options,
      List<AttributionModel> models, int slice, int slices, ZoneId lifetimeZone, Segmentation segmentation,
      ExecutorService interning) {
    try (CustomerCursor cursor = grouped.cursor(slice, slices)) {
      if (segmentation.enabled()) {
        return foldSegmented(grouped, cursor, options, models, lifetimeZone, segmentation);
      }
      JourneyAggregate.Builder b = JourneyAggregate.builder(options, models);
      if (interning != null) {
        b.internPathsOn(interning);
      }
      CustomerEvents buffer = grouped.newBuffer();
      if (lifetimeZone == null) {
        while (cursor.next(buffer)) {
          b.addCustomer(buffer);
        }
        return new Folded(b.build(), null);
      }
      AcquisitionRecorder recorder = new AcquisitionRecorder(models, lifetimeZone).weighWith(b);
      if (interning != null) {
        // A second thread is there: the buyers are tallied on one of their own, beside this loop (same ledger).
        recorder.tallyOnSecondThread();
      }
      try {
        while (cursor.next(buffer)) {
          recorder.startCustomer(buffer.channelNames());
          b.addCustomer(buffer, recorder);
          recorder.endCustomer();
        }
        return new Folded(b.build(), recorder.build());
      } finally {
        recorder.cancel(); // stops the tallying thread of a fold that failed; nothing after build
      }
    }
  }

  /*
   * A segmented fold on a few threads: where slicing customers does not pay (below MIN_THREADS_TO_SLICE, see above),
   * the threads share out the aggregates instead, every thread reading every customer: (all) on one, the segments on
   * the others (SegmentedAggregate.builder's shares). Nothing is merged, so the result is the one-thread fold's bits.
   * Held groups only: spilled ones would be merged back from disk once per thread.
   * 10M events, region (1,000 values) and tier on 2 threads: the fold went from about 6 s to about 4 s.
   */
  private static Folded foldShared(CustomerGroups grouped, JourneyOptions options, List<AttributionModel> models,
      int threads, ZoneId lifetimeZone, Segmentation segmentation) {
    int shares = Math.min(threads, segmentation.names().size() + 1);
    ExecutorService pool = foldPool(shares);
    try {
      List<Future<Folded>> parts = new ArrayList<>();
      for (int s = 0; s < shares; s++) {
        int share = s;
        parts.add(pool.submit(() -> {
          try (CustomerCursor cursor = grouped.cursor()) {
            return foldSegmented(grouped, cursor, options, models, share == 0 ? lifetimeZone : null, segmentation,
                share, shares);
          }
        }));
      }
      List<SegmentedAggregate> aggregates = new ArrayList<>();
      LifetimeLedger ledger = null;
      for (Future<Folded> f : parts) {
        Folded part = result(f);
        aggregates.add(part.segmented());
        ledger = ledger == null ? part.ledger() : ledger;
      }
      SegmentedAggregate joined = SegmentedAggregate.join(aggregates);
      return new Folded(joined.all(), ledger, joined);
    } finally {
      pool.shutdownNow();
    }
  }

  /* The segmented fold: one journey build per customer feeds (all), the segments and, when asked, lifetime value. */
  private static Folded foldSegmented(CustomerGroups grouped, CustomerCursor cursor, JourneyOptions options,
      List<AttributionModel> models, ZoneId lifetimeZone, Segmentation segmentation) {
    return foldSegmented(grouped, cursor, options, models, lifetimeZone, segmentation, 0, 1);
  }

  private static Folded foldSegmented(CustomerGroups grouped, CustomerCursor cursor, JourneyOptions options,
      List<AttributionModel> models, ZoneId lifetimeZone, Segmentation segmentation, int share, int shares) {
    return foldSegmented(grouped, cursor, options, models, lifetimeZone,
        SegmentedAggregate.builder(options, models, segmentation, share, shares), segmentation);
  }

  private static Folded foldSegmented(CustomerGroups grouped, CustomerCursor cursor, JourneyOptions options,
      List<AttributionModel> models, ZoneId lifetimeZone, SegmentedAggregate.Builder b, Segmentation segmentation) {
    CustomerEvents buffer = grouped.newBuffer();
    FirstValues first = new FirstValues(segmentation.eventColumns().size());
    AcquisitionRecorder recorder = lifetimeZone == null ? null : new AcquisitionRecorder(models, lifetimeZone);
    while (cursor.next(buffer)) {
      String[] values = cursor.segmentValues(first);
      if (recorder != null) {
        recorder.startCustomer(buffer.channelNames());
      }
      b.addCustomer(buffer, values, recorder);
      if (recorder != null) {
        recorder.endCustomer();
      }
    }
    SegmentedAggregate s = b.build();
    return new Folded(s.all(), recorder == null ? null : recorder.build(), s);
  }

  /* Daemon threads, so a fold that fails cannot keep the JVM alive; named for thread dumps and profiles. */
  private static ExecutorService foldPool(int threads) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tributary-fold");
      t.setDaemon(true);
      return t;
    });
  }
}
