package io.tributary.core.clv;

import java.util.Objects;

/**
 * One fitted parameter: its maximum-likelihood value and standard error.
 *
 * @param name the parameter's name as the docs write it ({@code r}, {@code alpha}, {@code a}, {@code b}, {@code p},
 *     {@code q}, {@code gamma})
 * @param value the estimate, {@code > 0}
 * @param standardError from the observed information (inverse Hessian of the negative log-likelihood at the
 *     optimum), {@code > 0}
 */
public record Estimate(String name, double value, double standardError) {
  public Estimate {
    Objects.requireNonNull(name, "name");
    if (!(value > 0) || Double.isInfinite(value) || !(standardError > 0) || Double.isInfinite(standardError)) {
      throw new IllegalArgumentException("estimate " + name + " must have a finite value and standard error > 0, got "
          + value + " ± " + standardError);
    }
  }
}
