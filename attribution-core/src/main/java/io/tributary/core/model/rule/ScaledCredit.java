package io.tributary.core.model.rule;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One channel's journeys and value by the weight they were credited at, values as whole numbers of one decimal scale
 * ({@link io.tributary.core.paths.ScaledValues}): the long form of {@code PositionalModel.ChannelSums}, same result.
 *
 * <p>The credit is the exact sum of count (or value) times weight over the weights, rounded once to the nearest
 * double. A weight is a double, {@code m * 2^e} with an integer {@code m < 2^53}, and a value is {@code u * 10^-s},
 * so the sum is {@code N * 2^E / 10^s} for an integer {@code N} (every term brought to the smallest exponent
 * {@code E}): one integer sum and one division, rounded half-even by hand, instead of a {@code BigDecimal} product of
 * a 50-digit weight per term.
 */
final class ScaledCredit extends WeightSlots {
  private static final BigInteger[] TENS = new BigInteger[io.tributary.core.paths.ScaledValues.MAX_SCALE + 1];

  static {
    for (int s = 0; s < TENS.length; s++) {
      TENS[s] = BigInteger.TEN.pow(s);
    }
  }

  // Each weight's value sum, a 128-bit two's complement integer: bits 64..127 and 0..63.
  private long[] high = new long[4];
  private long[] low = new long[4];

  /**
   * @param valueHigh bits 64..127 of the path's scaled value
   * @param valueLow bits 0..63 of it, a value of at most 96 bits ({@link io.tributary.core.paths.ScaledValues})
   */
  void add(double weight, long journeys, long valueHigh, long valueLow) {
    int i = slot(weight);
    // Journeys: at most PathTotals.MAX_JOURNEYS in all, so no overflow.
    conversions[i] += journeys;
    long sum = low[i] + valueLow;
    long carry = Long.compareUnsigned(sum, low[i]) < 0 ? 1 : 0;
    low[i] = sum;
    // Unchecked (Math.addExact is a call in the quick compiler's code, once per touch): one add per touch of a table,
    // fewer than 2^31 touches of at most 96 bits each, so a sum stays within 127 bits.
    high[i] += valueHigh + carry;
  }

  /**
   * Adds another accumulator's sums weight by weight: the sums one accumulator fed the touches of both would hold
   * (a channel's, from its campaigns').
   *
   * @throws ArithmeticException when a value sum leaves the 128-bit range
   */
  void addAll(ScaledCredit other) {
    for (int j = 0; j < other.size; j++) {
      int i = slot(other.weights[j]);
      conversions[i] = Math.addExact(conversions[i], other.conversions[j]);
      long sum = low[i] + other.low[j];
      long carry = Long.compareUnsigned(sum, low[i]) < 0 ? 1 : 0;
      low[i] = sum;
      high[i] = Math.addExact(Math.addExact(high[i], other.high[j]), carry);
    }
  }

  @Override
  protected void grow(int capacity) {
    high = Arrays.copyOf(high, capacity);
    low = Arrays.copyOf(low, capacity);
  }

  /**
   * @param scale the values' decimal scale
   * @return conversions and value, each the exact sum over weights rounded once to the nearest double
   * @throws ArithmeticException when a result is outside the normal double range (the caller then sums decimals)
   */
  double[] credit(int scale) {
    if (size == 0) {
      return new double[] {0, 0};
    }
    int least = Integer.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      least = Math.min(least, exponent(weights[i]));
    }
    BigInteger c = BigInteger.ZERO;
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < size; i++) {
      BigInteger m = BigInteger.valueOf(mantissa(weights[i])).shiftLeft(exponent(weights[i]) - least);
      c = c.add(m.multiply(BigInteger.valueOf(conversions[i])));
      v = v.add(m.multiply(value(high[i], low[i])));
    }
    return new double[] {nearest(c, BigInteger.ONE, least), nearest(v, TENS[scale], least)};
  }

  /* high * 2^64 + unsigned low. */
  private static BigInteger value(long high, long low) {
    if (high == 0 && low >= 0 || high == -1 && low < 0) {
      return BigInteger.valueOf(low);
    }
    BigInteger unsignedLow = BigInteger.valueOf(low >>> 1).shiftLeft(1).or(BigInteger.valueOf(low & 1));
    return BigInteger.valueOf(high).shiftLeft(64).add(unsignedLow);
  }

  /* A finite double w > 0 is mantissa(w) * 2^exponent(w). */
  private static long mantissa(double w) {
    long bits = Double.doubleToRawLongBits(w);
    long m = bits & 0x000F_FFFF_FFFF_FFFFL;
    return (bits >>> 52 & 0x7FF) == 0 ? m : m | 1L << 52;
  }

  private static int exponent(double w) {
    int e = (int) (Double.doubleToRawLongBits(w) >>> 52) & 0x7FF;
    return e == 0 ? -1074 : e - 1075;
  }

  /**
   * @return {@code num / den * 2^twos} rounded to the nearest double, ties to even (as {@code BigDecimal.doubleValue}
   *     rounds the exact decimal)
   * @throws ArithmeticException when the result is not a normal double (subnormal or beyond the range)
   */
  static double nearest(BigInteger num, BigInteger den, int twos) {
    if (num.signum() == 0) {
      return 0;
    }
    BigInteger n = num.abs();
    // q = floor(n * 2^shift / den) has 55 or 56 bits: 53 for the mantissa, the rest and the remainder to round.
    int shift = 55 - (n.bitLength() - den.bitLength());
    BigInteger[] qr = shift >= 0 ? n.shiftLeft(shift).divideAndRemainder(den)
        : n.divideAndRemainder(den.shiftLeft(-shift));
    long q = qr[0].longValueExact();
    boolean inexact = qr[1].signum() != 0;
    int extra = 64 - Long.numberOfLeadingZeros(q) - 53;
    long mantissa = q >>> extra;
    long rest = q & ((1L << extra) - 1);
    long half = 1L << (extra - 1);
    if (rest > half || rest == half && (inexact || (mantissa & 1) != 0)) {
      mantissa++;
    }
    int e = twos - shift + extra;
    // mantissa * 2^e, mantissa in [2^52, 2^53]: a normal double when its exponent is within -1022..1023.
    if (e + 52 < -1022 || e + 53 > 1023) {
      throw new ArithmeticException("credit outside the normal double range");
    }
    double d = Math.scalb((double) mantissa, e);
    return num.signum() < 0 ? -d : d;
  }
}
