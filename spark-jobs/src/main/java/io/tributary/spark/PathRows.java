package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.PathRowFold;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.input.PathTotals;
import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.paths.PathCounts;
import java.util.List;
import java.util.Objects;

/**
 * Path-file rows, parsed by the core's {@link PathRowParser} and folded map-side into one {@link PathCounts} per
 * split: a path file needs no shuffle, its rows are already journeys. Each split also reports the journeys it counted
 * ({@link ParsedRecords#TOTALS}), so that the driver holds the whole input to the core's {@link PathTotals} limit in
 * file order before it merges a single count.
 */
final class PathRows implements RowHandler {
  private static final long serialVersionUID = 1L;
  /** The settings of every path-file aggregate; all splits of a run share them. */
  static final String SETTINGS = "paths";

  private final MappingSpec mapping;
  private final String separator;

  PathRows(MappingSpec mapping, String separator) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.separator = Objects.requireNonNull(separator, "separator");
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
