package io.tributary.cli.load;

import io.tributary.core.TributaryException;
import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Folds grouped events into one {@link JourneyAggregate} through the core: each customer's events are copied into a
 * reusable column buffer and handed to the core's columnar journey entry, one slice of customers per thread, and the
 * slices merged. No object is made per event or touch. The aggregate's merge is exact and order-free, so the result
 * is the same bits for any thread count.
 */
public final class JourneyFold {
  /*
   * Each slice builds its own path table (a sort) and the slices are then merged on one thread; on the 2-core build
   * machine that overhead, and two threads sharing the caches, made two slices slower than one (10M events: 2.6-2.8 s
   * against 1.6 s, benchmarks/results/cli.md), so a slice per thread starts at four threads.
   */
  static final int MIN_THREADS_TO_SLICE = 4;

  private JourneyFold() {}

  /**
   * @param grouped events per customer
   * @param options lookback
   * @param models the models to be fitted (journey models are folded here)
   * @param threads worker threads, {@code >= 1}
   * @return the merged aggregate
   */
  public static JourneyAggregate fold(EventStore.Grouped grouped, JourneyOptions options,
      List<AttributionModel> models, int threads) {
    return fold(grouped, options, models, threads, Slicing.DEFAULT.minCustomers());
  }

  /**
   * {@link #fold(EventStore.Grouped, JourneyOptions, List, int)} with slices of at least {@code minCustomers}
   * customers (see {@link Slicing}).
   */
  public static JourneyAggregate fold(EventStore.Grouped grouped, JourneyOptions options,
      List<AttributionModel> models, int threads, int minCustomers) {
    int customers = grouped.customers();
    int slices = threads < MIN_THREADS_TO_SLICE ? 1 : Math.min(threads, customers / minCustomers + 1);
    if (slices == 1) {
      return foldRange(grouped, options, models, 0, customers);
    }
    ExecutorService pool = Executors.newFixedThreadPool(slices, r -> {
      Thread t = new Thread(r, "tributary-fold");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<JourneyAggregate>> parts = new ArrayList<>();
      for (int s = 0; s < slices; s++) {
        int from = (int) ((long) customers * s / slices);
        int to = (int) ((long) customers * (s + 1) / slices);
        parts.add(pool.submit(() -> foldRange(grouped, options, models, from, to)));
      }
      JourneyAggregate total = null;
      for (Future<JourneyAggregate> f : parts) {
        JourneyAggregate a = f.get();
        total = total == null ? a : total.merge(a);
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException("interrupted while building journeys", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new TributaryException("building journeys failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static JourneyAggregate foldRange(EventStore.Grouped grouped, JourneyOptions options,
      List<AttributionModel> models, int from, int to) {
    JourneyAggregate.Builder b = JourneyAggregate.builder(options, models);
    CustomerEvents buffer = grouped.newBuffer();
    for (int c = from; c < to; c++) {
      grouped.fill(c, buffer);
      b.addCustomer(buffer);
    }
    return b.build();
  }
}
