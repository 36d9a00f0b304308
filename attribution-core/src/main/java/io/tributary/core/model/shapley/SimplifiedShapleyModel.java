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
 * {@code shapley_simplified} (Zhao et al. 2018, "Shapley value methods for attribution modeling in online
 * advertising"; the Ads Data Hub variant): v(S) = conversions of the journeys whose distinct channel set is a subset of
 * S. Its dividends are the conversions of each exact set, so φ_c = Σ_{T ∋ c} conversions(T)/|T|: each converting
 * journey split evenly over its distinct channels. Value likewise, with v(S) = value of those journeys. The credit is φ
 * itself and sums to the totals without rescaling.
 */
public final class SimplifiedShapleyModel implements Revaluable {
  @Override
  public String name() {
    return "shapley_simplified";
  }

  @Override
  public ModelResult attribute(PathCounts counts) {
    return attribute(ChannelSets.of(counts));
  }

  /** The fit's channel sets are kept; only their values, and so the value game, change. */
  @Override
  public List<ModelResult> attributeRevalued(PathCounts counts, List<PathValues> pathValues) {
    List<ModelResult> out = new ArrayList<>(pathValues.size());
    for (PathValues v : pathValues) {
      out.add(attribute(ChannelSets.revalued(counts, v)));
    }
    return out;
  }

  private ModelResult attribute(ChannelSets sets) {
    double[] conv = UnanimitySum.values(sets, (s, t) -> s.conversions[t]);
    double[] value = UnanimitySum.values(sets, (s, t) -> s.value[t]);
    Map<String, double[]> credit = new TreeMap<>();
    for (int c = 0; c < sets.channels(); c++) {
      credit.put(sets.dictionary.name(c), new double[] {conv[c], value[c]});
    }
    return ModelResult.of(name(), credit);
  }
}
