package io.tributary.core;

import io.tributary.core.journey.Event;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of test inputs: event logs and path counts. */
public final class RandomData {
  private static final long DAY = 86_400_000L;

  private RandomData() {}

  /** @return {@code n} channel names c00, c01, ... */
  public static List<String> channels(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(String.format(java.util.Locale.ROOT, "c%02d", i));
    }
    return out;
  }

  /** Random events of {@code customers} customers over 90 days, including repeat purchases and "direct". */
  public static List<Event> events(long seed, int customers, int channelCount) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> ch = new ArrayList<>(channels(channelCount));
    ch.add("direct");
    List<Event> out = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String id = "u" + c;
      int n = 1 + r.nextInt(12);
      for (int i = 0; i < n; i++) {
        long t = r.nextLong(90 * DAY);
        if (r.nextInt(6) == 0) {
          BigDecimal value = BigDecimal.valueOf(r.nextInt(20_000), 2);
          out.add(Event.conversion(id, t, value, r.nextInt(4) == 0 ? "o" + r.nextInt(3) : null));
        } else {
          out.add(Event.touch(id, t, ch.get(r.nextInt(ch.size()))));
        }
      }
    }
    return out;
  }

  /** Random path counts: {@code paths} paths (repeats merge) of 1..maxLength touches. */
  public static PathCounts pathCounts(long seed, int paths, int channelCount, int maxLength) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> ch = channels(channelCount);
    PathCounts.Builder b = PathCounts.builder();
    for (int i = 0; i < paths; i++) {
      int len = 1 + r.nextInt(maxLength);
      List<String> p = new ArrayList<>();
      for (int k = 0; k < len; k++) {
        p.add(ch.get(r.nextInt(ch.size())));
      }
      long conv = r.nextInt(4);
      long nulls = r.nextInt(5) + (conv == 0 ? 1 : 0);
      BigDecimal value = conv == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(r.nextInt(100_000), 2);
      b.add(new Path(p), conv, value, nulls);
    }
    return b.build();
  }
}
