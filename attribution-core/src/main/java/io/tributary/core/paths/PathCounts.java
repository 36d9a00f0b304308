package io.tributary.core.paths;

import io.tributary.core.journey.Journey;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Distinct paths with their stats: the sufficient statistic of every path-based model. A mergeable aggregate:
 * {@link #empty()} is the identity and {@link #merge} is associative and commutative, so engines build it per slice
 * of customers and merge the slices in any order with the same result, bit for bit (counts are integers, values exact
 * decimals).
 *
 * @param byPath distinct paths in {@link Path} order; stats are never all zero
 */
public record PathCounts(SortedMap<Path, PathStats> byPath) {
  private static final PathCounts EMPTY = new PathCounts(new TreeMap<>());

  public PathCounts {
    byPath = Collections.unmodifiableSortedMap(new TreeMap<>(byPath));
  }

  /** @return the aggregate of no journeys */
  public static PathCounts empty() {
    return EMPTY;
  }

  /** @return a builder that folds journeys or path rows */
  public static Builder builder() {
    return new Builder();
  }

  /** @return this and {@code other} added path by path; neither is changed */
  public PathCounts merge(PathCounts other) {
    if (other.byPath.isEmpty()) {
      return this;
    }
    if (byPath.isEmpty()) {
      return other;
    }
    TreeMap<Path, PathStats> sum = new TreeMap<>(byPath);
    other.byPath.forEach((p, s) -> sum.merge(p, s, PathStats::plus));
    return new PathCounts(sum);
  }

  /** @return the number of distinct paths */
  public int size() {
    return byPath.size();
  }

  /** @return total converting journeys */
  public long conversions() {
    long n = 0;
    for (PathStats s : byPath.values()) {
      n = Math.addExact(n, s.conversions());
    }
    return n;
  }

  /** @return total non-converting journeys */
  public long nulls() {
    long n = 0;
    for (PathStats s : byPath.values()) {
      n = Math.addExact(n, s.nulls());
    }
    return n;
  }

  /** @return total conversion value, exact */
  public BigDecimal value() {
    BigDecimal v = BigDecimal.ZERO;
    for (PathStats s : byPath.values()) {
      v = v.add(s.value());
    }
    return v;
  }

  /**
   * Folds journeys or path rows. Not thread-safe: one per slice, then {@link #build()} and merge.
   */
  public static final class Builder {
    private final Map<Path, long[]> counts = new HashMap<>();
    private final Map<Path, BigDecimal> values = new HashMap<>();

    private Builder() {}

    /** Adds one journey with touches; touchless conversions are not paths and are ignored here. */
    public Builder add(Journey journey) {
      if (journey.touchless()) {
        return this;
      }
      return add(new Path(journey.channels()), journey.converted() ? 1 : 0, journey.value(),
          journey.converted() ? 0 : 1);
    }

    /** Adds {@code conversions} and {@code nulls} journeys of {@code path} with total revenue {@code value}. */
    public Builder add(Path path, long conversions, BigDecimal value, long nulls) {
      if (conversions < 0 || nulls < 0 || value.signum() < 0) {
        throw new IllegalArgumentException("path counts must be >= 0");
      }
      if (conversions == 0 && nulls == 0 && value.signum() == 0) {
        return this;
      }
      long[] c = counts.computeIfAbsent(path, k -> new long[2]);
      c[0] = Math.addExact(c[0], conversions);
      c[1] = Math.addExact(c[1], nulls);
      if (value.signum() != 0) {
        values.merge(path, value, BigDecimal::add);
      }
      return this;
    }

    /** @return the immutable aggregate of everything added so far */
    public PathCounts build() {
      TreeMap<Path, PathStats> out = new TreeMap<>();
      counts.forEach((p, c) -> out.put(p, new PathStats(c[0], values.getOrDefault(p, BigDecimal.ZERO), c[1])));
      return new PathCounts(out);
    }
  }
}
