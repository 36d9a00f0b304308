package io.tributary.core.clv;

import java.util.List;
import java.util.Objects;

/**
 * A maximum-likelihood BG/NBD fit.
 *
 * @param model the fitted parameters
 * @param estimates r, alpha, a, b in that order ({@link BgNbd#PARAMETERS}), each with its standard error
 * @param logLikelihood the maximised log-likelihood of the whole population ([1] eq. 6 summed; no constant dropped)
 * @param customers customers fitted on
 * @param repeatCustomers of them, customers with at least one repeat purchase
 */
public record BgNbdFit(BgNbd model, List<Estimate> estimates, double logLikelihood, int customers,
    int repeatCustomers) {
  public BgNbdFit {
    Objects.requireNonNull(model, "model");
    estimates = List.copyOf(estimates);
    if (estimates.size() != 4 || !Double.isFinite(logLikelihood)) {
      throw new IllegalArgumentException("a BG/NBD fit has 4 estimates and a finite log-likelihood");
    }
  }

  /**
   * @param name {@code r}, {@code alpha}, {@code a} or {@code b}
   * @return that parameter's estimate
   * @throws IllegalArgumentException for another name
   */
  public Estimate estimate(String name) {
    for (Estimate e : estimates) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no BG/NBD parameter \"" + name + "\" (r, alpha, a, b)");
  }
}
