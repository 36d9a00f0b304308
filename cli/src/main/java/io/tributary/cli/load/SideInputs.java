package io.tributary.cli.load;

import io.tributary.cli.csv.Delimiter;
import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.Fields;
import io.tributary.core.input.IdRowParser;
import io.tributary.core.input.RawRows;
import io.tributary.core.input.SpendRowParser;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.metrics.SpendTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the small inputs beside the main one: spend ({@code date,channel,spend}), the identity map
 * ({@code alias_id,customer_id}) and the consent list ({@code customer_id}). Each detects its own delimiter and is read
 * with the core's side-input mapping ({@link ColumnMapping#forSideInput}: a column renamed by {@code --map} is read by
 * its export name when the file has it, else by SPEC's name), as the Spark job reads them. A header-only file is valid
 * here: no spend, no aliases, no opt-outs.
 */
public final class SideInputs {
  private SideInputs() {}

  /** A small input's value and its row counts. */
  public record Loaded<T>(T value, InputStats stats) {}

  /** What one side file's rows are folded into. */
  private interface Fold<T> {
    /**
     * Reads one row.
     *
     * @throws InputException for a bad row, which the bad-row policy sets aside
     */
    void row(Fields row);

    /**
     * Takes the row just read, once it is accepted.
     *
     * @throws InputException an input no policy can skip past (it ends the reading)
     */
    default void accepted(Fields row) {}

    /** @return the value of every accepted row */
    T build();
  }

  /** Opens the fold of one file, told its name and the column mapping resolved against its header. */
  private interface Opener<T> {
    Fold<T> open(String file, List<String> header, ColumnMapping mapping);
  }

  /**
   * Reads a spend file for a run at {@code level}, summing spend per channel over all its rows (at a campaign level,
   * also per channel/campaign).
   *
   * @param mapping the main input's {@code --map}, applied by the side-input rule
   */
  public static Loaded<SpendTable> spend(InputSource source, ColumnMapping mapping, Rejects rejects,
      TouchpointLevel level) {
    return read(source, mapping, rejects, (file, header, m) -> {
      SpendRowParser parser = new SpendRowParser(SpendRowParser.header(file, header, m), m, level);
      SpendTable.Builder table = SpendTable.builder();
      return fold(row -> {
        SpendRowParser.Row r = parser.parse(row);
        table.add(r.channel(), r.campaign(), r.spend());
      }, table::build);
    });
  }

  /**
   * Reads a spend file, summing spend per date and channel: a windowed run credits each date with its own spend.
   *
   * @param mapping the main input's {@code --map}, applied by the side-input rule
   */
  public static Loaded<SortedMap<LocalDate, SpendTable>> spendByDate(InputSource source, ColumnMapping mapping,
      Rejects rejects) {
    return spendByDate(source, mapping, rejects, TouchpointLevel.CHANNEL);
  }

  /**
   * Reads a spend file per date for a run at {@code level}: at a campaign level, also per channel/campaign.
   *
   * @param mapping the main input's {@code --map}, applied by the side-input rule
   */
  public static Loaded<SortedMap<LocalDate, SpendTable>> spendByDate(InputSource source, ColumnMapping mapping,
      Rejects rejects, TouchpointLevel level) {
    return read(source, mapping, rejects, (file, header, m) -> {
      SpendRowParser parser = new SpendRowParser(SpendRowParser.header(file, header, m), m, level);
      TreeMap<LocalDate, SpendTable.Builder> tables = new TreeMap<>();
      return fold(row -> {
        SpendRowParser.Row r = parser.parse(row);
        tables.computeIfAbsent(r.date(), d -> SpendTable.builder()).add(r.channel(), r.campaign(), r.spend());
      }, () -> {
        SortedMap<LocalDate, SpendTable> out = new TreeMap<>();
        tables.forEach((d, b) -> out.put(d, b.build()));
        return out;
      });
    });
  }

  /**
   * Reads an identity map. An alias listed again with a different customer id, or a cycle of aliases, makes the map
   * ambiguous: an error under any bad-row policy (as in the Spark job), naming the line of the second mapping.
   *
   * @param mapping the main input's {@code --map}, applied by the side-input rule
   */
  public static Loaded<IdentityMap> identities(InputSource source, ColumnMapping mapping, Rejects rejects) {
    return read(source, mapping, rejects, (file, header, m) -> {
      IdRowParser parser = new IdRowParser(IdRowParser.identityHeader(file, header, m), m);
      IdentityMap.Builder map = IdentityMap.builder();
      String[] pair = new String[2];
      return new Fold<IdentityMap>() {
        @Override
        public void row(Fields row) {
          pair[0] = parser.id(row, "alias_id");
          pair[1] = parser.id(row, "customer_id");
        }

        @Override
        public void accepted(Fields row) {
          map.add(file, row.line(), pair[0], pair[1]);
        }

        @Override
        public IdentityMap build() {
          try {
            return map.build();
          } catch (IllegalArgumentException e) {
            throw new InputException(file, 0, null, e.getMessage());
          }
        }
      };
    });
  }

  /**
   * Reads a consent (opt-out) list. An id listed under any alias opts out the whole person: listed ids are resolved
   * through {@code identities} (the core's rule).
   *
   * @param mapping the main input's {@code --map}, applied by the side-input rule
   */
  public static Loaded<ConsentList> consent(InputSource source, ColumnMapping mapping, IdentityMap identities,
      Rejects rejects) {
    return read(source, mapping, rejects, (file, header, m) -> {
      IdRowParser parser = new IdRowParser(IdRowParser.consentHeader(file, header, m), m);
      Set<String> ids = new HashSet<>();
      List<String> ordered = new ArrayList<>();
      return fold(row -> {
        String id = parser.id(row, "customer_id");
        if (ids.add(id)) {
          ordered.add(id);
        }
      }, () -> ConsentList.of(ordered, identities));
    });
  }

  private static <T> Fold<T> fold(java.util.function.Consumer<Fields> row, java.util.function.Supplier<T> build) {
    return new Fold<>() {
      @Override
      public void row(Fields r) {
        row.accept(r);
      }

      @Override
      public T build() {
        return build.get();
      }
    };
  }

  /* Every side file is read the same way: its header resolved, each row folded or set aside, then the value built. */
  private static <T> Loaded<T> read(InputSource source, ColumnMapping mapping, Rejects rejects, Opener<T> opener) {
    try (CsvRecords reader = source.records(Delimiter.AUTO, Long.MAX_VALUE)) {
      Fold<T> fold = opener.open(reader.file(), reader.header(), mapping.forSideInput(reader.header()));
      RawRows raw = RawRows.of(reader.header(), reader.delimiter());
      long read = 0;
      long accepted = 0;
      while (reader.next()) {
        read++;
        try {
          fold.row(reader);
        } catch (InputException bad) {
          rejects.reject(bad, reader.texts(), raw);
          continue;
        }
        fold.accepted(reader);
        accepted++;
      }
      return new Loaded<>(fold.build(), new InputStats(reader.file(), read, accepted, read - accepted));
    }
  }
}
