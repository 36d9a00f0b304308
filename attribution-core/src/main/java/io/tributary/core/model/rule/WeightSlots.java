package io.tributary.core.model.rule;

import java.util.Arrays;

/**
 * The distinct weights one channel's touches were credited at, each with a slot for the journeys and the value met at
 * it; subclasses hold the value sums in their own number form. A channel meets few distinct weights (1 for first and
 * last touch, 1/n for the path lengths of linear, a handful for position based): a short array searched from the last
 * weight used beats a map of boxed keys on the hot loop.
 */
abstract class WeightSlots {
  double[] weights = new double[4];
  long[] conversions = new long[4];
  int size;
  private int last;

  /** @return the slot of {@code weight}: a new one, its sums zero, the first time the weight is met */
  final int slot(double weight) {
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

  /** Makes the value sums hold {@code capacity} slots (the first {@link #size} kept). */
  abstract void grow(int capacity);

  /** Sets a new slot's value sum to zero (a no-op where the array's default is zero). */
  void open(int slot) {}
}
