package io.tributary.core.clv;

import java.util.List;
import java.util.Objects;

/**
 * A maximum-likelihood Gamma-Gamma fit.
 *
 * @param model the fitted parameters
 * @param estimates p, q, gamma in that order ({@link GammaGamma#PARAMETERS}), each with its standard error
 * @param logLikelihood the maximised log-likelihood of the repeat customers' mean values (no constant dropped)
 * @param customers customers fitted on: those with at least one repeat purchase of value {@code > 0}
 */
public record GammaGammaFit(GammaGamma model, List<Estimate> estimates, double logLikelihood, int customers) {
  public GammaGammaFit {
    Objects.requireNonNull(model, "model");
    estimates = List.copyOf(estimates);
    if (estimates.size() != 3 || !Double.isFinite(logLikelihood)) {
      throw new IllegalArgumentException("a Gamma-Gamma fit has 3 estimates and a finite log-likelihood");
    }
  }

  /**
   * @param name {@code p}, {@code q} or {@code gamma}
   * @return that parameter's estimate
   * @throws IllegalArgumentException for another name
   */
  public Estimate estimate(String name) {
    for (Estimate e : estimates) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no Gamma-Gamma parameter \"" + name + "\" (p, q, gamma)");
  }
}
