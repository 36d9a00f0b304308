package io.tributary.core.lifetime;

import io.tributary.core.clv.ClvException;
import io.tributary.core.clv.ClvOptions;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.bootstrap.PathBootstrap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 95 % bootstrap intervals of each channel's credited lifetime value ({@code --bootstrap N --seed S} with
 * {@code --clv}): each replicate draws the run's N buyers with replacement (a buyer's purchases and acquisition journey
 * go together), <b>refits</b> BG/NBD and Gamma-Gamma on the draw, values it and splits it by channel under every model
 * as the point estimate does; a channel's interval is the 2.5th to 97.5th percentile of its replicate values
 * ({@link PathBootstrap#quantile}).
 *
 * <p>Why a refit per replicate (docs/models.md): the cheaper scheme keeps the fit fixed and resamples only who is
 * valued, which leaves out the parameters' own uncertainty — the larger part on the small or short-window data where
 * an interval matters most. A refit costs about one fit per replicate (with the warm starts of
 * {@code MaximumLikelihood}, about a second per million buyers).
 *
 * <p>Determinism: buyers are drawn from a canonical order (by purchases, then acquisition path, then journey
 * weights), not an engine's reading order, and replicate r uses the r-th split of {@code SplittableRandom(seed)}; so
 * the intervals are the same bits in every engine. A replicate whose fit fails (a draw without a maximum) is left out
 * and counted.
 */
final class LifetimeBootstrap {
  private LifetimeBootstrap() {}

  /** The intervals, per row of the point estimate (in its order; null ends when no replicate could be fitted). */
  record Intervals(double[] low, double[] high, int failed) {}

  static Intervals intervals(ChannelLifetimeValue point, JourneyAggregate aggregate, List<AttributionModel> models,
      LifetimeTally buyers, LocalDate end, ClvOptions options, SpendTable spend,
      int replicates, long seed) {
    int n = buyers.size();
    int[] order = canonicalOrder(buyers);
    List<ChannelLifetimeValueRow> rows = point.rows();
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      rowOf.put(rows.get(i).model() + '\u0000' + rows.get(i).channel(), i);
    }
    double[][] draws = new double[rows.size()][replicates];
    int done = 0;
    int failed = 0;
    SplittableRandom root = new SplittableRandom(seed);
    for (int r = 0; r < replicates; r++) {
      SplittableRandom random = root.split();
      int[] weight = new int[n];
      for (int k = 0; k < n; k++) {
        weight[order[random.nextInt(n)]]++;
      }
      ChannelLifetimeValue replicate;
      try {
        LifetimeFit fit = LifetimeFit.of(buyers, weight, end, options);
        replicate = ChannelLifetimeValue.split(aggregate, models, buyers, weight, fit.patternValues(buyers), fit,
            spend);
      } catch (ClvException e) {
        failed++;
        continue;
      }
      for (ChannelLifetimeValueRow row : replicate.rows()) {
        Integer i = rowOf.get(row.model() + '\u0000' + row.channel());
        if (i != null) {
          draws[i][done] = row.lifetimeValue(); // a row the replicate lacks keeps 0: nothing credited there
        }
      }
      done++;
    }
    double[] low = new double[rows.size()];
    double[] high = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      if (done == 0) {
        low[i] = Double.NaN;
        high[i] = Double.NaN;
        continue;
      }
      double[] x = Arrays.copyOf(draws[i], done);
      Arrays.sort(x);
      low[i] = PathBootstrap.quantile(x, (1 - PathBootstrap.LEVEL) / 2);
      high[i] = PathBootstrap.quantile(x, 1 - (1 - PathBootstrap.LEVEL) / 2);
    }
    return new Intervals(low, high, failed);
  }

  /* Buyers sorted by their content; equal buyers are interchangeable, so ties need no order. */
  private static int[] canonicalOrder(LifetimeTally buyers) {
    int patterns = buyers.patterns();
    Integer[] byPattern = new Integer[patterns];
    for (int p = 0; p < patterns; p++) {
      byPattern[p] = p;
    }
    Comparator<LifetimeTally.Purchases> purchases = Comparator.comparingLong(LifetimeTally.Purchases::firstDay)
        .thenComparing(LifetimeTally.Purchases::inDays, Comparator.comparingInt(CustomerSummary::frequency)
            .thenComparingDouble(CustomerSummary::recency).thenComparingDouble(CustomerSummary::age)
            .thenComparingInt(CustomerSummary::valuedRepeats)
            .thenComparingDouble(CustomerSummary::meanRepeatValue))
        .thenComparing(LifetimeTally.Purchases::repeatDays, Arrays::compare);
    Arrays.sort(byPattern, (a, b) -> purchases.compare(buyers.pattern(a), buyers.pattern(b)));
    int[] patternRank = new int[patterns];
    for (int r = 0; r < patterns; r++) {
      patternRank[byPattern[r]] = r;
    }
    Integer[] idx = new Integer[buyers.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> {
      int c = Integer.compare(patternRank[buyers.patternId(a)], patternRank[buyers.patternId(b)]);
      if (c != 0) {
        return c;
      }
      io.tributary.core.paths.Path pa = buyers.acquisitionPath(a);
      io.tributary.core.paths.Path pb = buyers.acquisitionPath(b);
      if (pa == null || pb == null) {
        return pa == null ? (pb == null ? 0 : -1) : 1;
      }
      c = pa.compareTo(pb);
      if (c != 0) {
        return c;
      }
      return Arrays.compare(weights(buyers, a), weights(buyers, b));
    });
    int[] out = new int[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  private static double[] weights(LifetimeTally buyers, int i) {
    List<Double> w = new ArrayList<>();
    int channels = buyers.acquisitionChannels(i).size();
    for (int m = 0; m < buyers.journeyModels(); m++) {
      for (int k = 0; k < channels; k++) {
        w.add(buyers.weight(i, m, k));
      }
    }
    return w.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
