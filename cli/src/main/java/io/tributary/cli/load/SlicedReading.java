package io.tributary.cli.load;

import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.TributaryException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.RawRows;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What the CLI's two sliced readers ({@link EventLoader} for event logs, {@link PathLoader} for path files) share,
 * written once: where a file is cut into byte ranges, the reading of every range at once (each on its own thread, the
 * first on the reader that read the header), the reading of one range with its errors kept, not thrown, until the
 * ranges are known to agree on where records start, and the re-basing of a range's line numbers onto the file's.
 * What each reader does when ranges disagree (read the rest in one piece, or the whole file again) stays its own.
 */
final class SlicedReading {
  private SlicedReading() {}

  /** A bad row of a range: the reason (its line counted from the range's start) and the cells as read. */
  record Bad(InputException reason, String[] cells) {}

  /**
   * What one range gave.
   *
   * @param state what the range's rows were read into
   * @param read rows read
   * @param accepted rows accepted
   * @param lines lines the range spans
   * @param first where the range's first record starts
   * @param stoppedAt where the range's reading stopped (the next range's first record, when they agree)
   * @param bad its bad rows, lines range-relative
   * @param fatal an error that ends the reading (line range-relative), or null
   * @param stopped whether a row asked to stop the range early ({@link Step#row} returned false)
   * @param <S> the state's type
   */
  record Range<S>(S state, long read, long accepted, long lines, long first, long stoppedAt, List<Bad> bad,
      InputException fatal, boolean stopped) {}

  /** Reads one row into a range's state. */
  interface Step {
    /**
     * @param records the reader, at the row
     * @return true when the row is accepted, false to stop the range here (it is neither accepted nor bad)
     * @throws InputException when the row is bad
     */
    boolean row(CsvRecords records);
  }

  /**
   * @param source the file
   * @param slicing the least size read in ranges
   * @param threads reading threads
   * @return the byte offsets of the ranges' cuts: {@code cuts[k]} to {@code cuts[k + 1]} is range {@code k}, the last
   *     one open-ended; {@code {0, Long.MAX_VALUE}} (one range) for a small, compressed or standard-input file or
   *     one thread
   */
  static long[] cuts(InputSource source, Slicing slicing, int threads) {
    long size = threads < 2 ? -1 : source.sliceableSize();
    int n = size >= slicing.minBytes() ? threads : 1;
    long[] cuts = new long[n + 1];
    for (int k = 1; k <= n; k++) {
      cuts[k] = k == n ? Long.MAX_VALUE : size * k / n;
    }
    return cuts;
  }

  /**
   * Reads one range; errors are kept, not thrown, until the ranges are known to be right.
   *
   * @param failFast whether the first bad row ends the range (the fail policy)
   */
  static <S> Range<S> read(CsvRecords records, S state, Step step, boolean failFast) {
    long read = 0;
    long accepted = 0;
    List<Bad> bad = new ArrayList<>();
    InputException fatal = null;
    boolean stopped = false;
    try {
      while (records.next()) {
        read++;
        try {
          if (!step.row(records)) {
            stopped = true;
            break;
          }
          accepted++;
        } catch (InputException x) {
          bad.add(new Bad(x, records.texts()));
          if (failFast) {
            break;
          }
        }
      }
    } catch (InputException x) {
      fatal = x;
    }
    return new Range<>(state, read, accepted, records.linesRead(), records.firstRecord(), records.stoppedAt(), bad,
        fatal, stopped);
  }

  /**
   * Reads every range at once: the first on {@code head} (which read the header), the others from their cut.
   *
   * @param read reads one range's records
   * @param waiting called every quarter second while the ranges are read (progress)
   * @return the ranges, in file order
   */
  static <S> List<Range<S>> readAll(InputSource source, CsvRecords head, long[] cuts,
      Function<CsvRecords, Range<S>> read, Runnable waiting) {
    int n = cuts.length - 1;
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "tributary-read");
      t.setDaemon(true);
      return t;
    });
    List<Future<Range<S>>> parts = new ArrayList<>();
    try {
      parts.add(pool.submit(() -> read.apply(head)));
      for (int k = 1; k < n; k++) {
        long from = cuts[k];
        long to = cuts[k + 1];
        parts.add(pool.submit(() -> {
          try (CsvRecords r = source.range(from, to, false, head.delimiter(), head.header())) {
            return read.apply(r);
          }
        }));
      }
      List<Range<S>> out = new ArrayList<>();
      for (Future<Range<S>> f : parts) {
        while (true) {
          try {
            out.add(f.get(250, TimeUnit.MILLISECONDS));
            break;
          } catch (TimeoutException e) {
            waiting.run();
          }
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException("interrupted while reading", e);
    } catch (ExecutionException e) {
      Throwable cause = reported(parts, e.getCause());
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new TributaryException("reading failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The failure a failed read reports, given the first one met in file order: that one, unless it is an error of the
   * JVM's other than running out of heap and some other range ran out of heap. Out of heap in one range breaks the
   * others in other ways (a JDK class whose initialisation ran out of memory is missing from then on, for every thread:
   * {@code NoClassDefFoundError: Could not initialize class ...}), and the user must see the cause, with its one line
   * of advice, not a consequence. Only then are the other ranges waited for (they end soon, the heap being gone, or
   * at their range's end); an exception is reported at once.
   *
   * @param parts every range's reading
   * @param first the failure met first
   * @return the failure to report
   */
  static Throwable reported(List<? extends Future<?>> parts, Throwable first) {
    if (!(first instanceof Error) || first instanceof OutOfMemoryError) {
      return first;
    }
    for (Future<?> f : parts) {
      try {
        f.get();
      } catch (ExecutionException x) {
        if (x.getCause() instanceof OutOfMemoryError oom) {
          return oom;
        }
      } catch (CancellationException x) {
        // A range not read: nothing to report.
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return first;
  }

  /**
   * The ranges of one file reported in file order: each range's bad rows go to the bad-row policy and its fatal error
   * is thrown, both with lines counted from the file's start; rows read and accepted are summed.
   */
  static final class Tally {
    private final Rejects rejects;
    private final RawRows raw;
    private long base;
    private long read;
    private long accepted;

    /** @param raw how a bad row's cells are echoed */
    Tally(Rejects rejects, RawRows raw) {
      this.rejects = rejects;
      this.raw = raw;
    }

    /**
     * Reports the next range.
     *
     * @throws InputException its fatal error, or its first bad row under the fail policy
     */
    void add(Range<?> r) {
      for (Bad b : r.bad()) {
        rejects.reject(rebase(b.reason(), base), b.cells(), raw);
      }
      if (r.fatal() != null) {
        throw rebase(r.fatal(), base);
      }
      base += r.lines();
      read += r.read();
      accepted += r.accepted();
    }

    /** @return rows read by the ranges reported */
    long read() {
      return read;
    }

    /** @return rows accepted by the ranges reported */
    long accepted() {
      return accepted;
    }
  }

  /** @return {@code e} with its line counted from the file's start, {@code linesBefore} lines before its range */
  static InputException rebase(InputException e, long linesBefore) {
    if (linesBefore == 0 || e.line() == 0) {
      return e;
    }
    return new InputException(e.file(), linesBefore + e.line(), e.column(), e.reason());
  }
}
