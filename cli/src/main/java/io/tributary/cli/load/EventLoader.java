package io.tributary.cli.load;

import io.tributary.cli.csv.CsvReader;
import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.input.RawRows;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;

/**
 * Reads an event log into an {@link EventStore}: each row validated by the core's {@link EventRowParser} rules (plain
 * rows of a file straight from bytes by {@link ByteEventReader}, everything else through the parser itself), its
 * customer id later stitched through the identity map, and opted-out customers dropped before anything is grouped.
 * Standard input, and files the byte reader cannot read exactly as {@link CsvReader} does, are read by
 * {@link CsvReader}: either way the same rows are accepted and rejected, for the same reasons, on the same lines.
 */
public final class EventLoader {
  private EventLoader() {}

  /**
   * What reading an event log gave.
   *
   * @param store the accepted events (consent is applied when they are grouped)
   * @param stats rows read, accepted, rejected
   * @param gapShifts rows whose local time fell in a daylight-saving gap and was moved forward by it
   */
  public record Result(EventStore store, InputStats stats, long gapShifts) {
    /** @return accepted rows dropped because their customer opted out (groups the store if not yet done) */
    public long excludedByConsent() {
      return store.group().excludedByConsent();
    }
  }

  /**
   * @param source the event log
   * @param settings mapping, zone, delimiter
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
    return load(source, settings, identities, consent, rejects, progress, threads, ByteEventReader.MIN_PARALLEL_BYTES);
  }

  /** {@link #load} with the file size from which the byte reader slices a file (tests slice small files). */
  static Result load(InputSource source, ReadSettings settings, IdentityMap identities, ConsentList consent,
      Rejects rejects, Progress progress, int threads, long minParallelBytes) {
    try (CsvReader reader = CsvReader.open(source, settings.delimiter())) {
      Header header = EventRowParser.header(reader.file(), reader.header(), settings.mapping());
      EventRowParser parser = new EventRowParser(header, settings.mapping(), settings.zone());
      EventStore store = new EventStore(identities, consent);
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      if (!source.isStdin() && ByteEventReader.readable(reader.delimiter())) {
        ByteEventReader bytes = new ByteEventReader(source, reader.delimiter(), header, parser, settings.zone(),
            !settings.mapping().hasAliases(), rejects.policy() == OnBadRow.FAIL).minParallelBytes(minParallelBytes);
        try {
          ByteEventReader.Outcome o = bytes.read(store, Math.max(1, threads), progress);
          for (Object[] bad : o.bad()) {
            rejects.reject((InputException) bad[0], (String[]) bad[1], raw);
          }
          return finish(reader.file(), o.store(), o.read(), o.accepted(), progress, parser.gapShifts());
        } catch (ByteRecords.Unsupported e) {
          // Read again below, by the reader that words every problem of the file (a fresh parser: no row is
          // counted twice in its daylight-saving gap count).
          store = store.fresh();
          parser = new EventRowParser(header, settings.mapping(), settings.zone());
        }
      }
      return readText(reader, parser, raw, store, rejects, progress, threads);
    }
  }

  private static Result readText(CsvReader reader, EventRowParser parser, RawRows raw, EventStore store,
      Rejects rejects, Progress progress, int threads) {
    EventStore.Writer out = store.writer();
    long read = 0;
    long accepted = 0;
    try (RecordBatches<Object[]> batches = new RecordBatches<>(reader, Math.max(1, threads),
        b -> parseBatch(b, parser))) {
      Object[] parsed;
      while ((parsed = batches.next()) != null) {
        RecordBatches.Batch b = (RecordBatches.Batch) parsed[0];
        for (int i = 0; i < b.size(); i++) {
          read++;
          Object r = parsed[i + 1];
          if (r instanceof InputException bad) {
            rejects.reject(bad, b.fields()[i], raw);
            continue;
          }
          accepted++;
          out.add((Event) r);
        }
        if ((read & ~0xFFFFFL) != ((read - b.size()) & ~0xFFFFFL)) {
          progress.rows(reader.file(), read);
        }
      }
    }
    return finish(reader.file(), store, read, accepted, progress, parser.gapShifts());
  }

  private static Result finish(String file, EventStore store, long read, long accepted, Progress progress,
      long gapShifts) {
    progress.done();
    if (read == 0) {
      throw new InputException(file, 0, null, "no data rows after the header");
    }
    if (accepted == 0) {
      throw new InputException(file, 0, null, "every one of the " + read + " rows was rejected; nothing to attribute");
    }
    return new Result(store, new InputStats(file, read, accepted, read - accepted), gapShifts);
  }

  /* Parses one batch on a worker: element 0 is the batch, element i+1 the Event or InputException of record i. */
  private static Object[] parseBatch(RecordBatches.Batch b, EventRowParser parser) {
    Object[] out = new Object[b.size() + 1];
    out[0] = b;
    for (int i = 0; i < b.size(); i++) {
      try {
        out[i + 1] = parser.parse(b.fields()[i], b.lines()[i]);
      } catch (InputException bad) {
        out[i + 1] = bad;
      }
    }
    return out;
  }
}
