package io.tributary.core.journey;

import io.tributary.core.options.ModelOptionSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * How events become journeys.
 *
 * @param lookback a touch older than this before a conversion is not part of that conversion's journey (a touch
 *     exactly this old is); default 30 days
 */
public record JourneyOptions(Duration lookback) {
  /** SPEC's default lookback window (the option spec's default). */
  public static final Duration DEFAULT_LOOKBACK = ModelOptionSpec.LOOKBACK.defaultValue();

  public JourneyOptions {
    Objects.requireNonNull(lookback, "lookback");
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback must be >= 0, got " + lookback);
    }
  }

  /** @return the SPEC defaults */
  public static JourneyOptions defaults() {
    return new JourneyOptions(DEFAULT_LOOKBACK);
  }
}
