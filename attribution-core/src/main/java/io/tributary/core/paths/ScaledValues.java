package io.tributary.core.paths;

import io.tributary.core.Internal;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A path table's values as whole numbers of one decimal scale, each a 128-bit two's complement integer in two longs:
 * path {@code p}'s value is exactly {@code (high[p] * 2^64 + unsigned low[p]) * 10^-scale}. Input values have a few
 * decimals (money; a value written from a double has up to 17 digits), so a rule model can sum them as pairs of
 * {@code long}s instead of a {@link BigDecimal} per touch; a table whose values do not fit has none (see
 * {@link PathTable#scaledValues()}) and the models sum decimals.
 *
 * @param high each path's scaled value, bits 64..127
 * @param low each path's scaled value, bits 0..63
 * @param scale the number of decimals, {@code 0..MAX_SCALE}
 * @param sumScale the scale of the values' sum as {@link BigDecimal#add} makes it from zero: the largest scale of any
 *     value given, zeros included, and at least 0 (see {@link #total})
 */
@Internal
public record ScaledValues(long[] high, long[] low, int scale, int sumScale) {
  /** The largest scale kept: a double written in full has 17 significant digits, so money has far fewer decimals. */
  public static final int MAX_SCALE = 18;
  /* A value's scaled integer has at most this many bits besides the sign: sums of a billion of them stay in range. */
  static final int MAX_BITS = 96;

  /**
   * @param values the values ({@code null} reads as 0)
   * @return them at their largest scale, or {@code null} when that scale is above {@link #MAX_SCALE} or a value times
   *     its power of ten has more than 96 bits
   */
  private static final long[] TENS = new long[MAX_SCALE + 1];

  static {
    TENS[0] = 1;
    for (int s = 1; s <= MAX_SCALE; s++) {
      TENS[s] = TENS[s - 1] * 10;
    }
  }

  /* BigInteger.bitLength of the 128-bit two's complement integer high * 2^64 + unsigned low. */
  static int bitLength(long high, long low) {
    if (high < 0) {
      high = ~high;
      low = ~low;
    }
    return high != 0 ? 128 - Long.numberOfLeadingZeros(high) : 64 - Long.numberOfLeadingZeros(low);
  }

  static ScaledValues of(BigDecimal[] values) {
    int scale = 0;
    int sumScale = 0;
    for (BigDecimal v : values) {
      if (v != null) {
        sumScale = Math.max(sumScale, v.scale());
        if (v.signum() != 0) {
          scale = Math.max(scale, v.scale());
        }
      }
    }
    if (scale > MAX_SCALE) {
      return null;
    }
    long[] high = new long[values.length];
    long[] low = new long[values.length];
    int n = values.length;
    int s = scale;
    // A large table's values on every core, in chunks (each path's integers are its own): the all-customer table of a
    // campaign-level run (1.12M paths) was made on one core while the other waited for it to fit Markov.
    boolean fits = n < PARALLEL_FROM ? scale(values, s, high, low, 0, n)
        : java.util.stream.IntStream.range(0, CHUNKS).parallel().allMatch(c -> scale(values, s, high, low,
            (int) ((long) n * c / CHUNKS), (int) ((long) n * (c + 1) / CHUNKS)));
    return fits ? new ScaledValues(high, low, scale, sumScale) : null;
  }

  private static final int PARALLEL_FROM = 1 << 17;
  private static final int CHUNKS = 8;

  /* Values [from, to) as integers at the scale into high and low; false when one does not fit MAX_BITS. */
  private static boolean scale(BigDecimal[] values, int scale, long[] high, long[] low, int from, int to) {
    for (int p = from; p < to; p++) {
      BigDecimal v = values[p];
      if (v != null && v.signum() != 0) {
        int shift = scale - v.scale(); // >= 0; above MAX_SCALE only for a negative v.scale()
        if (v.precision() <= MAX_SCALE && shift <= MAX_SCALE) {
          // The common case (money): the unscaled long (under 10^18) times 10^(scale - v.scale()) (at most 10^18) as
          // one 128-bit product, without the BigDecimal and BigIntegers of setScale and shiftRight; the unscaled long
          // without an object either (unscaledLong).
          long m = unscaledLong(v);
          long ten = TENS[shift];
          long l = m * ten;
          long h = Math.multiplyHigh(m, ten);
          if (bitLength(h, l) > MAX_BITS) {
            return false;
          }
          low[p] = l;
          high[p] = h;
          continue;
        }
        // Exact: setScale only appends zeros here (scale >= v.scale()).
        BigInteger u = v.setScale(scale).unscaledValue();
        if (u.bitLength() > MAX_BITS) {
          return false;
        }
        low[p] = u.longValue();
        high[p] = u.shiftRight(64).longValue();
      }
    }
    return true;
  }

  /**
   * @param v a value of scale {@code 0..scale}
   * @param scale {@code 0..MAX_SCALE}
   * @return {@code v * 10^scale}, exactly
   * @throws ArithmeticException when that is not a long
   */
  static long exactLong(BigDecimal v, int scale) {
    int shift = scale - v.scale();
    if (v.scale() < 0 || shift < 0 || scale > MAX_SCALE) {
      throw new ArithmeticException("scale " + v.scale() + " outside 0.." + scale);
    }
    if (v.precision() <= MAX_SCALE) {
      long m = unscaledLong(v);
      long ten = TENS[shift];
      long l = m * ten;
      if (Math.multiplyHigh(m, ten) != (l >> 63)) {
        throw new ArithmeticException("beyond a long: " + v);
      }
      return l;
    }
    return v.setScale(scale).unscaledValue().longValueExact();
  }

  /* Powers of ten as doubles, each exact (10^22 is the last a double holds exactly). */
  private static final double[] DOUBLE_TENS = new double[MAX_SCALE + 1];

  static {
    DOUBLE_TENS[0] = 1;
    for (int s = 1; s <= MAX_SCALE; s++) {
      DOUBLE_TENS[s] = DOUBLE_TENS[s - 1] * 10;
    }
  }

  /*
   * The unscaled value u of v (at most 18 digits, scale s at most MAX_SCALE) as a long, without making an object when
   * v is below 10^15 with at most 15 digits (money): unscaledValue() makes a BigInteger and its array, a million of
   * them per table. For s >= 0, d = doubleValue() is u / 10^s correctly rounded, and d * 10^s (10^s exact) is u times
   * (1 + e), |e| <= 2^-52: off by less than 0.25 for |u| < 10^15, so rounding gives u exactly. For s < 0, v is a whole
   * number below 10^15 < 2^53: d is v itself, and d / 10^-s is u exactly.
   */
  private static long unscaledLong(BigDecimal v) {
    int scale = v.scale();
    if (v.precision() + Math.max(0, -scale) <= 15 && scale <= MAX_SCALE) {
      double d = v.doubleValue();
      return scale >= 0 ? Math.round(d * DOUBLE_TENS[scale]) : Math.round(d / DOUBLE_TENS[-scale]);
    }
    return scale == 0 ? v.longValue() : v.scaleByPowerOfTen(scale).longValue();
  }

  /**
   * The values' exact sum, the very {@link BigDecimal} (value and scale) that adding them to {@link BigDecimal#ZERO}
   * one by one makes, from the integers: two long additions a path instead of a decimal one that reads each path's
   * object from the heap (a million of them on every segmented fit's table and its check).
   *
   * @return the sum, or null when it leaves the 128-bit range (then add the decimals)
   */
  BigDecimal total() {
    long sumHigh = 0;
    long sumLow = 0;
    try {
      for (int p = 0; p < low.length; p++) {
        long sum = sumLow + low[p];
        long carry = Long.compareUnsigned(sum, sumLow) < 0 ? 1 : 0;
        sumLow = sum;
        sumHigh = Math.addExact(Math.addExact(sumHigh, high[p]), carry);
      }
    } catch (ArithmeticException outOfRange) {
      return null;
    }
    BigInteger unscaled = sumHigh == (sumLow >> 63) ? BigInteger.valueOf(sumLow)
        : BigInteger.valueOf(sumHigh).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(sumLow)));
    // Appending zeros up to the largest scale of any value given (a zero of more decimals than the others included).
    return new BigDecimal(unscaled, scale).setScale(sumScale);
  }
}
