package io.tributary.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A channel's exact running credit in a mergeable aggregate. Each double weight is added as the exact decimal it
 * stands for, so sums do not depend on the order in which slices were merged: every engine and partitioning gives the
 * same bits in the end.
 *
 * @param conversions sum of weights
 * @param value sum of value × weight, each product rounded once to a double (the same on every engine)
 */
public record CreditSum(BigDecimal conversions, BigDecimal value) {
  /** No credit. */
  public static final CreditSum ZERO = new CreditSum(BigDecimal.ZERO, BigDecimal.ZERO);

  public CreditSum {
    // One canonical scale, so that equal sums are equal values however they were merged.
    conversions = Objects.requireNonNull(conversions, "conversions").stripTrailingZeros();
    value = Objects.requireNonNull(value, "value").stripTrailingZeros();
  }

  /** @return the exact sum */
  public CreditSum plus(CreditSum o) {
    return new CreditSum(conversions.add(o.conversions), value.add(o.value));
  }
}
