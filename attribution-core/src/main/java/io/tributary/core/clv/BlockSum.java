package io.tributary.core.clv;

import java.util.stream.IntStream;

/**
 * Sums a function over index blocks on the machine's cores, with the same result on any number of cores: the blocks
 * are fixed (not one per thread) and their sums are added in block order.
 */
final class BlockSum {
  /** Indices per block: large enough that a block outweighs handing it to a thread. */
  static final int BLOCK = 1 << 15;

  /** The sum of one block of indices {@code [from, to)}. */
  @FunctionalInterface
  interface Range {
    double sum(int from, int to);
  }

  private BlockSum() {}

  static double sum(int n, Range range) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    if (blocks <= 1) {
      return range.sum(0, n);
    }
    double[] parts = IntStream.range(0, blocks).parallel()
        .mapToDouble(b -> range.sum(b * BLOCK, Math.min(n, (b + 1) * BLOCK))).toArray();
    double total = 0;
    for (double p : parts) {
      total += p;
    }
    return total;
  }
}
