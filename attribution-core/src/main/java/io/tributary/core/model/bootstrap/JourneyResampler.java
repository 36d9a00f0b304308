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
 * <p>Cost per replicate: N draws in O(1) each from an alias table (Walker/Vose) over the cells (path, converted?),
 * built once in O(P) for P distinct paths, plus O(P) to build the replicate. The table is built in integer arithmetic
 * (each of the K columns holds N units, a cell with n journeys gets n·K of them), so every draw picks a journey with
 * probability exactly 1/N: no rounding of probabilities. Deterministic: the same generator state gives the same
 * replicate.
 */
final class JourneyResampler {
  private final List<Path> paths = new ArrayList<>();
  private final List<PathStats> stats = new ArrayList<>();
  /** Per column: cell 2p = conversions of path p, 2p+1 = its nulls, only cells with journeys. */
  private final int[] cell;
  /** Per column: a uniform draw r in [0, N) below this keeps the column's cell, otherwise takes {@link #alias}. */
  private final long[] threshold;
  private final int[] alias;
  private final long journeys;
  private final PathCounts source;

  JourneyResampler(PathCounts counts) {
    source = counts;
    for (Map.Entry<Path, PathStats> e : counts.byPath().entrySet()) {
      paths.add(e.getKey());
      stats.add(e.getValue());
    }
    List<long[]> cells = new ArrayList<>();
    long total = 0;
    for (int p = 0; p < paths.size(); p++) {
      PathStats s = stats.get(p);
      if (s.conversions() > 0) {
        cells.add(new long[] {2L * p, s.conversions()});
      }
      if (s.nulls() > 0) {
        cells.add(new long[] {2L * p + 1, s.nulls()});
      }
      total = Math.addExact(total, s.journeys());
    }
    journeys = total;
    int k = cells.size();
    cell = new int[k];
    threshold = new long[k];
    alias = new int[k];
    long[] units = new long[k];
    int[] small = new int[k];
    int[] large = new int[k];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < k; i++) {
      cell[i] = (int) cells.get(i)[0];
      units[i] = Math.multiplyExact(cells.get(i)[1], (long) k);
      if (units[i] < total) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    // Vose: fill each under-full column with units of an over-full one. Sums stay exact integers, so the columns left
    // at the end hold exactly N units each and keep their own cell.
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      threshold[s] = units[s];
      alias[s] = l;
      units[l] -= total - units[s];
      if (units[l] < total) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      int l = large[--nl];
      threshold[l] = total;
      alias[l] = l;
    }
    while (ns > 0) {
      int s = small[--ns];
      threshold[s] = total;
      alias[s] = s;
    }
  }

  /** @return the number of journeys N drawn per replicate */
  long journeys() {
    return journeys;
  }

  /** @return the number of alias-table columns K (cells holding journeys) */
  int columns() {
    return cell.length;
  }

  /**
   * @param column a column, uniform in {@code [0, K)}
   * @param r a unit of the column, uniform in {@code [0, N)}
   * @return the drawn cell: 2p for a conversion of path p, 2p+1 for a null
   */
  int pick(int column, long r) {
    return cell[r < threshold[column] ? column : alias[column]];
  }

  /** @return one replicate with N journeys, drawn from {@code rng} */
  PathCounts draw(SplittableRandom rng) {
    long[] drawn = new long[2 * paths.size()];
    for (long i = 0; i < journeys; i++) {
      drawn[pick(rng.nextInt(cell.length), rng.nextLong(journeys))]++;
    }
    // The replicate keeps the data's paths (a subset, same order): only new stats, nothing sorted or looked up again.
    long[] conversions = new long[paths.size()];
    long[] nulls = new long[paths.size()];
    BigDecimal[] values = new BigDecimal[paths.size()];
    for (int p = 0; p < paths.size(); p++) {
      long conv = drawn[2 * p];
      conversions[p] = conv;
      nulls[p] = drawn[2 * p + 1];
      PathStats s = stats.get(p);
      values[p] = conv == 0 || s.value().signum() == 0 ? BigDecimal.ZERO
          : conv == s.conversions() ? s.value()
          : s.value().multiply(BigDecimal.valueOf(conv)).divide(BigDecimal.valueOf(s.conversions()),
              MathContext.DECIMAL128);
    }
    return source.withStats(conversions, values, nulls);
  }
}
