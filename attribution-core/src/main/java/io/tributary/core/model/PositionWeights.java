package io.tributary.core.model;

import java.util.Locale;

/**
 * Position-based weights of the first, middle and last touches. Presets: U 40/20/40, J 20/20/60, inverse-J 60/20/20.
 *
 * @param first weight of the first touch, {@code >= 0}
 * @param middle weight shared equally by the middle touches, {@code >= 0}
 * @param last weight of the last touch, {@code >= 0}; {@code first + middle + last = 1} and {@code first + last > 0}
 */
public record PositionWeights(double first, double middle, double last) {
  /** 40/20/40, the default. */
  public static final PositionWeights U = new PositionWeights(0.4, 0.2, 0.4);
  /** 20/20/60: the last touch matters most. */
  public static final PositionWeights J = new PositionWeights(0.2, 0.2, 0.6);
  /** 60/20/20: the first touch matters most. */
  public static final PositionWeights INVERSE_J = new PositionWeights(0.6, 0.2, 0.2);

  public PositionWeights {
    if (!(first >= 0) || !(middle >= 0) || !(last >= 0) || Math.abs(first + middle + last - 1) > 1e-9
        || first + last <= 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "position weights must be >= 0, sum to 1 (or 100) and give first+last > 0, got %s/%s/%s",
          first, middle, last));
    }
  }

  /**
   * Parses a preset name ({@code U}, {@code J}, {@code inverse-J}) or {@code first/middle/last} as fractions or
   * percentages, e.g. {@code 30/40/30} or {@code 0.3,0.4,0.3}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static PositionWeights parse(String text) {
    String s = text.strip();
    switch (s.toLowerCase(Locale.ROOT)) {
      case "u":
        return U;
      case "j":
        return J;
      case "inverse-j":
      case "inverse_j":
      case "reverse-j":
        return INVERSE_J;
      default:
        break;
    }
    String[] parts = s.split("[/,:]");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "position weights \"" + s + "\": expected U, J, inverse-J or first/middle/last such as 40/20/40");
    }
    double[] w = new double[3];
    try {
      for (int i = 0; i < 3; i++) {
        w[i] = Double.parseDouble(parts[i].strip());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "position weights \"" + s + "\": expected U, J, inverse-J or first/middle/last such as 40/20/40");
    }
    double sum = w[0] + w[1] + w[2];
    if (Math.abs(sum - 100) < 1e-6) {
      return new PositionWeights(w[0] / 100, w[1] / 100, w[2] / 100);
    }
    return new PositionWeights(w[0], w[1], w[2]);
  }
}
