package io.tributary.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Maps independent tasks of very different sizes on the machine's cores, the largest first: each thread takes the
 * largest task left, so the small ones fill in at the end instead of one large task running alone while the other
 * cores wait (a parallel stream splits the list in halves: with a segment's 3 large values after another's 10 small
 * ones, one core got the 3 large ones). The results come back in the tasks' order, so they are the same for any
 * thread count and schedule; a task's failure is rethrown as thrown, the first in task order. Used for the models'
 * fits ({@link AttributionRun#fit}) and the per-segment-value fits.
 */
public final class LargestFirst {
  private LargestFirst() {}

  /**
   * @param tasks the tasks
   * @param size each task's expected cost (any unit; only the order matters)
   * @param work what each task computes, safe to run on several threads at once
   * @return {@code work} of every task, in the order of {@code tasks}
   */
  public static <T, R> List<R> map(List<T> tasks, ToLongFunction<T> size, Function<T, R> work) {
    int n = tasks.size();
    long[] sizes = new long[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      sizes[i] = size.applyAsLong(tasks.get(i));
      order[i] = i;
    }
    // Largest first; equal sizes in task order, so the order is the same on every run.
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -sizes[i]).thenComparingInt(i -> i));
    Object[] out = new Object[n];
    AtomicInteger next = new AtomicInteger();
    Runnable taker = () -> {
      for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
        int i = order[k];
        try {
          out[i] = work.apply(tasks.get(i));
        } catch (RuntimeException | Error e) {
          out[i] = new Failure(e);
        }
      }
    };
    List<ForkJoinTask<?>> helpers = new ArrayList<>();
    for (int h = Math.min(n, ForkJoinPool.getCommonPoolParallelism() + 1) - 1; h > 0; h--) {
      helpers.add(ForkJoinPool.commonPool().submit(taker));
    }
    taker.run();
    for (ForkJoinTask<?> h : helpers) {
      h.join(); // its results are in the array from here on (join happens-after the task)
    }
    List<R> results = new ArrayList<>(n);
    for (Object o : out) {
      if (o instanceof Failure f) {
        if (f.thrown() instanceof RuntimeException e) {
          throw e;
        }
        throw (Error) f.thrown();
      }
      @SuppressWarnings("unchecked")
      R r = (R) o;
      results.add(r);
    }
    return results;
  }

  /* A task's exception, kept until every task is done. */
  private record Failure(Throwable thrown) {}
}
