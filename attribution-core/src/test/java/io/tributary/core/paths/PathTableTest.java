package io.tributary.core.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.input.PathRowParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The primitive aggregate ({@link PathTable} behind {@link PathCounts}) against independent truth: a plain
 * {@code TreeMap<Path, PathStats>} summed row by row, and paths split by {@code Pattern.split} + {@code strip}.
 */
class PathTableTest {
  /** One path-file row: channels as text, and its stats. */
  private record Row(List<String> channels, String text, long conversions, BigDecimal value, long nulls) {}

  private static final List<String> NAMES = List.of("search", "social", "email", "e", "call center", "café",
      "display", "direct", "axxb", "ayyb", "azzb", "sms");

  /** Random rows over {@link #NAMES}; texts vary whitespace around {@code separator}. */
  private static List<Row> rows(long seed, int n, int maxLength, String separator) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Row> out = new ArrayList<>();
    String[] pads = {"", " ", "  ", "\t"};
    for (int i = 0; i < n; i++) {
      int len = 1 + r.nextInt(maxLength);
      List<String> channels = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < len; k++) {
        String c = NAMES.get(r.nextInt(NAMES.size()));
        String pad = pads[r.nextInt(pads.length)];
        channels.add(c);
        text.append(k == 0 ? "" : separator).append(pad).append(c).append(pads[r.nextInt(pads.length)]);
      }
      long conv = r.nextInt(3);
      BigDecimal value = conv == 0 || r.nextInt(4) == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(1 + r.nextInt(100_000), r.nextInt(4)); // scales 0..3: sums keep the largest
      long nulls = r.nextInt(3) + (conv == 0 ? 1 : 0);
      out.add(new Row(channels, text.toString(), conv, value, nulls));
    }
    return out;
  }

  /** The truth: stats summed per path in a TreeMap; a value is added only when nonzero, as the builder documents. */
  private static TreeMap<Path, PathStats> reference(List<Row> rows) {
    TreeMap<Path, long[]> counts = new TreeMap<>();
    Map<Path, BigDecimal> values = new HashMap<>();
    for (Row r : rows) {
      Path p = new Path(r.channels());
      long[] c = counts.computeIfAbsent(p, k -> new long[2]);
      c[0] += r.conversions();
      c[1] += r.nulls();
      if (r.value().signum() != 0) {
        values.merge(p, r.value(), BigDecimal::add);
      }
    }
    TreeMap<Path, PathStats> out = new TreeMap<>();
    counts.forEach((p, c) -> out.put(p, new PathStats(c[0], values.getOrDefault(p, BigDecimal.ZERO), c[1])));
    return out;
  }

  private static PathCounts byText(List<Row> rows, String separator) {
    PathCounts.Builder b = PathCounts.builder();
    rows.forEach(r -> b.addPath(r.text(), separator, r.conversions(), r.value(), r.nulls()));
    return b.build();
  }

  private static PathCounts byIds(List<Row> rows) {
    PathCounts.Builder b = PathCounts.builder();
    int[] ids = new int[64];
    for (Row r : rows) {
      for (int k = 0; k < r.channels().size(); k++) {
        ids[k] = b.channelId(r.channels().get(k));
      }
      b.add(ids, r.channels().size(), r.conversions(), r.value(), r.nulls());
    }
    return b.build();
  }

  private static PathCounts byObjects(List<Row> rows) {
    PathCounts.Builder b = PathCounts.builder();
    rows.forEach(r -> b.add(new Path(r.channels()), r.conversions(), r.value(), r.nulls()));
    return b.build();
  }

  @Test
  void everyRoute_randomRows_givesTheReferenceMapInOrder() {
    for (String separator : List.of(">", " | ", "->")) {
      List<Row> rows = rows(7, 3_000, 7, separator);
      TreeMap<Path, PathStats> truth = reference(rows);
      for (PathCounts pc : List.of(byText(rows, separator), byIds(rows), byObjects(rows))) {
        assertEquals(truth, pc.byPath());
        assertEquals(pc.byPath(), truth);
        assertEquals(new ArrayList<>(truth.keySet()), new ArrayList<>(pc.byPath().keySet()));
        PathTable t = pc.table();
        int p = 0;
        for (Map.Entry<Path, PathStats> e : truth.entrySet()) {
          assertEquals(e.getKey(), t.path(p));
          assertEquals(e.getValue(), t.stats(p));
          p++;
        }
        assertEquals(truth.size(), t.size());
      }
      assertEquals(byText(rows, separator), byObjects(rows));
      assertEquals(byIds(rows).hashCode(), new PathCounts(truth).hashCode());
    }
  }

  @Test
  void addPath_splitsAndStripsLikePatternSplit() {
    List<String> texts = List.of(" a >b  >\tc ", "call  center > café", "x", "a>a>a", " \u2003a\u2003> b");
    for (String text : texts) {
      List<String> expected = new ArrayList<>();
      for (String part : Pattern.compile(Pattern.quote(">")).split(text, -1)) {
        expected.add(part.strip());
      }
      PathCounts pc = PathCounts.builder().addPath(text, ">", 1, BigDecimal.ONE, 0).build();
      assertEquals(List.of(new Path(expected)), new ArrayList<>(pc.byPath().keySet()), text);
    }
    for (String bad : List.of("", " ", "a >", "> a", "a >> b", "a > \t > b")) {
      assertThrows(IllegalArgumentException.class,
          () -> PathCounts.builder().addPath(bad, ">", 1, BigDecimal.ZERO, 0), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> PathCounts.builder().addPath("a", "", 1, BigDecimal.ZERO, 0));
  }

  @Test
  void addPath_namesAlikeInLengthAndEnds_areKeptApart() {
    // Same length, first and last character: the splitter's guess is wrong every other time and must be caught.
    PathCounts pc = PathCounts.builder()
        .addPath("axxb > ayyb > axxb", ">", 1, BigDecimal.ZERO, 0)
        .addPath("ayyb > axxb > ayyb", ">", 0, BigDecimal.ZERO, 2)
        .build();
    assertEquals(new PathStats(1, BigDecimal.ZERO, 0), pc.byPath().get(Path.of("axxb", "ayyb", "axxb")));
    assertEquals(new PathStats(0, BigDecimal.ZERO, 2), pc.byPath().get(Path.of("ayyb", "axxb", "ayyb")));
  }

  @Test
  void addPath_rowsRepeatedPastCompaction_sumExactly() {
    // Path rows are stored unlooked-up and merged at build; past COMPACT_EVERY they are folded into the hash table.
    PathCounts.Builder b = PathCounts.builder();
    String[] texts = {"a > b", "b", "a > b > c"};
    int rows = 2 * PathInterner.COMPACT_EVERY + 8;
    for (int i = 0; i < rows; i++) {
      b.addPath(texts[i % 3], ">", 1, new BigDecimal("0.01"), 2);
    }
    b.add(Path.of("b"), 1, BigDecimal.ONE, 0); // a hashed add of a path also stored unhashed
    long each = rows / 3; // 699,053 rows of each text, and one more of the first
    TreeMap<Path, PathStats> truth = new TreeMap<>();
    truth.put(Path.of("a", "b"), new PathStats(each + 1, BigDecimal.valueOf(each + 1, 2), 2 * (each + 1)));
    truth.put(Path.of("b"), new PathStats(each + 1, BigDecimal.valueOf(each, 2).add(BigDecimal.ONE), 2 * each));
    truth.put(Path.of("a", "b", "c"), new PathStats(each, BigDecimal.valueOf(each, 2), 2 * each));
    assertEquals(1, rows % 3);
    assertEquals(truth, b.build().byPath());
  }

  @Test
  void mixedRoutes_samePath_sumIntoOneEntry() {
    PathCounts.Builder b = PathCounts.builder();
    b.add(Path.of("x", "y"), 1, new BigDecimal("1.1"), 0);
    b.addPath("x > y", ">", 0, BigDecimal.ZERO, 2);
    b.add(new int[] {b.channelId("x"), b.channelId("y")}, 2, 3, new BigDecimal("0.01"), 0);
    b.addPath("x>y", ">", 1, new BigDecimal("2"), 0);
    assertEquals(new TreeMap<>(Map.of(Path.of("x", "y"), new PathStats(5, new BigDecimal("3.11"), 2))),
        b.build().byPath());
  }

  @Test
  void merge_ofRandomSplits_equalsTheWhole_inAnyOrder() {
    List<Row> rows = rows(11, 2_000, 6, ">");
    PathCounts whole = byText(rows, ">");
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 5; trial++) {
      List<List<Row>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      rows.forEach(row -> parts.get(r.nextInt(3)).add(row));
      PathCounts a = byText(parts.get(0), ">");
      PathCounts b = byIds(parts.get(1));
      PathCounts c = new PathCounts(reference(parts.get(2))); // the map route, merged with table routes
      assertEquals(whole, a.merge(b).merge(c));
      assertEquals(whole, c.merge(b.merge(a)));
      assertEquals(whole.byPath(), c.merge(a).merge(b).byPath());
    }
  }

  @Test
  void withStats_newCounts_equalTheMapOfTheSurvivingPaths() {
    PathCounts data = byText(rows(13, 500, 4, ">"), ">");
    SplittableRandom r = new SplittableRandom(2);
    int n = data.size();
    long[] conv = new long[n];
    long[] nulls = new long[n];
    BigDecimal[] values = new BigDecimal[n];
    TreeMap<Path, PathStats> truth = new TreeMap<>();
    int p = 0;
    for (Path path : data.byPath().keySet()) {
      conv[p] = r.nextInt(3) == 0 ? 0 : r.nextInt(5);
      nulls[p] = r.nextInt(3) == 0 ? 0 : r.nextInt(5);
      values[p] = conv[p] == 0 ? (r.nextBoolean() ? null : BigDecimal.ZERO) : BigDecimal.valueOf(r.nextInt(999), 2);
      if (conv[p] + nulls[p] > 0 || values[p] != null && values[p].signum() > 0) {
        truth.put(path, new PathStats(conv[p], values[p] == null ? BigDecimal.ZERO : values[p], nulls[p]));
      }
      p++;
    }
    PathCounts replicate = data.withStats(conv, values, nulls);
    assertEquals(new PathCounts(truth), replicate);
    assertEquals(truth, replicate.byPath());
    assertEquals(ChannelDictionary.of(new PathCounts(truth)).names(), ChannelDictionary.of(replicate).names());
    PathCounts onlyFirst = data.withStats(onlyFirst(n, 1), new BigDecimal[n], new long[n]);
    assertEquals(data.table().path(0).distinctChannels().size(), ChannelDictionary.of(onlyFirst).size());
    assertThrows(IllegalArgumentException.class, () -> data.withStats(new long[n - 1], values, nulls));
    assertThrows(IllegalArgumentException.class, () -> data.withStats(onlyFirst(n, -1), values, nulls));
  }

  private static long[] onlyFirst(int n, long first) {
    long[] a = new long[n];
    a[0] = first;
    return a;
  }

  @Test
  void merge_disjointChannels_unionsTheDictionaries() {
    PathCounts a = PathCounts.builder().addPath("m > z", ">", 1, BigDecimal.ONE, 0).build();
    PathCounts b = PathCounts.builder().addPath("a > m", ">", 0, BigDecimal.ZERO, 1).build();
    PathCounts merged = a.merge(b);
    assertEquals(List.of("a", "m", "z"), ChannelDictionary.of(merged).names());
    assertEquals(List.of(Path.of("a", "m"), Path.of("m", "z")), new ArrayList<>(merged.byPath().keySet()));
  }

  @Test
  void builder_fullHashCollisions_keepPathsApart() {
    // Birthday search for sequences whose 32-bit hashes are equal: the table must then compare the sequences.
    SplittableRandom r = new SplittableRandom(1);
    Map<Integer, int[]> seen = new HashMap<>();
    List<int[][]> pairs = new ArrayList<>();
    while (pairs.size() < 5) {
      int[] s = new int[1 + r.nextInt(5)];
      for (int k = 0; k < s.length; k++) {
        s[k] = r.nextInt(40);
      }
      int[] other = seen.putIfAbsent(PathInterner.hash(s, 0, s.length), s);
      if (other != null && !Arrays.equals(other, s)) {
        pairs.add(new int[][] {other, s});
      }
    }
    PathCounts.Builder b = PathCounts.builder();
    for (int c = 0; c < 40; c++) {
      b.channelId(String.format("c%02d", c));
    }
    for (int i = 0; i < pairs.size(); i++) {
      int[][] pair = pairs.get(i);
      b.add(pair[0], pair[0].length, i + 1, BigDecimal.ZERO, 0);
      b.add(pair[1], pair[1].length, 0, BigDecimal.ZERO, i + 1);
    }
    PathCounts pc = b.build();
    assertEquals(2 * pairs.size(), pc.size());
    for (int i = 0; i < pairs.size(); i++) {
      assertEquals(new PathStats(i + 1, BigDecimal.ZERO, 0), pc.byPath().get(path(pairs.get(i)[0])));
      assertEquals(new PathStats(0, BigDecimal.ZERO, i + 1), pc.byPath().get(path(pairs.get(i)[1])));
    }
  }

  @Test
  void builder_sequencesCollidingUnderAPolynomialHash_areAllKept() {
    // (a, b) and (a + 1, b - 31) collide under 31-polynomial hashes such as Arrays.hashCode; 62 ids give 900 such
    // sequences with 62 distinct polynomial hashes between them.
    PathCounts.Builder b = PathCounts.builder();
    for (int c = 0; c < 62; c++) {
      b.channelId(String.format("c%02d", c));
    }
    TreeMap<Path, PathStats> truth = new TreeMap<>();
    for (int x = 0; x < 30; x++) {
      for (int y = 31; y < 61; y++) {
        int[] s = {x, y};
        b.add(s, 2, 1, BigDecimal.ZERO, x);
        truth.put(path(s), new PathStats(1, BigDecimal.ZERO, x));
      }
    }
    assertEquals(truth, b.build().byPath());
  }

  @Test
  void builder_pathsOfMaxLength_sortAndSumExactly() {
    int n = PathRowParser.MAX_PATH_LENGTH;
    String[] base = new String[n];
    for (int k = 0; k < n; k++) {
      base[k] = "c" + (k % 7);
    }
    String[] otherEnd = base.clone();
    otherEnd[n - 1] = "c0".equals(base[n - 1]) ? "c1" : "c0";
    String[] prefix = Arrays.copyOf(base, n - 1);
    PathCounts.Builder b = PathCounts.builder();
    b.addPath(String.join(" > ", base), ">", 1, new BigDecimal("1.5"), 0);
    b.add(Path.of(otherEnd), 0, BigDecimal.ZERO, 1);
    b.addPath(String.join(">", prefix), ">", 2, BigDecimal.ZERO, 0);
    b.add(Path.of(base), 1, new BigDecimal("0.25"), 3);
    TreeMap<Path, PathStats> truth = new TreeMap<>();
    truth.put(Path.of(base), new PathStats(2, new BigDecimal("1.75"), 3));
    truth.put(Path.of(otherEnd), new PathStats(0, BigDecimal.ZERO, 1));
    truth.put(Path.of(prefix), new PathStats(2, BigDecimal.ZERO, 0));
    PathCounts pc = b.build();
    assertEquals(new ArrayList<>(truth.keySet()), new ArrayList<>(pc.byPath().keySet()));
    assertEquals(truth, pc.byPath());
    assertEquals(n, pc.table().length(pc.size() - 1));
  }

  @Test
  void build_manyChannelsAndLongSharedPrefixes_sortsLikePaths() {
    // 600 channels leave room for few ids in the radix key: most order is decided by the runs' merge sort.
    SplittableRandom r = new SplittableRandom(9);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < 600; c++) {
      names.add("ch" + Integer.toString(r.nextInt(1_000_000), 36)); // ids in first-seen order, not name order
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      List<String> channels = new ArrayList<>(names.subList(0, r.nextInt(12))); // shared prefix
      int tail = 1 + r.nextInt(4);
      for (int k = 0; k < tail; k++) {
        channels.add(names.get(r.nextInt(r.nextBoolean() ? 3 : names.size())));
      }
      rows.add(new Row(channels, String.join(" > ", channels), 1, BigDecimal.ZERO, 0));
    }
    TreeMap<Path, PathStats> truth = reference(rows);
    assertEquals(new ArrayList<>(truth.keySet()), new ArrayList<>(byText(rows, ">").byPath().keySet()));
    assertEquals(truth, byIds(rows).byPath());
  }

  @Test
  void build_keepsOnlyChannelsOfCountedPaths_andBuilderKeepsAdding() {
    PathCounts.Builder b = PathCounts.builder();
    b.channelId("never");
    b.addPath("x > y", ">", 0, BigDecimal.ZERO, 0); // nothing to count: ignored, its channels too
    b.addPath("b > a", ">", 1, BigDecimal.TEN, 0);
    PathCounts first = b.build();
    assertEquals(List.of("a", "b"), ChannelDictionary.of(first).names());
    b.addPath("x", ">", 0, BigDecimal.ZERO, 1);
    PathCounts second = b.build();
    assertEquals(List.of("a", "b", "x"), ChannelDictionary.of(second).names());
    assertEquals(first.merge(PathCounts.builder().add(Path.of("x"), 0, BigDecimal.ZERO, 1).build()), second);
    assertNotEquals(first, second);
  }

  @Test
  void addIds_badArguments_areRejected() {
    PathCounts.Builder b = PathCounts.builder();
    int a = b.channelId("a");
    assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a}, 0, 1, BigDecimal.ZERO, 0));
    assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a}, 2, 1, BigDecimal.ZERO, 0));
    assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a + 1}, 1, 1, BigDecimal.ZERO, 0));
    assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a}, 1, -1, BigDecimal.ZERO, 0));
    assertThrows(IllegalArgumentException.class, () -> b.channelId(""));
    b.addJourney(new int[] {a, a}, 2, true, new BigDecimal("2.50")).addJourney(new int[] {a, a}, 2, false,
        BigDecimal.ZERO);
    assertEquals(new PathStats(1, new BigDecimal("2.50"), 1), b.build().byPath().get(Path.of("a", "a")));
  }

  @Test
  void byPath_ofATableAggregate_isUnmodifiableAndSorted() {
    PathCounts pc = byText(rows(5, 200, 4, ">"), ">");
    assertThrows(UnsupportedOperationException.class, () -> pc.byPath().clear());
    assertThrows(UnsupportedOperationException.class, () -> pc.byPath().put(Path.of("a"), PathStats.ZERO));
    assertTrue(pc.byPath().firstKey().compareTo(pc.byPath().lastKey()) < 0);
    assertEquals(pc.size(), pc.byPath().headMap(pc.byPath().lastKey()).size() + 1);
  }

  private static Path path(int[] ids) {
    String[] names = new String[ids.length];
    for (int k = 0; k < ids.length; k++) {
      names[k] = String.format("c%02d", ids[k]);
    }
    return Path.of(names);
  }
}
