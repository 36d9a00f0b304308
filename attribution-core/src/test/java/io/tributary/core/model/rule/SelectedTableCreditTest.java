package io.tributary.core.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tributary.core.model.PositionWeights;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rule models' credit of a segment value's table, a selection of the all-journey table's rows with the value's
 * journeys' sums ({@link PathCounts.Builder#buildGroups}, whose values the models read as {@code ScaledValues}),
 * against the independent truth: the same model fitted on a table built from that value's journeys alone (interned
 * and sorted apart). Raw double bits: {@link io.tributary.core.model.ChannelCredit} is a record of doubles, compared
 * as {@link Double#compare} does. Values of several scales (a negative one too), a value on some journeys that did
 * not convert, six different inputs in turn for the same model instances.
 */
class SelectedTableCreditTest {
  private static final String[] CHANNELS = {"search", "email", "display/d1", "display/d0", "social", "direct",
      "direct/brand"};

  @Test
  void selectedTables_creditAsTheirOwnJourneysFoldedApart() {
    List<PositionalModel> models = List.of(new FirstTouch(), new LastTouch(), new LastNonDirect("direct"),
        new Linear(), new PositionBased(PositionWeights.U));
    for (long seed = 1; seed <= 6; seed++) {
      Random rnd = new Random(seed);
      int tags = 2 + rnd.nextInt(8);
      int groups = tags + 3;
      int[][] groupsOfTag = new int[tags][];
      for (int t = 0; t < tags; t++) {
        groupsOfTag[t] = new int[] {t, tags + t % 3}; // a "region" and a "tier" of each cell
      }
      PathCounts.Builder tagged = PathCounts.builder().tagJourneys();
      List<PathCounts.Builder> apart = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        apart.add(PathCounts.builder());
      }
      int journeys = 500 + rnd.nextInt(4000);
      for (int j = 0; j < journeys; j++) {
        int n = 1 + rnd.nextInt(6);
        String[] names = new String[n];
        for (int k = 0; k < n; k++) {
          names[k] = CHANNELS[rnd.nextInt(rnd.nextBoolean() ? 3 : CHANNELS.length)];
        }
        boolean converted = rnd.nextInt(3) == 0;
        BigDecimal value = BigDecimal.ZERO;
        if (converted || rnd.nextInt(20) == 0) {
          value = switch (rnd.nextInt(5)) {
            case 0 -> new BigDecimal(rnd.nextInt(5000) + "." + rnd.nextInt(100));
            case 1 -> new BigDecimal(rnd.nextInt(300) + ".5");
            case 2 -> new BigDecimal(rnd.nextInt(90) + ".00000000001");
            case 3 -> BigDecimal.valueOf(rnd.nextInt(7), -2); // scale -2: 0, 100, ..., 600
            default -> new BigDecimal(rnd.nextInt(1000));
          };
        }
        int tag = rnd.nextInt(tags);
        tagged.addJourney(ids(tagged, names), n, converted, value, tag);
        for (int g : groupsOfTag[tag]) {
          apart.get(g).addJourney(ids(apart.get(g), names), n, converted, value);
        }
      }
      List<PathCounts> built = tagged.buildGroups(groups, groupsOfTag);
      for (int g = 0; g < groups; g++) {
        PathCounts selected = built.get(g + 1);
        PathCounts own = apart.get(g).build();
        for (PositionalModel m : models) {
          assertEquals(m.attribute(own), m.attribute(selected), m.name() + " of group " + g + ", seed " + seed);
        }
      }
      assertNotNull(built.get(0).table());
    }
  }

  private static int[] ids(PathCounts.Builder b, String[] names) {
    int[] out = new int[names.length];
    for (int k = 0; k < names.length; k++) {
      out[k] = b.channelId(names[k]);
    }
    return out;
  }
}
