package io.tributary.core.metrics;

import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds SPEC's {@code channel_credit} rows: each model's credit, its {@code (unattributed)} row, and ROI from spend.
 * Channels with spend but no credit appear with zero credit; channels with credit but no spend have null ROI figures.
 * Order: models as given, then channels by name, {@code (unattributed)} last. At a campaign level
 * ({@code --touchpoint}) a row is a touchpoint: by channel, then campaign.
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
    return rows(results, aggregate, spend, TouchpointLevel.CHANNEL);
  }

  /**
   * @param results fitted models, in output order, on touchpoint keys of {@code level}
   * @param aggregate the aggregate they were fitted on (for touchless conversions and totals)
   * @param spend the window's spend (may be empty); each row gets the spend of its touchpoint at {@code level}
   *     ({@link SpendTable#spend})
   * @param level what the models credited
   * @return the rows
   */
  public static List<ChannelCreditRow> rows(List<ModelResult> results, JourneyAggregate aggregate, SpendTable spend,
      TouchpointLevel level) {
    long totalConversions = aggregate.totalConversions();
    List<ChannelCreditRow> rows = new ArrayList<>();
    for (ModelResult r : results) {
      // Key order is (channel, campaign) order: see TouchpointLevel.
      TreeSet<String> keys = new TreeSet<>(spend.touchpoints(level));
      for (ChannelCredit c : r.credits()) {
        keys.add(c.channel());
      }
      keys.remove(JourneyAggregate.UNATTRIBUTED);
      for (String key : keys) {
        ChannelCredit c = r.credit(key);
        double conv = c == null ? 0 : c.conversions();
        double value = c == null ? 0 : c.value();
        Double low = c != null && c.hasInterval() ? c.ciLow() : null;
        Double high = c != null && c.hasInterval() ? c.ciHigh() : null;
        ChannelCreditRow row = row(r.model(), TouchpointLevel.channelOf(key), TouchpointLevel.campaignOf(key), conv,
            value, totalConversions, spend.spend(key), low, high);
        rows.add(c != null && c.sampled() ? withSamplingError(row, c) : row);
      }
      addUnattributed(rows, r.model(), aggregate, totalConversions);
    }
    return List.copyOf(rows);
  }

  /**
   * The {@code channel_rollup} rows of a {@code channel/campaign} run: per model and channel, the credit of the
   * channel's campaigns together, with the channel's whole spend (rows with a campaign and without). A rule model's
   * row is its fit on the rolled-up aggregate ({@link JourneyAggregate#channelRollup}), which is exactly the sum of its
   * campaigns' credit and exactly the channel-level run's; a data-driven model's row is the sum of its campaign rows
   * (exact sum of the doubles, rounded once), which is not what the model gives the channel when fitted at channel
   * level. No bootstrap interval and no sampling error: they do not add up.
   *
   * @param campaignRows the run's {@code channel_credit} rows at {@code channel/campaign}
   * @param ruleResults rule models fitted on the rolled-up aggregate, by model name
   * @param modelOrder the models' names in output order
   * @param aggregate the rolled-up aggregate
   * @param spend the window's spend
   * @return the rows: models as given, then channels by name, {@code (unattributed)} last
   */
  public static List<ChannelCreditRow> rollup(List<ChannelCreditRow> campaignRows, Map<String, ModelResult> ruleResults,
      List<String> modelOrder, JourneyAggregate aggregate, SpendTable spend) {
    long totalConversions = aggregate.totalConversions();
    List<ChannelCreditRow> rows = new ArrayList<>();
    for (String model : modelOrder) {
      TreeMap<String, BigDecimal[]> sums = new TreeMap<>();
      ModelResult rule = ruleResults.get(model);
      if (rule != null) {
        for (ChannelCredit c : rule.credits()) {
          sums.put(c.channel(), new BigDecimal[] {new BigDecimal(c.conversions()), new BigDecimal(c.value())});
        }
      } else {
        for (ChannelCreditRow r : campaignRows) {
          if (r.model().equals(model) && r.campaign() != null) {
            BigDecimal[] s = sums.computeIfAbsent(r.channel(), k -> new BigDecimal[] {BigDecimal.ZERO,
                BigDecimal.ZERO});
            s[0] = s[0].add(new BigDecimal(r.attributedConversions()));
            s[1] = s[1].add(new BigDecimal(r.attributedValue()));
          }
        }
      }
      for (String channel : spend.byChannel().keySet()) {
        sums.putIfAbsent(channel, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      }
      sums.remove(JourneyAggregate.UNATTRIBUTED);
      sums.forEach((channel, s) -> rows.add(row(model, channel, null, s[0].doubleValue(), s[1].doubleValue(),
          totalConversions, spend.spend(channel), null, null)));
      addUnattributed(rows, model, aggregate, totalConversions);
    }
    return List.copyOf(rows);
  }

  private static void addUnattributed(List<ChannelCreditRow> rows, String model, JourneyAggregate aggregate,
      long totalConversions) {
    if (aggregate.touchlessConversions() > 0) {
      rows.add(row(model, JourneyAggregate.UNATTRIBUTED, null, aggregate.touchlessConversions(),
          aggregate.touchlessValue().doubleValue(), totalConversions, null, null, null));
    }
  }

  private static ChannelCreditRow withSamplingError(ChannelCreditRow r, ChannelCredit c) {
    return new ChannelCreditRow(r.model(), r.channel(), r.campaign(), r.attributedConversions(), r.attributedValue(),
        r.share(), r.spend(), r.roas(), r.roi(), r.cpa(), r.ciLow(), r.ciHigh(), c.samplingError(),
        c.valueSamplingError());
  }

  private static ChannelCreditRow row(String model, String channel, String campaign, double conv, double value,
      long total, BigDecimal spend, Double low, Double high) {
    Double share = total == 0 ? null : conv / total;
    Double s = spend == null ? null : spend.doubleValue();
    boolean positiveSpend = spend != null && spend.signum() > 0;
    Double roas = positiveSpend ? value / s : null;
    Double roi = positiveSpend ? (value - s) / s : null;
    Double cpa = spend != null && conv > 0 ? s / conv : null;
    return new ChannelCreditRow(model, channel, campaign, conv, value, share, s, roas, roi, cpa, low, high);
  }
}
