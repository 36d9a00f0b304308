package io.tributary.core.metrics;

import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.paths.Path;
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
  /* Each channel id's name as a path shows it, made once: at a campaign level (a million paths of 96 touchpoints)
   * making it per touch was a third of writing path_summary. */
  private final String[] shown;

  /** @param paths the table whose paths are listed, in its order */
  public PathSummaryView(PathTable paths) {
    this.paths = Objects.requireNonNull(paths, "paths");
    this.shown = new String[paths.channels().size()];
    for (int c = 0; c < shown.length; c++) {
      shown[c] = TouchpointLevel.display(paths.channels().name(c));
    }
  }

  @Override
  public PathSummaryRow get(int p) {
    Objects.checkIndex(p, paths.size());
    return new PathSummaryRow(display(p), paths.journeys(p), paths.conversions(p),
        paths.value(p).doubleValue(), paths.nulls(p));
  }

  /*
   * Path.display() of path p, without a Path or a String per touch, in a builder of its exact length: campaign-level
   * names (email/spring_sale) outgrew a guess of 16 characters a touch, and the copies of a growing builder were the
   * largest item of a segmented run's write (JFR).
   */
  private String display(int p) {
    int n = paths.length(p);
    int length = SEPARATOR_LENGTH * (n - 1);
    for (int k = 0; k < n; k++) {
      length += shown[paths.channel(p, k)].length();
    }
    StringBuilder sb = new StringBuilder(length);
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        sb.append(' ').append(Path.MARK).append(' ');
      }
      sb.append(shown[paths.channel(p, k)]);
    }
    return sb.toString();
  }

  /* " > ": the mark between two touches, as display() appends it. */
  private static final int SEPARATOR_LENGTH = 2 + String.valueOf(Path.MARK).length();

  @Override
  public int size() {
    return paths.size();
  }
}
