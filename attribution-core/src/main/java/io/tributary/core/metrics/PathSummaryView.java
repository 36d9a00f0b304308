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
   * Path.display() of path p, without a Path or a String per touch, in a builder of the writing thread's, reused from
   * row to row: campaign-level names (email/spring_sale) outgrew a guess of 16 characters a touch, and the copies of
   * a growing builder were the largest item of a segmented run's write (JFR); a builder of the exact length per row
   * still allocated each path twice (the builder's array and the String's): 444 MB in JFR's allocation samples of
   * 1.12M campaign-level paths, 222 MB with the builder reused.
   */
  private String display(int p) {
    int n = paths.length(p);
    StringBuilder sb = BUILDER.get();
    sb.setLength(0);
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        sb.append(' ').append(Path.MARK).append(' ');
      }
      sb.append(shown[paths.channel(p, k)]);
    }
    String text = sb.toString();
    if (text.length() > KEPT_CAPACITY) {
      BUILDER.remove(); // a path of thousands of touches does not leave its builder's array to the thread
    }
    return text;
  }

  private static final int KEPT_CAPACITY = 1 << 16;

  private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(() -> new StringBuilder(256));

  @Override
  public int size() {
    return paths.size();
  }
}
