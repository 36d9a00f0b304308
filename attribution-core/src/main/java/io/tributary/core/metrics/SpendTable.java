package io.tributary.core.metrics;

import io.tributary.core.journey.TouchpointLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Marketing spend per channel over the reporting window, summed exactly. Mergeable: {@link #empty()} is the identity.
 *
 * <p>Spend rows that name a campaign are also kept per campaign, for runs at a campaign level ({@code --touchpoint}):
 * there a campaign's row gets the spend of the rows naming it, and spend given for a channel without a campaign stays
 * on the channel (its {@code channel_rollup} row), never spread over campaigns.
 *
 * @param byChannel spend per channel, each {@code >= 0}: every row, with or without a campaign
 * @param byCampaign spend per channel/campaign key ({@link TouchpointLevel#CHANNEL_CAMPAIGN}) of the rows naming a
 *     campaign; a part of {@code byChannel}
 */
public record SpendTable(SortedMap<String, BigDecimal> byChannel, SortedMap<String, BigDecimal> byCampaign) {
  private static final SpendTable EMPTY = new SpendTable(new TreeMap<>());

  public SpendTable {
    for (Map<String, BigDecimal> m : List.of(byChannel, byCampaign)) {
      for (Map.Entry<String, BigDecimal> e : m.entrySet()) {
        if (e.getValue().signum() < 0) {
          throw new IllegalArgumentException("negative spend for " + e.getKey() + ": " + e.getValue());
        }
      }
    }
    byChannel = Collections.unmodifiableSortedMap(new TreeMap<>(byChannel));
    byCampaign = Collections.unmodifiableSortedMap(new TreeMap<>(byCampaign));
  }

  /** Spend per channel only (no row named a campaign). */
  public SpendTable(SortedMap<String, BigDecimal> byChannel) {
    this(byChannel, new TreeMap<>());
  }

  /** @return no spend at all */
  public static SpendTable empty() {
    return EMPTY;
  }

  /** @return a builder that sums spend rows */
  public static Builder builder() {
    return new Builder();
  }

  /** @return whether no spend was given */
  public boolean isEmpty() {
    return byChannel.isEmpty();
  }

  /**
   * @param touchpoint a channel, or a touchpoint key made at a campaign level ({@link TouchpointLevel#key})
   * @return its spend, or null when it has none listed: a channel's whole spend; a channel/campaign pair's from the
   *     rows naming both; a campaign's (at {@code campaign} level) from the rows naming it, over every channel
   */
  public BigDecimal spend(String touchpoint) {
    if (!TouchpointLevel.hasCampaign(touchpoint)) {
      return byChannel.get(touchpoint);
    }
    if (!TouchpointLevel.channelPart(touchpoint).isEmpty()) {
      return byCampaign.get(touchpoint);
    }
    String campaign = TouchpointLevel.campaignOf(touchpoint);
    BigDecimal sum = null;
    for (Map.Entry<String, BigDecimal> e : byCampaign.entrySet()) {
      if (campaign.equals(TouchpointLevel.campaignOf(e.getKey()))) {
        sum = sum == null ? e.getValue() : sum.add(e.getValue());
      }
    }
    return sum;
  }

  /** @return the touchpoint keys that have spend listed at {@code level}, sorted */
  public SortedSet<String> touchpoints(TouchpointLevel level) {
    TreeSet<String> out = new TreeSet<>();
    switch (level) {
      case CHANNEL -> out.addAll(byChannel.keySet());
      case CHANNEL_CAMPAIGN -> out.addAll(byCampaign.keySet());
      case CAMPAIGN -> byCampaign.keySet().forEach(k -> out.add(level.key("-", TouchpointLevel.campaignOf(k))));
    }
    return out;
  }

  /** @return the total spend, exact */
  public BigDecimal total() {
    BigDecimal t = BigDecimal.ZERO;
    for (BigDecimal v : byChannel.values()) {
      t = t.add(v);
    }
    return t;
  }

  /** @return both tables added channel by channel */
  public SpendTable merge(SpendTable o) {
    TreeMap<String, BigDecimal> sum = new TreeMap<>(byChannel);
    o.byChannel.forEach((c, v) -> sum.merge(c, v, BigDecimal::add));
    TreeMap<String, BigDecimal> campaigns = new TreeMap<>(byCampaign);
    o.byCampaign.forEach((c, v) -> campaigns.merge(c, v, BigDecimal::add));
    return new SpendTable(sum, campaigns);
  }

  /** Sums spend rows. Not thread-safe. */
  public static final class Builder {
    private final Map<String, BigDecimal> sums = new HashMap<>();
    private final Map<String, BigDecimal> campaigns = new HashMap<>();

    private Builder() {}

    /** Adds one row's spend to its channel. */
    public Builder add(String channel, BigDecimal spend) {
      if (spend.signum() < 0) {
        throw new IllegalArgumentException("negative spend for " + channel + ": " + spend);
      }
      sums.merge(channel, spend, BigDecimal::add);
      return this;
    }

    /**
     * Adds one row's spend to its channel and, when the row names a campaign, to that channel/campaign pair.
     *
     * @param campaign the row's campaign, or null for spend given for the channel as a whole
     */
    public Builder add(String channel, String campaign, BigDecimal spend) {
      add(channel, spend);
      if (campaign != null && !campaign.isEmpty()) {
        campaigns.merge(TouchpointLevel.CHANNEL_CAMPAIGN.key(channel, campaign), spend, BigDecimal::add);
      }
      return this;
    }

    /** @return the immutable table */
    public SpendTable build() {
      return new SpendTable(new TreeMap<>(sums), new TreeMap<>(campaigns));
    }
  }
}
