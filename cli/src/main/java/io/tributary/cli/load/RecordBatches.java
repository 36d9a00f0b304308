package io.tributary.cli.load;

import io.tributary.cli.csv.CsvReader;
import io.tributary.core.TributaryException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads a CSV on a background thread and hands batches of records to a pool that turns each batch into results, so
 * tokenising, parsing and the caller's work overlap on all cores. Batches come back strictly in reading order, so the
 * caller sees rows in file order: the first bad row under the fail policy is the first in the file, and rejected rows
 * are listed in reading order, exactly as with one thread.
 *
 * @param <R> what a batch becomes
 */
final class RecordBatches<R> implements AutoCloseable {
  /** Records per batch: large enough to amortise hand-offs, small enough to keep memory flat. */
  static final int BATCH = 4096;

  /** A batch of records as read: fields and the line each starts on. */
  record Batch(String[][] fields, long[] lines, int size) {}

  private static final Future<Object> END = CompletableFuture.completedFuture(null);

  private final BlockingQueue<Future<?>> queue = new ArrayBlockingQueue<>(16);
  private final ExecutorService pool;
  private final Thread producer;
  private volatile boolean closed;

  /**
   * @param reader the open reader, positioned after the header
   * @param workers threads that convert batches, {@code >= 1}
   * @param convert turns a batch into a result; must be thread-safe
   */
  RecordBatches(CsvReader reader, int workers, Function<Batch, R> convert) {
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "tributary-parse");
      t.setDaemon(true);
      return t;
    });
    this.producer = new Thread(() -> produce(reader, convert), "tributary-read");
    producer.setDaemon(true);
    producer.start();
  }

  private void produce(CsvReader reader, Function<Batch, R> convert) {
    try {
      while (!closed) {
        String[][] fields = new String[BATCH][];
        long[] lines = new long[BATCH];
        int n = 0;
        String[] f = null;
        while (n < BATCH && (f = reader.next()) != null) {
          fields[n] = f;
          lines[n++] = reader.line();
        }
        if (n > 0) {
          Batch b = new Batch(fields, lines, n);
          Callable<R> task = () -> convert.apply(b);
          queue.put(pool.submit(task));
        }
        if (f == null) {
          queue.put(END);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A malformed file: handed over in order, after every batch read before it.
      CompletableFuture<R> failed = new CompletableFuture<>();
      failed.completeExceptionally(e);
      try {
        queue.put(failed);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * @return the next batch's result in reading order, or null after the last
   * @throws RuntimeException what reading or converting threw, unchanged
   */
  @SuppressWarnings("unchecked")
  R next() {
    try {
      Future<?> f = queue.take();
      if (f == END) {
        queue.put(END);
        return null;
      }
      return (R) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException("interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new TributaryException("reading failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    closed = true;
    queue.clear();
    producer.interrupt();
    pool.shutdownNow();
    try {
      producer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
