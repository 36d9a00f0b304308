package io.tributary.core.model.shapley;

import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds path counts for tests. */
final class TestPaths {
  private TestPaths() {}

  /** @param rows repeated {@code "a > b", conversions, value, nulls} */
  static PathCounts of(Object... rows) {
    PathCounts.Builder b = PathCounts.builder();
    for (int i = 0; i < rows.length; i += 4) {
      String[] parts = ((String) rows[i]).split(">");
      List<String> channels = new ArrayList<>();
      for (String p : parts) {
        channels.add(p.strip());
      }
      b.add(new Path(channels), ((Number) rows[i + 1]).longValue(), new BigDecimal(rows[i + 2].toString()),
          ((Number) rows[i + 3]).longValue());
    }
    return b.build();
  }

  /** Random paths over channels {@code c0..c(k-1)}, lengths 1..maxLength. */
  static PathCounts random(SplittableRandom r, int channels, int paths, int maxLength) {
    PathCounts.Builder b = PathCounts.builder();
    for (int i = 0; i < paths; i++) {
      int len = 1 + r.nextInt(maxLength);
      List<String> p = new ArrayList<>();
      for (int j = 0; j < len; j++) {
        p.add("c" + r.nextInt(channels));
      }
      long conv = r.nextInt(4);
      long nulls = r.nextInt(6);
      if (conv + nulls == 0) {
        nulls = 1;
      }
      BigDecimal value = conv == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(r.nextInt(10_000), 2);
      b.add(new Path(p), conv, value, nulls);
    }
    return b.build();
  }
}
