package io.tributary.core.metrics;

import io.tributary.core.paths.PathTable;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The {@code path_summary} rows as an unmodifiable view of the aggregate's path table: a row is made when it is read.
 * A run with a million distinct paths whose output is only {@code channel_credit} (the CLI's default) then never
 * builds a million strings, and one that writes the table builds each row once, as it streams out.
 */
public final class PathSummaryView extends AbstractList<PathSummaryRow> implements RandomAccess {
  private final PathTable paths;

  /** @param paths the table whose paths are listed, in its order */
  public PathSummaryView(PathTable paths) {
    this.paths = Objects.requireNonNull(paths, "paths");
  }

  @Override
  public PathSummaryRow get(int p) {
    Objects.checkIndex(p, paths.size());
    return new PathSummaryRow(paths.path(p).display(), paths.journeys(p), paths.conversions(p),
        paths.value(p).doubleValue(), paths.nulls(p));
  }

  @Override
  public int size() {
    return paths.size();
  }
}
