package io.tributary.core.paths;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What happened on one distinct path: how many journeys converted, their revenue, how many did not convert. Each
 * journey converts at most once, so journeys = conversions + nulls.
 *
 * @param conversions converting journeys, {@code >= 0}
 * @param value their revenue, exact, {@code >= 0}
 * @param nulls non-converting journeys, {@code >= 0}
 */
public record PathStats(long conversions, BigDecimal value, long nulls) {
  /** No journeys. */
  public static final PathStats ZERO = new PathStats(0, BigDecimal.ZERO, 0);

  public PathStats {
    Objects.requireNonNull(value, "value");
    if (conversions < 0 || nulls < 0 || value.signum() < 0) {
      throw new IllegalArgumentException(
          "path stats must be >= 0: conversions=" + conversions + " value=" + value + " nulls=" + nulls);
    }
  }

  /** @return journeys on this path */
  public long journeys() {
    return Math.addExact(conversions, nulls);
  }

  /** @return the sum of both, exactly */
  public PathStats plus(PathStats o) {
    return new PathStats(
        Math.addExact(conversions, o.conversions), value.add(o.value), Math.addExact(nulls, o.nulls));
  }
}
