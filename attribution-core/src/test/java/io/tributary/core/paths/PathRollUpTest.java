package io.tributary.core.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The roll-up of cells' paths against a builder fed each group's journeys directly: the same paths, stats (values with
 * their scale), order and channel dictionary, for groups that repeat paths across cells, that use only some of the
 * channels, that hold no path, and for the all-customer table.
 */
class PathRollUpTest {
  private static final List<String> CHANNELS = List.of("display", "email", "search", "social", "tv");

  /* One journey: its channel names, whether it converted, its value. */
  private record Journey(List<String> path, boolean converted, BigDecimal value) {}

  private static List<List<Journey>> cells(long seed, int cells, int journeys) {
    Random rnd = new Random(seed);
    List<List<Journey>> out = new ArrayList<>();
    for (int c = 0; c < cells; c++) {
      List<Journey> cell = new ArrayList<>();
      // Cell 0 only touches the first two channels; the others any of them.
      int channels = c == 0 ? 2 : CHANNELS.size();
      for (int j = 0; j < journeys; j++) {
        List<String> path = new ArrayList<>();
        for (int k = 0, n = 1 + rnd.nextInt(3); k < n; k++) {
          path.add(CHANNELS.get(rnd.nextInt(channels)));
        }
        boolean converted = rnd.nextBoolean();
        // Values of scale 0 to 2, some conversions worth nothing: the sum's scale is the largest one added.
        BigDecimal value = !converted || rnd.nextInt(4) == 0 ? BigDecimal.ZERO
            : BigDecimal.valueOf(1 + rnd.nextInt(50_000), rnd.nextInt(3));
        cell.add(new Journey(path, converted, value));
      }
      out.add(cell);
    }
    return out;
  }

  private static PathCounts.Builder builder(List<Journey> journeys) {
    PathCounts.Builder b = PathCounts.builder();
    for (Journey j : journeys) {
      int[] ids = j.path().stream().mapToInt(b::channelId).toArray();
      b.addJourney(ids, ids.length, j.converted(), j.value());
    }
    return b;
  }

  private static void assertSameTable(PathCounts expected, PathCounts actual) {
    PathTable e = expected.table();
    PathTable a = actual.table();
    assertEquals(e.channels().names(), a.channels().names());
    assertEquals(e.size(), a.size());
    for (int p = 0; p < e.size(); p++) {
      assertEquals(e.path(p), a.path(p));
      assertEquals(e.conversions(p), a.conversions(p));
      assertEquals(e.nulls(p), a.nulls(p));
      assertEquals(e.value(p), a.value(p), "value and scale of " + e.path(p));
    }
    assertEquals(expected.byPath(), actual.byPath());
  }

  @Test
  void everyGroupIsTheTableOfItsJourneysFedToOneBuilder() {
    List<List<Journey>> cells = cells(7, 6, 400);
    List<PathCounts.Builder> builders = cells.stream().map(PathRollUpTest::builder).toList();
    PathRollUp r = PathRollUp.of(builders);

    List<Journey> every = cells.stream().flatMap(List::stream).toList();
    assertSameTable(builder(every).build(), r.all());

    for (int[] group : new int[][] {{0}, {0, 3}, {1, 2, 5}, {5, 4, 3, 2, 1, 0}, {}}) {
      List<Journey> journeys = new ArrayList<>();
      for (int c : group) {
        journeys.addAll(cells.get(c));
      }
      assertSameTable(builder(journeys).build(), r.group(group));
    }
    // Cell 0 alone uses two channels: its table is over those two only.
    assertEquals(List.of("display", "email"), r.group(new int[] {0}).table().channels().names());
  }

  @Test
  void cellsAreReadNotChanged() {
    List<List<Journey>> cells = cells(11, 3, 200);
    List<PathCounts.Builder> builders = cells.stream().map(PathRollUpTest::builder).toList();
    PathRollUp.of(builders).group(new int[] {2, 0});
    for (int c = 0; c < cells.size(); c++) {
      assertSameTable(builder(cells.get(c)).build(), builders.get(c).build());
    }
  }
}
