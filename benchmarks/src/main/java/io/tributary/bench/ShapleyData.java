package io.tributary.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Benchmark input for the Shapley models: {@link SyntheticPaths} (ordinary journeys, mean length 6, mostly a few
 * distinct channels) plus seeded "wide" journeys whose distinct channel sets are large: ten over every channel and the
 * rest over a random half to all of them. Wide sets are what make an exact per-set Shapley game expensive, so the
 * data reach the full channel count on purpose.
 */
final class ShapleyData {
  private ShapleyData() {}

  /**
   * @param paths ordinary distinct paths from {@link SyntheticPaths}
   * @param channels channels
   * @param wide wide converting paths to add, {@code >= 10}
   * @param seed seed of both parts
   */
  static List<SyntheticPaths.Row> rows(int paths, int channels, int wide, long seed) {
    List<SyntheticPaths.Row> rows = new ArrayList<>(SyntheticPaths.rows(paths, channels, 6, seed));
    SplittableRandom r = new SplittableRandom(seed ^ 0x5A_5A_5A_5AL);
    for (int i = 0; i < wide; i++) {
      int k = i < 10 ? channels : channels / 2 + r.nextInt(channels - channels / 2 + 1);
      int[] order = new int[channels];
      for (int c = 0; c < channels; c++) {
        order[c] = c;
      }
      for (int c = channels - 1; c > 0; c--) {
        int j = r.nextInt(c + 1);
        int t = order[c];
        order[c] = order[j];
        order[j] = t;
      }
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < k; c++) {
        if (c > 0) {
          sb.append(" > ");
        }
        sb.append(SyntheticPaths.channelName(order[c]));
      }
      // A unique tail touch keeps the path distinct from the others without changing its channel set.
      sb.append(" > ").append(SyntheticPaths.channelName(order[0])).append(" > ")
          .append(SyntheticPaths.channelName(order[0]));
      for (int rep = 0; rep < i % 3; rep++) {
        sb.append(" > ").append(SyntheticPaths.channelName(order[k - 1]));
      }
      long conversions = 1 + r.nextInt(3);
      rows.add(new SyntheticPaths.Row(sb.toString(), conversions, BigDecimal.valueOf(conversions * 4999L, 2),
          r.nextInt(6)));
    }
    return rows;
  }

  /** @return "distinct channel sets / of which converting / largest converting set" for the report */
  static String describe(List<SyntheticPaths.Row> rows) {
    Set<Set<String>> sets = new HashSet<>();
    Set<Set<String>> converting = new HashSet<>();
    int largest = 0;
    for (SyntheticPaths.Row row : rows) {
      Set<String> s = new TreeSet<>();
      for (String c : row.path().split(">")) {
        s.add(c.strip());
      }
      sets.add(s);
      if (row.conversions() > 0) {
        converting.add(s);
        largest = Math.max(largest, s.size());
      }
    }
    return String.format(java.util.Locale.ROOT, "%d distinct sets, %d converting, largest converting set %d",
        sets.size(), converting.size(), largest);
  }
}
