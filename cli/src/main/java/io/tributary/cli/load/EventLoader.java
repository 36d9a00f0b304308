package io.tributary.cli.load;

import io.tributary.cli.csv.CsvReader;
import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;

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
   * @return the events and counts
   * @throws InputException for a missing, empty or malformed file, or the first bad row under the fail policy
   */
  public static Result load(InputSource source, ReadSettings settings, IdentityMap identities, ConsentList consent,
      Rejects rejects, Progress progress) {
    try (CsvReader reader = CsvReader.open(source, settings.delimiter())) {
      Header header = EventRowParser.header(reader.file(), reader.header(), settings.mapping());
      EventRowParser parser = new EventRowParser(header, settings.mapping(), settings.zone());
      EventStore store = new EventStore();
      long read = 0;
      long accepted = 0;
      long excluded = 0;
      String[] fields;
      while ((fields = reader.next()) != null) {
        read++;
        if ((read & 0xFFFFF) == 0) {
          progress.rows(reader.file(), read);
        }
        Event e;
        try {
          e = parser.parse(fields, reader.line());
        } catch (InputException bad) {
          rejects.reject(bad, fields, reader.delimiter());
          continue;
        }
        accepted++;
        String unified = identities.resolve(e.customerId());
        if (consent.excludes(e.customerId(), unified)) {
          excluded++;
          continue;
        }
        store.add(e, unified);
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
}
