package io.tributary.core.paths;

import io.tributary.core.ErrorClass;
import io.tributary.core.TributaryException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a loop over {@code [0, n)} as two halves, the second on a helper thread, when there is a helper and the loop is
 * long enough to pay for the hand-over. Each index is visited once either way, so a loop whose iterations write
 * disjoint places gives the same result, bit for bit, split or not.
 */
final class Halves {
  /*
   * Why: sorting a large path table (a million paths) runs on one thread after the fold, while the fold's interning
   * thread waits idle; its loops over paths are independent per path, so that thread can take half of each.
   * Below this many iterations the hand-over (a task queued and waited for, tens of microseconds) is not worth it.
   */
  static final int MIN_SPLIT = 1 << 15;

  /** A loop body over {@code [from, to)}. */
  interface Range {
    void run(int from, int to);
  }

  private Halves() {}

  /**
   * Runs {@code body} over {@code [0, n)}: {@code [n/2, n)} on {@code helper} and {@code [0, n/2)} on the caller at
   * once, returning when both are done; the whole range on the caller when {@code helper} is null, refuses the task,
   * or {@code n} is below {@link #MIN_SPLIT}. A failure of either half is thrown here (the caller's own first).
   *
   * @param helper runs the second half, or null
   */
  static void run(Executor helper, int n, Range body) {
    if (helper == null || n < MIN_SPLIT) {
      body.run(0, n);
      return;
    }
    int mid = n >>> 1;
    FutureTask<Void> second = new FutureTask<>(() -> {
      body.run(mid, n);
      return null;
    });
    try {
      helper.execute(second);
    } catch (RejectedExecutionException e) {
      body.run(0, n); // a helper shut down: the caller does it all
      return;
    }
    try {
      body.run(0, mid);
    } catch (RuntimeException | Error e) {
      try {
        await(second); // never leave the helper writing into arrays the caller gives up
      } catch (RuntimeException | Error ignored) {
        e.addSuppressed(ignored);
      }
      throw e;
    }
    await(second);
  }

  private static void await(FutureTask<Void> task) {
    resultOf(task, "sorting paths");
  }

  /**
   * Waits for a task of this package's helper threads: its result, or its failure as it was thrown (an error or
   * unchecked exception itself, anything else as a {@link TributaryException}).
   *
   * @param doing what the task does, for the messages ("sorting paths")
   */
  static <T> T resultOf(FutureTask<T> task, String doing) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException(ErrorClass.FAILURE, "interrupted while " + doing, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new TributaryException(ErrorClass.FAILURE, doing + " failed: " + e.getCause(), e.getCause());
    }
  }
}
