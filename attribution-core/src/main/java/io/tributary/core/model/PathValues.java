package io.tributary.core.model;

import java.math.BigDecimal;

/**
 * One exact value {@code >= 0} per path of a path table: what a {@link Revaluable} model reads of other values than
 * the table's own. Such a model needs only each path's sign and exact sums of groups of paths (Markov's end states,
 * the Shapley models' channel sets), and every such sum is a number, the same whatever order or form its terms come
 * in; so the values need not be decimals. Lifetime value by channel gives each path the exact sum of its buyers'
 * lifetime values ({@link #ofParts}): its group sums are exact sums of doubles, with no decimal per path.
 *
 * <p>Immutable; safe to read from several threads.
 */
public abstract class PathValues {
  PathValues() {}

  /** @return the number of paths */
  public abstract int size();

  /** @return the sign of path {@code p}'s value: 0 or 1 */
  public abstract int signum(int p);

  /** @return path {@code p}'s value, exactly (its scale is of no meaning: read the number) */
  public abstract BigDecimal value(int p);

  /**
   * @param groupOf each path's group, {@code 0..groups-1}, or -1 for a path in no group (whose value must then be 0)
   * @param groups the number of groups
   * @return per group, the exact sum of its paths' values; null for a group without a nonzero value
   * @throws IllegalArgumentException when a path with a nonzero value is in no group
   */
  public abstract BigDecimal[] groupSums(int[] groupOf, int groups);

  /** @return the exact sum of every path's value */
  public BigDecimal total() {
    BigDecimal t = groupSums(new int[size()], 1)[0];
    return t == null ? BigDecimal.ZERO : t;
  }

  /** @return every path's value, by path index */
  public BigDecimal[] toArray() {
    BigDecimal[] out = new BigDecimal[size()];
    for (int p = 0; p < out.length; p++) {
      out[p] = value(p);
    }
    return out;
  }

  /**
   * @param values each path's value, {@code >= 0}
   * @return those values (the array is read, not copied: do not change it)
   */
  public static PathValues of(BigDecimal[] values) {
    for (BigDecimal v : values) {
      if (v.signum() < 0) {
        throw new IllegalArgumentException("path values must be >= 0, got " + v);
      }
    }
    return new Decimals(values);
  }

  /**
   * Paths whose values are sums of doubles: path {@code p}'s value is the exact sum of {@code parts[j]}, each counted
   * {@code times[j]} times, over {@code j} in {@code [start[p], start[p + 1])}.
   *
   * @param start {@code paths + 1} ascending offsets into {@code parts}, from 0
   * @param parts the terms, each finite and {@code >= 0}
   * @param times how many times each term counts ({@code >= 0}), or null for once each
   * @return the values (the arrays are read, not copied: do not change them)
   */
  public static PathValues ofParts(int[] start, double[] parts, int[] times) {
    if (start.length == 0 || start[0] != 0 || start[start.length - 1] > parts.length
        || (times != null && times.length < parts.length)) {
      throw new IllegalArgumentException("offsets and terms do not match");
    }
    for (int j = 0; j < start[start.length - 1]; j++) {
      if (!(parts[j] >= 0) || Double.isInfinite(parts[j]) || (times != null && times[j] < 0)) {
        throw new IllegalArgumentException("path value terms must be finite and >= 0, counted >= 0 times");
      }
    }
    return new Parts(start, parts, times);
  }

  /**
   * @param counts each path's count, {@code >= 0}
   * @return the counts as values (the array is read, not copied: do not change it)
   */
  public static PathValues ofCounts(long[] counts) {
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("path counts must be >= 0, got " + c);
      }
    }
    return new Counts(counts);
  }

  static IllegalArgumentException ungrouped(int p) {
    return new IllegalArgumentException("path " + p + " has a value but no group");
  }

  /* Decimals as given: sums by decimal addition. */
  private static final class Decimals extends PathValues {
    private final BigDecimal[] values;

    Decimals(BigDecimal[] values) {
      this.values = values;
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public int signum(int p) {
      return values[p].signum();
    }

    @Override
    public BigDecimal value(int p) {
      return values[p];
    }

    @Override
    public BigDecimal[] groupSums(int[] groupOf, int groups) {
      BigDecimal[] sums = new BigDecimal[groups];
      for (int p = 0; p < values.length; p++) {
        BigDecimal v = values[p];
        if (v.signum() != 0) {
          int g = groupOf[p];
          if (g < 0) {
            throw ungrouped(p);
          }
          sums[g] = sums[g] == null ? v : sums[g].add(v);
        }
      }
      return sums;
    }
  }

  /* Sums of doubles: each group's sum an ExactSum of its paths' terms, one decimal per group, none per path. */
  private static final class Parts extends PathValues {
    private final int[] start;
    private final double[] parts;
    private final int[] times;

    Parts(int[] start, double[] parts, int[] times) {
      this.start = start;
      this.parts = parts;
      this.times = times;
    }

    @Override
    public int size() {
      return start.length - 1;
    }

    @Override
    public int signum(int p) {
      for (int j = start[p]; j < start[p + 1]; j++) {
        if (parts[j] > 0 && (times == null || times[j] > 0)) {
          return 1;
        }
      }
      return 0;
    }

    @Override
    public BigDecimal value(int p) {
      ExactSum s = new ExactSum();
      addTo(p, s);
      return s.toBigDecimal();
    }

    private void addTo(int p, ExactSum s) {
      for (int j = start[p]; j < start[p + 1]; j++) {
        for (int t = times == null ? 1 : times[j]; t > 0; t--) {
          s.add(parts[j]);
        }
      }
    }

    @Override
    public BigDecimal[] groupSums(int[] groupOf, int groups) {
      ExactSum[] sums = new ExactSum[groups];
      for (int p = 0; p < size(); p++) {
        if (signum(p) != 0) {
          int g = groupOf[p];
          if (g < 0) {
            throw ungrouped(p);
          }
          if (sums[g] == null) {
            sums[g] = new ExactSum();
          }
          addTo(p, sums[g]);
        }
      }
      BigDecimal[] out = new BigDecimal[groups];
      for (int g = 0; g < groups; g++) {
        out[g] = sums[g] == null ? null : sums[g].toBigDecimal();
      }
      return out;
    }
  }

  /* Whole counts: sums in longs. */
  private static final class Counts extends PathValues {
    private final long[] counts;

    Counts(long[] counts) {
      this.counts = counts;
    }

    @Override
    public int size() {
      return counts.length;
    }

    @Override
    public int signum(int p) {
      return Long.signum(counts[p]);
    }

    @Override
    public BigDecimal value(int p) {
      return BigDecimal.valueOf(counts[p]);
    }

    @Override
    public BigDecimal[] groupSums(int[] groupOf, int groups) {
      long[] sums = new long[groups];
      boolean[] any = new boolean[groups];
      for (int p = 0; p < counts.length; p++) {
        if (counts[p] != 0) {
          int g = groupOf[p];
          if (g < 0) {
            throw ungrouped(p);
          }
          sums[g] = Math.addExact(sums[g], counts[p]);
          any[g] = true;
        }
      }
      BigDecimal[] out = new BigDecimal[groups];
      for (int g = 0; g < groups; g++) {
        out[g] = any[g] ? BigDecimal.valueOf(sums[g]) : null;
      }
      return out;
    }
  }
}
