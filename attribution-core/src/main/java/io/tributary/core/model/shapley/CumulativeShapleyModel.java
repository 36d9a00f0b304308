package io.tributary.core.model.shapley;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathValues;
import io.tributary.core.model.Revaluable;
import io.tributary.core.paths.PathCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code shapley_cumulative}: one game over all channels with v(S) = Σ_{T ⊆ S} CR(T), CR(T) the conversion rate of
 * the journeys whose distinct channel set equals T (SPEC); channel c gets total conversions × φ_c/Σφ. Value: the same
 * with value per journey in place of CR, scaled to the total value.
 *
 * <p>The dividends of v are CR itself, so φ_c = Σ_{T ∋ c} CR(T)/|T| exactly (see {@link UnanimitySum}): linear in the
 * total size of the distinct sets, exact for any number of channels. Every φ is {@code >= 0}. When the data have no
 * conversions (or no value) every channel gets 0 of it.
 */
public final class CumulativeShapleyModel implements Revaluable {
  @Override
  public String name() {
    return "shapley_cumulative";
  }

  @Override
  public ModelResult attribute(PathCounts counts) {
    return attribute(ChannelSets.of(counts), counts.conversions(), counts.value().doubleValue());
  }

  /** The fit's channel sets are kept; only their values, and so the value game, change. */
  @Override
  public List<ModelResult> attributeRevalued(PathCounts counts, List<PathValues> pathValues) {
    List<ModelResult> out = new ArrayList<>(pathValues.size());
    for (PathValues v : pathValues) {
      // The exact total of the values: the same number, so the same double, as the revalued table's total value.
      out.add(attribute(ChannelSets.revalued(counts, v), counts.conversions(), v.total().doubleValue()));
    }
    return out;
  }

  private ModelResult attribute(ChannelSets sets, long conversions, double totalValue) {
    double[] conv = scaled(UnanimitySum.values(sets, ChannelSets::conversionRate), conversions);
    double[] value = scaled(UnanimitySum.values(sets, ChannelSets::valuePerJourney), totalValue);
    Map<String, double[]> credit = new TreeMap<>();
    for (int c = 0; c < sets.channels(); c++) {
      credit.put(sets.dictionary.name(c), new double[] {conv[c], value[c]});
    }
    return ModelResult.of(name(), credit);
  }

  private static double[] scaled(double[] phi, double total) {
    double sum = 0;
    for (double p : phi) {
      sum += p;
    }
    double[] out = new double[phi.length];
    if (sum > 0) {
      for (int c = 0; c < phi.length; c++) {
        out[c] = total * (phi[c] / sum);
      }
    }
    return out;
  }
}
