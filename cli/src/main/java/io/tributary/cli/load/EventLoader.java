package io.tributary.cli.load;

import io.tributary.cli.csv.CsvReader;
import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.input.CanonicalTimestamps;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.input.RawRows;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import java.time.ZoneId;

/**
 * Reads an event log into an {@link EventStore}: each row validated by the core's {@link EventRowParser}, its
 * customer id stitched through the identity map, and opted-out customers dropped before anything is grouped.
 */
public final class EventLoader {
  private EventLoader() {}

  /**
   * What reading an event log gave.
   *
   * @param store the accepted events of customers who did not opt out
   * @param stats rows read, accepted, rejected
   * @param excludedByConsent accepted rows dropped because their customer opted out
   */
  public record Result(EventStore store, InputStats stats, long excludedByConsent) {}

  /**
   * @param source the event log
   * @param settings mapping, zone, delimiter
   * @param identities alias to customer id
   * @param consent opted-out customers
   * @param rejects the bad-row policy
   * @param progress told the number of rows read every so often
   * @param threads parsing threads (reading has its own)
   * @return the events and counts
   * @throws InputException for a missing, empty or malformed file, or the first bad row under the fail policy
   */
  public static Result load(InputSource source, ReadSettings settings, IdentityMap identities, ConsentList consent,
      Rejects rejects, Progress progress, int threads) {
    try (CsvReader reader = CsvReader.open(source, settings.delimiter())) {
      Header header = EventRowParser.header(reader.file(), reader.header(), settings.mapping());
      EventRowParser parser = new EventRowParser(header, settings.mapping(), settings.zone());
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      int timestampColumn = column(reader, settings.mapping().source("timestamp"));
      ZoneId zone = settings.zone();
      EventStore store = new EventStore();
      long read = 0;
      long accepted = 0;
      long excluded = 0;
      try (RecordBatches<Object[]> batches = new RecordBatches<>(reader, Math.max(1, threads),
          b -> parseBatch(b, parser, settings, timestampColumn, zone))) {
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
            Event e = (Event) r;
            accepted++;
            String unified = identities.resolve(e.customerId());
            if (consent.excludes(e.customerId(), unified)) {
              excluded++;
              continue;
            }
            store.add(e, unified);
          }
          if ((read & ~0xFFFFFL) != ((read - b.size()) & ~0xFFFFFL)) {
            progress.rows(reader.file(), read);
          }
        }
      }
      progress.done();
      if (read == 0) {
        throw new InputException(reader.file(), 0, null, "no data rows after the header");
      }
      if (accepted == 0) {
        throw new InputException(reader.file(), 0, null,
            "every one of the " + read + " rows was rejected; nothing to attribute");
      }
      return new Result(store, new InputStats(reader.file(), read, accepted, read - accepted), excluded);
    }
  }

  /*
   * Parses one batch on a worker: element 0 is the batch, element i+1 the Event or InputException of record i.
   * java.time's formatter dominates parsing (about 1 us a row), so the common forms are first converted to epoch
   * milliseconds by the core's CanonicalTimestamps, which gives exactly Timestamps.parse's result; the core's parser
   * then validates the row as usual (epoch ms is one of SPEC's forms). A rejected row gets its original text back.
   */
  private static Object[] parseBatch(RecordBatches.Batch b, EventRowParser parser, ReadSettings settings,
      int timestampColumn, ZoneId zone) {
    Object[] out = new Object[b.size() + 1];
    out[0] = b;
    for (int i = 0; i < b.size(); i++) {
      String[] fields = b.fields()[i];
      String timestamp = null;
      if (timestampColumn < fields.length && translatesToItself(settings, fields[timestampColumn])) {
        long ms = CanonicalTimestamps.parse(fields[timestampColumn], zone);
        if (ms != CanonicalTimestamps.NOT_CANONICAL) {
          timestamp = fields[timestampColumn];
          fields[timestampColumn] = Long.toString(ms);
        }
      }
      try {
        out[i + 1] = parser.parse(fields, b.lines()[i]);
      } catch (InputException bad) {
        if (timestamp != null) {
          fields[timestampColumn] = timestamp;
        }
        out[i + 1] = bad;
      }
    }
    return out;
  }

  /* Whether --alias leaves this timestamp alone (it practically always does); only then may it be converted. */
  private static boolean translatesToItself(ReadSettings settings, String value) {
    String v = value.strip();
    return settings.mapping().translate("timestamp", v).equals(v);
  }

  /* The index of the header field named `name` as Header matches it (trimmed, case-insensitive). */
  private static int column(CsvReader reader, String name) {
    java.util.List<String> h = reader.header();
    for (int i = 0; i < h.size(); i++) {
      if (h.get(i).strip().toLowerCase(java.util.Locale.ROOT).equals(name)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
