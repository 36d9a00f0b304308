package io.tributary.core.metrics;

import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds SPEC's {@code channel_credit} rows: each model's credit, its {@code (unattributed)} row, and ROI from spend.
 * Channels with spend but no credit appear with zero credit; channels with credit but no spend have null ROI figures.
 * Order: models as given, then channels by name, {@code (unattributed)} last.
 */
public final class CreditTable {
  private CreditTable() {}

  /**
   * @param results fitted models, in output order
   * @param aggregate the aggregate they were fitted on (for touchless conversions and totals)
   * @param spend the window's spend (may be empty)
   * @return the rows
   */
  public static List<ChannelCreditRow> rows(List<ModelResult> results, JourneyAggregate aggregate, SpendTable spend) {
    long totalConversions = aggregate.totalConversions();
    List<ChannelCreditRow> rows = new ArrayList<>();
    for (ModelResult r : results) {
      TreeSet<String> channels = new TreeSet<>(spend.byChannel().keySet());
      for (ChannelCredit c : r.credits()) {
        channels.add(c.channel());
      }
      channels.remove(JourneyAggregate.UNATTRIBUTED);
      for (String channel : channels) {
        ChannelCredit c = r.credit(channel);
        double conv = c == null ? 0 : c.conversions();
        double value = c == null ? 0 : c.value();
        Double low = c != null && c.hasInterval() ? c.ciLow() : null;
        Double high = c != null && c.hasInterval() ? c.ciHigh() : null;
        ChannelCreditRow row = row(r.model(), channel, conv, value, totalConversions, spend.spend(channel), low,
            high);
        rows.add(c != null && c.sampled() ? withSamplingError(row, c) : row);
      }
      if (aggregate.touchlessConversions() > 0) {
        rows.add(row(r.model(), JourneyAggregate.UNATTRIBUTED, aggregate.touchlessConversions(),
            aggregate.touchlessValue().doubleValue(), totalConversions, null, null, null));
      }
    }
    return List.copyOf(rows);
  }

  private static ChannelCreditRow withSamplingError(ChannelCreditRow r, ChannelCredit c) {
    return new ChannelCreditRow(r.model(), r.channel(), r.attributedConversions(), r.attributedValue(), r.share(),
        r.spend(), r.roas(), r.roi(), r.cpa(), r.ciLow(), r.ciHigh(), c.samplingError(), c.valueSamplingError());
  }

  private static ChannelCreditRow row(String model, String channel, double conv, double value, long total,
      BigDecimal spend, Double low, Double high) {
    Double share = total == 0 ? null : conv / total;
    Double s = spend == null ? null : spend.doubleValue();
    boolean positiveSpend = spend != null && spend.signum() > 0;
    Double roas = positiveSpend ? value / s : null;
    Double roi = positiveSpend ? (value - s) / s : null;
    Double cpa = spend != null && conv > 0 ? s / conv : null;
    return new ChannelCreditRow(model, channel, conv, value, share, s, roas, roi, cpa, low, high);
  }
}
