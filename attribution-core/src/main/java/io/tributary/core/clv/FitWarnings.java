package io.tributary.core.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one rule, for every engine, that says when a lifetime-value fit is too weak to trust: a parameter whose standard
 * error exceeds its value (its 95 % interval then spans from about 0 to three times the estimate). Tiny populations
 * and degenerate data (almost no repeat buyers, a very short window) fit that way; the lifetime values still come out,
 * and the user is told so in one line per model.
 */
public final class FitWarnings {
  private FitWarnings() {}

  /**
   * @param purchases the BG/NBD fit
   * @param orderValue the Gamma-Gamma fit, or null when there is none
   * @return one line per weak fit, empty when every standard error is at most its parameter's value
   */
  public static List<String> of(BgNbdFit purchases, GammaGammaFit orderValue) {
    List<String> out = new ArrayList<>();
    line("BG/NBD", purchases.customers(), purchases.estimates()).ifPresent(out::add);
    if (orderValue != null) {
      line("Gamma-Gamma", orderValue.customers(), orderValue.estimates()).ifPresent(out::add);
    }
    return out;
  }

  /** @return whether {@code e}'s standard error exceeds its value: the rule of {@link #of} */
  public static boolean weak(Estimate e) {
    return e.standardError() > e.value();
  }

  private static java.util.Optional<String> line(String model, int customers, List<Estimate> estimates) {
    List<String> weak = new ArrayList<>();
    for (Estimate e : estimates) {
      if (weak(e)) {
        weak.add(String.format(Locale.ROOT, "%s = %.4g ± %.4g", e.name(), e.value(), e.standardError()));
      }
    }
    if (weak.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("warning: the " + model + " fit on " + customers + " customers is weak: the standard "
        + "error exceeds the value of " + String.join(", ", weak) + "; lifetime values rest on parameters the data "
        + "barely determine (more customers or a longer calibration window help)");
  }
}
