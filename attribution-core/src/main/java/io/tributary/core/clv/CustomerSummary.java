package io.tributary.core.clv;

/**
 * One customer's calibration-window summary, the input of both models. Times are in the options' time unit.
 *
 * @param frequency x: repeat purchases (purchase days after the first) up to the calibration end, {@code >= 0}
 * @param recency t_x: time from the first purchase to the last repeat purchase; 0 when {@code frequency == 0};
 *     {@code 0 <= t_x <= T}
 * @param age T: time from the first purchase to the calibration end, {@code >= 0}
 * @param valuedRepeats repeat purchases with a value {@code > 0}: the Gamma-Gamma count, {@code <= frequency}
 * @param meanRepeatValue the mean value of those purchases; 0 when {@code valuedRepeats == 0}
 */
public record CustomerSummary(int frequency, double recency, double age, int valuedRepeats,
    double meanRepeatValue) {
  public CustomerSummary {
    if (frequency < 0) {
      throw new IllegalArgumentException("frequency must be >= 0, got " + frequency);
    }
    if (!(age >= 0) || Double.isInfinite(age)) {
      throw new IllegalArgumentException("age T must be finite and >= 0, got " + age);
    }
    if (!(recency >= 0) || recency > age || (frequency == 0 && recency != 0)) {
      throw new IllegalArgumentException("recency t_x must be 0 <= t_x <= T (" + age + "), and 0 without repeats; got "
          + recency + " with x = " + frequency);
    }
    if (valuedRepeats < 0 || valuedRepeats > frequency) {
      throw new IllegalArgumentException("valued repeats must be 0 to x (" + frequency + "), got " + valuedRepeats);
    }
    if (!(meanRepeatValue >= 0) || Double.isInfinite(meanRepeatValue)
        || (valuedRepeats == 0) != (meanRepeatValue == 0)) {
      throw new IllegalArgumentException("mean repeat value must be > 0 with valued repeats and 0 without, got "
          + meanRepeatValue + " over " + valuedRepeats);
    }
  }

  /** @return a summary without values: only the BG/NBD inputs */
  public static CustomerSummary of(int frequency, double recency, double age) {
    return new CustomerSummary(frequency, recency, age, 0, 0);
  }

  /** @return repeat purchases of value 0, which count for BG/NBD and not for Gamma-Gamma */
  public int zeroValueRepeats() {
    return frequency - valuedRepeats;
  }
}
