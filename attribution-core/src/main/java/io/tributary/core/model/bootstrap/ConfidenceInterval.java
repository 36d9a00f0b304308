package io.tributary.core.model.bootstrap;

/**
 * A two-sided interval.
 *
 * @param low lower end
 * @param high upper end, {@code >= low}
 */
public record ConfidenceInterval(double low, double high) {
  public ConfidenceInterval {
    if (!(low <= high)) {
      throw new IllegalArgumentException("interval ends out of order or not numbers: " + low + ", " + high);
    }
  }

  /** @return whether {@code x} lies in the closed interval */
  public boolean contains(double x) {
    return low <= x && x <= high;
  }

  /** @return {@code high − low} */
  public double width() {
    return high - low;
  }
}
