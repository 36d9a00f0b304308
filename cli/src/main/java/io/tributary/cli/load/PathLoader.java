package io.tributary.cli.load;

import io.tributary.cli.csv.InputSource;
import io.tributary.core.Errors;
import io.tributary.core.InputException;
import io.tributary.core.TributaryException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.Header;
import io.tributary.core.input.PathRowFold;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.input.PathTotals;
import io.tributary.core.input.RangeCheck;
import io.tributary.core.input.RawRows;
import io.tributary.core.paths.PathCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a path file into {@link PathCounts} with the core's reader ({@link CsvRecords}) and row fold
 * ({@link PathRowFold}: plain rows straight from bytes, every row validated by the core's {@link PathRowParser}).
 *
 * <p>A plain (not gzip) file of at least {@link Slicing#minBytes} bytes is read in one byte range per thread by the
 * core's range rule, each range folded on its own and the aggregates merged (the merge is exact and order-free, so
 * the paths and their stats are those of a reading in one piece). Rows, rejects and errors are reported in file
 * order with file line numbers. Two rare cases are read again in one piece, so that they end exactly as a reading in
 * one piece ends: ranges that disagree on where records start (a quoted line break across a boundary, see
 * {@link RangeCheck}), and counts that may pass {@link PathTotals#MAX_JOURNEYS} (whose error names the row where the
 * whole file's counts pass it).
 */
public final class PathLoader {
  private PathLoader() {}

  /**
   * What reading a path file gave.
   *
   * @param paths the distinct paths (a path listed twice is summed)
   * @param stats rows read, accepted, rejected
   */
  public record Result(PathCounts paths, InputStats stats) {}

  /** A bad row of a range: the reason (its line counted from the range's start) and the cells as read. */
  private record Bad(InputException reason, String[] cells) {}

  /**
   * What one range gave. {@code fatal} ends the reading (line range-relative); {@code passed} says that its counts
   * passed the limit (then the file is read again in one piece).
   */
  private record Range(PathRowFold fold, long read, long accepted, long lines, long first, long stoppedAt,
      List<Bad> bad, InputException fatal, boolean passed) {}

  /** {@link #load(InputSource, ReadSettings, Rejects, int)} on one thread. */
  public static Result load(InputSource source, ReadSettings settings, Rejects rejects) {
    return load(source, settings, rejects, 1);
  }

  /**
   * @param source the path file
   * @param settings mapping, delimiter, separator, slicing
   * @param rejects the bad-row policy
   * @param threads reading threads
   * @return the paths and counts
   * @throws InputException for a missing, empty or malformed file, the first bad row under the fail policy, or counts
   *     that add up past {@link PathTotals#MAX_JOURNEYS} (under any policy)
   */
  public static Result load(InputSource source, ReadSettings settings, Rejects rejects, int threads) {
    long size = threads < 2 ? -1 : source.sliceableSize();
    int n = size >= settings.slicing().minBytes() ? threads : 1;
    if (n > 1) {
      Result sliced = sliced(source, settings, rejects, size, n);
      if (sliced != null) {
        return sliced;
      }
    }
    return whole(source, settings, rejects);
  }

  /* The file in one piece, every event in file order: the reference every sliced reading must equal. */
  private static Result whole(InputSource source, ReadSettings settings, Rejects rejects) {
    try (CsvRecords reader = source.records(settings.delimiter(), Long.MAX_VALUE)) {
      Header header = PathRowParser.header(reader.file(), reader.header(), settings.mapping());
      PathRowFold fold = new PathRowFold(new PathRowParser(header, settings.mapping(), settings.pathSeparator()));
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      long read = 0;
      long accepted = 0;
      while (reader.next()) {
        read++;
        boolean added;
        try {
          added = fold.add(reader);
        } catch (InputException bad) {
          rejects.reject(bad, reader.texts(), raw);
          continue;
        }
        if (!added) {
          // Not a bad row but a bad input: no policy can skip its way to counts that add up.
          throw passedLimit(reader.file(), reader.line(), settings, fold.totals().exceededColumn());
        }
        accepted++;
      }
      return result(reader.file(), fold.build(), read, accepted);
    }
  }

  /*
   * The file in n ranges read at once; null when it must be read again in one piece (ranges that disagree, counts that
   * may pass the limit), before anything was reported.
   */
  private static Result sliced(InputSource source, ReadSettings settings, Rejects rejects, long size, int n) {
    long[] cuts = new long[n + 1];
    for (int k = 1; k <= n; k++) {
      cuts[k] = k == n ? Long.MAX_VALUE : size * k / n;
    }
    boolean failFast = rejects.policy() == OnBadRow.FAIL;
    List<Range> ranges;
    String file;
    RawRows raw;
    try (CsvRecords head = source.records(settings.delimiter(), cuts[1])) {
      file = head.file();
      Header header = PathRowParser.header(file, head.header(), settings.mapping());
      raw = RawRows.of(head.header(), head.delimiter());
      ranges = readAll(source, settings, header, head, cuts, failFast);
    }
    long[] first = new long[ranges.size()];
    long[] stopped = new long[ranges.size()];
    long before = 0;
    int last = ranges.size() - 1; // the last range a reading in one piece gets to
    for (int k = 0; k < ranges.size(); k++) {
      Range r = ranges.get(k);
      first[k] = r.first();
      stopped[k] = r.fatal() != null ? -1 : r.stoppedAt();
      PathTotals t = r.fold().totals();
      if (r.passed() || PathTotals.passes(before, t.conversions(), t.nulls()) != null) {
        return null;
      }
      before += t.conversions() + t.nulls();
      if (r.fatal() != null || (failFast && !r.bad().isEmpty())) {
        last = k;
        break;
      }
    }
    if (RangeCheck.firstDisagreement(java.util.Arrays.copyOf(first, last + 1),
        java.util.Arrays.copyOf(stopped, last + 1)) >= 0) {
      return null;
    }
    long base = 0;
    long read = 0;
    long accepted = 0;
    PathCounts paths = PathCounts.empty();
    for (int k = 0; k <= last; k++) {
      Range r = ranges.get(k);
      for (Bad b : r.bad()) {
        rejects.reject(rebase(b.reason(), base), b.cells(), raw);
      }
      if (r.fatal() != null) {
        throw rebase(r.fatal(), base);
      }
      base += r.lines();
      read += r.read();
      accepted += r.accepted();
      paths = paths.merge(r.fold().build());
    }
    return result(file, paths, read, accepted);
  }

  private static List<Range> readAll(InputSource source, ReadSettings settings, Header header, CsvRecords head,
      long[] cuts, boolean failFast) {
    int n = cuts.length - 1;
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "tributary-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Range>> parts = new ArrayList<>();
      parts.add(pool.submit(() -> read(head, settings, header, failFast)));
      for (int k = 1; k < n; k++) {
        long from = cuts[k];
        long to = cuts[k + 1];
        parts.add(pool.submit(() -> {
          try (CsvRecords r = source.range(from, to, false, head.delimiter(), head.header())) {
            return read(r, settings, header, failFast);
          }
        }));
      }
      List<Range> out = new ArrayList<>();
      for (Future<Range> f : parts) {
        out.add(f.get());
      }
      return out;
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
    } finally {
      pool.shutdownNow();
    }
  }

  /* Reads one range; errors are kept, not thrown, until the ranges are known to be right. */
  private static Range read(CsvRecords records, ReadSettings settings, Header header, boolean failFast) {
    PathRowFold fold = new PathRowFold(new PathRowParser(header, settings.mapping(), settings.pathSeparator()));
    long read = 0;
    long accepted = 0;
    List<Bad> bad = new ArrayList<>();
    InputException fatal = null;
    boolean passed = false;
    try {
      while (records.next()) {
        read++;
        try {
          if (!fold.add(records)) {
            passed = true;
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
    return new Range(fold, read, accepted, records.linesRead(), records.firstRecord(), records.stoppedAt(), bad,
        fatal, passed);
  }

  private static Result result(String file, PathCounts paths, long read, long accepted) {
    if (read == 0) {
      throw Errors.noDataRows(file);
    }
    if (accepted == 0) {
      throw Errors.everyRowRejected(file, read);
    }
    return new Result(paths, new InputStats(file, read, accepted, read - accepted));
  }

  private static InputException passedLimit(String file, long line, ReadSettings settings, String column) {
    return new InputException(file, line, settings.mapping().source(column), PathTotals.reason());
  }

  private static InputException rebase(InputException e, long linesBefore) {
    if (linesBefore == 0 || e.line() == 0) {
      return e;
    }
    return new InputException(e.file(), linesBefore + e.line(), e.column(), e.reason());
  }
}
