package io.tributary.core.paths;

import io.tributary.core.Internal;
import java.math.BigDecimal;

/**
 * A path table's values as whole numbers of one decimal scale: path {@code p}'s value is exactly
 * {@code unscaled[p] * 10^-scale}. Input values have a few decimals (money), so a rule model can sum them as
 * {@code long}s instead of a {@link BigDecimal} per touch; a table whose values do not fit has none (see
 * {@link PathTable#scaledValues()}) and the models sum decimals.
 *
 * @param unscaled each path's value times {@code 10^scale}, exactly
 * @param scale the number of decimals, {@code 0..MAX_SCALE}
 */
@Internal
public record ScaledValues(long[] unscaled, int scale) {
  /** The largest scale kept: 10^18 still fits a long; a larger one means values that are not money anyway. */
  public static final int MAX_SCALE = 18;

  /**
   * @param values the values ({@code null} reads as 0)
   * @return them at their largest scale, or {@code null} when that scale is above {@link #MAX_SCALE} or a value times
   *     its power of ten leaves the {@code long} range
   */
  static ScaledValues of(BigDecimal[] values) {
    int scale = 0;
    for (BigDecimal v : values) {
      if (v != null && v.signum() != 0) {
        scale = Math.max(scale, v.scale());
      }
    }
    if (scale > MAX_SCALE) {
      return null;
    }
    long[] unscaled = new long[values.length];
    try {
      for (int p = 0; p < values.length; p++) {
        BigDecimal v = values[p];
        if (v != null && v.signum() != 0) {
          // Exact: setScale only adds zeros here (scale >= v.scale()); longValueExact throws beyond a long.
          unscaled[p] = v.setScale(scale).unscaledValue().longValueExact();
        }
      }
    } catch (ArithmeticException outOfRange) {
      return null;
    }
    return new ScaledValues(unscaled, scale);
  }
}
