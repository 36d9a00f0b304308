package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.PathRowFold;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.input.PathTotals;
import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.paths.PathCounts;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Path-file rows, parsed by the core's {@link PathRowParser} and folded map-side into one {@link PathCounts} per
 * split: a path file needs no shuffle, its rows are already journeys. Each split also reports the journeys it counted
 * ({@link ParsedRecords#TOTALS}), so that the driver holds the whole input to the core's {@link PathTotals} limit in
 * file order before it merges a single count. When the earlier splits' journeys and a split's own pass the limit
 * together, the driver reads the input again {@link #locating} that row.
 */
final class PathRows implements RowHandler {
  private static final long serialVersionUID = 1L;
  /** The settings of every path-file aggregate; all splits of a run share them. */
  static final String SETTINGS = "paths";

  private final MappingSpec mapping;
  private final String separator;
  /** Locating: journeys counted before each split to search ({@code file#split}), else null. */
  private final Map<String, Long> countedBefore;

  PathRows(MappingSpec mapping, String separator) {
    this(mapping, separator, null);
  }

  private PathRows(MappingSpec mapping, String separator, Map<String, Long> countedBefore) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.separator = Objects.requireNonNull(separator, "separator");
    this.countedBefore = countedBefore;
  }

  /**
   * The same rows read only to find where the input passes the core's limit: each split named in
   * {@code countedBefore} adds its rows up from the journeys counted before it and ends with a
   * {@link ParsedRecords#TOTALS} record naming the row and column that passed (idx -1 when none did); other splits
   * emit nothing, and nothing is folded.
   *
   * @param countedBefore journeys of the input before each split to search, keyed {@code file#split}
   */
  PathRows locating(Map<String, Long> countedBefore) {
    return new PathRows(mapping, separator, Map.copyOf(countedBefore));
  }

  @Override
  public Parser open(String file, long split, List<String> header) {
    if (countedBefore == null) {
      return open(file, header);
    }
    ColumnMapping m = mapping.mapping();
    PathRowParser parser = new PathRowParser(PathRowParser.header(file, header, m), m, separator);
    Long before = countedBefore.get(file + '#' + split);
    if (before == null) {
      return fields -> FOLDED;
    }
    PathTotals totals = PathTotals.after(before);
    return new Parser() {
      private long passedAt = -1;

      @Override
      public org.apache.spark.sql.Row accept(io.tributary.core.input.Fields fields) {
        PathRowParser.Row r = parser.parse(fields);
        if (!totals.add(r.stats().conversions(), r.stats().nulls()) && passedAt < 0) {
          passedAt = fields.line() - 1;
        }
        return FOLDED;
      }

      @Override
      public List<org.apache.spark.sql.Row> finish(String file, long split) {
        return List.of(ParsedRecords.totals(file, split, passedAt, totals.exceededColumn(), totals.conversions(),
            totals.nulls()));
      }
    };
  }

  @Override
  public Parser open(String file, List<String> header) {
    ColumnMapping m = mapping.mapping();
    PathRowFold fold = new PathRowFold(new PathRowParser(PathRowParser.header(file, header, m), m, separator));
    return new Parser() {
      private long rows;
      private long exceededAt = -1;

      @Override
      public org.apache.spark.sql.Row accept(io.tributary.core.input.Fields fields) {
        // Past the core's limit the run fails on the driver (which alone knows the earlier splits' counts): the fold
        // stops adding, so that no sum here overflows first.
        if (!fold.add(fields) && exceededAt < 0) {
          exceededAt = fields.line() - 1; // the row's 0-based line in its split, as LineNumbers counts
        }
        rows++;
        return FOLDED;
      }

      @Override
      public List<org.apache.spark.sql.Row> finish(String file, long split) {
        PathTotals totals = fold.totals();
        return List.of(ParsedRecords.totals(file, split, exceededAt, totals.exceededColumn(), totals.conversions(),
            totals.nulls()), aggregate());
      }

      @Override
      public List<org.apache.spark.sql.Row> finish() {
        return List.of(aggregate());
      }

      private org.apache.spark.sql.Row aggregate() {
        JourneyAggregate agg = JourneyAggregate.ofPaths(SETTINGS, fold.build());
        return ParsedRecords.aggregate(AggregateCodec.encode(agg), 0, rows);
      }
    };
  }
}
