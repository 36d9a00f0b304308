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
 */
public record KpiRow(ConversionKpis kpis, ChannelLifetimeValue lifetime) {
  public KpiRow {
    Objects.requireNonNull(kpis, "kpis");
  }
}
