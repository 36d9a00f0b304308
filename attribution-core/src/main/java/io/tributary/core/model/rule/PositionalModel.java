package io.tributary.core.model.rule;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathModel;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import io.tributary.core.paths.ScaledValues;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule model whose touch weights depend only on the path (positions and channel names), so it is fitted on distinct
 * paths: each path's conversions and value are split by the same weights however many journeys it holds.
 */
abstract class PositionalModel implements PathModel {
  /**
   * @param paths the aggregate's paths
   * @param p a path of it (at least one touch)
   * @return one weight per touch, each {@code >= 0}, summing to 1
   */
  final double[] weights(PathTable paths, int p) {
    double[] w = new double[paths.length(p)];
    weights(paths, p, w);
    return w;
  }

  /**
   * {@link #weights(PathTable, int)} written into {@code into[0, length(p))}, every slot of it set: the fits reuse
   * one array for every path instead of a new one per path and model (five models on a million paths of the
   * all-customer table, and again on every segment value's).
   *
   * @param into room for at least {@code paths.length(p)} weights; the rest is left alone
   */
  abstract void weights(PathTable paths, int p, double[] into);

  @Override
  public final boolean rule() {
    return true;
  }

  /**
   * Credit per channel, computed exactly and rounded once. A path's touches share its conversions and value by double
   * weights; per channel, the journeys and values met at each distinct weight are summed exactly (integers and
   * decimals), and only at the end is each sum multiplied by its weight, exactly, and the total rounded to the nearest
   * double. So a credit that is a plain sum of input values (first and last touch: weight 1) is that sum, written as
   * the input wrote it ({@code 1082173.56}, not {@code 1082173.5600000022} as summing doubles gave), and a share is
   * the exact product of the inputs and the weights, rounded once: the same bits whatever the order of the paths.
   */
  @Override
  public final ModelResult attribute(PathCounts counts) {
    PathTable paths = counts.table();
    return attribute(paths, null, paths.channels().names());
  }

  /**
   * Whether a touch of channel {@code name} weighs what a touch of {@code renamed} would in its place, every other
   * touch alike: true unless the weights read the names.
   */
  boolean sameWeights(String name, String renamed) {
    return true;
  }

  /*
   * The grouped aggregate's paths are this one's with each channel renamed and coinciding paths merged (their
   * conversions and values summed); a path's weights do not change (sameWeights), so each group's exact sums are its
   * channels' sums of the same terms, rounded once as attribute rounds them: the same bits.
   */
  @Override
  public final ModelResult attributeGrouped(PathCounts counts, int[] groupOf, List<String> groups) {
    PathTable paths = counts.table();
    for (int c = 0; c < groupOf.length; c++) {
      if (!sameWeights(paths.channels().name(c), groups.get(groupOf[c]))) {
        return null;
      }
    }
    LastSums fitted = last;
    if (fitted != null && fitted.table().get() == paths) {
      try {
        return grouped(fitted, groupOf, groups);
      } catch (ArithmeticException outOfRange) {
        // A group's sum left the 128-bit range or its credit the double range: the pass below sums decimals.
      }
    }
    return attribute(paths, groupOf, groups);
  }

  /*
   * The channel sums of the last table this model was fitted on (attribute, no map), held weakly with it: the channel
   * roll-up of a campaign-level run (attributeGrouped on the same table, right after) adds each channel's campaigns'
   * sums, weight by weight, instead of reading the million paths again. A group's sums are then the very sums the pass
   * makes (exact integers per weight), rounded once the same way: the same bits.
   */
  private volatile LastSums last;

  private record LastSums(java.lang.ref.WeakReference<PathTable> table, ScaledCredit[] sums, int scale) {}

  private ModelResult grouped(LastSums fitted, int[] groupOf, List<String> groups) {
    ScaledCredit[] byGroup = new ScaledCredit[groups.size()];
    ScaledCredit[] sums = fitted.sums();
    for (int c = 0; c < sums.length; c++) {
      if (sums[c] != null) {
        int g = groupOf[c];
        if (byGroup[g] == null) {
          byGroup[g] = new ScaledCredit();
        }
        byGroup[g].addAll(sums[c]);
      }
    }
    Map<String, double[]> byName = new HashMap<>();
    for (int g = 0; g < byGroup.length; g++) {
      if (byGroup[g] != null) {
        byName.put(groups.get(g), byGroup[g].credit(fitted.scale()));
      }
    }
    return ModelResult.of(name(), byName);
  }

  /* Credit to names.get(map[c]) for channel c (map null: to channel c's own name). */
  private ModelResult attribute(PathTable paths, int[] map, List<String> names) {
    ScaledValues scaled = paths.scaledValues();
    if (scaled != null) {
      try {
        return attributeScaled(paths, scaled, map, names);
      } catch (ArithmeticException outOfRange) {
        // A sum left the 128-bit range or a credit the normal double range: the decimal sums below give the same
        // exact answer.
      }
    }
    return attributeDecimal(paths, map, names);
  }

  /*
   * The same sums as attributeDecimal with each path's value a 128-bit integer of one scale (ScaledValues), and the
   * total per channel made in binary (ScaledCredit): the same exact sum rounded once to the nearest double, so the
   * same bits, at two long additions per touch instead of a BigDecimal one (a segmented run fits the rule models on
   * 1,000+ tables).
   */
  private ModelResult attributeScaled(PathTable paths, ScaledValues scaled, int[] map, List<String> names) {
    return scaledResult(scaledSums(List.of(this), paths, scaled, map, names.size())[0], paths, scaled, map, names);
  }

  /*
   * Each model's sums per credited name (map null: per channel) over one pass of the table: a path's touches, counts
   * and value read once for all the models.
   */
  private static ScaledCredit[][] scaledSums(List<PositionalModel> models, PathTable paths, ScaledValues scaled,
      int[] map, int names) {
    long[] high = scaled.high();
    long[] low = scaled.low();
    ScaledCredit[][] sums = new ScaledCredit[models.size()][names];
    double[] w = new double[16];
    for (int p = 0; p < paths.size(); p++) {
      long conversions = paths.conversions(p);
      if (conversions == 0 && high[p] == 0 && low[p] == 0) {
        continue;
      }
      int n = paths.length(p);
      if (w.length < n) {
        w = new double[Math.max(n, 2 * w.length)];
      }
      for (int m = 0; m < sums.length; m++) {
        models.get(m).weights(paths, p, w);
        ScaledCredit[] own = sums[m];
        for (int i = 0; i < n; i++) {
          int c = map == null ? paths.channel(p, i) : map[paths.channel(p, i)];
          if (own[c] == null) {
            own[c] = new ScaledCredit(); // a channel on a converting path is listed, with credit 0 if need be
          }
          if (w[i] != 0) {
            own[c].add(w[i], conversions, high[p], low[p]);
          }
        }
      }
    }
    return sums;
  }

  /* The credit of one model's sums, each rounded once; kept for attributeGrouped when they are per channel. */
  private ModelResult scaledResult(ScaledCredit[] sums, PathTable paths, ScaledValues scaled, int[] map,
      List<String> names) {
    Map<String, double[]> byName = new HashMap<>();
    for (int c = 0; c < sums.length; c++) {
      if (sums[c] != null) {
        byName.put(names.get(c), sums[c].credit(scaled.scale()));
      }
    }
    if (map == null) {
      last = new LastSums(new java.lang.ref.WeakReference<>(paths), sums, scaled.scale());
    }
    return ModelResult.of(name(), byName);
  }

  /**
   * {@link #attribute(PathCounts)} of several models on one table in one pass over its paths: each path's touches,
   * counts and value read once for all of them (a segmented run fits five of them on the all-customer table and
   * every segment value's). Each result is the one {@link #attribute(PathCounts)} gives, bit for bit: the same sums.
   */
  static List<ModelResult> attributeAll(List<PositionalModel> models, PathCounts counts) {
    PathTable paths = counts.table();
    ScaledValues scaled = paths.scaledValues();
    if (scaled != null && models.size() > 1) {
      try {
        return attributeAllScaled(models, paths, scaled);
      } catch (ArithmeticException outOfRange) {
        // As attribute: each model's decimal sums below.
      }
    }
    List<ModelResult> out = new java.util.ArrayList<>(models.size());
    for (PositionalModel m : models) {
      out.add(m.attribute(counts));
    }
    return out;
  }

  private static List<ModelResult> attributeAllScaled(List<PositionalModel> models, PathTable paths,
      ScaledValues scaled) {
    List<String> names = paths.channels().names();
    ScaledCredit[][] sums = scaledSums(models, paths, scaled, null, names.size());
    List<ModelResult> out = new java.util.ArrayList<>(models.size());
    for (int m = 0; m < models.size(); m++) {
      out.add(models.get(m).scaledResult(sums[m], paths, scaled, null, names));
    }
    return out;
  }

  private ModelResult attributeDecimal(PathTable paths, int[] map, List<String> names) {
    // Sums per channel id over the primitive table (no object per path); ModelResult sorts channels once at the end.
    ChannelSums[] sums = new ChannelSums[names.size()];
    double[] w = new double[16];
    for (int p = 0; p < paths.size(); p++) {
      BigDecimal v = paths.value(p);
      long conversions = paths.conversions(p);
      if (conversions == 0 && v.signum() == 0) {
        continue;
      }
      int n = paths.length(p);
      if (w.length < n) {
        w = new double[Math.max(n, 2 * w.length)];
      }
      weights(paths, p, w);
      for (int i = 0; i < n; i++) {
        int c = map == null ? paths.channel(p, i) : map[paths.channel(p, i)];
        if (sums[c] == null) {
          sums[c] = new ChannelSums(); // a channel on a converting path is listed, with credit 0 if need be
        }
        if (w[i] != 0) {
          sums[c].add(w[i], conversions, v);
        }
      }
    }
    Map<String, double[]> byName = new HashMap<>();
    for (int c = 0; c < sums.length; c++) {
      if (sums[c] != null) {
        byName.put(names.get(c), sums[c].credit());
      }
    }
    return ModelResult.of(name(), byName);
  }

  /** One channel's journeys and value by the weight they were credited at, values as decimals. */
  private static final class ChannelSums extends WeightSlots {
    private BigDecimal[] values = new BigDecimal[4];

    void add(double weight, long journeys, BigDecimal value) {
      int i = slot(weight);
      // Journeys: at most PathTotals.MAX_JOURNEYS in all, so no overflow.
      conversions[i] += journeys;
      values[i] = values[i].add(value);
    }

    @Override
    protected void grow(int capacity) {
      values = Arrays.copyOf(values, capacity);
    }

    @Override
    protected void open(int slot) {
      values[slot] = BigDecimal.ZERO;
    }

    /** @return conversions and value, each the exact sum over weights rounded once to a double */
    double[] credit() {
      return decimalCredit(i -> values[i]);
    }
  }
}
