package io.tributary.cli.load;

import io.tributary.cli.csv.InputSource;
import io.tributary.cli.load.SlicedReading.Bad;
import io.tributary.cli.load.SlicedReading.Range;
import io.tributary.core.Errors;
import io.tributary.core.InputException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.input.RangeCheck;
import io.tributary.core.input.RawRows;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.journey.TouchpointLevel;
import java.util.ArrayList;
import java.util.List;
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

  /** What a range's rows were read into: the store's writer and the parser (which counts moved local times). */
  private record Part(EventStore.Writer writer, EventRowParser parser) {}

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
    long[] cuts = SlicedReading.cuts(source, settings.slicing(), threads);
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
      List<Range<Part>> ranges = n == 1 ? List.of(reading.read(head, progress))
          : SlicedReading.readAll(source, head, cuts, r -> reading.read(r, null),
              () -> progress.rows(source.displayName(), rows.get()));
      long base = 0;
      long read = 0;
      long accepted = 0;
      long gapShifts = 0;
      for (int k = 0; k < ranges.size(); k++) {
        Range<Part> r = ranges.get(k);
        if (k > 0 && r.first() != ranges.get(k - 1).stoppedAt()) {
          for (Range<Part> dropped : ranges.subList(k, ranges.size())) {
            store.discard(dropped.state().writer());
          }
          notes.add("note: " + RangeCheck.onePieceNote(head.file()));
          r = reading.rest(ranges.get(k - 1).stoppedAt(), progress);
          k = ranges.size();
        }
        for (Bad b : r.bad()) {
          rejects.reject(SlicedReading.rebase(b.reason(), base), b.cells(), raw);
        }
        if (r.fatal() != null) {
          throw SlicedReading.rebase(r.fatal(), base);
        }
        base += r.lines();
        read += r.read();
        accepted += r.accepted();
        gapShifts += r.state().parser().gapShifts();
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

  /** The reading of one file: its ranges, each with a parser and a store writer of its own. */
  private record Reading(InputSource source, ReadSettings settings, Header header, CsvRecords head,
      EventStore store, boolean failFast, AtomicLong rows, TouchpointLevel level) {

    /* The file from a boundary the ranges agreed on to its end, in one piece. */
    Range<Part> rest(long from, Progress progress) {
      try (CsvRecords r = source.range(from, Long.MAX_VALUE, true, head.delimiter(), head.header())) {
        return read(r, progress);
      }
    }

    /* Reads the records of one reader; errors are kept, not thrown, until the range is known to be right. */
    Range<Part> read(CsvRecords records, Progress progress) {
      EventRowParser parser = new EventRowParser(header, settings.mapping(), settings.zone(), level,
          store.segmentColumns());
      EventStore.Writer out = store.writer();
      long[] read = {0};
      return SlicedReading.read(records, new Part(out, parser), r -> {
        if ((++read[0] & (PROGRESS_EVERY - 1)) == 0) {
          long all = rows.addAndGet(PROGRESS_EVERY);
          if (progress != null) {
            progress.rows(source.displayName(), all);
          }
        }
        parser.parse(r, out);
        return true;
      }, failFast);
    }
  }
}
