package io.tributary.core.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A tagged fold's group tables ({@link PathCounts.Builder#buildGroups}) against a builder per group fed only that
 * group's journeys (the independent truth: interned and sorted apart), stats and value scales included; groups
 * overlap (a tag in two groups), one group has no journey.
 */
class TaggedPathsTest {
  private static final String[] CHANNELS = {"search", "email", "display/d1", "display/d0", "social", "direct"};

  @Test
  void groups_areTheTablesOfTheirJourneysFoldedApart() {
    Random rnd = new Random(11);
    int tags = 6;
    // tag t: groups t % 3 (0..2) and 3 + t / 3 (3..4); group 5 has no tag.
    int[][] groupsOfTag = new int[tags][];
    for (int t = 0; t < tags; t++) {
      groupsOfTag[t] = new int[] {t % 3, 3 + t / 3};
    }
    int groups = 6;
    TaggedAndApart fold = new TaggedAndApart(groups, groupsOfTag);
    PathCounts.Builder tagged = fold.tagged();
    PathCounts.Builder all = PathCounts.builder();
    List<PathCounts.Builder> apart = fold.apart();
    for (int j = 0; j < 5000; j++) {
      int n = 1 + rnd.nextInt(4);
      String[] names = new String[n];
      for (int k = 0; k < n; k++) {
        names[k] = CHANNELS[rnd.nextInt(rnd.nextBoolean() ? 2 : CHANNELS.length)]; // frequent repeats
      }
      boolean converted = rnd.nextInt(3) == 0;
      BigDecimal value = converted ? new BigDecimal(rnd.nextInt(5000) + "." + rnd.nextInt(10) + (j % 7 == 0 ? "00" : ""))
          : BigDecimal.ZERO;
      int tag = rnd.nextInt(tags);
      fold.add(names, converted, value, tag);
      all.addJourney(ids(all, names), n, converted, value);
    }
    List<PathCounts> built = tagged.buildGroups(groups, groupsOfTag);
    assertEquals(groups + 1, built.size());
    assertSame(all.build(), built.get(0));
    for (int g = 0; g < groups; g++) {
      PathCounts expected = apart.get(g).build();
      PathCounts actual = built.get(g + 1);
      assertSame(expected, actual);
      // A group's ids are gathered from the all-journey table's rows (PathTable.copyIds, renumbered when the group
      // uses fewer channels): each path through the accessors the models use, and merged with another table, as the
      // group folded apart.
      for (int p = 0; p < expected.table().size(); p++) {
        assertEquals(expected.table().path(p), actual.table().path(p));
        assertEquals(expected.table().length(p), actual.table().length(p));
      }
      assertSame(expected.merge(apart.get(0).build()), actual.merge(built.get(1)));
    }
    assertEquals(0, built.get(groups).size());
    // buildGroups released the interner's paths: the builder takes nothing more and builds nothing again.
    assertThrows(IllegalStateException.class, tagged::build);
    assertThrows(IllegalStateException.class, () -> tagged.buildGroups(groups, groupsOfTag));
    assertThrows(IllegalStateException.class, () -> tagged.addJourney(new int[] {0}, 1, false, BigDecimal.ZERO, 0));
  }

  @Test
  void groups_eachAtOnePositionOfTheTagsLists() {
    // Each position's groups are summed by a task of their own: a group at two positions would be summed by two.
    for (int[][] lists : new int[][][] {{{0, 1}, {1, 2}}, {{0, 0}}}) {
      PathCounts.Builder tagged = PathCounts.builder().tagJourneys();
      tagged.addJourney(new int[] {tagged.channelId("search")}, 1, true, BigDecimal.ONE, 0);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tagged.buildGroups(3, lists));
      assertTrue(e.getMessage().contains("a group may take one position only"), e.getMessage());
    }
  }

  @Test
  void taggedBuilder_takesJourneysWithTheirTagOnly() {
    PathCounts.Builder b = PathCounts.builder().tagJourneys();
    int[] ids = {b.channelId("search")};
    assertThrows(IllegalStateException.class, () -> b.addJourney(ids, 1, true, BigDecimal.ONE));
    assertThrows(IllegalStateException.class, () -> PathCounts.builder().addJourney(ids, 1, true, BigDecimal.ONE, 0));
  }

  /* The same journeys folded once with their tags and once into each of their groups' builders apart (the truth). */
  private record TaggedAndApart(PathCounts.Builder tagged, List<PathCounts.Builder> apart, int[][] groupsOfTag) {
    TaggedAndApart(int groups, int[][] groupsOfTag) {
      this(PathCounts.builder().tagJourneys(), new ArrayList<>(), groupsOfTag);
      for (int g = 0; g < groups; g++) {
        apart.add(PathCounts.builder());
      }
    }

    void add(String[] names, boolean converted, BigDecimal value, int tag) {
      tagged.addJourney(ids(tagged, names), names.length, converted, value, tag);
      for (int g : groupsOfTag[tag]) {
        apart.get(g).addJourney(ids(apart.get(g), names), names.length, converted, value);
      }
    }
  }

  private static int[] ids(PathCounts.Builder b, String[] names) {
    int[] out = new int[names.length];
    for (int k = 0; k < names.length; k++) {
      out[k] = b.channelId(names[k]);
    }
    return out;
  }

  /*
   * Same paths, stats and value scales (BigDecimal.equals), same channel dictionary; and the same values as integers
   * of one scale and the same total, which the models read.
   */
  private static void assertSame(PathCounts expected, PathCounts actual) {
    assertEquals(expected.table().channels().names(), actual.table().channels().names());
    assertTrue(expected.table().sameAs(actual.table()), "same table");
    for (int p = 0; p < expected.table().size(); p++) {
      assertEquals(expected.table().value(p), actual.table().value(p));
    }
    ScaledValues e = expected.table().scaledValues();
    ScaledValues a = actual.table().scaledValues();
    assertEquals(e == null, a == null, "integer values or none, alike");
    if (e != null) {
      assertEquals(e.scale(), a.scale());
      assertEquals(e.sumScale(), a.sumScale());
      assertArrayEquals(e.high(), a.high());
      assertArrayEquals(e.low(), a.low());
    }
    assertEquals(expected.table().totalValue(), actual.table().totalValue());
  }

  /*
   * Groups whose values have other scales than the table of all journeys (cents, whole numbers, thousandths, and
   * large values): each group's table, its values as integers and its total are those of its journeys folded apart.
   */
  @Test
  void groups_ofOtherScales_haveTheIntegerValuesOfTheirDecimals() {
    Random rnd = new Random(23);
    // tag t is group t (0: cents, 1: whole numbers, 2: thousandths, 3: none converts); group 4 is every tag.
    int[][] groupsOfTag = {{0, 4}, {1, 4}, {2, 4}, {3, 4}};
    int groups = 5;
    TaggedAndApart fold = new TaggedAndApart(groups, groupsOfTag);
    for (int j = 0; j < 3000; j++) {
      int n = 1 + rnd.nextInt(3);
      String[] names = new String[n];
      for (int k = 0; k < n; k++) {
        names[k] = CHANNELS[rnd.nextInt(2)]; // few paths: rows of many journeys, their values summed
      }
      int tag = rnd.nextInt(4);
      boolean converted = tag != 3 && rnd.nextBoolean();
      BigDecimal value = !converted ? BigDecimal.ZERO : switch (tag) {
        case 0 -> new BigDecimal(rnd.nextInt(100_000) + "." + (10 + rnd.nextInt(90)));
        case 1 -> j % 50 == 0 ? new BigDecimal("12345678901234567.1") : new BigDecimal(rnd.nextInt(1000));
        default -> new BigDecimal(rnd.nextInt(100) + "." + (100 + rnd.nextInt(900)));
      };
      fold.add(names, converted, value, tag);
    }
    List<PathCounts> built = fold.tagged().buildGroups(groups, groupsOfTag);
    for (int g = 0; g < groups; g++) {
      assertSame(fold.apart().get(g).build(), built.get(g + 1));
    }
  }
}
