package io.tributary.core.lifetime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.paths.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tally's two entries give the same tally: a buyer handed over as a {@link CustomerLifetime} (a {@link Path} and
 * the summary of their purchases), and as the recorder hands one over (channel ids of a dictionary, a day alone for a
 * buyer without a repeat).
 */
class LifetimeTallyTest {
  private static final List<String> NAMES = List.of("display", "email", "search", "social");

  @Test
  void recorderEntries_handOutIdsInFirstSeenOrder() {
    LifetimeTally t = new LifetimeTally();
    int[] ids = {2, 0, 2, 1};
    int first = t.distinctPathId(NAMES, ids, 0, 2); // search > display
    int second = t.distinctPathId(NAMES, ids, 2, 4); // search > email
    int again = t.distinctPathId(NAMES, new int[] {3, 2, 0, 3}, 1, 3); // search > display, from other ids
    assertEquals(0, first);
    assertEquals(1, second);
    assertEquals(0, again);
    assertEquals(List.of("display", "search"), t.distinctPathChannels(0));
    t.addSingle(19_000, first, new double[0], 0);
    t.add(new LifetimeTally.Purchases(19_001, CustomerSummary.of(0, 0, 0), new int[0]), -1, new double[0], 0);
    t.addSingle(19_000, second, new double[0], 0);
    t.add(new LifetimeTally.Purchases(19_000, new CustomerSummary(1, 3, 3, 1, 20), new int[] {3}), -1,
        new double[0], 0);
    assertArrayEquals(new int[] {0, 1, 0, 2}, new int[] {t.patternId(0), t.patternId(1), t.patternId(2),
        t.patternId(3)});
    assertEquals(3, t.patterns());
    assertEquals(19_001, t.pattern(1).firstDay());
    assertEquals(2, t.distinctPaths());
  }

  @Test
  void drawnBuyers_sameTallyThroughEitherEntry() {
    Random random = new Random(20241205);
    LifetimeTally byLifetime = new LifetimeTally();
    LifetimeTally byRecorder = new LifetimeTally();
    for (int i = 0; i < 20_000; i++) {
      long day = 19_000 + random.nextInt(400);
      int length = 1 + random.nextInt(5);
      int[] ids = new int[length + 2];
      List<String> channels = new ArrayList<>();
      for (int k = 0; k < ids.length; k++) {
        ids[k] = random.nextInt(NAMES.size());
        if (k >= 1 && k <= length) {
          channels.add(NAMES.get(ids[k]));
        }
      }
      boolean touched = random.nextInt(10) > 0;
      Path path = touched ? new Path(channels) : null;
      List<String> distinct = touched ? List.copyOf(path.distinctChannels()) : List.of();
      double[] weights = new double[distinct.size()];
      for (int k = 0; k < weights.length; k++) {
        weights[k] = random.nextDouble();
      }
      boolean repeats = random.nextInt(3) == 0;
      CustomerSummary inDays = repeats ? new CustomerSummary(1, 5, 5, 1, 10 + random.nextInt(3))
          : CustomerSummary.of(0, 0, 0);
      int[] repeatDays = repeats ? new int[] {5} : new int[0];
      byLifetime.add(new CustomerLifetime(day, inDays, path, touched ? List.of(weights) : List.of(), distinct,
          repeatDays));
      int pathId = touched ? byRecorder.distinctPathId(NAMES, ids, 1, length + 1) : -1;
      if (repeats) {
        byRecorder.add(new LifetimeTally.Purchases(day, inDays, repeatDays), pathId, weights, 1);
      } else {
        byRecorder.addSingle(day, pathId, weights, 1);
      }
    }
    assertArrayEquals(byLifetime.encode(), byRecorder.encode());
    assertArrayEquals(byLifetime.encode(), LifetimeTally.decode(byRecorder.encode()).encode());
  }
}
