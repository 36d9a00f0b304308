package io.tributary.core.window;

import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.shapley.ShapleyModel;
import io.tributary.core.paths.ChannelDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a windowed run credits journeys with models fitted on a fitting window that holds them: the one rule both the
 * all-customer rows and every segment value of a date use (see {@code docs/models.md}).
 *
 * <ul>
 *   <li>Models whose credit is a sum over journeys (the rule models, {@code time_decay}, {@code shapley_simplified})
 *       credit the journeys themselves: nothing is fitted.
 *   <li>Per-set {@code shapley} credits each journey by the game of its channel set played on the fitting window's
 *       conversion rates and values ({@link ShapleyModel#creditFrom}): still a sum over journeys, so a date's credit
 *       reconciles with its own conversions and value and adds up over dates.
 *   <li>{@code markov} and {@code shapley_cumulative} have no per-journey credit (a removal effect or a cumulative
 *       game is a property of the whole chain or of all sets together): the journeys' attributed conversions and
 *       value are split by the fitted credit's shares.
 * </ul>
 * When the fitting window is the journeys themselves, every model is simply fitted on them.
 */
public final class FittedCredit {
  /** The models fitted on the fitting window. */
  public static final Set<String> FITTED_MODELS = Set.of("markov", "shapley", "shapley_cumulative");

  private FittedCredit() {}

  /**
   * @param own the journeys credited
   * @param fitted the fitting window's journeys, {@code own} among them ({@code own} itself for a one-day window)
   * @param models the models, in output order
   * @param options the bootstrap settings of a fit on {@code own} itself, or null for none (a fit on a longer window
   *     has no interval: the split of a fit is not resampled)
   * @return each model's credit of {@code own}, in model order
   */
  public static List<ModelResult> credit(JourneyAggregate own, JourneyAggregate fitted,
      List<AttributionModel> models, ModelOptions options) {
    if (own == fitted) {
      return options == null ? AttributionRun.fit(own, models) : AttributionRun.fit(own, models, options);
    }
    List<AttributionModel> ownModels = new ArrayList<>();
    for (AttributionModel m : models) {
      if (!FITTED_MODELS.contains(m.name())) {
        ownModels.add(m);
      }
    }
    List<ModelResult> ownResults = options == null ? AttributionRun.fit(own, ownModels)
        : AttributionRun.fit(own, ownModels, options);
    List<ModelResult> results = new ArrayList<>();
    int next = 0;
    for (AttributionModel m : models) {
      if (m instanceof ShapleyModel shapley) {
        results.add(listing(shapley.creditFrom(fitted.paths(), own.paths()).reported(), own));
      } else if (FITTED_MODELS.contains(m.name())) {
        results.add(split(AttributionRun.fit(fitted, List.of(m)).get(0), fitted, own));
      } else {
        results.add(ownResults.get(next++));
      }
    }
    return results;
  }

  /*
   * The journeys' attributed conversions and value split by the fitted credit's shares. Touchless conversions are not
   * in a model's credit (they are the (unattributed) row), so the totals split are the attributed paths' own.
   */
  private static ModelResult split(ModelResult fit, JourneyAggregate fitted, JourneyAggregate own) {
    double fitConversions = fitted.paths().conversions();
    double fitValue = fitted.paths().value().doubleValue();
    double conversionScale = fitConversions == 0 ? 0 : own.paths().conversions() / fitConversions;
    double valueScale = fitValue == 0 ? 0 : own.paths().value().doubleValue() / fitValue;
    List<ChannelCredit> scaled = new ArrayList<>();
    for (ChannelCredit c : fit.credits()) {
      ChannelCredit s = new ChannelCredit(c.channel(), c.conversions() * conversionScale, c.value() * valueScale);
      if (c.sampled()) {
        s = s.withSamplingError(c.samplingError() * conversionScale, c.valueSamplingError() * valueScale);
      }
      scaled.add(s);
    }
    return listing(new ModelResult(fit.model(), scaled), own);
  }

  /* Every channel of the journeys credited is listed (zero when the fit gave it none), as a fit on them lists it. */
  private static ModelResult listing(ModelResult result, JourneyAggregate own) {
    TreeMap<String, ChannelCredit> credits = new TreeMap<>();
    for (ChannelCredit c : result.credits()) {
      credits.put(c.channel(), c);
    }
    for (String channel : ChannelDictionary.of(own.paths()).names()) {
      credits.putIfAbsent(channel, new ChannelCredit(channel, 0, 0));
    }
    return new ModelResult(result.model(), new ArrayList<>(credits.values()));
  }
}
