package io.tributary.core.paths;

import io.tributary.core.Internal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The distinct paths of a {@link PathCounts} in primitive form, for models' hot loops: path {@code p}
 * ({@code 0..size-1}, in {@link Path} order) is a sequence of channel ids of {@link #channels()}, with its
 * conversions, nulls and exact value. Reading it creates no objects except {@link #value}'s (shared, never copied)
 * and what {@link #path} and {@link #stats} build on request.
 *
 * <p>Immutable and thread-safe.
 */
@Internal
public final class PathTable {
  /*
   * Channel ids are in sorted name order, so comparing id sequences is comparing paths. values[p] is null when no
   * nonzero value was ever added to the path (read as BigDecimal.ZERO, exactly what the object form held then).
   */
  private final ChannelDictionary channels;
  private final int[] start;
  private final int[] ids;
  private final long[] conversions;
  private final long[] nulls;
  // Made from sums when first read (a segment value's table is summed as integers, which its models read instead).
  private volatile BigDecimal[] values;
  private final ScaledSums sums;
  // Every model and metric asks for the total; summing a million decimals each time costs more than all rule models.
  private volatile BigDecimal totalValue;
  // The values as integers of one scale, made once for every rule model fitted on the table (NONE: they do not fit).
  private volatile ScaledValues scaledValues;
  private static final ScaledValues NONE = new ScaledValues(new long[0], new long[0], 0, 0);

  private PathTable(ChannelDictionary channels, int[] start, int[] ids, long[] conversions, long[] nulls,
      BigDecimal[] values) {
    this(channels, start, ids, conversions, nulls, values, null);
  }

  /* Values given as decimals (sums null), or as integer sums (values null), whose scaled values are then known. */
  private PathTable(ChannelDictionary channels, int[] start, int[] ids, long[] conversions, long[] nulls,
      BigDecimal[] values, ScaledSums sums) {
    this.channels = channels;
    this.start = start;
    this.ids = ids;
    this.conversions = conversions;
    this.nulls = nulls;
    this.values = values;
    this.sums = sums;
    if (sums != null) {
      ScaledValues scaled = sums.scaledValues();
      this.scaledValues = scaled == null ? NONE : scaled;
    }
  }

  /* Each path's value, null for none; made once from the sums when the table has them. */
  private BigDecimal[] values() {
    BigDecimal[] v = values;
    if (v == null) {
      synchronized (this) {
        v = values;
        if (v == null) {
          v = sums.decimals();
          values = v;
        }
      }
    }
    return v;
  }

  /**
   * Sorts interned paths into a table. Reads the arrays, never changes or keeps them.
   *
   * @param names the names of the ids in {@code store}, in any order; names no path uses are left out
   * @param store the packed sequences; sequence p is {@code store[start[p], start[p + 1])}
   * @param repeats whether a sequence may occur more than once; their stats are then summed as the builder sums them
   */
  static PathTable sort(ChannelInterner names, int[] store, int[] start, int n, long[] conversions, long[] nulls,
      BigDecimal[] values, boolean repeats) {
    return sort(names, store, start, n, conversions, nulls, values, repeats, null);
  }

  /**
   * As {@link #sort(ChannelInterner, int[], int[], int, long[], long[], BigDecimal[], boolean)}, the loops over paths
   * shared with {@code helper} when it is not null: the same table, bit for bit.
   *
   * @param helper a thread that takes half of each loop over the paths (see {@link Halves}), or null
   */
  static PathTable sort(ChannelInterner names, int[] store, int[] start, int n, long[] conversions, long[] nulls,
      BigDecimal[] values, boolean repeats, java.util.concurrent.Executor helper) {
    return sort(names, store, start, n, conversions, nulls, values, repeats, helper, null);
  }

  /** A table of distinct sequences and where each input sequence went: {@code table}'s row i is input order[i]. */
  record Ordered(PathTable table, int[] order) {}

  /**
   * As {@link #sort(ChannelInterner, int[], int[], int, long[], long[], BigDecimal[], boolean,
   * java.util.concurrent.Executor)} of distinct sequences (no repeats), keeping the order.
   */
  static Ordered sortOrdered(ChannelInterner names, int[] store, int[] start, int n, long[] conversions,
      long[] nulls, BigDecimal[] values, java.util.concurrent.Executor helper) {
    int[][] order = new int[1][];
    PathTable t = sort(names, store, start, n, conversions, nulls, values, false, helper, order);
    return new Ordered(t, order[0]);
  }

  private static PathTable sort(ChannelInterner names, int[] store, int[] start, int n, long[] conversions,
      long[] nulls, BigDecimal[] values, boolean repeats, java.util.concurrent.Executor helper, int[][] orderOut) {
    boolean[] used = new boolean[names.size()];
    for (int k = 0; k < start[n]; k++) {
      used[store[k]] = true;
    }
    int distinct = 0;
    for (boolean u : used) {
      distinct += u ? 1 : 0;
    }
    Integer[] byName = new Integer[distinct];
    for (int id = 0, j = 0; id < used.length; id++) {
      if (used[id]) {
        byName[j++] = id;
      }
    }
    Arrays.sort(byName, Comparator.comparing(names::name));
    int[] rank = new int[used.length];
    String[] sorted = new String[distinct];
    for (int r = 0; r < distinct; r++) {
      rank[byName[r]] = r;
      sorted[r] = names.name(byName[r]);
    }
    PathOrder.Sorted paths = PathOrder.sort(store, start, n, rank, distinct, helper);
    int[] order = paths.order();
    if (orderOut != null) {
      orderOut[0] = order;
    }
    long[] conv = new long[n];
    long[] nul = new long[n];
    BigDecimal[] val = new BigDecimal[n];
    Halves.run(helper, n, (from, to) -> {
      for (int i = from; i < to; i++) {
        int p = order[i];
        conv[i] = conversions[p];
        nul[i] = nulls[p];
        val[i] = values[p];
      }
    });
    ChannelDictionary dictionary = new ChannelDictionary(sorted);
    if (repeats && paths.ties()) { // equal sequences have equal keys: without ties there are no repeats
      return mergeRepeats(dictionary, paths.start(), paths.ids(), conv, nul, val);
    }
    return new PathTable(dictionary, paths.start(), paths.ids(), conv, nul, val);
  }

  /** Sums neighbours that are the same path (sorted, so repeats are adjacent), compacting the arrays in place. */
  private static PathTable mergeRepeats(ChannelDictionary dictionary, int[] start, int[] ids, long[] conv, long[] nul,
      BigDecimal[] val) {
    int n = conv.length;
    int m = 0;
    int at = 0;
    for (int i = 0; i < n; i++) {
      int len = start[i + 1] - start[i];
      if (m > 0 && start[m] - start[m - 1] == len
          && Arrays.equals(ids, start[m - 1], start[m], ids, start[i], start[i + 1])) {
        conv[m - 1] = Math.addExact(conv[m - 1], conv[i]);
        nul[m - 1] = Math.addExact(nul[m - 1], nul[i]);
        BigDecimal v = val[i];
        if (v != null) {
          val[m - 1] = val[m - 1] == null ? v : val[m - 1].add(v);
        }
        continue;
      }
      int from = start[i];
      start[m] = at; // start[m] <= start[i]: ids move left only, never over ones still to be read
      for (int k = 0; k < len; k++) {
        ids[at++] = ids[from + k];
      }
      conv[m] = conv[i];
      nul[m] = nul[i];
      val[m] = val[i];
      start[++m] = at; // m <= i + 1: entry i + 1's start, still to be read, is only overwritten by itself
    }
    if (m == n) {
      return new PathTable(dictionary, start, ids, conv, nul, val);
    }
    return new PathTable(dictionary, Arrays.copyOf(start, m + 1), Arrays.copyOf(ids, at), Arrays.copyOf(conv, m),
        Arrays.copyOf(nul, m), Arrays.copyOf(val, m));
  }

  /** @return the table of the paths of {@code byPath}, stats kept as they are (all-zero ones included) */
  static PathTable of(SortedMap<Path, PathStats> byPath) {
    ChannelInterner names = new ChannelInterner();
    int n = byPath.size();
    int[] start = new int[n + 1];
    long[] conv = new long[n];
    long[] nul = new long[n];
    BigDecimal[] val = new BigDecimal[n];
    int touches = 0;
    for (Path p : byPath.keySet()) {
      touches = Math.addExact(touches, p.length());
    }
    int[] store = new int[touches];
    int i = 0;
    int at = 0;
    for (Map.Entry<Path, PathStats> e : byPath.entrySet()) {
      Path path = e.getKey();
      for (int k = 0; k < path.length(); k++) {
        store[at++] = names.id(path.channel(k));
      }
      start[i + 1] = at;
      PathStats s = e.getValue();
      conv[i] = s.conversions();
      nul[i] = s.nulls();
      val[i] = s.value();
      i++;
    }
    return sort(names, store, start, n, conv, nul, val, false);
  }

  /**
   * @return the same paths with the given stats, those left with no journeys and no value dropped, and the channels
   *     left on no path dropped (ids renumbered, order kept)
   */
  PathTable withStats(long[] conv, BigDecimal[] val, long[] nul) {
    int n = size();
    if (conv.length != n || val.length != n || nul.length != n) {
      throw new IllegalArgumentException("expected stats of " + n + " paths, got " + conv.length + ", "
          + val.length + ", " + nul.length);
    }
    boolean[] used = new boolean[channels.size()];
    int kept = 0;
    for (int p = 0; p < n; p++) {
      BigDecimal v = val[p];
      if (conv[p] < 0 || nul[p] < 0 || v != null && v.signum() < 0) {
        throw new IllegalArgumentException("path stats must be >= 0, path " + p);
      }
      if (conv[p] != 0 || nul[p] != 0 || v != null && v.signum() != 0) {
        kept++;
        for (int k = start[p]; k < start[p + 1]; k++) {
          used[ids[k]] = true;
        }
      }
    }
    int[] rank = new int[used.length];
    ChannelDictionary dictionary = kept(used, rank);
    int[] outStart = new int[kept + 1];
    int[] outIds = new int[ids.length];
    long[] c = new long[kept];
    long[] u = new long[kept];
    BigDecimal[] v = new BigDecimal[kept];
    int m = 0;
    int at = 0;
    for (int p = 0; p < n; p++) {
      if (conv[p] != 0 || nul[p] != 0 || val[p] != null && val[p].signum() != 0) {
        for (int k = start[p]; k < start[p + 1]; k++) {
          outIds[at++] = rank[ids[k]];
        }
        c[m] = conv[p];
        u[m] = nul[p];
        v[m] = val[p];
        outStart[++m] = at;
      }
    }
    return new PathTable(dictionary, outStart, Arrays.copyOf(outIds, at), c, u, v);
  }

  /**
   * Copies path {@code p}'s channel ids into {@code out} from {@code at}: how a selection's ids are gathered for
   * {@link #selected}.
   *
   * @return {@code at + length(p)}
   */
  int copyIds(int p, int[] out, int at) {
    return copy(ids, start, p, out, at);
  }

  /**
   * The table of some of this table's paths with other stats: row i is one of this table's rows (taken in increasing
   * order, so the order is kept), its ids gathered by {@link #copyIds} into {@code ids[start[i], start[i + 1])}, with
   * stats {@code conv[i]}, {@code nul[i]}, {@code val[i]}; the channels no selected path uses are dropped (ids
   * renumbered in place, order kept). The arrays are taken, not copied.
   */
  PathTable selected(int[] start, int[] ids, long[] conv, long[] nul, BigDecimal[] val) {
    return new PathTable(keptChannels(ids), start, ids, conv, nul, val);
  }

  /** As {@link #selected(int[], int[], long[], long[], BigDecimal[])}, the values summed as integers. */
  PathTable selected(int[] start, int[] ids, long[] conv, long[] nul, ScaledSums sums) {
    return new PathTable(keptChannels(ids), start, ids, conv, nul, null, sums);
  }

  /* The dictionary of the channels the ids use, the ids renumbered into it in place. */
  private ChannelDictionary keptChannels(int[] ids) {
    boolean[] used = new boolean[channels.size()];
    for (int id : ids) {
      used[id] = true;
    }
    int[] rank = new int[used.length];
    ChannelDictionary dictionary = kept(used, rank);
    if (dictionary != channels) {
      for (int k = 0; k < ids.length; k++) {
        ids[k] = rank[ids[k]];
      }
    }
    return dictionary;
  }

  /*
   * The dictionary of the channels marked used, order kept (this table's own when every channel is), and in rank[c]
   * each channel's id in it.
   */
  private ChannelDictionary kept(boolean[] used, int[] rank) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < used.length; c++) {
      rank[c] = names.size();
      if (used[c]) {
        names.add(channels.name(c));
      }
    }
    return names.size() == used.length ? channels : new ChannelDictionary(names.toArray(String[]::new));
  }

  /** @return {@code a} and {@code b} added path by path, as {@link PathStats#plus} adds equal paths */
  static PathTable merge(PathTable a, PathTable b) {
    String[] union = unionOf(a.channels, b.channels);
    ChannelDictionary dictionary = new ChannelDictionary(union);
    int[] aIds = remap(a, dictionary);
    int[] bIds = remap(b, dictionary);
    int n = a.size() + b.size();
    int[] outStart = new int[n + 1];
    int[] outIds = new int[aIds.length + bIds.length];
    long[] conv = new long[n];
    long[] nul = new long[n];
    BigDecimal[] val = new BigDecimal[n];
    int i = 0;
    int j = 0;
    int m = 0;
    int at = 0;
    while (i < a.size() || j < b.size()) {
      int c = i == a.size() ? 1 : j == b.size() ? -1 : PathOrder.compare(aIds, a.start, i, bIds, b.start, j);
      if (c <= 0) {
        at = copy(aIds, a.start, i, outIds, at);
        conv[m] = a.conversions[i];
        nul[m] = a.nulls[i];
        val[m] = a.values()[i];
        if (c == 0) {
          conv[m] = Math.addExact(conv[m], b.conversions[j]);
          nul[m] = Math.addExact(nul[m], b.nulls[j]);
          val[m] = a.value(i).add(b.value(j));
          j++;
        }
        i++;
      } else {
        at = copy(bIds, b.start, j, outIds, at);
        conv[m] = b.conversions[j];
        nul[m] = b.nulls[j];
        val[m] = b.values()[j];
        j++;
      }
      outStart[++m] = at;
    }
    return new PathTable(dictionary, Arrays.copyOf(outStart, m + 1), Arrays.copyOf(outIds, at),
        Arrays.copyOf(conv, m), Arrays.copyOf(nul, m), Arrays.copyOf(val, m));
  }

  private static int copy(int[] ids, int[] start, int p, int[] out, int at) {
    int len = start[p + 1] - start[p];
    System.arraycopy(ids, start[p], out, at, len);
    return at + len;
  }

  private static String[] unionOf(ChannelDictionary a, ChannelDictionary b) {
    String[] out = new String[a.size() + b.size()];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.size() || j < b.size()) {
      int c = i == a.size() ? 1 : j == b.size() ? -1 : a.name(i).compareTo(b.name(j));
      out[n++] = c <= 0 ? a.name(i) : b.name(j);
      i += c <= 0 ? 1 : 0;
      j += c >= 0 ? 1 : 0;
    }
    return Arrays.copyOf(out, n);
  }

  /** @return the table's ids in {@code dictionary}, a superset of its channels (sorted, so order is kept) */
  private static int[] remap(PathTable t, ChannelDictionary dictionary) {
    int[] to = new int[t.channels.size()];
    for (int c = 0; c < to.length; c++) {
      to[c] = dictionary.id(t.channels.name(c));
    }
    int[] out = new int[t.ids.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = to[t.ids[k]];
    }
    return out;
  }

  /** @return the number of distinct paths */
  public int size() {
    return conversions.length;
  }

  /** @return the channels of the paths (exactly those used), ids in sorted name order */
  public ChannelDictionary channels() {
    return channels;
  }

  /** @return the number of touches of path {@code p} */
  public int length(int p) {
    return start[p + 1] - start[p];
  }

  /** @return the channel id of touch {@code k} (0-based) of path {@code p} */
  public int channel(int p, int k) {
    return ids[start[p] + k];
  }

  /** @return the converting journeys of path {@code p} */
  public long conversions(int p) {
    return conversions[p];
  }

  /** @return the non-converting journeys of path {@code p} */
  public long nulls(int p) {
    return nulls[p];
  }

  /** @return the journeys of path {@code p}, conversions + nulls */
  public long journeys(int p) {
    return Math.addExact(conversions[p], nulls[p]);
  }

  /** @return the exact revenue of all paths, computed once */
  public BigDecimal totalValue() {
    BigDecimal v = totalValue;
    if (v == null) {
      // From the scaled values every rule model and Markov read anyway (made once), the same decimal as the sum of
      // the decimals: on the all-customer table of a segmented 10M-row run that sum took 0.1 s on one core while the
      // other waited, after the fits, and as long again on every segment value's table before its fits.
      ScaledValues scaled = scaledValues();
      v = scaled == null ? null : scaled.total();
      if (v == null) {
        v = BigDecimal.ZERO;
        BigDecimal[] all = values();
        for (int p = 0; p < size(); p++) {
          if (all[p] != null) {
            v = v.add(all[p]);
          }
        }
      }
      totalValue = v;
    }
    return v;
  }

  /**
   * @return every path's value as a whole number of one decimal scale (computed once), or {@code null} when they do
   *     not all fit a {@code long} at a scale of at most {@link ScaledValues#MAX_SCALE}
   */
  public ScaledValues scaledValues() {
    ScaledValues s = scaledValues;
    if (s == null) {
      // Markov and the first rule model ask at the same moment (each on its core): one makes them, the other waits.
      synchronized (this) {
        s = scaledValues;
        if (s == null) {
          s = ScaledValues.of(values());
          s = s == null ? NONE : s;
          scaledValues = s;
        }
      }
    }
    return s == NONE ? null : s;
  }

  /** @return the exact revenue of path {@code p}, {@link BigDecimal#ZERO} when it has none */
  public BigDecimal value(int p) {
    BigDecimal v = values()[p];
    return v == null ? BigDecimal.ZERO : v;
  }

  /** @return path {@code p} as an object (built on each call) */
  public Path path(int p) {
    String[] names = new String[length(p)];
    for (int k = 0; k < names.length; k++) {
      names[k] = channels.name(ids[start[p] + k]);
    }
    return Path.trusted(names);
  }

  /** @return the stats of path {@code p} (built on each call) */
  public PathStats stats(int p) {
    return new PathStats(conversions[p], value(p), nulls[p]);
  }

  /** @return whether both hold the same paths with equal stats ({@link PathStats#equals}: values' scales too) */
  boolean sameAs(PathTable o) {
    if (this == o) {
      return true;
    }
    if (!channels.names().equals(o.channels.names()) || !Arrays.equals(start, o.start)
        || !Arrays.equals(ids, o.ids) || !Arrays.equals(conversions, o.conversions)
        || !Arrays.equals(nulls, o.nulls)) {
      return false;
    }
    for (int p = 0; p < size(); p++) {
      if (!value(p).equals(o.value(p))) {
        return false;
      }
    }
    return true;
  }
}
