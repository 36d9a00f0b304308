package io.tributary.core.output;

import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.metrics.ConversionKpis;
import java.util.Objects;

/**
 * The one row of {@code conversion_kpis}: the run's KPIs and, when lifetime value was computed, its omnichannel
 * figures.
 *
 * @param kpis the KPIs
 * @param lifetime the lifetime value of the run, or null when none was computed
 * @param lifetimeValueChange the relative change of lifetime value per customer against the same date a year earlier
 *     ({@link ChannelLifetimeValue#change}), or null when there is no such figure
 */
public record KpiRow(ConversionKpis kpis, ChannelLifetimeValue lifetime, Double lifetimeValueChange) {
  public KpiRow {
    Objects.requireNonNull(kpis, "kpis");
  }

  /** A row without a year-earlier comparison. */
  public KpiRow(ConversionKpis kpis, ChannelLifetimeValue lifetime) {
    this(kpis, lifetime, null);
  }
}
