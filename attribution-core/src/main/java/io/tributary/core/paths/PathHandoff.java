package io.tributary.core.paths;

import io.tributary.core.ErrorClass;
import io.tributary.core.TributaryException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Hands a builder's paths to another thread, which interns them: the thread that builds journeys only copies each
 * path into a batch. The interner sees the same paths in the same order as if they had been added directly, so the
 * table is the same, bit for bit.
 */
final class PathHandoff {
  /*
   * Why: on a large fold the interner's lookup (a cache miss into the hash table and one into the sequences per
   * journey) costs about as much as building the journeys, so two threads in a pipeline nearly halve the fold without
   * merging anything (10M events, 1.44M journeys, 812k distinct paths: benchmarks/results/cli.md). A few batches go
   * round between the threads through two queues; the builder blocks only when the interner is four batches behind.
   */
  private static final int BATCH_PATHS = 8192;
  private static final int BATCHES = 4;
  private static final Batch END = new Batch();

  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final FutureTask<Void> interning;
  private Batch current = new Batch();
  // The first failure of an addition on the interning thread (an overflowing count), rethrown by finish().
  private RuntimeException failure;

  /**
   * Starts interning on {@code executor}.
   *
   * @param paths the interner, touched only by the executor's thread until {@link #finish} returns
   */
  PathHandoff(PathInterner paths, Executor executor) {
    for (int i = 1; i < BATCHES; i++) {
      free.add(new Batch());
    }
    interning = new FutureTask<>(() -> {
      drain(paths);
      return null;
    });
    executor.execute(interning);
  }

  /** Queues {@link PathInterner#add} ({@code append} false) or {@link PathInterner#append} of the path. */
  void add(int[] ids, int from, int length, long conv, BigDecimal value, long nul, boolean append) {
    if (current.size == BATCH_PATHS) {
      current = pass(current, free);
    }
    current.add(ids, from, length, conv, value, nul, append);
  }

  /**
   * Queues a task to run on the interning thread once the paths queued so far are interned: work of the building
   * thread that can wait (a journey model's sums), moved to the thread that is mostly idle. A task's failure is
   * rethrown by {@link #finish}, as an interning failure is.
   */
  void run(Runnable task) {
    current.tasks.add(task);
  }

  /** Interns what is queued and waits for it; the interner is the caller's again afterwards. */
  void finish() {
    try {
      full.put(current);
      full.put(END);
      interning.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException(ErrorClass.FAILURE, "interrupted while interning paths", e);
    } catch (ExecutionException e) {
      throw new TributaryException(ErrorClass.FAILURE, "interning paths failed: " + e.getCause(), e.getCause());
    }
    current = null;
    if (failure != null) {
      throw failure;
    }
  }

  /* Hands a full batch over and takes an empty one back. */
  private Batch pass(Batch batch, BlockingQueue<Batch> from) {
    try {
      full.put(batch);
      return from.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException(ErrorClass.FAILURE, "interrupted while interning paths", e);
    }
  }

  private void drain(PathInterner paths) throws InterruptedException {
    while (true) {
      Batch b = full.take();
      if (b == END) {
        return;
      }
      if (failure == null) {
        try {
          b.into(paths);
        } catch (RuntimeException e) {
          failure = e; // read by finish() after interning.get(): the task's end publishes it
        }
      }
      b.size = 0;
      b.stored = 0;
      free.offer(b);
    }
  }

  /** Paths in the interner's packed form, with their stats. */
  private static final class Batch {
    int[] ids = new int[16 * BATCH_PATHS];
    final int[] start = new int[BATCH_PATHS + 1];
    final long[] conv = new long[BATCH_PATHS];
    final long[] nul = new long[BATCH_PATHS];
    final BigDecimal[] value = new BigDecimal[BATCH_PATHS];
    final boolean[] append = new boolean[BATCH_PATHS];
    // Run after the batch's paths are interned (PathHandoff#run).
    final java.util.List<Runnable> tasks = new java.util.ArrayList<>();
    int size;
    int stored;

    void add(int[] from, int at, int length, long c, BigDecimal v, long u, boolean a) {
      if (stored + length > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(stored + length, 2 * ids.length));
      }
      System.arraycopy(from, at, ids, stored, length);
      stored += length;
      conv[size] = c;
      nul[size] = u;
      value[size] = v;
      append[size] = a;
      start[++size] = stored;
    }

    void into(PathInterner paths) {
      for (int p = 0; p < size; p++) {
        int s = start[p];
        if (append[p]) {
          paths.append(ids, s, start[p + 1] - s, conv[p], value[p], nul[p]);
        } else {
          paths.add(ids, s, start[p + 1] - s, conv[p], value[p], nul[p]);
        }
        value[p] = null;
      }
      for (Runnable task : tasks) {
        task.run();
      }
      tasks.clear();
    }
  }
}
