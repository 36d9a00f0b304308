package io.tributary.cli.load;

import io.tributary.cli.csv.Delimiter;
import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.Header;
import io.tributary.core.input.IdRowParser;
import io.tributary.core.input.RawRows;
import io.tributary.core.input.SpendRowParser;
import io.tributary.core.input.Values;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.metrics.SpendTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the small inputs beside the main one: spend ({@code date,channel,spend}), the identity map
 * ({@code alias_id,customer_id}) and the consent list ({@code customer_id}). They use SPEC's column names (the
 * {@code --map} flags rename the main input only) and detect their own delimiter. A header-only file is valid here:
 * no spend, no aliases, no opt-outs.
 */
public final class SideInputs {
  private SideInputs() {}

  /** A small input's value and its row counts. */
  public record Loaded<T>(T value, InputStats stats) {}

  /** Reads a spend file, summing spend per channel over all its rows. */
  public static Loaded<SpendTable> spend(InputSource source, Rejects rejects) {
    return spend(source, rejects, io.tributary.core.journey.TouchpointLevel.CHANNEL);
  }

  /** Reads a spend file for a run at {@code level}: at a campaign level, also per channel/campaign. */
  public static Loaded<SpendTable> spend(InputSource source, Rejects rejects,
      io.tributary.core.journey.TouchpointLevel level) {
    try (CsvRecords reader = source.records(Delimiter.AUTO, Long.MAX_VALUE)) {
      Header header = SpendRowParser.header(reader.file(), reader.header(), ColumnMapping.none());
      SpendRowParser parser = new SpendRowParser(header, ColumnMapping.none(), level);
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      SpendTable.Builder table = SpendTable.builder();
      long read = 0;
      long accepted = 0;
      while (reader.next()) {
        read++;
        try {
          SpendRowParser.Row row = parser.parse(reader);
          table.add(row.channel(), row.campaign(), row.spend());
          accepted++;
        } catch (InputException bad) {
          rejects.reject(bad, reader.texts(), raw);
        }
      }
      return new Loaded<>(table.build(), new InputStats(reader.file(), read, accepted, read - accepted));
    }
  }

  /**
   * Reads a spend file, summing spend per date and channel: a windowed run credits each date with its own spend.
   */
  public static Loaded<java.util.SortedMap<java.time.LocalDate, SpendTable>> spendByDate(InputSource source,
      Rejects rejects) {
    return spendByDate(source, rejects, io.tributary.core.journey.TouchpointLevel.CHANNEL);
  }

  /** Reads a spend file per date for a run at {@code level}: at a campaign level, also per channel/campaign. */
  public static Loaded<java.util.SortedMap<java.time.LocalDate, SpendTable>> spendByDate(InputSource source,
      Rejects rejects, io.tributary.core.journey.TouchpointLevel level) {
    try (CsvRecords reader = source.records(Delimiter.AUTO, Long.MAX_VALUE)) {
      Header header = SpendRowParser.header(reader.file(), reader.header(), ColumnMapping.none());
      SpendRowParser parser = new SpendRowParser(header, ColumnMapping.none(), level);
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      java.util.TreeMap<java.time.LocalDate, SpendTable.Builder> tables = new java.util.TreeMap<>();
      long read = 0;
      long accepted = 0;
      while (reader.next()) {
        read++;
        try {
          SpendRowParser.Row row = parser.parse(reader);
          tables.computeIfAbsent(row.date(), d -> SpendTable.builder()).add(row.channel(), row.campaign(),
              row.spend());
          accepted++;
        } catch (InputException bad) {
          rejects.reject(bad, reader.texts(), raw);
        }
      }
      java.util.TreeMap<java.time.LocalDate, SpendTable> out = new java.util.TreeMap<>();
      tables.forEach((d, b) -> out.put(d, b.build()));
      return new Loaded<>(out, new InputStats(reader.file(), read, accepted, read - accepted));
    }
  }

  /**
   * Reads an identity map. An alias listed again with a different customer id, or a cycle of aliases, makes the map
   * ambiguous: an error under any bad-row policy (as in the Spark job), naming the line of the second mapping.
   */
  public static Loaded<IdentityMap> identities(InputSource source, Rejects rejects) {
    try (CsvRecords reader = source.records(Delimiter.AUTO, Long.MAX_VALUE)) {
      IdRowParser parser = new IdRowParser(
          IdRowParser.identityHeader(reader.file(), reader.header(), ColumnMapping.none()), ColumnMapping.none());
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      IdentityMap.Builder map = IdentityMap.builder();
      long read = 0;
      long accepted = 0;
      while (reader.next()) {
        read++;
        String alias;
        String customer;
        try {
          alias = parser.id(reader, "alias_id");
          customer = parser.id(reader, "customer_id");
        } catch (InputException bad) {
          rejects.reject(bad, reader.texts(), raw);
          continue;
        }
        map.add(reader.file(), reader.line(), alias, customer);
        accepted++;
      }
      try {
        return new Loaded<>(map.build(), new InputStats(reader.file(), read, accepted, read - accepted));
      } catch (IllegalArgumentException e) {
        throw new InputException(reader.file(), 0, null, e.getMessage());
      }
    }
  }

  /**
   * Reads a consent (opt-out) list. An id listed under any alias opts out the whole person: listed ids are resolved
   * through {@code identities} (the core's rule).
   */
  public static Loaded<ConsentList> consent(InputSource source, IdentityMap identities, Rejects rejects) {
    try (CsvRecords reader = source.records(Delimiter.AUTO, Long.MAX_VALUE)) {
      IdRowParser parser = new IdRowParser(
          IdRowParser.consentHeader(reader.file(), reader.header(), ColumnMapping.none()), ColumnMapping.none());
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      Set<String> ids = new HashSet<>();
      List<String> ordered = new ArrayList<>();
      long read = 0;
      long accepted = 0;
      while (reader.next()) {
        read++;
        try {
          String id = parser.id(reader, "customer_id");
          if (ids.add(id)) {
            ordered.add(id);
          }
          accepted++;
        } catch (InputException bad) {
          rejects.reject(bad, reader.texts(), raw);
        }
      }
      return new Loaded<>(ConsentList.of(ordered, identities), new InputStats(reader.file(), read, accepted, read - accepted));
    }
  }
}
