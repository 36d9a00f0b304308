package io.tributary.core.paths;

import io.tributary.core.journey.Journey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
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
    // TreeMap(SortedMap) copies a sorted map in linear time.
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
    // A linear merge of two sorted sequences: slices of a large run hold hundreds of thousands of paths each.
    List<Path> keys = new ArrayList<>(byPath.size() + other.byPath.size());
    List<PathStats> values = new ArrayList<>(keys.size());
    Iterator<Map.Entry<Path, PathStats>> a = byPath.entrySet().iterator();
    Iterator<Map.Entry<Path, PathStats>> b = other.byPath.entrySet().iterator();
    Map.Entry<Path, PathStats> x = a.next();
    Map.Entry<Path, PathStats> y = b.next();
    while (x != null || y != null) {
      int c = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
      if (c < 0) {
        keys.add(x.getKey());
        values.add(x.getValue());
        x = a.hasNext() ? a.next() : null;
      } else if (c > 0) {
        keys.add(y.getKey());
        values.add(y.getValue());
        y = b.hasNext() ? b.next() : null;
      } else {
        keys.add(x.getKey());
        values.add(x.getValue().plus(y.getValue()));
        x = a.hasNext() ? a.next() : null;
        y = b.hasNext() ? b.next() : null;
      }
    }
    return new PathCounts(SortedRun.treeOf(keys, values));
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
      Path[] keys = counts.keySet().toArray(Path[]::new);
      Arrays.sort(keys);
      List<PathStats> stats = new ArrayList<>(keys.length);
      for (Path p : keys) {
        long[] c = counts.get(p);
        stats.add(new PathStats(c[0], values.getOrDefault(p, BigDecimal.ZERO), c[1]));
      }
      return new PathCounts(SortedRun.treeOf(Arrays.asList(keys), stats));
    }
  }
}
