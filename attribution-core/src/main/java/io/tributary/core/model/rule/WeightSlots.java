package io.tributary.core.model.rule;

import io.tributary.core.Internal;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The distinct weights one channel's touches were credited at, each with a slot for the journeys and the value met at
 * it; subclasses hold the value sums in their own number form. A channel meets few distinct weights (1 for first and
 * last touch, 1/n for the path lengths of linear, a handful for position based): a short array searched from the last
 * weight used beats a map of boxed keys on the hot loop.
 *
 * <p>Public for the lifetime value's credit (the same exact sums, with customers for journeys), which lives in
 * another core package.
 */
@Internal
public abstract class WeightSlots {
  /** The distinct weights, in the order first met; {@link #size} of them are in use. */
  protected double[] weights = new double[4];
  /** The journeys (or customers) counted at each weight. */
  protected long[] conversions = new long[4];
  /** How many slots are in use. */
  protected int size;
  private int last;

  /** Creates an accumulator with no slot. */
  protected WeightSlots() {}

  /**
   * @param weight the credit weight of a touch
   * @return the slot of {@code weight}: a new one, its sums zero, the first time the weight is met
   */
  protected final int slot(double weight) {
    if (size > 0 && weights[last] == weight) {
      return last;
    }
    for (int i = 0; i < size; i++) {
      if (weights[i] == weight) {
        last = i;
        return i;
      }
    }
    if (size == weights.length) {
      int capacity = size * 2;
      weights = Arrays.copyOf(weights, capacity);
      conversions = Arrays.copyOf(conversions, capacity);
      grow(capacity);
    }
    weights[size] = weight;
    open(size);
    last = size;
    return size++;
  }

  /**
   * Makes the value sums hold {@code capacity} slots (the first {@link #size} kept).
   *
   * @param capacity the new number of slots
   */
  protected abstract void grow(int capacity);

  /**
   * Sets a new slot's value sum to zero (a no-op where the array's default is zero).
   *
   * @param slot the new slot
   */
  protected void open(int slot) {}

  /**
   * The credit of decimal value sums: each slot's count and value multiplied by its weight exactly (a double weight is
   * the exact decimal it stands for), summed, and rounded once, so the result does not depend on the order the
   * weights were met in.
   *
   * @param valueAt the exact value sum of a slot
   * @return {conversions, value}, each the exact sum over weights rounded once to the nearest double
   */
  protected final double[] decimalCredit(IntFunction<BigDecimal> valueAt) {
    BigDecimal c = BigDecimal.ZERO;
    BigDecimal v = BigDecimal.ZERO;
    for (int i = 0; i < size; i++) {
      BigDecimal w = weights[i] == 1.0 ? BigDecimal.ONE : new BigDecimal(weights[i]);
      c = c.add(BigDecimal.valueOf(conversions[i]).multiply(w));
      v = v.add(valueAt.apply(i).multiply(w));
    }
    return new double[] {c.doubleValue(), v.doubleValue()};
  }
}
