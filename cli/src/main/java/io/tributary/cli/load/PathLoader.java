package io.tributary.cli.load;

import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.Header;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.input.PathTotals;
import io.tributary.core.input.RawRows;
import io.tributary.core.paths.PathCounts;

/** Reads a path file into {@link PathCounts}, each row validated by the core's {@link PathRowParser}. */
public final class PathLoader {
  private PathLoader() {}

  /**
   * What reading a path file gave.
   *
   * @param paths the distinct paths (a path listed twice is summed)
   * @param stats rows read, accepted, rejected
   */
  public record Result(PathCounts paths, InputStats stats) {}

  /**
   * @param source the path file
   * @param settings mapping, delimiter, separator
   * @param rejects the bad-row policy
   * @return the paths and counts
   * @throws InputException for a missing, empty or malformed file, the first bad row under the fail policy, or counts
   *     that add up past {@link PathTotals#MAX_JOURNEYS} (under any policy)
   */
  public static Result load(InputSource source, ReadSettings settings, Rejects rejects) {
    try (CsvRecords reader = source.records(settings.delimiter(), Long.MAX_VALUE)) {
      Header header = PathRowParser.header(reader.file(), reader.header(), settings.mapping());
      PathRowParser parser = new PathRowParser(header, settings.mapping(), settings.pathSeparator());
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      PathCounts.Builder paths = PathCounts.builder();
      PathTotals totals = new PathTotals();
      long read = 0;
      long accepted = 0;
      while (reader.next()) {
        read++;
        PathRowParser.Row row;
        try {
          row = parser.parse(reader);
        } catch (InputException bad) {
          rejects.reject(bad, reader.texts(), raw);
          continue;
        }
        if (!totals.add(row.stats().conversions(), row.stats().nulls())) {
          // Not a bad row but a bad input: no policy can skip its way to counts that add up.
          throw new InputException(reader.file(), reader.line(), settings.mapping().source(totals.exceededColumn()),
              PathTotals.reason());
        }
        accepted++;
        paths.add(row.path(), row.stats().conversions(), row.stats().value(), row.stats().nulls());
      }
      if (read == 0) {
        throw new InputException(reader.file(), 0, null, "no data rows after the header");
      }
      if (accepted == 0) {
        throw new InputException(reader.file(), 0, null,
            "every one of the " + read + " rows was rejected; nothing to attribute");
      }
      return new Result(paths.build(), new InputStats(reader.file(), read, accepted, read - accepted));
    }
  }
}
