package io.tributary.core.model.markov;

import io.tributary.core.model.PathValues;
import java.math.BigDecimal;

/**
 * The fitted chain in compact form, as the solver needs it. Transient states are numbered {@code 0..size-1} in
 * canonical order (channel ids of the window, then shorter first), so the arrays are a pure function of the data.
 * {@code (start)}, {@code (conversion)} and {@code (null)} are implicit: {@link #startWeight}, {@link #conversions}
 * and {@link #nulls} are the transitions from and to them. All weights are journey counts.
 *
 * <p>Arrays are shared, never copied: the class is package-private and nothing writes them after
 * {@link ChainBuilder} has filled them.
 */
final class Chain {
  final int order;
  /** Channel names in id order (sorted). */
  final String[] channels;
  /** Channel ids of each transient state's window. */
  final int[][] windows;
  /** Weight of (start) → s. */
  final long[] startWeight;
  /** Weight of s → (conversion): conversions of the paths ending in s. */
  final long[] conversions;
  /** Weight of s → (null): nulls of the paths ending in s. */
  final long[] nulls;
  /** Value of the conversions of the paths ending in s, exact. */
  final BigDecimal[] value;
  /** Total weight out of s (transient, conversion and null), which equals the weight into s. */
  final long[] outflow;
  /** Out-transitions between transient states, CSR by source, targets ascending. */
  final int[] outStart;
  final int[] outTo;
  final long[] outWeight;
  /** The same transitions by target, sources ascending, with their probabilities. */
  final int[] inStart;
  final int[] inFrom;
  final double[] inProbability;
  /** Mean position of the state in the (collapsed) state sequences through it: a solve-order heuristic only. */
  final double[] depth;
  /** For each channel id, the states whose window contains it, ascending. */
  final int[][] statesOf;
  final long journeys;
  final long totalConversions;
  final BigDecimal totalValue;

  Chain(int order, String[] channels, int[][] windows, long[] startWeight, long[] conversions, long[] nulls,
      BigDecimal[] value, long[] outflow, int[] outStart, int[] outTo, long[] outWeight, int[] inStart,
      int[] inFrom, double[] inProbability, double[] depth, int[][] statesOf, long journeys,
      long totalConversions, BigDecimal totalValue) {
    this.order = order;
    this.channels = channels;
    this.windows = windows;
    this.startWeight = startWeight;
    this.conversions = conversions;
    this.nulls = nulls;
    this.value = value;
    this.outflow = outflow;
    this.outStart = outStart;
    this.outTo = outTo;
    this.outWeight = outWeight;
    this.inStart = inStart;
    this.inFrom = inFrom;
    this.inProbability = inProbability;
    this.depth = depth;
    this.statesOf = statesOf;
    this.journeys = journeys;
    this.totalConversions = totalConversions;
    this.totalValue = totalValue;
  }

  /**
   * The same chain with other path values: what {@link ChainBuilder} makes of the same paths, conversions and nulls
   * carrying {@code pathValues} instead (a state's value is the exact sum of the values of the paths ending in it, so
   * the same number in any order of addition).
   *
   * @param endState each path's last state, from {@link ChainBuilder#build(io.tributary.core.paths.PathCounts, int,
   *     int[])}
   * @param pathValues each path's value, {@code >= 0}, by the same path index
   * @return the revalued chain; every array but the values is shared
   */
  Chain revalued(int[] endState, PathValues pathValues) {
    if (endState.length != pathValues.size()) {
      throw new IllegalArgumentException(endState.length + " paths and " + pathValues.size() + " values");
    }
    BigDecimal[] val = pathValues.groupSums(endState, size());
    BigDecimal total = BigDecimal.ZERO;
    for (int s = 0; s < val.length; s++) {
      val[s] = val[s] == null ? BigDecimal.ZERO : val[s];
      total = total.add(val[s]);
    }
    return new Chain(order, channels, windows, startWeight, conversions, nulls, val, outflow, outStart, outTo,
        outWeight, inStart, inFrom, inProbability, depth, statesOf, journeys, totalConversions, total);
  }

  /** @return the number of transient states */
  int size() {
    return windows.length;
  }
}
