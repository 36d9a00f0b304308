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
 * number of channels, with geometric path lengths of a given mean, skewed channel popularity, a channel-to-channel
 * preference (journeys tend to return to a channel or follow a typical next one), per-channel conversion lift and
 * cent-exact values. The same arguments always give the same data, so benchmark inputs are reproducible.
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
   * @throws IllegalArgumentException when so many distinct paths cannot be drawn (e.g. one channel, mean length 1)
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
    double stop = 1.0 / meanLength; // geometric length >= 1 with the requested mean
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, Long> cents = new HashMap<>();
    long attempts = 0;
    long maxAttempts = 50L * distinctPaths + 1000;
    StringBuilder sb = new StringBuilder();
    while (counts.size() < distinctPaths) {
      if (++attempts > maxAttempts) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "cannot draw %d distinct paths over %d channels with mean length %s (got %d)", distinctPaths, channels,
            meanLength, counts.size()));
      }
      sb.setLength(0);
      int c = pick(cumulative, rnd);
      double liftSum = 0;
      int length = 0;
      while (true) {
        if (length > 0) {
          sb.append(" > ");
        }
        sb.append(channelName(c));
        liftSum += lift[c];
        length++;
        if (rnd.nextDouble() < stop) {
          break;
        }
        double u = rnd.nextDouble();
        c = u < 0.25 ? c : u < 0.5 ? favouriteNext[c] : pick(cumulative, rnd);
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
    List<Row> out = new ArrayList<>(counts.size());
    counts.forEach((p, cn) -> out.add(new Row(p, cn[0], BigDecimal.valueOf(cents.get(p), 2), cn[1])));
    return out;
  }

  /** @return the rows of {@link #rows} folded into an aggregate */
  public static PathCounts counts(int distinctPaths, int channels, double meanLength, long seed) {
    return parse(rows(distinctPaths, channels, meanLength, seed));
  }

  /** @return the rows parsed (split on {@code >}, trimmed) and folded, as a path-file reader would */
  public static PathCounts parse(List<Row> rows) {
    PathCounts.Builder b = PathCounts.builder();
    for (Row r : rows) {
      String[] parts = r.path().split(">", -1);
      for (int i = 0; i < parts.length; i++) {
        parts[i] = parts[i].strip();
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
