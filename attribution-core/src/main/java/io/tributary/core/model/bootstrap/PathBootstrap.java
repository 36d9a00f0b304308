package io.tributary.core.model.bootstrap;

import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathModel;
import io.tributary.core.paths.ChannelDictionary;
import io.tributary.core.paths.PathCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * 95 % bootstrap percentile intervals of each channel's attributed conversions under path models (rule models,
 * Markov, Shapley).
 *
 * <p>Each replicate resamples the journeys ({@link JourneyResampler}: N journeys with replacement, as units) and refits
 * every model on it; a channel's interval runs from the 2.5th to the 97.5th percentile of its R replicate credits
 * (linear interpolation between order statistics: the q-quantile of sorted x_0..x_{R−1} is x at rank q·(R−1)). A
 * channel absent from a replicate has credit 0 there. All models see the same replicates, so their intervals are
 * comparable and the resampling is paid once.
 *
 * <p>Determinism: replicate r draws from the r-th {@link SplittableRandom#split()} of a generator seeded with
 * {@code seed}, in order, so the intervals are identical on every run for the same data, models and seed.
 *
 * <p>Cost: R × (O(N log P) to draw N journeys over P distinct paths + the models' fit times); memory R doubles per
 * model and channel. Journey models (time decay) get no interval: they are folded from the journeys themselves, which
 * a path aggregate no longer holds, so their credits carry none (NaN ends).
 */
public final class PathBootstrap {
  /** Two-sided level of the intervals. */
  public static final double LEVEL = 0.95;

  private PathBootstrap() {}

  /**
   * @param counts the data
   * @param models path models to refit; their names must be distinct
   * @param replicates R, {@code >= 1}
   * @param seed seed of the resampling
   * @return per model name (in the given order), per channel of {@code counts} (sorted), its interval
   * @throws IllegalArgumentException when {@code replicates < 1}
   */
  public static Map<String, SortedMap<String, ConfidenceInterval>> intervals(
      PathCounts counts, List<? extends PathModel> models, int replicates, long seed) {
    if (replicates < 1) {
      throw new IllegalArgumentException("bootstrap replicates must be >= 1, got " + replicates);
    }
    List<String> channels = ChannelDictionary.of(counts).names();
    Map<String, Integer> column = new TreeMap<>();
    for (int c = 0; c < channels.size(); c++) {
      column.put(channels.get(c), c);
    }
    double[][][] draws = new double[models.size()][channels.size()][replicates];
    JourneyResampler resampler = new JourneyResampler(counts);
    SplittableRandom root = new SplittableRandom(seed);
    for (int r = 0; r < replicates; r++) {
      PathCounts replicate = resampler.draw(root.split());
      for (int m = 0; m < models.size(); m++) {
        for (ChannelCredit credit : models.get(m).attribute(replicate).credits()) {
          Integer c = column.get(credit.channel());
          if (c == null) {
            throw new IllegalStateException(
                "model " + models.get(m).name() + " credited " + credit.channel() + ", which is on no path");
          }
          draws[m][c][r] = credit.conversions();
        }
      }
    }
    Map<String, SortedMap<String, ConfidenceInterval>> out = new LinkedHashMap<>();
    for (int m = 0; m < models.size(); m++) {
      TreeMap<String, ConfidenceInterval> byChannel = new TreeMap<>();
      for (int c = 0; c < channels.size(); c++) {
        double[] x = draws[m][c];
        Arrays.sort(x);
        byChannel.put(channels.get(c),
            new ConfidenceInterval(quantile(x, (1 - LEVEL) / 2), quantile(x, 1 - (1 - LEVEL) / 2)));
      }
      if (out.put(models.get(m).name(), Collections.unmodifiableSortedMap(byChannel)) != null) {
        throw new IllegalArgumentException("model " + models.get(m).name() + " given twice");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Fits the path models' intervals and attaches them to their results.
   *
   * @param results fitted results of any models; those of a path model in {@code models} get intervals
   * @return the results in the same order, path models' credits with {@code ciLow}/{@code ciHigh}
   */
  public static List<ModelResult> attach(List<ModelResult> results, PathCounts counts,
      List<? extends PathModel> models, int replicates, long seed) {
    Map<String, SortedMap<String, ConfidenceInterval>> ci = intervals(counts, models, replicates, seed);
    List<ModelResult> out = new ArrayList<>(results.size());
    for (ModelResult r : results) {
      SortedMap<String, ConfidenceInterval> byChannel = ci.get(r.model());
      if (byChannel == null) {
        out.add(r);
        continue;
      }
      List<ChannelCredit> credits = new ArrayList<>(r.credits().size());
      for (ChannelCredit c : r.credits()) {
        ConfidenceInterval i = byChannel.get(c.channel());
        credits.add(i == null ? c : c.withInterval(i.low(), i.high()));
      }
      out.add(new ModelResult(r.model(), credits));
    }
    return List.copyOf(out);
  }

  /**
   * @return the q-quantile of sorted {@code x}, interpolating linearly between order statistics (the rule of every
   *     bootstrap interval of the core)
   */
  public static double quantile(double[] x, double q) {
    double rank = q * (x.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, x.length - 1);
    return x[lo] + (rank - lo) * (x[hi] - x[lo]);
  }
}
