package io.tributary.core.model.bootstrap;

import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathStats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws bootstrap replicates of a {@link PathCounts}: N journeys drawn with replacement from the N journeys of the
 * data, each journey a unit (its path and whether it converted).
 *
 * <p>Why journeys as units: they are what was observed independently, so this is the ordinary nonparametric
 * bootstrap of the journey-level data. It is the same distribution as drawing N journeys over distinct paths
 * multinomially with probabilities journeys_p/N and then splitting each path's draws into conversions and nulls
 * binomially with its conversion rate (a multinomial thinned binomially is the multinomial over the finer cells), but
 * needs no binomial sampler. A path file keeps only each path's total value, so a drawn conversion carries its path's
 * mean value per conversion.
 *
 * <p>Cost per replicate: N draws, each a uniform {@code long} and a binary search over the 2·P cells (P distinct
 * paths), so O(N log P), plus O(P) to build the replicate. Deterministic: the same generator state gives the same
 * replicate.
 */
final class JourneyResampler {
  private final List<Path> paths = new ArrayList<>();
  private final List<PathStats> stats = new ArrayList<>();
  /** Cumulative journeys over the cells: cell 2p = conversions of path p, 2p+1 = its nulls. */
  private final long[] cumulative;
  private final long journeys;

  JourneyResampler(PathCounts counts) {
    for (Map.Entry<Path, PathStats> e : counts.byPath().entrySet()) {
      paths.add(e.getKey());
      stats.add(e.getValue());
    }
    cumulative = new long[2 * paths.size()];
    long total = 0;
    for (int p = 0; p < paths.size(); p++) {
      total = Math.addExact(total, stats.get(p).conversions());
      cumulative[2 * p] = total;
      total = Math.addExact(total, stats.get(p).nulls());
      cumulative[2 * p + 1] = total;
    }
    journeys = total;
  }

  /** @return the number of journeys N drawn per replicate */
  long journeys() {
    return journeys;
  }

  /** @return one replicate with N journeys, drawn from {@code rng} */
  PathCounts draw(SplittableRandom rng) {
    long[] drawn = new long[cumulative.length];
    for (long i = 0; i < journeys; i++) {
      drawn[cell(rng.nextLong(journeys))]++;
    }
    TreeMap<Path, PathStats> out = new TreeMap<>();
    for (int p = 0; p < paths.size(); p++) {
      long conv = drawn[2 * p];
      long nulls = drawn[2 * p + 1];
      if (conv == 0 && nulls == 0) {
        continue;
      }
      PathStats s = stats.get(p);
      BigDecimal value = conv == 0 || s.value().signum() == 0 ? BigDecimal.ZERO
          : s.value().multiply(BigDecimal.valueOf(conv)).divide(BigDecimal.valueOf(s.conversions()),
              MathContext.DECIMAL128);
      out.put(paths.get(p), new PathStats(conv, value, nulls));
    }
    return new PathCounts(out);
  }

  /** @return the first cell whose cumulative count exceeds {@code r} */
  private int cell(long r) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > r) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
