package io.tributary.cli.load;

import io.tributary.cli.csv.InputSource;
import io.tributary.core.Errors;
import io.tributary.core.InputException;
import io.tributary.core.TributaryException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.input.RangeCheck;
import io.tributary.core.input.RawRows;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.journey.TouchpointLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads an event log into an {@link EventStore} with the core's reader ({@link CsvRecords}) and row parser
 * ({@link EventRowParser}, plain rows straight from bytes), each customer id later stitched through the identity map
 * and opted-out customers dropped before anything is grouped.
 *
 * <p>Each file is read once. A plain (not gzip) file of at least {@link Slicing#minBytes} bytes is read in one byte
 * range per thread by the core's range rule; the first range's reader also reads the header. Ranges report their
 * rows, rejects and errors with lines counted from their own start, re-based here in file order. Where a quoted line
 * break crosses a range boundary the ranges disagree on where records start ({@link RangeCheck}): the ranges from
 * there on are dropped and the rest of the file is read in one piece, which the run says in a note. So every thread
 * count accepts and rejects the same rows, for the same reasons, on the same lines.
 */
public final class EventLoader {
  private static final int PROGRESS_EVERY = 1 << 18;

  private EventLoader() {}

  /**
   * What reading an event log gave.
   *
   * @param store the accepted events (consent is applied when they are grouped); close it when done with them (it
   *     deletes the runs spilled beyond the memory budget)
   * @param stats rows read, accepted, rejected
   * @param gapShifts rows whose local time fell in a daylight-saving gap and was moved forward by it
   * @param notes what the user should know about how the file was read (one line each)
   * @param ranges how many byte ranges the file was read in (1: in one piece)
   */
  public record Result(EventStore store, InputStats stats, long gapShifts, List<String> notes, int ranges) {
    /** @return accepted rows dropped because their customer opted out (groups the store if not yet done) */
    public long excludedByConsent() {
      return store.group().excludedByConsent();
    }
  }

  /** A bad row of a range: the reason (its line counted from the range's start) and the cells as read. */
  private record Bad(InputException reason, String[] cells) {}

  /**
   * What one range gave; {@code fatal} is an error that ends the reading (its line also range-relative);
   * {@code gapShifts} its rows moved out of a daylight-saving gap.
   */
  private record Range(EventStore.Writer writer, long read, long accepted, long lines, long first, long stoppedAt,
      List<Bad> bad, InputException fatal, long gapShifts) {}

  /**
   * @param source the event log
   * @param settings mapping, zone, delimiter, slicing
   * @param identities alias to customer id
   * @param consent opted-out customers
   * @param rejects the bad-row policy
   * @param progress told the number of rows read every so often
   * @param threads reading threads
   * @return the events and counts
   * @throws InputException for a missing, empty or malformed file, or the first bad row under the fail policy
   */
  public static Result load(InputSource source, ReadSettings settings, IdentityMap identities, ConsentList consent,
      Rejects rejects, Progress progress, int threads) {
    return load(source, settings, identities, consent, rejects, progress, threads, TouchpointLevel.CHANNEL);
  }

  /**
   * Like {@link #load(InputSource, ReadSettings, IdentityMap, ConsentList, Rejects, Progress, int)}, each touch named
   * by its touchpoint key at {@code level} ({@code --touchpoint}).
   */
  public static Result load(InputSource source, ReadSettings settings, IdentityMap identities, ConsentList consent,
      Rejects rejects, Progress progress, int threads, TouchpointLevel level) {
    return load(source, settings, identities, consent, rejects, progress, threads, level, List.of());
  }

  /**
   * As {@link #load(InputSource, ReadSettings, IdentityMap, ConsentList, Rejects, Progress, int, TouchpointLevel)},
   * also reading the event-log columns of {@code --segment-by}: each row's values are kept in the store (see
   * {@link EventStore.Grouped#segmentValues}).
   *
   * @param segmentColumns the event-log segment columns; a missing one fails at the header, naming file and column
   */
  public static Result load(InputSource source, ReadSettings settings, IdentityMap identities, ConsentList consent,
      Rejects rejects, Progress progress, int threads, TouchpointLevel level, List<String> segmentColumns) {
    long size = threads < 2 ? -1 : source.sliceableSize();
    int n = size >= settings.slicing().minBytes() ? threads : 1;
    long[] cuts = new long[n + 1];
    for (int k = 1; k <= n; k++) {
      cuts[k] = k == n ? Long.MAX_VALUE : size * k / n;
    }
    // One partition per fold slice, so that spilled customers are merged back on as many threads as they are folded.
    int partitions = threads >= JourneyFold.MIN_THREADS_TO_SLICE ? threads : 1;
    EventStore store = new EventStore(identities, consent, segmentColumns, settings.spilling(), partitions);
    try {
      return read(source, settings, rejects, progress, level, segmentColumns, cuts, store);
    } catch (RuntimeException | Error e) {
      // Spilled runs of a read that failed (a bad row, a full disk) are deleted here; the caller never saw the store.
      store.close();
      throw e;
    }
  }

  /* The reading itself, into a store the caller closes should it fail. */
  private static Result read(InputSource source, ReadSettings settings, Rejects rejects, Progress progress,
      TouchpointLevel level, List<String> segmentColumns, long[] cuts, EventStore store) {
    int n = cuts.length - 1;
    boolean failFast = rejects.policy() == OnBadRow.FAIL;
    List<String> notes = new ArrayList<>();
    try (CsvRecords head = source.records(settings.delimiter(), cuts[1])) {
      Header header = EventRowParser.header(head.file(), head.header(), settings.mapping(), segmentColumns);
      RawRows raw = RawRows.of(head.header(), head.delimiter());
      AtomicLong rows = new AtomicLong();
      // The level's check (a campaign column where one is needed) fails here, on the header, before any row.
      new EventRowParser(header, settings.mapping(), settings.zone(), level);
      Reading reading = new Reading(source, settings, header, head, store, failFast, rows, level);
      List<Range> ranges = n == 1 ? List.of(reading.read(head, progress)) : reading.parallel(cuts, progress);
      long base = 0;
      long read = 0;
      long accepted = 0;
      long gapShifts = 0;
      for (int k = 0; k < ranges.size(); k++) {
        Range r = ranges.get(k);
        if (k > 0 && r.first() != ranges.get(k - 1).stoppedAt()) {
          for (Range dropped : ranges.subList(k, ranges.size())) {
            store.discard(dropped.writer());
          }
          notes.add("note: " + RangeCheck.onePieceNote(head.file()));
          r = reading.rest(ranges.get(k - 1).stoppedAt(), progress);
          k = ranges.size();
        }
        for (Bad b : r.bad()) {
          rejects.reject(rebase(b.reason(), base), b.cells(), raw);
        }
        if (r.fatal() != null) {
          throw rebase(r.fatal(), base);
        }
        base += r.lines();
        read += r.read();
        accepted += r.accepted();
        gapShifts += r.gapShifts();
      }
      progress.done();
      if (read == 0) {
        throw Errors.noDataRows(head.file());
      }
      if (accepted == 0) {
        throw Errors.everyRowRejected(head.file(), read);
      }
      return new Result(store, new InputStats(head.file(), read, accepted, read - accepted), gapShifts,
          List.copyOf(notes), ranges.size());
    }
  }

  private static InputException rebase(InputException e, long linesBefore) {
    if (linesBefore == 0 || e.line() == 0) {
      return e;
    }
    return new InputException(e.file(), linesBefore + e.line(), e.column(), e.reason());
  }

  /** The reading of one file: its ranges, each with a parser and a store writer of its own. */
  private record Reading(InputSource source, ReadSettings settings, Header header, CsvRecords head,
      EventStore store, boolean failFast, AtomicLong rows, TouchpointLevel level) {

    /* Reads every range at once: the first on the reader that read the header, the others from their cut. */
    List<Range> parallel(long[] cuts, Progress progress) {
      int n = cuts.length - 1;
      ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
        Thread t = new Thread(r, "tributary-read");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<Range>> parts = new ArrayList<>();
        parts.add(pool.submit(() -> read(head, null)));
        for (int k = 1; k < n; k++) {
          long from = cuts[k];
          long to = cuts[k + 1];
          parts.add(pool.submit(() -> {
            try (CsvRecords r = open(from, to, false)) {
              return read(r, null);
            }
          }));
        }
        List<Range> out = new ArrayList<>();
        for (Future<Range> f : parts) {
          while (true) {
            try {
              out.add(f.get(250, TimeUnit.MILLISECONDS));
              break;
            } catch (TimeoutException e) {
              progress.rows(source.displayName(), rows.get());
            }
          }
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

    /* The file from a boundary the ranges agreed on to its end, in one piece. */
    Range rest(long from, Progress progress) {
      try (CsvRecords r = open(from, Long.MAX_VALUE, true)) {
        return read(r, progress);
      }
    }

    private CsvRecords open(long from, long to, boolean startsAtRecord) {
      Path file = Path.of(source.name());
      FileChannel ch;
      try {
        ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(startsAtRecord ? from : from - 1);
      } catch (IOException e) {
        throw io.tributary.core.input.InputFiles.failure(source.displayName(), 0, e);
      }
      InputStream in = Channels.newInputStream(ch);
      return CsvRecords.range(source.displayName(), in, from, to, startsAtRecord, head.delimiter(),
          head.header());
    }

    /* Reads the records of one reader; errors are kept, not thrown, until the range is known to be right. */
    Range read(CsvRecords records, Progress progress) {
      EventRowParser parser = new EventRowParser(header, settings.mapping(), settings.zone(), level,
          store.segmentColumns());
      EventStore.Writer out = store.writer();
      long read = 0;
      long accepted = 0;
      List<Bad> bad = new ArrayList<>();
      InputException fatal = null;
      try {
        while (records.next()) {
          read++;
          if ((read & (PROGRESS_EVERY - 1)) == 0) {
            long all = rows.addAndGet(PROGRESS_EVERY);
            if (progress != null) {
              progress.rows(source.displayName(), all);
            }
          }
          try {
            parser.parse(records, out);
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
      return new Range(out, read, accepted, records.linesRead(), records.firstRecord(), records.stoppedAt(), bad,
          fatal, parser.gapShifts());
    }
  }
}
