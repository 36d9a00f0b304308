package io.tributary.core.model.shapley;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathValues;
import io.tributary.core.model.Revaluable;
import io.tributary.core.paths.PathCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code shapley}: a Shapley game per distinct channel set of the converting journeys (SPEC).
 *
 * <p>CR(T) = conversions / journeys over the journeys whose distinct channel set equals T (0 for a set never seen).
 * For each distinct set S with conversions, the channels of S play the game v(T) = CR(T), T ⊆ S; its Shapley values
 * φ^S sum to CR(S) and S's conversions go to its channels in proportion φ_c^S / CR(S), i.e. channel c gets
 * conversions(S)·φ_c^S/CR(S) = journeys(S)·φ_c^S. Value: the same game with v(T) = value per journey of T, played for
 * every S with value. A channel may get a negative share from a set (when it lowers the conversion rate of the sets
 * it joins); that is reported as it is. Channels seen only in sets without conversions get 0.
 *
 * <p>Games of up to {@code exactLimit} channels are solved exactly; larger ones are estimated from
 * {@code samples} random permutations drawn from a stream seeded by {@code seed}, and {@link #fit} reports the
 * standard error this leaves in each channel's credit. Results are identical on every run for the same input and
 * options.
 *
 * <p>Cost. Building the sets is linear in the touches of the distinct paths. A set S of n channels is solved with a
 * closed form over the seen sets inside it (see {@link SparseGame}), found either by enumerating S's 2^n subsets and
 * looking each up by hash, or by testing every set with a conversion for inclusion in S, whichever is fewer steps: at
 * most min(2^n, P) look-ups for P sets with conversions, plus the total size of the subsets found. A sampled game
 * costs O(samples · n).
 */
public final class ShapleyModel implements Revaluable {
  /** One hash look-up costs about this many bitwise inclusion tests (1 to 8 measured alike at 20 channels). */
  private static final int LOOKUP_COST = 4;

  /** How an exact game finds the seen sets inside its set; {@link #CHEAPER} in production, the others for tests. */
  enum SubsetSearch {
    /** Enumerate the 2^n subsets, looking each up by hash. */
    ENUMERATE,
    /** Test every set with a worth for inclusion. */
    SCAN,
    /** Whichever of the two takes fewer steps for the game at hand. */
    CHEAPER
  }

  private final int exactLimit;
  private final int samples;
  private final long seed;
  private final SubsetSearch search;

  /**
   * @param exactLimit largest set, in distinct channels, solved exactly; 1 to 26
   * @param samples permutations per sampled game, {@code >= 1}; with 1 the standard error is not defined (NaN)
   * @param seed seed of the sampling
   * @throws IllegalArgumentException for values out of range
   */
  public ShapleyModel(int exactLimit, int samples, long seed) {
    this(exactLimit, samples, seed, SubsetSearch.CHEAPER);
  }

  ShapleyModel(int exactLimit, int samples, long seed, SubsetSearch search) {
    if (exactLimit < 1 || exactLimit > HarsanyiShapley.MAX_PLAYERS) {
      throw new IllegalArgumentException("Shapley exact limit must be 1 to 26, got " + exactLimit);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("Shapley samples must be > 0, got " + samples);
    }
    this.exactLimit = exactLimit;
    this.samples = samples;
    this.seed = seed;
    this.search = search;
  }

  @Override
  public String name() {
    return "shapley";
  }

  @Override
  public ModelResult attribute(PathCounts counts) {
    // SPEC: sampled "with a stated error": a sampled fit's credit carries its standard errors into the output.
    return fit(counts).reported();
  }

  /**
   * @param counts distinct paths; may be empty
   * @return the credit per channel of the data, with the sampling diagnostics
   */
  public ShapleyFit fit(PathCounts counts) {
    return fit(ChannelSets.of(counts), null);
  }

  /** The fit's channel sets are kept; only their values, and so the value games, change. */
  @Override
  public List<ModelResult> attributeRevalued(PathCounts counts, List<PathValues> pathValues) {
    List<ModelResult> out = new ArrayList<>(pathValues.size());
    for (PathValues v : pathValues) {
      out.add(fit(ChannelSets.revalued(counts, v), null).reported());
    }
    return out;
  }

  /**
   * The credit of {@code own}'s journeys under the games fitted on {@code fitted} (a windowed run's fitting window,
   * see docs/models.md): each converting journey of {@code own} splits its conversion, and its value, among its
   * channels in the proportions φ_c^S / v(S) of its channel set S's game as {@code fitted} plays it. Summed over
   * {@code own}'s sets, channel c gets conversions_own(S)·φ_c^S/CR_fitted(S), the per-set model's own formula with the
   * fitted game's shares; when {@code own} is {@code fitted}, exactly {@link #fit}. So credit stays per journey: a
   * window's journeys are credited, not its totals split, and daily credit adds up over dates for one fitted game.
   *
   * @param fitted the fitting window's paths: the games are played on its conversion rates and values
   * @param own the paths credited; every channel set of them with conversions or value must be one of
   *     {@code fitted}'s (a fitting window holds its report date)
   * @return the credit of {@code own}, with the sampling diagnostics of the games played
   * @throws IllegalArgumentException when a credited set of {@code own} is not in {@code fitted}
   */
  public ShapleyFit creditFrom(PathCounts fitted, PathCounts own) {
    ChannelSets o = ChannelSets.of(own);
    Map<List<String>, double[]> bySet = new java.util.HashMap<>();
    for (int i = 0; i < o.size(); i++) {
      if (o.conversions[i] > 0 || o.value[i] > 0) {
        bySet.put(names(o, i), new double[] {o.conversions[i], o.value[i]});
      }
    }
    ShapleyFit fit = fit(ChannelSets.of(fitted), bySet);
    if (!bySet.isEmpty()) {
      throw new IllegalArgumentException("channel sets credited but not in the fitting window: " + bySet.keySet());
    }
    return fit;
  }

  private static List<String> names(ChannelSets sets, int i) {
    List<String> out = new ArrayList<>(sets.ids[i].length);
    for (int id : sets.ids[i]) {
      out.add(sets.dictionary.name(id));
    }
    return out;
  }

  /*
   * The games of `counts`' sets. own == null: each set credits its own journeys (weight journeys(S) on φ^S, SPEC).
   * Otherwise each set with an entry in `own` (conversions, value) credits those: weight conversions_own(S)/CR(S) on
   * the conversion game, value_own(S)/VPJ(S) on the value game; sets without one are not played. Entries used are
   * removed, so what is left was not found.
   */
  private ShapleyFit fit(ChannelSets sets, Map<List<String>, double[]> own) {
    int channels = sets.channels();
    int[] pool = worthSets(sets);
    SubsetIndex index = new SubsetIndex(sets, pool);
    double[] conv = new double[channels];
    double[] value = new double[channels];
    double[] convVar = new double[channels];
    double[] valueVar = new double[channels];
    SplittableRandom root = new SplittableRandom(seed);
    int exact = 0;
    int sampled = 0;
    Workspace ws = new Workspace(channels);
    for (int s : pool) {
      int[] members = sets.ids[s];
      int n = members.length;
      double convWeight = sets.conversions[s] > 0 ? sets.journeys[s] : 0;
      double valueWeight = sets.value[s] > 0 ? sets.journeys[s] : 0;
      if (own != null) {
        double[] credited = own.remove(names(sets, s));
        if (credited == null) {
          if (n > exactLimit) {
            root.split(); // the next sampled game draws what it draws in fit(counts)
          }
          continue;
        }
        convWeight = credited[0] > 0 ? credited[0] / sets.conversionRate(s) : 0;
        valueWeight = credited[1] > 0 ? credited[1] / sets.valuePerJourney(s) : 0;
      }
      boolean playConversions = convWeight != 0;
      boolean playValue = valueWeight != 0;
      if (n <= exactLimit) {
        double[][] phi = solveExact(sets, index, pool, s, ws);
        exact++;
        for (int c = 0; c < n; c++) {
          if (playConversions) {
            conv[members[c]] += convWeight * phi[0][c];
          }
          if (playValue) {
            value[members[c]] += valueWeight * phi[1][c];
          }
        }
      } else {
        PermutationSampler.Estimate e = PermutationSampler.sample(sets, index, s, samples, root.split());
        sampled++;
        for (int c = 0; c < n; c++) {
          if (playConversions) {
            conv[members[c]] += convWeight * e.conversionRate()[c];
            double err = convWeight * e.conversionRateError()[c];
            convVar[members[c]] += err * err;
          }
          if (playValue) {
            value[members[c]] += valueWeight * e.value()[c];
            double err = valueWeight * e.valueError()[c];
            valueVar[members[c]] += err * err;
          }
        }
      }
    }
    Map<String, double[]> credit = new TreeMap<>();
    TreeMap<String, Double> convErr = new TreeMap<>();
    TreeMap<String, Double> valueErr = new TreeMap<>();
    for (int c = 0; c < channels; c++) {
      String name = sets.dictionary.name(c);
      credit.put(name, new double[] {conv[c], value[c]});
      convErr.put(name, Math.sqrt(convVar[c]));
      valueErr.put(name, Math.sqrt(valueVar[c]));
    }
    return new ShapleyFit(ModelResult.of(name(), credit), convErr, valueErr, exact, sampled);
  }

  /** @return the sets with a non-zero worth in either game (conversions or value), in set order */
  private static int[] worthSets(ChannelSets sets) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      if (sets.conversions[i] > 0 || sets.value[i] > 0) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @return φ of the conversion-rate game and of the value-per-journey game on set {@code s}, per member of s
   */
  private double[][] solveExact(ChannelSets sets, SubsetIndex index, int[] pool, int s, Workspace ws) {
    int[] members = sets.ids[s];
    int n = members.length;
    SparseGame cr = new SparseGame(n);
    SparseGame vpj = new SparseGame(n);
    int[] local = ws.local;
    boolean enumerate = switch (search) {
      case ENUMERATE -> true;
      case SCAN -> false;
      case CHEAPER -> (1L << n) * LOOKUP_COST < pool.length;
    };
    if (enumerate) {
      // Walk S's subsets in Gray-code order: each step toggles one member, so bits and hash update in O(1).
      long[] words = new long[sets.words[s].length];
      long h = 0;
      int mask = 0;
      for (int step = 1; step < (1 << n); step++) {
        int bit = Integer.numberOfTrailingZeros(step);
        int id = members[bit];
        mask ^= 1 << bit;
        words[id >>> 6] ^= 1L << id;
        h ^= sets.keys[id];
        int u = index.find(h, words);
        if (u >= 0) {
          int count = 0;
          for (int m = mask; m != 0; m &= m - 1) {
            local[count++] = Integer.numberOfTrailingZeros(m);
          }
          cr.add(local, count, sets.conversionRate(u));
          vpj.add(local, count, sets.valuePerJourney(u));
        }
      }
    } else {
      int[] localOf = ws.localOf;
      for (int i = 0; i < n; i++) {
        localOf[members[i]] = i;
      }
      for (int u : pool) {
        int[] ids = sets.ids[u];
        if (ids.length > n) {
          break; // pool is ordered by size
        }
        if (sets.isSubset(u, s)) {
          for (int i = 0; i < ids.length; i++) {
            local[i] = localOf[ids[i]];
          }
          cr.add(local, ids.length, sets.conversionRate(u));
          vpj.add(local, ids.length, sets.valuePerJourney(u));
        }
      }
    }
    return new double[][] {cr.values(), vpj.values()};
  }

  /** Scratch arrays reused across games. */
  private static final class Workspace {
    final int[] local;
    final int[] localOf;

    Workspace(int channels) {
      local = new int[Math.max(1, channels)];
      localOf = new int[Math.max(1, channels)];
      Arrays.fill(localOf, -1);
    }
  }

  @Override
  public String toString() {
    return "shapley(exactLimit=" + exactLimit + ", samples=" + samples + ", seed=" + seed + ")";
  }
}
