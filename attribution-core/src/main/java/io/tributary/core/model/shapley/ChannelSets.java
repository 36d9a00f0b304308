package io.tributary.core.model.shapley;

import io.tributary.core.paths.ChannelDictionary;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sufficient statistic of every Shapley model: the distinct channel sets of the paths (repeats and order
 * dropped), each with its journeys, conversions and value. Channel ids come from a {@link ChannelDictionary}; a set is
 * held as its sorted ids, a bit set over ids ({@code long} words) and a Zobrist hash (XOR of one random key per
 * channel), so subset tests and look-ups never touch strings.
 *
 * <p>Sets are ordered by size, then by their ids lexicographically, so every loop over them, and every floating-point
 * sum, runs in the same order on every run.
 */
final class ChannelSets {
  /** Fixed seed of the Zobrist keys: a set's hash must be the same on every run. */
  private static final long ZOBRIST_SEED = 0x7A1B_5EED_0F5E_7A11L;

  final ChannelDictionary dictionary;
  /** Per set: sorted distinct channel ids. */
  final int[][] ids;
  /** Per set: bit {@code id} set for each member. */
  final long[][] words;
  /** Per set: XOR of the members' {@link #keys}. */
  final long[] hash;
  final long[] journeys;
  final long[] conversions;
  /** Per set: revenue, summed exactly then rounded once. */
  final double[] value;
  /** Per channel id: its Zobrist key. */
  final long[] keys;

  private ChannelSets(ChannelDictionary dictionary, List<Acc> sets) {
    this.dictionary = dictionary;
    int n = sets.size();
    ids = new int[n][];
    words = new long[n][];
    hash = new long[n];
    journeys = new long[n];
    conversions = new long[n];
    value = new double[n];
    keys = zobristKeys(dictionary.size());
    for (int i = 0; i < n; i++) {
      Acc a = sets.get(i);
      ids[i] = a.ids;
      words[i] = a.key.words;
      long h = 0;
      for (int id : a.ids) {
        h ^= keys[id];
      }
      hash[i] = h;
      journeys[i] = Math.addExact(a.conversions, a.nulls);
      conversions[i] = a.conversions;
      value[i] = a.value.doubleValue();
    }
  }

  /** Groups the paths of {@code counts} by distinct channel set. */
  static ChannelSets of(PathCounts counts) {
    // The aggregate's primitive table: channel ids are already dense and in name order, and no object is made per path.
    PathTable paths = counts.table();
    ChannelDictionary dict = paths.channels();
    int wordCount = Math.max(1, (dict.size() + 63) >>> 6);
    Map<Key, Acc> bySet = new HashMap<>();
    for (int p = 0; p < paths.size(); p++) {
      long[] w = new long[wordCount];
      for (int k = 0; k < paths.length(p); k++) {
        int id = paths.channel(p, k);
        w[id >>> 6] |= 1L << id;
      }
      Key key = new Key(w);
      Acc acc = bySet.computeIfAbsent(key, Acc::new);
      acc.conversions = Math.addExact(acc.conversions, paths.conversions(p));
      acc.nulls = Math.addExact(acc.nulls, paths.nulls(p));
      acc.value = acc.value.add(paths.value(p));
    }
    List<Acc> sorted = new ArrayList<>(bySet.values());
    sorted.sort((a, b) -> {
      int c = Integer.compare(a.ids.length, b.ids.length);
      return c != 0 ? c : Arrays.compare(a.ids, b.ids);
    });
    return new ChannelSets(dict, sorted);
  }

  /** @return the number of distinct sets */
  int size() {
    return ids.length;
  }

  /** @return the number of channels */
  int channels() {
    return dictionary.size();
  }

  /** @return conversions / journeys of set {@code i}: CR(T) */
  double conversionRate(int i) {
    return journeys[i] == 0 ? 0 : (double) conversions[i] / journeys[i];
  }

  /** @return value / journeys of set {@code i} */
  double valuePerJourney(int i) {
    return journeys[i] == 0 ? 0 : value[i] / journeys[i];
  }

  /** @return whether set {@code u} is a subset of set {@code s} */
  boolean isSubset(int u, int s) {
    long[] a = words[u];
    long[] b = words[s];
    for (int w = 0; w < a.length; w++) {
      if ((a[w] & ~b[w]) != 0) {
        return false;
      }
    }
    return true;
  }

  private static long[] zobristKeys(int n) {
    SplittableRandom r = new SplittableRandom(ZOBRIST_SEED);
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = r.nextLong();
    }
    return k;
  }

  /** A set as its bit words, compared by content. */
  private static final class Key {
    final long[] words;
    private final int hash;

    Key(long[] words) {
      this.words = words;
      this.hash = Arrays.hashCode(words);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(words, k.words);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final class Acc {
    final Key key;
    final int[] ids;
    long conversions;
    long nulls;
    BigDecimal value = BigDecimal.ZERO;

    Acc(Key key) {
      this.key = key;
      int count = 0;
      for (long w : key.words) {
        count += Long.bitCount(w);
      }
      ids = new int[count];
      int j = 0;
      for (int w = 0; w < key.words.length; w++) {
        long bits = key.words[w];
        while (bits != 0) {
          ids[j++] = (w << 6) + Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
        }
      }
    }
  }
}
