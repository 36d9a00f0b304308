package io.tributary.cli.load;

import io.tributary.cli.csv.InputSource;
import io.tributary.cli.load.SlicedReading.Bad;
import io.tributary.cli.load.SlicedReading.Range;
import io.tributary.core.Errors;
import io.tributary.core.InputException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.Header;
import io.tributary.core.input.PathRowFold;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.input.PathTotals;
import io.tributary.core.input.RangeCheck;
import io.tributary.core.input.RawRows;
import io.tributary.core.paths.PathCounts;
import java.util.List;

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
    long[] cuts = SlicedReading.cuts(source, settings.slicing(), threads);
    if (cuts.length > 2) {
      Result sliced = sliced(source, settings, rejects, cuts);
      if (sliced != null) {
        return sliced;
      }
    }
    return whole(source, settings, rejects);
  }

  /*
   * The file in one piece, every row in file order: the reference every sliced reading must equal. Read as one range
   * (bad rows kept until it ends, then reported in order), so that both readings apply the same loop.
   */
  private static Result whole(InputSource source, ReadSettings settings, Rejects rejects) {
    try (CsvRecords reader = source.records(settings.delimiter(), Long.MAX_VALUE)) {
      Header header = PathRowParser.header(reader.file(), reader.header(), settings.mapping());
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      Range<PathRowFold> r = read(reader, settings, header, rejects.policy() == OnBadRow.FAIL);
      for (Bad b : r.bad()) {
        rejects.reject(b.reason(), b.cells(), raw);
      }
      if (r.fatal() != null) {
        throw r.fatal();
      }
      if (r.stopped()) {
        // Not a bad row but a bad input: no policy can skip its way to counts that add up.
        throw passedLimit(reader.file(), reader.line(), settings, r.state().totals().exceededColumn());
      }
      return result(reader.file(), r.state().build(), r.read(), r.accepted());
    }
  }

  /*
   * The file in n ranges read at once; null when it must be read again in one piece (ranges that disagree, counts that
   * may pass the limit), before anything was reported.
   */
  private static Result sliced(InputSource source, ReadSettings settings, Rejects rejects, long[] cuts) {
    boolean failFast = rejects.policy() == OnBadRow.FAIL;
    List<Range<PathRowFold>> ranges;
    String file;
    RawRows raw;
    try (CsvRecords head = source.records(settings.delimiter(), cuts[1])) {
      file = head.file();
      Header header = PathRowParser.header(file, head.header(), settings.mapping());
      raw = RawRows.of(head.header(), head.delimiter());
      ranges = SlicedReading.readAll(source, head, cuts, r -> read(r, settings, header, failFast), () -> { });
    }
    long[] first = new long[ranges.size()];
    long[] stopped = new long[ranges.size()];
    long before = 0;
    int last = ranges.size() - 1; // the last range a reading in one piece gets to
    for (int k = 0; k < ranges.size(); k++) {
      Range<PathRowFold> r = ranges.get(k);
      first[k] = r.first();
      stopped[k] = r.fatal() != null ? -1 : r.stoppedAt();
      PathTotals t = r.state().totals();
      if (r.stopped() || PathTotals.passes(before, t.conversions(), t.nulls()) != null) {
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
      Range<PathRowFold> r = ranges.get(k);
      for (Bad b : r.bad()) {
        rejects.reject(SlicedReading.rebase(b.reason(), base), b.cells(), raw);
      }
      if (r.fatal() != null) {
        throw SlicedReading.rebase(r.fatal(), base);
      }
      base += r.lines();
      read += r.read();
      accepted += r.accepted();
      paths = paths.merge(r.state().build());
    }
    return result(file, paths, read, accepted);
  }

  /* Reads one range; a row whose counts pass the limit stops it (then the file is read again in one piece). */
  private static Range<PathRowFold> read(CsvRecords records, ReadSettings settings, Header header,
      boolean failFast) {
    PathRowFold fold = new PathRowFold(new PathRowParser(header, settings.mapping(), settings.pathSeparator()));
    return SlicedReading.read(records, fold, fold::add, failFast);
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
}
