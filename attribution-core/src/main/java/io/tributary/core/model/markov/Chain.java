package io.tributary.core.model.markov;

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

  /** @return the number of transient states */
  int size() {
    return windows.length;
  }
}
