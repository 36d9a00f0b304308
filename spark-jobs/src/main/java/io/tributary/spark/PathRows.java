package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.paths.PathCounts;
import java.util.List;
import java.util.Objects;

/**
 * Path-file rows, parsed by the core's {@link PathRowParser} and folded map-side into one {@link PathCounts} per
 * split: a path file needs no shuffle, its rows are already journeys.
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
    PathRowParser parser = new PathRowParser(PathRowParser.header(file, header, m), m, separator);
    PathCounts.Builder counts = PathCounts.builder();
    long[] rows = new long[1];
    return new Parser() {
      @Override
      public org.apache.spark.sql.Row accept(io.tributary.core.input.Fields fields) {
        PathRowParser.Row r = parser.parse(fields);
        counts.add(r.path(), r.stats().conversions(), r.stats().value(), r.stats().nulls());
        rows[0]++;
        return FOLDED;
      }

      @Override
      public List<org.apache.spark.sql.Row> finish() {
        JourneyAggregate agg = JourneyAggregate.ofPaths(SETTINGS, counts.build());
        return List.of(ParsedRecords.aggregate(AggregateCodec.encode(agg), 0, rows[0]));
      }
    };
  }
}
