package io.tributary.core.metrics;

import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.paths.PathTable;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The {@code path_summary} rows as an unmodifiable view of the aggregate's path table: a row is made when it is read.
 * A run with a million distinct paths whose output is only {@code channel_credit} (the CLI's default) then never
 * builds a million strings, and one that writes the table builds each row once, as it streams out; a row's path is a
 * {@link ShownPath} over the table, which a writer can copy name by name without spelling it out.
 */
public final class PathSummaryView extends AbstractList<PathSummaryRow> implements RandomAccess {
  private final PathTable paths;
  /* Each channel id's name as a path shows it, made once: at a campaign level (a million paths of 96 touchpoints)
   * making it per touch was a third of writing path_summary. */
  private final ShownPath.Names shown;

  /** @param paths the table whose paths are listed, in its order */
  public PathSummaryView(PathTable paths) {
    this.paths = Objects.requireNonNull(paths, "paths");
    String[] names = new String[paths.channels().size()];
    for (int c = 0; c < names.length; c++) {
      names[c] = TouchpointLevel.display(paths.channels().name(c));
    }
    this.shown = new ShownPath.Names(java.util.Arrays.asList(names));
  }

  /**
   * Row {@code p}: its path is a {@link ShownPath} of the table's row, spelled out only when asked (a writer can copy
   * its names' bytes instead).
   */
  @Override
  public PathSummaryRow get(int p) {
    Objects.checkIndex(p, paths.size());
    return new PathSummaryRow(ShownPath.of(shown, paths, p), paths.journeys(p), paths.conversions(p),
        paths.value(p).doubleValue(), paths.nulls(p));
  }

  @Override
  public int size() {
    return paths.size();
  }
}
