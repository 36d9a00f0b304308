package io.tributary.core.model.shapley;

import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.ModelResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fitted {@code shapley} model with its diagnostics: how many per-set games were solved exactly and how many were
 * sampled, and the standard error that sampling leaves in each channel's credit.
 *
 * @param result the credit per channel
 * @param conversionsError per channel, the standard error of its attributed conversions; 0 when every game it plays
 *     in was solved exactly. Errors of different games are independent and add in quadrature
 * @param valueError per channel, the standard error of its attributed value, likewise
 * @param exactGames channel sets whose game was solved exactly
 * @param sampledGames channel sets larger than the exact limit, whose game was estimated by permutation sampling
 */
public record ShapleyFit(
    ModelResult result,
    SortedMap<String, Double> conversionsError,
    SortedMap<String, Double> valueError,
    int exactGames,
    int sampledGames) {
  public ShapleyFit {
    Objects.requireNonNull(result, "result");
    conversionsError = Collections.unmodifiableSortedMap(new TreeMap<>(conversionsError));
    valueError = Collections.unmodifiableSortedMap(new TreeMap<>(valueError));
    if (exactGames < 0 || sampledGames < 0) {
      throw new IllegalArgumentException("game counts must be >= 0");
    }
  }

  /**
   * @return the credit as reported: when any game was sampled, every channel's credit carries its standard errors
   *     (0 for a channel whose every game was solved exactly); otherwise the credit as it is
   */
  public ModelResult reported() {
    if (exact()) {
      return result;
    }
    List<ChannelCredit> credits = new ArrayList<>();
    for (ChannelCredit c : result.credits()) {
      credits.add(c.withSamplingError(conversionsError.getOrDefault(c.channel(), 0.0),
          valueError.getOrDefault(c.channel(), 0.0)));
    }
    return new ModelResult(result.model(), credits);
  }

  /** @return whether every game was solved exactly, so the credit carries no sampling error */
  public boolean exact() {
    return sampledGames == 0;
  }
}
