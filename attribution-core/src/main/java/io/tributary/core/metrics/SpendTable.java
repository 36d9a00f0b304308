package io.tributary.core.metrics;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Marketing spend per channel over the reporting window, summed exactly. Mergeable: {@link #empty()} is the identity.
 *
 * @param byChannel spend per channel, each {@code >= 0}
 */
public record SpendTable(SortedMap<String, BigDecimal> byChannel) {
  private static final SpendTable EMPTY = new SpendTable(new TreeMap<>());

  public SpendTable {
    for (Map.Entry<String, BigDecimal> e : byChannel.entrySet()) {
      if (e.getValue().signum() < 0) {
        throw new IllegalArgumentException("negative spend for " + e.getKey() + ": " + e.getValue());
      }
    }
    byChannel = Collections.unmodifiableSortedMap(new TreeMap<>(byChannel));
  }

  /** @return no spend at all */
  public static SpendTable empty() {
    return EMPTY;
  }

  /** @return a builder that sums spend rows */
  public static Builder builder() {
    return new Builder();
  }

  /** @return whether no spend was given */
  public boolean isEmpty() {
    return byChannel.isEmpty();
  }

  /** @return the spend of {@code channel}, or null when it has none listed */
  public BigDecimal spend(String channel) {
    return byChannel.get(channel);
  }

  /** @return the total spend, exact */
  public BigDecimal total() {
    BigDecimal t = BigDecimal.ZERO;
    for (BigDecimal v : byChannel.values()) {
      t = t.add(v);
    }
    return t;
  }

  /** @return both tables added channel by channel */
  public SpendTable merge(SpendTable o) {
    TreeMap<String, BigDecimal> sum = new TreeMap<>(byChannel);
    o.byChannel.forEach((c, v) -> sum.merge(c, v, BigDecimal::add));
    return new SpendTable(sum);
  }

  /** Sums spend rows. Not thread-safe. */
  public static final class Builder {
    private final Map<String, BigDecimal> sums = new HashMap<>();

    private Builder() {}

    /** Adds one row's spend to its channel. */
    public Builder add(String channel, BigDecimal spend) {
      if (spend.signum() < 0) {
        throw new IllegalArgumentException("negative spend for " + channel + ": " + spend);
      }
      sums.merge(channel, spend, BigDecimal::add);
      return this;
    }

    /** @return the immutable table */
    public SpendTable build() {
      return new SpendTable(new TreeMap<>(sums));
    }
  }
}
