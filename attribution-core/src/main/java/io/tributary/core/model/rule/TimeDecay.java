package io.tributary.core.model.rule;

import io.tributary.core.journey.Journey;
import io.tributary.core.journey.Touch;
import io.tributary.core.model.JourneyModel;
import io.tributary.core.model.Requirement;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code time_decay}: touch weight 2^(−(t_conversion − t_touch)/half_life), normalised per journey.
 *
 * <p>Weights are computed relative to the youngest touch, 2^(−(age − min age)/half_life), which leaves the normalised
 * result unchanged but never underflows to 0/0: as the half-life shrinks the credit tends to the youngest touches
 * (last touch), as it grows to linear.
 */
public final class TimeDecay implements JourneyModel {
  private final double halfLifeMillis;

  /** @param halfLife the time for a touch's weight to halve, {@code > 0} */
  public TimeDecay(Duration halfLife) {
    if (halfLife.isZero() || halfLife.isNegative()) {
      throw new IllegalArgumentException("half-life must be > 0, got " + halfLife);
    }
    this.halfLifeMillis = halfLife.toMillis();
  }

  @Override
  public boolean rule() {
    return true;
  }

  @Override
  public String name() {
    return "time_decay";
  }

  @Override
  public String settings() {
    return "time_decay(halfLifeMillis=" + (long) halfLifeMillis + ")";
  }

  @Override
  public Set<Requirement> requires() {
    return Set.of(Requirement.TIMESTAMPS);
  }

  @Override
  public double[] weights(Journey journey) {
    List<Touch> touches = journey.touches();
    int n = touches.size();
    long end = journey.endTime();
    long minAge = Long.MAX_VALUE;
    for (Touch t : touches) {
      minAge = Math.min(minAge, end - t.timestamp());
    }
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      long age = end - touches.get(i).timestamp();
      w[i] = Math.pow(2.0, -(age - minAge) / halfLifeMillis);
      sum += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    return w;
  }
}
