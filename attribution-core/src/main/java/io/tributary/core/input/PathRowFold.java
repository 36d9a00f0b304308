package io.tributary.core.input;

import io.tributary.core.InputException;
import io.tributary.core.paths.PathCounts;
import java.util.Objects;

/**
 * Folds the rows of a path file — the whole file, a CLI slice or a Spark split — into {@link PathCounts}, in file
 * order, held to the {@link PathTotals} limit: the one way every engine reads path rows. A row whose cells are plain is
 * read straight from the reader's bytes (channel names interned from byte ranges, counts and value parsed without a
 * String), any other through {@link PathRowParser#parse(Fields)}; both routes give the same aggregate and the same
 * errors (see {@link PathRowParser}). Not thread-safe: one per slice, then merge the built aggregates.
 */
public final class PathRowFold {
  private final PathRowParser parser;
  private final PathCounts.Builder counts = PathCounts.builder();
  private final PathTotals totals = new PathTotals();

  /** @param parser the file's row parser (one per fold: it keeps the last row's byte ranges) */
  public PathRowFold(PathRowParser parser) {
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * Adds one row.
   *
   * @param row the row's cells
   * @return whether it was added; false when its counts would take this fold's journeys past
   *     {@link PathTotals#MAX_JOURNEYS} ({@link #totals()} then says which column), and for every row after that
   * @throws InputException naming file, line and column when the row is bad (nothing is added)
   */
  public boolean add(Fields row) {
    if (parser.plainRow(row)) {
      if (!totals.add(parser.plainConversions(), parser.plainNulls())) {
        return false;
      }
      counts.addPath(row.bytes(), parser.nameFrom(), parser.nameTo(), parser.names(), parser.plainConversions(),
          parser.plainValue(), parser.plainNulls());
      return true;
    }
    PathRowParser.Row r = parser.parse(row);
    if (!totals.add(r.stats().conversions(), r.stats().nulls())) {
      return false;
    }
    counts.add(r.path(), r.stats().conversions(), r.stats().value(), r.stats().nulls());
    return true;
  }

  /** @return the journeys added so far, and whether the limit was passed */
  public PathTotals totals() {
    return totals;
  }

  /** @return the aggregate of the rows added so far */
  public PathCounts build() {
    return counts.build();
  }
}
