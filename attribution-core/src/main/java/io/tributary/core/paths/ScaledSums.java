package io.tributary.core.paths;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A table's row values summed from its journeys' values as whole numbers of one decimal scale, never as decimals:
 * each row's sum as a 128-bit integer, with the largest scale of the row's journeys' values. From them come exactly
 * the decimals that adding the journeys' {@link BigDecimal}s one by one makes (value and scale), and exactly the
 * {@link ScaledValues} that {@link ScaledValues#of} makes from those decimals.
 *
 * <p>Why: a segment value's table is summed from its journeys (TaggedJourneys). As decimals, each converting
 * journey's {@link BigDecimal} was read from the heap and added, and each row's sum was turned into integers again
 * for the models: 130-180 ms of CPU over the 13 values of a campaign-level 10M-row run, beside 280-460 ms of making
 * their tables (benchmarks/results/segments.md, fourteenth round). Not thread-safe while rows are added; read-only
 * after.
 */
final class ScaledSums {
  /* A row none of whose journeys had a nonzero value: its decimal is null (read as zero). */
  private static final byte NONE = Byte.MIN_VALUE;

  private final int scale;
  private final long[] high;
  private final long[] low;
  private final byte[] rowScale;

  /**
   * @param rows the number of rows
   * @param scale the scale every value added is given at, {@code 0..}{@link ScaledValues#MAX_SCALE}
   */
  ScaledSums(int rows, int scale) {
    if (scale < 0 || scale > ScaledValues.MAX_SCALE) {
      throw new IllegalArgumentException("scale out of range: " + scale);
    }
    this.scale = scale;
    this.high = new long[rows];
    this.low = new long[rows];
    this.rowScale = new byte[rows];
    java.util.Arrays.fill(rowScale, NONE);
  }

  /**
   * Adds a nonzero journey value to a row.
   *
   * @param row the row
   * @param unscaled the value times 10^scale, exactly
   * @param valueScale the value's own scale, {@code 0..scale}
   */
  void add(int row, long unscaled, int valueScale) {
    long l = low[row];
    long sum = l + unscaled;
    // Unsigned carry out of the low word, and the sign extension of the long added into the high word. A row sums
    // fewer than 2^31 journeys of at most 63 bits each: 94 bits, no overflow.
    long carry = Long.compareUnsigned(sum, l) < 0 ? 1 : 0;
    low[row] = sum;
    high[row] += (unscaled >> 63) + carry;
    if (valueScale > rowScale[row]) {
      rowScale[row] = (byte) valueScale;
    }
  }

  /**
   * @return the rows' values at their own scales, as {@link ScaledValues#of} would make them from {@link #decimals()},
   *     or null when it would make none (a value of more than 96 bits)
   */
  ScaledValues scaledValues() {
    int valueScale = 0;
    int sumScale = 0;
    for (int p = 0; p < low.length; p++) {
      if (rowScale[p] != NONE) {
        sumScale = Math.max(sumScale, rowScale[p]);
        if ((high[p] | low[p]) != 0) {
          valueScale = Math.max(valueScale, rowScale[p]);
        }
      }
    }
    long[] h = high;
    long[] l = low;
    int shift = scale - valueScale;
    if (shift > 0) {
      // Every nonzero row's sum has at most valueScale decimals, so the division is exact.
      h = new long[low.length];
      l = new long[low.length];
      long ten = TENS[shift];
      for (int p = 0; p < low.length; p++) {
        if (high[p] == (low[p] >> 63)) {
          l[p] = low[p] / ten;
          h[p] = l[p] >> 63;
        } else {
          BigInteger u = unscaled(p).divide(BigInteger.valueOf(ten));
          l[p] = u.longValue();
          h[p] = u.shiftRight(64).longValue();
        }
      }
    }
    for (int p = 0; p < low.length; p++) {
      if (ScaledValues.bitLength(h[p], l[p]) > ScaledValues.MAX_BITS) {
        return null;
      }
    }
    return new ScaledValues(h, l, valueScale, sumScale);
  }

  /** @return each row's value, the decimal its journeys' values add up to; null for a row without a nonzero one */
  BigDecimal[] decimals() {
    BigDecimal[] out = new BigDecimal[low.length];
    for (int p = 0; p < low.length; p++) {
      if (rowScale[p] != NONE) {
        BigDecimal v = high[p] == (low[p] >> 63) ? BigDecimal.valueOf(low[p], scale)
            : new BigDecimal(unscaled(p), scale);
        // Only zeros are dropped: the row's journeys' values have at most rowScale[p] decimals.
        out[p] = v.setScale(rowScale[p]);
      }
    }
    return out;
  }

  private BigInteger unscaled(int p) {
    return BigInteger.valueOf(high[p]).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low[p])));
  }

  private static final long[] TENS = new long[ScaledValues.MAX_SCALE + 1];

  static {
    TENS[0] = 1;
    for (int s = 1; s < TENS.length; s++) {
      TENS[s] = TENS[s - 1] * 10;
    }
  }
}
