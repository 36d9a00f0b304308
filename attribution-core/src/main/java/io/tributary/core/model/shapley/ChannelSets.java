package io.tributary.core.model.shapley;

import io.tributary.core.model.PathValues;
import io.tributary.core.paths.ChannelDictionary;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The sufficient statistic of every Shapley model: the distinct channel sets of the paths (repeats and order
 * dropped) that have a worth, each with its journeys, conversions and value. Channel ids come from a
 * {@link ChannelDictionary}; a set is held as its sorted ids, a bit set over ids ({@code long} words) and a Zobrist
 * hash (XOR of one random key per channel), so subset tests and look-ups never touch strings.
 *
 * <p>A set none of whose paths converts or carries value is left out: its conversion rate, value per journey,
 * conversions and value are all 0, so it is worth 0 in every game the models play (a zero coalition adds nothing to
 * a Shapley value, and the models skip zero weights), and no model reads its journeys. At a campaign level most
 * distinct sets are such (one non-converting path each): grouping only the others is most of the grouping's cost.
 *
 * <p>Sets are ordered by size, then by their ids lexicographically, so every loop over them, and every floating-point
 * sum, runs in the same order on every run (leaving zero-worth sets out keeps the others' order, and every sum over
 * them skips zero terms anyway).
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
  /** Per path of the grouped table: the index of its set, -1 for a path whose set was left out. */
  private final int[] setOfPath;
  /* The revaluations made of these sets (revalued), kept while their values are: the Shapley models of one refit ask
   * for the same one in turn. */
  private final List<Revaluation> revaluations = new ArrayList<>();

  private record Revaluation(WeakReference<PathValues> values,
      FutureTask<ChannelSets> sets) {}

  /* The sets of a grouping, in the given order; pathSet: per path, its set's index in the grouping, or -1. */
  private ChannelSets(ChannelDictionary dictionary, Grouping g, int[] order, int[] pathSet) {
    this.dictionary = dictionary;
    int n = order.length;
    int wordCount = g.wordCount;
    ids = new int[n][];
    words = new long[n][];
    hash = new long[n];
    journeys = new long[n];
    conversions = new long[n];
    value = new double[n];
    keys = zobristKeys(dictionary.size());
    for (int i = 0; i < n; i++) {
      int s = order[i];
      long[] w = Arrays.copyOfRange(g.words, s * wordCount, (s + 1) * wordCount);
      int count = 0;
      for (long x : w) {
        count += Long.bitCount(x);
      }
      int[] members = new int[count];
      long h = 0;
      for (int k = 0, j = 0; k < wordCount; k++) {
        for (long bits = w[k]; bits != 0; bits &= bits - 1) {
          int id = (k << 6) + Long.numberOfTrailingZeros(bits);
          members[j++] = id;
          h ^= keys[id];
        }
      }
      ids[i] = members;
      words[i] = w;
      hash[i] = h;
      journeys[i] = Math.addExact(g.conversions[s], g.nulls[s]);
      conversions[i] = g.conversions[s];
      value[i] = g.value[s] == null ? 0 : g.value[s].doubleValue();
    }
    int[] rank = new int[g.size];
    for (int i = 0; i < n; i++) {
      rank[order[i]] = i;
    }
    for (int p = 0; p < pathSet.length; p++) {
      pathSet[p] = pathSet[p] < 0 ? -1 : rank[pathSet[p]];
    }
    setOfPath = pathSet;
  }

  /* These sets with other values: everything but the values shared. */
  private ChannelSets(ChannelSets o, double[] value) {
    dictionary = o.dictionary;
    ids = o.ids;
    words = o.words;
    hash = o.hash;
    journeys = o.journeys;
    conversions = o.conversions;
    keys = o.keys;
    setOfPath = o.setOfPath;
    this.value = value;
  }

  /**
   * The sets of {@code counts} with each path's value replaced (conversions and nulls kept): what {@link #group}
   * gives on those paths with those values, bit for bit. When every path has a worth (a conversion or value) with the
   * new values exactly when it had one with its own, the sets are the same, and only their values are summed again
   * from the grouping of {@code counts} (a set's value is the exact sum of its paths' values, rounded once, whatever
   * order they are added in), once per array of values while it is in use; otherwise the paths are grouped again.
   *
   * @param counts distinct paths
   * @param pathValues each path's value ({@code >= 0}) by its index in {@code counts.table()}
   * @return the revalued sets
   */
  static ChannelSets revalued(PathCounts counts, PathValues pathValues) {
    PathTable table = counts.table();
    if (pathValues.size() != table.size()) {
      throw new IllegalArgumentException(pathValues.size() + " values for " + table.size() + " paths");
    }
    for (int p = 0; p < pathValues.size(); p++) {
      if (table.conversions(p) == 0 && (pathValues.signum(p) != 0) != (table.value(p).signum() != 0)) {
        long[] conversions = new long[table.size()];
        long[] nulls = new long[table.size()];
        for (int q = 0; q < conversions.length; q++) {
          conversions[q] = table.conversions(q);
          nulls[q] = table.nulls(q);
        }
        return group(counts.withStats(conversions, pathValues.toArray(), nulls).table());
      }
    }
    return of(counts).revalued(pathValues);
  }

  private ChannelSets revalued(PathValues pathValues) {
    FutureTask<ChannelSets> task = null;
    synchronized (revaluations) {
      revaluations.removeIf(r -> r.values().get() == null);
      for (Revaluation r : revaluations) {
        if (r.values().get() == pathValues) {
          task = r.sets();
        }
      }
      if (task == null) {
        task = new FutureTask<>(() -> revaluedNow(pathValues));
        revaluations.add(new Revaluation(new WeakReference<>(pathValues), task));
      }
    }
    task.run(); // runs once: a second caller waits in get() for the first
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw RecentSets.rethrown(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while revaluing channel sets", e);
    }
  }

  private ChannelSets revaluedNow(PathValues pathValues) {
    // A path with value has a worth, so its set is kept: setOfPath >= 0 wherever a value is summed.
    BigDecimal[] sums = pathValues.groupSums(setOfPath, ids.length);
    double[] v = new double[ids.length];
    for (int s = 0; s < v.length; s++) {
      v[s] = sums[s] == null ? 0 : sums[s].doubleValue();
    }
    return new ChannelSets(this, v);
  }

  /**
   * Groups the paths of {@code counts} by distinct channel set. The three Shapley models of one fit read the same
   * grouping, and they are fitted at once ({@link io.tributary.core.model.AttributionRun}): the grouping of the last
   * few path tables is remembered ({@link RecentSets}), so each table is grouped once, not once per model.
   */
  static ChannelSets of(PathCounts counts) {
    return RecentSets.of(counts.table(), ChannelSets::group);
  }

  /*
   * The grouping itself, on primitive arrays: each path's set as bit words, found in an open-addressing table by a
   * mixed hash of the words (a list hash of bit words clusters badly), then the sets sorted by size, then ids. Two
   * distinct sets of one size compare as their sorted ids do exactly when the smallest id in one set only is in the
   * smaller set, so the sort compares words, never id arrays.
   */
  static ChannelSets group(PathTable paths) {
    ChannelDictionary dict = paths.channels();
    int wordCount = Math.max(1, (dict.size() + 63) >>> 6);
    // First the paths with a worth (a conversion or value) make the sets; then every other path adds its journeys
    // to its set when that set is one of them (its conversion rate's denominator), and is skipped otherwise.
    int worth = 0;
    for (int p = 0; p < paths.size(); p++) {
      if (hasWorth(paths, p)) {
        worth++;
      }
    }
    Grouping g = new Grouping(wordCount, worth); // most paths of a campaign-level run are sets of their own
    long[] w = new long[wordCount];
    int[] pathSet = new int[paths.size()];
    for (int pass = 0; pass < 2; pass++) {
      for (int p = 0; p < paths.size(); p++) {
        if (hasWorth(paths, p) != (pass == 0)) {
          continue;
        }
        Arrays.fill(w, 0);
        for (int k = 0; k < paths.length(p); k++) {
          int id = paths.channel(p, k);
          w[id >>> 6] |= 1L << id;
        }
        int s = pass == 0 ? g.find(w) : g.lookUp(w);
        pathSet[p] = s;
        if (s < 0) {
          continue;
        }
        g.conversions[s] = Math.addExact(g.conversions[s], paths.conversions(p));
        g.nulls[s] = Math.addExact(g.nulls[s], paths.nulls(p));
        BigDecimal v = paths.value(p);
        if (v.signum() != 0) {
          g.value[s] = g.value[s] == null ? v : g.value[s].add(v);
        }
      }
    }
    return new ChannelSets(dict, g, g.sortedOrder(), pathSet);
  }

  /* Whether path p converts or carries value: only such paths can give their set a non-zero worth. */
  private static boolean hasWorth(PathTable paths, int p) {
    return paths.conversions(p) != 0 || paths.value(p).signum() != 0;
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

  /** The distinct sets met so far, as flat arrays: set s's words are {@code words[s * wordCount ..]}. */
  private static final class Grouping {
    final int wordCount;
    long[] words;
    long[] conversions;
    long[] nulls;
    BigDecimal[] value;
    int size;
    /* Open addressing: slot → set index + 1, 0 when empty; the capacity is a power of two, at most half full. */
    private int[] slots;

    Grouping(int wordCount, int expected) {
      this.wordCount = wordCount;
      int cap = Integer.highestOneBit(Math.max(16, expected)) << 1;
      slots = new int[cap];
      words = new long[(cap >>> 1) * wordCount];
      conversions = new long[cap >>> 1];
      nulls = new long[cap >>> 1];
      value = new BigDecimal[cap >>> 1];
    }

    /** @return the index of set {@code w}, or -1 when it is not one of the sets met so far */
    int lookUp(long[] w) {
      int mask = slots.length - 1;
      for (int i = mix(w) & mask; ; i = (i + 1) & mask) {
        int s = slots[i] - 1;
        if (s < 0) {
          return -1;
        }
        if (Arrays.equals(words, s * wordCount, (s + 1) * wordCount, w, 0, wordCount)) {
          return s;
        }
      }
    }

    /** @return the index of set {@code w}, added (with zero stats) when new; {@code w} is copied, not kept */
    int find(long[] w) {
      int mask = slots.length - 1;
      for (int i = mix(w) & mask; ; i = (i + 1) & mask) {
        int s = slots[i] - 1;
        if (s < 0) {
          if (size == conversions.length) {
            grow();
            return find(w);
          }
          s = size++;
          System.arraycopy(w, 0, words, s * wordCount, wordCount);
          slots[i] = s + 1;
          return s;
        }
        if (Arrays.equals(words, s * wordCount, (s + 1) * wordCount, w, 0, wordCount)) {
          return s;
        }
      }
    }

    private int mix(long[] w) {
      long h = 0x9E37_79B9_7F4A_7C15L;
      for (long x : w) {
        h = (h ^ x) * 0xBF58_476D_1CE4_E5B9L;
        h ^= h >>> 31;
      }
      return (int) (h ^ (h >>> 32));
    }

    private void grow() {
      int cap = slots.length << 1;
      words = Arrays.copyOf(words, (cap >>> 1) * wordCount);
      conversions = Arrays.copyOf(conversions, cap >>> 1);
      nulls = Arrays.copyOf(nulls, cap >>> 1);
      value = Arrays.copyOf(value, cap >>> 1);
      slots = new int[cap];
      long[] w = new long[wordCount];
      int mask = cap - 1;
      for (int s = 0; s < size; s++) {
        System.arraycopy(words, s * wordCount, w, 0, wordCount);
        int i = mix(w) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s + 1;
      }
    }

    /**
     * @return the set indices ordered by size, then by sorted ids (see {@link ChannelSets#group}): a counting sort by
     *     size, then, within each size, a merge sort of keys laid out next to each other (a set's words bit-reversed
     *     and complemented, so that "holds the smallest id not shared" becomes "is the smaller number")
     */
    int[] sortedOrder() {
      int[] bits = new int[size];
      int maxBits = 0;
      for (int s = 0; s < size; s++) {
        int c = 0;
        for (int k = s * wordCount; k < (s + 1) * wordCount; k++) {
          c += Long.bitCount(words[k]);
        }
        bits[s] = c;
        maxBits = Math.max(maxBits, c);
      }
      int[] bucket = new int[maxBits + 2];
      for (int s = 0; s < size; s++) {
        bucket[bits[s] + 1]++;
      }
      for (int c = 1; c < bucket.length; c++) {
        bucket[c] += bucket[c - 1];
      }
      int[] order = new int[size];
      long[] key = new long[size * wordCount];
      int[] next = bucket.clone();
      for (int s = 0; s < size; s++) {
        int i = next[bits[s]]++;
        order[i] = s;
        for (int k = 0; k < wordCount; k++) {
          key[i * wordCount + k] = ~Long.reverse(words[s * wordCount + k]) ^ Long.MIN_VALUE;
        }
      }
      int[] orderTmp = new int[size];
      long[] keyTmp = new long[size * wordCount];
      for (int c = 0; c <= maxBits; c++) {
        mergeSort(order, key, orderTmp, keyTmp, bucket[c], bucket[c + 1]);
      }
      return order;
    }

    /* Sorts positions [from, to) of order and key together by key (wordCount longs per position, signed order). */
    private void mergeSort(int[] order, long[] key, int[] orderTmp, long[] keyTmp, int from, int to) {
      int w = wordCount;
      if (to - from < 16) {
        long[] x = new long[w];
        for (int i = from + 1; i < to; i++) {
          int o = order[i];
          System.arraycopy(key, i * w, x, 0, w);
          int j = i - 1;
          while (j >= from && compare(key, j * w, x, 0) > 0) {
            order[j + 1] = order[j];
            System.arraycopy(key, j * w, key, (j + 1) * w, w);
            j--;
          }
          order[j + 1] = o;
          System.arraycopy(x, 0, key, (j + 1) * w, w);
        }
        return;
      }
      int mid = (from + to) >>> 1;
      mergeSort(order, key, orderTmp, keyTmp, from, mid);
      mergeSort(order, key, orderTmp, keyTmp, mid, to);
      if (compare(key, (mid - 1) * w, key, mid * w) <= 0) {
        return;
      }
      System.arraycopy(order, from, orderTmp, from, to - from);
      System.arraycopy(key, from * w, keyTmp, from * w, (to - from) * w);
      for (int i = from, l = from, r = mid; i < to; i++) {
        int src = r >= to || (l < mid && compare(keyTmp, l * w, keyTmp, r * w) <= 0) ? l++ : r++;
        order[i] = orderTmp[src];
        System.arraycopy(keyTmp, src * w, key, i * w, w);
      }
    }

    private int compare(long[] a, int at, long[] b, int bt) {
      for (int k = 0; k < wordCount; k++) {
        int c = Long.compare(a[at + k], b[bt + k]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
  }
}
