package io.tributary.core.model.markov;

import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import io.tributary.core.paths.ScaledValues;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Folds distinct paths into a {@link Chain} of order k, as SPEC defines it: the states of a path are its windows of k
 * consecutive channels (the whole path when shorter than k), consecutive identical states collapsed; (start) → first
 * state → ... → last state → (conversion) and (null), every transition weighted by the path's journeys (conversions
 * + nulls), the last one split into its conversions and its nulls.
 */
final class ChainBuilder {
  /*
   * One pass over the paths, at most linear in their total length times k: a window is hashed once per node of the
   * paths' prefix tree (SequenceTable) and a transition summed once per node (EdgeTable), see addWindows. Paths are
   * read from the aggregate's PathTable as channel ids (already in name order), never as objects. State ids are
   * provisional (order of first appearance); canonicalize() renumbers them by window, so the chain does not depend on
   * the fold.
   */
  private final int order;
  private final PathTable paths;
  /*
   * The paths' values as 128-bit integers of one scale (PathTable#scaledValues, made once per table and shared with
   * the rule models), or null: then summed as decimals into value. A state's value only ever feeds doubles (its value
   * rate, the total's check), so summing the same numbers as integers gives the same chain: two long additions per
   * converting path instead of a BigDecimal one that reads the path's decimal from the heap (a third of a per-segment
   * chain's build, benchmarks/results/segments.md).
   */
  private final ScaledValues scaled;
  private long[] valueHigh = new long[16];
  private long[] valueLow = new long[16];
  private final SequenceTable windows = new SequenceTable();
  private final EdgeTable edges;
  private long[] startWeight = new long[16];
  private long[] conversions = new long[16];
  private long[] nulls = new long[16];
  private BigDecimal[] value = new BigDecimal[16];
  private double[] depthSum = new double[16];
  private int[] ids = new int[64];
  private long journeys;
  private long totalConversions;

  private ChainBuilder(PathTable paths, int order) {
    this.paths = paths;
    this.order = order;
    this.scaled = paths.scaledValues();
    // Order 1: a state per channel, at most as many states as the table has channels (ids in order of appearance).
    this.edges = new EdgeTable(order == 1 ? paths.channels().size() : 0);
  }

  /**
   * @param counts distinct paths
   * @param order the chain order k, {@code >= 1}
   * @return the chain
   * @throws IllegalArgumentException for a path with neither conversions nor nulls
   */
  static Chain build(PathCounts counts, int order) {
    return build(counts, order, null);
  }

  /**
   * As {@link #build(PathCounts, int)}, also telling which state each path ends in: the state its conversions, nulls
   * and value go to ({@link Chain#revalued}).
   *
   * @param endState filled with each path's last state (by the table's path index), or null
   */
  static Chain build(PathCounts counts, int order, int[] endState) {
    PathTable table = counts.table();
    ChainBuilder b = new ChainBuilder(table, order);
    if (order == 1) {
      b.statesOfChannels();
    }
    for (int p = 0; p < table.size(); p++) {
      int last = b.add(p);
      if (endState != null) {
        endState[p] = last;
      }
    }
    b.closeWindows(0);
    Chain chain = b.canonicalize();
    if (endState != null) {
      for (int p = 0; p < table.size(); p++) {
        endState[p] = b.renumber[endState[p]];
      }
    }
    return chain;
  }

  /*
   * The sums below are plain additions, not Math.addExact (which the quick compiler calls, per path and per
   * transition): none can overflow. A table's journeys are at most PathTotals.MAX_JOURNEYS, whose product with a
   * path's length still fits a long, so no count of journeys, states or transitions reaches the range; and a path's
   * value has at most 96 bits (ScaledValues) over fewer than 2^31 paths, 127 bits.
   *
   * @return the path's last state (provisional id)
   */
  private int add(int p) {
    long conv = paths.conversions(p);
    long n = conv + paths.nulls(p);
    if (n == 0) {
      throw new IllegalArgumentException("path \"" + paths.path(p).display() + "\" has neither conversions nor nulls"
          + " (value " + paths.value(p).toPlainString() + "): it is no journey and cannot enter a Markov chain");
    }
    journeys += n;
    totalConversions += conv;
    int last = paths.length(p) < order ? addShort(p, n) : order == 1 ? addChannels(p, n) : addWindows(p, n);
    conversions[last] += conv;
    nulls[last] += paths.nulls(p);
    if (scaled != null) {
      long high = scaled.high()[p];
      long low = scaled.low()[p];
      if ((high | low) != 0) {
        long sum = valueLow[last] + low;
        long carry = Long.compareUnsigned(sum, valueLow[last]) < 0 ? 1 : 0;
        valueLow[last] = sum;
        valueHigh[last] += high + carry;
      }
      return last;
    }
    BigDecimal v = paths.value(p);
    if (v.signum() != 0) {
      value[last] = value[last] == null ? v : value[last].add(v);
    }
    return last;
  }

  /*
   * Order 1: a state per channel of the table (each is in a path, and each touch is a window), interned up front in id
   * order, so that state id = channel id and canonicalize() keeps the ids.
   */
  private void statesOfChannels() {
    int[] one = new int[1];
    for (int c = 0; c < paths.channels().size(); c++) {
      one[0] = c;
      if (windows.intern(one, 0, 1) != c) {
        throw new IllegalStateException("channel " + c + " is not state " + c + " (a bug)");
      }
    }
    ensureCapacity(windows.size());
  }

  /*
   * Order 1, one path: its channels are its states, so each transition is added as it is read, with no window
   * interned, no prefix compared with the previous path and no tree of open windows (addWindows): on a segment value's
   * table most paths share little with their neighbours, and the plain loop costs less than the walk saves.
   * @return the path's last state
   */
  private int addChannels(int p, long n) {
    int length = paths.length(p);
    int from = paths.channel(p, 0);
    startWeight[from] += n;
    double position = 0;
    for (int i = 1; i < length; i++) {
      int to = paths.channel(p, i);
      if (to != from) { // consecutive identical states are collapsed
        position++;
        edges.add(from, to, n);
        depthSum[to] += position * n;
        from = to;
      }
    }
    return from;
  }

  /** A path shorter than k is one state: (start) → it. @return that state */
  private int addShort(int p, long n) {
    int length = paths.length(p);
    int[] buffer = new int[length];
    for (int i = 0; i < length; i++) {
      buffer[i] = paths.channel(p, i);
    }
    int s = windows.intern(buffer, 0, length);
    ensureCapacity(windows.size());
    startWeight[s] += n;
    return s;
  }

  /*
   * Paths of at least k touches share prefixes, and in PathCounts order (sorted) neighbours share long ones. Window w
   * of a path and the transition into it depend only on the path's first w + k channels, so they are nodes of the
   * prefix tree of the paths. The tree is walked as the paths come: the windows shared with the previous path are
   * neither looked up nor hashed again; a node's journeys (its subtree's) are summed as it is left, and only then is
   * its transition added, once per node rather than once per path. Any order of paths gives the same sums; sorted
   * order just makes the tree walk cheap.
   */
  private int[] windowState = new int[64];
  private int[] position = new int[64];
  private long[] through = new long[64];
  private int openWindows;
  // Provisional state id -> canonical id, set by canonicalize().
  private int[] renumber;

  /** @return the path's last state */
  private int addWindows(int p, long n) {
    int length = paths.length(p);
    if (ids.length < length) {
      int c = Math.max(length, 2 * ids.length);
      ids = Arrays.copyOf(ids, c);
      windowState = Arrays.copyOf(windowState, c);
      position = Arrays.copyOf(position, c);
      through = Arrays.copyOf(through, c);
    }
    int shared = 0;
    int previousLength = openWindows == 0 ? 0 : openWindows + order - 1;
    int limit = Math.min(length, previousLength);
    while (shared < limit && paths.channel(p, shared) == ids[shared]) {
      shared++;
    }
    int keep = Math.max(0, shared - order + 1);
    closeWindows(keep);
    for (int i = shared; i < length; i++) {
      ids[i] = paths.channel(p, i);
    }
    int count = length - order + 1;
    for (int w = keep; w < count; w++) {
      int s = windows.intern(ids, w, order);
      windowState[w] = s;
      position[w] = w == 0 ? 0 : position[w - 1] + (s == windowState[w - 1] ? 0 : 1);
      through[w] = 0;
    }
    ensureCapacity(windows.size());
    openWindows = count;
    through[count - 1] += n;
    return windowState[count - 1];
  }

  /** Leaves the open windows from the deepest down to {@code keep}: adds each one's transition with its journeys. */
  private void closeWindows(int keep) {
    for (int w = openWindows - 1; w >= keep; w--) {
      long weight = through[w];
      int s = windowState[w];
      if (w == 0) {
        startWeight[s] += weight;
      } else {
        through[w - 1] += weight;
        int from = windowState[w - 1];
        if (from != s) { // consecutive identical states are collapsed
          edges.add(from, s, weight);
          depthSum[s] += (double) position[w] * weight;
        }
      }
    }
    openWindows = Math.min(openWindows, keep);
  }

  private void ensureCapacity(int states) {
    if (states <= startWeight.length) {
      return;
    }
    int c = Math.max(states, 2 * startWeight.length);
    startWeight = Arrays.copyOf(startWeight, c);
    conversions = Arrays.copyOf(conversions, c);
    nulls = Arrays.copyOf(nulls, c);
    value = Arrays.copyOf(value, c);
    valueHigh = Arrays.copyOf(valueHigh, c);
    valueLow = Arrays.copyOf(valueLow, c);
    depthSum = Arrays.copyOf(depthSum, c);
  }

  private Chain canonicalize() {
    // Channel ids are the table's, already in name order: only states need renumbering.
    String[] sortedNames = paths.channels().names().toArray(String[]::new);

    int size = windows.size();
    int[][] window = new int[size][];
    for (int s = 0; s < size; s++) {
      window[s] = windows.sequence(s);
    }
    Integer[] old = new Integer[size];
    for (int s = 0; s < size; s++) {
      old[s] = s;
    }
    Arrays.sort(old, (a, b) -> Arrays.compare(window[a], window[b]));
    renumber = new int[size];
    for (int s = 0; s < size; s++) {
      renumber[old[s]] = s;
    }

    int[][] win = new int[size][];
    long[] start = new long[size];
    long[] conv = new long[size];
    long[] nul = new long[size];
    BigDecimal[] val = new BigDecimal[size];
    double[] depth = new double[size];
    long[] outflow = new long[size];
    long[] inflow = new long[size];
    BigDecimal totalValue = BigDecimal.ZERO;
    for (int o = 0; o < size; o++) {
      int s = renumber[o];
      win[s] = window[o];
      start[s] = startWeight[o];
      conv[s] = conversions[o];
      nul[s] = nulls[o];
      val[s] = scaled != null ? decimal(valueHigh[o], valueLow[o], scaled.scale())
          : value[o] == null ? BigDecimal.ZERO : value[o];
      totalValue = totalValue.add(val[s]);
      outflow[s] = Math.addExact(conv[s], nul[s]);
      inflow[s] = start[s];
    }

    int edgeCount = edges.size();
    long[] keys = new long[edgeCount];
    int[] k = {0};
    edges.forEach((from, to, w) -> keys[k[0]++] = ((long) renumber[from] << 32) | renumber[to]);
    Arrays.sort(keys);
    int[] outStart = new int[size + 1];
    int[] outTo = new int[edgeCount];
    long[] outWeight = new long[edgeCount];
    int[] inCount = new int[size + 1];
    for (int e = 0; e < edgeCount; e++) {
      int from = (int) (keys[e] >>> 32);
      int to = (int) keys[e];
      outTo[e] = to;
      outWeight[e] = edges.get(old[from], old[to]);
      outStart[from + 1]++;
      inCount[to + 1]++;
      outflow[from] = Math.addExact(outflow[from], outWeight[e]);
      inflow[to] = Math.addExact(inflow[to], outWeight[e]);
    }
    for (int s = 0; s < size; s++) {
      outStart[s + 1] += outStart[s];
      inCount[s + 1] += inCount[s];
      depth[s] = depthSum[old[s]] / outflow[s];
      if (outflow[s] == 0 || inflow[s] != outflow[s]) {
        throw new IllegalStateException("Markov chain state " + Arrays.toString(win[s]) + " has inflow "
            + inflow[s] + " and outflow " + outflow[s] + " (a bug)");
      }
    }
    int[] inStart = inCount.clone();
    int[] fill = Arrays.copyOf(inCount, size);
    int[] inFrom = new int[edgeCount];
    double[] inProbability = new double[edgeCount];
    for (int from = 0; from < size; from++) {
      for (int e = outStart[from]; e < outStart[from + 1]; e++) {
        int slot = fill[outTo[e]]++;
        inFrom[slot] = from;
        inProbability[slot] = (double) outWeight[e] / outflow[from];
      }
    }
    return new Chain(order, sortedNames, win, start, conv, nul, val, outflow, outStart, outTo, outWeight, inStart,
        inFrom, inProbability, depth, statesOf(win, sortedNames.length), journeys, totalConversions, totalValue);
  }

  /* The 128-bit two's complement integer high * 2^64 + unsigned low, times 10^-scale. */
  private static BigDecimal decimal(long high, long low, int scale) {
    if (high == (low >> 63)) {
      return BigDecimal.valueOf(low, scale);
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (high >>> (56 - 8 * i));
      bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
    }
    return new BigDecimal(new java.math.BigInteger(bytes), scale);
  }

  private static int[][] statesOf(int[][] windows, int channels) {
    int[] count = new int[channels];
    boolean[] seen = new boolean[channels];
    for (int[] w : windows) {
      for (int c : w) {
        if (!seen[c]) {
          seen[c] = true;
          count[c]++;
        }
      }
      for (int c : w) {
        seen[c] = false;
      }
    }
    int[][] out = new int[channels][];
    for (int c = 0; c < channels; c++) {
      out[c] = new int[count[c]];
      count[c] = 0;
    }
    for (int s = 0; s < windows.length; s++) {
      for (int c : windows[s]) {
        if (!seen[c]) {
          seen[c] = true;
          out[c][count[c]++] = s;
        }
      }
      for (int c : windows[s]) {
        seen[c] = false;
      }
    }
    return out;
  }
}
