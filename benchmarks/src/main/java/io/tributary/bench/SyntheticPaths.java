package io.tributary.bench;

import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of path-level data shaped like a retailer's export: a given number of distinct paths over a given
 * number of channels, with geometric path lengths, skewed channel popularity, a channel-to-channel preference
 * (journeys tend to return to a channel or follow a typical next one), per-channel conversion lift and cent-exact
 * values. The same arguments always give the same data, so benchmark inputs are reproducible.
 *
 * <p>The mean length is that of the distinct paths. Short paths are few (12 paths of one touch over 12 channels), so
 * each length gets a quota of distinct paths ({@code LengthQuota}) and paths of that length are drawn until the quota
 * is met; a path drawn again adds its journeys to the first draw. When so many distinct paths cannot be that short
 * (200,000 paths over 6 channels), the shortest mean that fits is used instead.
 *
 * <p>Path strings ({@link #rows}) are what a path file holds; {@link #counts} is the parsed aggregate.
 */
public final class SyntheticPaths {
  /** Channel names used first; beyond them channels are {@code channel_13}, {@code channel_14}, ... */
  private static final List<String> NAMES = List.of("search", "email", "social", "display", "direct", "affiliate",
      "video", "store", "call_center", "referral", "push", "sms");

  /**
   * One line of a path file.
   *
   * @param path channels joined by {@code " > "}
   * @param conversions converting journeys
   * @param value their revenue, two decimals
   * @param nulls non-converting journeys
   */
  public record Row(String path, long conversions, BigDecimal value, long nulls) {}

  private SyntheticPaths() {}

  /** @return the name of channel {@code i} (0-based) */
  public static String channelName(int i) {
    return i < NAMES.size() ? NAMES.get(i) : String.format(Locale.ROOT, "channel_%02d", i + 1);
  }

  /**
   * @param distinctPaths number of distinct paths, {@code >= 1}; must be reachable with the given channels
   * @param channels number of channels, {@code >= 1}
   * @param meanLength mean touches per path, {@code >= 1}
   * @param seed the seed
   * @return the rows, in generation order
   * @throws IllegalArgumentException when so many distinct paths cannot be drawn (e.g. one channel, 10 paths, mean
   *     length 1)
   */
  public static List<Row> rows(int distinctPaths, int channels, double meanLength, long seed) {
    if (distinctPaths < 1 || channels < 1 || !(meanLength >= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "need distinctPaths >= 1, channels >= 1, meanLength >= 1; got %d, %d, %s", distinctPaths, channels,
          meanLength));
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] popularity = new double[channels];
    double[] lift = new double[channels];
    int[] favouriteNext = new int[channels];
    for (int c = 0; c < channels; c++) {
      popularity[c] = 1.0 / (c + 1.5); // Zipf-like: a few big channels, a long tail
      lift[c] = 0.5 + rnd.nextDouble();
      favouriteNext[c] = rnd.nextInt(channels);
    }
    double[] cumulative = cumulative(popularity);
    long[] quota = LengthQuota.of(distinctPaths, channels, meanLength);
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, Long> cents = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    for (int length = 1; length < quota.length; length++) {
      long wanted = counts.size() + quota[length];
      long attempts = 0;
      while (counts.size() < wanted) {
        if (++attempts > 1000 * quota[length] + 1000) {
          throw new IllegalStateException("cannot draw " + quota[length] + " distinct paths of length " + length);
        }
        sb.setLength(0);
        int c = pick(cumulative, rnd);
        double liftSum = 0;
        for (int i = 0; i < length; i++) {
          if (i > 0) {
            double u = rnd.nextDouble();
            c = u < 0.25 ? c : u < 0.5 ? favouriteNext[c] : pick(cumulative, rnd);
            sb.append(" > ");
          }
          sb.append(channelName(c));
          liftSum += lift[c];
        }
        long journeys = 1 + (long) (-Math.log(1 - rnd.nextDouble()) * 3); // mostly a few journeys per path
        double rate = Math.min(0.9, 0.04 * liftSum / Math.sqrt(length) + 0.02);
        long conversions = 0;
        long pathCents = 0;
        for (long j = 0; j < journeys; j++) {
          if (rnd.nextDouble() < rate) {
            conversions++;
            pathCents += 500 + rnd.nextInt(20_000);
          }
        }
        long[] cn = counts.computeIfAbsent(sb.toString(), k -> new long[2]);
        cn[0] += conversions;
        cn[1] += journeys - conversions;
        cents.merge(sb.toString(), pathCents, Long::sum);
      }
    }
    List<Row> out = new ArrayList<>(counts.size());
    counts.forEach((p, cn) -> out.add(new Row(p, cn[0], BigDecimal.valueOf(cents.get(p), 2), cn[1])));
    return out;
  }

  /**
   * How many distinct paths of each length to draw: a geometric distribution whose mean is found by bisection so that,
   * once every length is capped at an eighth of the paths that exist of it (the excess moved to longer lengths), the
   * mean is the requested one.
   */
  static final class LengthQuota {
    private LengthQuota() {}

    /** @return quota[l] = distinct paths of length l; index 0 unused */
    static long[] of(int distinct, int channels, double mean) {
      int maxLength = (int) Math.ceil(60 * mean) + 2;
      double[] capacity = new double[maxLength + 1];
      for (int l = 1; l <= maxLength; l++) {
        double exist = Math.pow(channels, l);
        // At most an eighth of the longer lengths' paths: skewed draws then find new ones in a few attempts.
        capacity[l] = exist <= 16 ? exist : Math.floor(exist / 8);
      }
      double total = 0;
      for (int l = 1; l <= maxLength; l++) {
        total += capacity[l];
      }
      if (total < distinct) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "cannot draw %d distinct paths over %d channels with mean length %s", distinct, channels, mean));
      }
      double low = 1 + 1e-9; // a geometric mean of exactly 1 puts no mass beyond length 1, leaving nothing to spill to
      double high = 50 * mean;
      double[] share = null;
      for (int iteration = 0; iteration < 100; iteration++) {
        double mid = (low + high) / 2;
        share = fill(distinct, capacity, mid);
        double got = 0;
        for (int l = 1; l <= maxLength; l++) {
          got += l * share[l];
        }
        if (got / distinct > mean) {
          high = mid;
        } else {
          low = mid;
        }
      }
      long[] quota = new long[maxLength + 1];
      long assigned = 0;
      for (int l = 1; l <= maxLength; l++) {
        quota[l] = (long) Math.floor(share[l]);
        assigned += quota[l];
      }
      for (int l = 1; assigned < distinct; l = l % maxLength + 1) {
        if (quota[l] < capacity[l]) {
          quota[l]++;
          assigned++;
        }
      }
      return quota;
    }

    /** Geometric shares with mean {@code drawMean}, water-filled under the capacities. */
    private static double[] fill(int distinct, double[] capacity, double drawMean) {
      int n = capacity.length - 1;
      double[] p = new double[n + 1];
      double q = 1 - 1 / drawMean;
      for (int l = 1; l <= n; l++) {
        p[l] = Math.pow(q, l - 1) / drawMean;
      }
      double[] share = new double[n + 1];
      boolean[] full = new boolean[n + 1];
      double left = distinct;
      for (int round = 0; round <= n && left > 1e-9; round++) {
        double mass = 0;
        for (int l = 1; l <= n; l++) {
          if (!full[l]) {
            mass += p[l];
          }
        }
        if (mass == 0) {
          break;
        }
        double spill = 0;
        for (int l = 1; l <= n; l++) {
          if (!full[l]) {
            share[l] += left * p[l] / mass;
            if (share[l] >= capacity[l]) {
              spill += share[l] - capacity[l];
              share[l] = capacity[l];
              full[l] = true;
            }
          }
        }
        left = spill;
      }
      return share;
    }
  }

  /** @return the rows of {@link #rows} folded into an aggregate */
  public static PathCounts counts(int distinctPaths, int channels, double meanLength, long seed) {
    return parse(rows(distinctPaths, channels, meanLength, seed));
  }

  /**
   * Folds rows as a fast path-file reader does: each path string goes straight into the builder
   * ({@link PathCounts.Builder#addPath}), which recognises channel names in place, so no String is made per touch
   * and no {@link Path} per row.
   *
   * @return the aggregate of the rows
   */
  public static PathCounts parse(List<Row> rows) {
    PathCounts.Builder b = PathCounts.builder();
    for (Row r : rows) {
      b.addPath(r.path(), ">", r.conversions(), r.value(), r.nulls());
    }
    return b.build();
  }

  /**
   * Folds rows through objects, the route of a reader that parses each row into a {@link Path} first: split on
   * {@code >}, trimmed, channel names de-duplicated to one string instance per name. Same aggregate as
   * {@link #parse}; kept to measure what the objects cost.
   *
   * @return the aggregate of the rows
   */
  public static PathCounts parseObjects(List<Row> rows) {
    PathCounts.Builder b = PathCounts.builder();
    Map<String, String> names = new HashMap<>();
    for (Row r : rows) {
      String[] parts = r.path().split(">", -1);
      for (int i = 0; i < parts.length; i++) {
        String name = parts[i].strip();
        String known = names.putIfAbsent(name, name);
        parts[i] = known == null ? name : known;
      }
      b.add(new Path(Arrays.asList(parts)), r.conversions(), r.value(), r.nulls());
    }
    return b.build();
  }

  private static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i];
      c[i] = s;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= s;
    }
    return c;
  }

  private static int pick(double[] cumulative, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int i = Arrays.binarySearch(cumulative, u);
    int idx = i >= 0 ? i : -i - 1;
    return Math.min(idx, cumulative.length - 1);
  }
}
