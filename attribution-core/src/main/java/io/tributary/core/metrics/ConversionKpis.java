package io.tributary.core.metrics;

import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.paths.PathTable;
import java.math.BigDecimal;

/**
 * The {@code conversion_kpis} row of SPEC (without {@code run_date}). Ratios whose denominator is zero, and averages
 * over nothing, are null rather than 0 or NaN, so that a BI tool shows "no data" instead of a false number.
 *
 * @param journeys every journey, touchless conversions included
 * @param convertingJourneys journeys that end in a conversion, touchless ones included
 * @param conversions conversions (one per converting journey)
 * @param totalValue revenue of all conversions
 * @param conversionRate converting journeys / journeys
 * @param multiChannelJourneys journeys with at least 2 distinct channels
 * @param crossChannelConversionRate converting multi-channel journeys / multi-channel journeys
 * @param singleChannelConversionRate converting single-channel journeys / single-channel journeys
 * @param multiChannelConversionShare converting multi-channel journeys / all converting journeys
 * @param avgTouchesToConversion mean touches of converting journeys with touches
 * @param avgDaysToConversion mean days from first touch to conversion of those journeys; null without timestamps
 * @param totalSpend total spend of the window
 * @param omnichannelRoi (total value − total spend) / total spend
 */
public record ConversionKpis(
    long journeys,
    long convertingJourneys,
    long conversions,
    double totalValue,
    Double conversionRate,
    long multiChannelJourneys,
    Double crossChannelConversionRate,
    Double singleChannelConversionRate,
    Double multiChannelConversionShare,
    Double avgTouchesToConversion,
    Double avgDaysToConversion,
    double totalSpend,
    Double omnichannelRoi) {

  private static final double MILLIS_PER_DAY = 86_400_000.0;

  /**
   * Computes the KPIs of an aggregate.
   *
   * @param agg the merged journeys
   * @param spend the window's spend (may be empty)
   * @return the KPIs
   */
  public static ConversionKpis of(JourneyAggregate agg, SpendTable spend) {
    return of(agg, spend, null, agg.paths().table().channels().size());
  }

  /**
   * The KPIs of the aggregate whose every channel is renamed to its group's (a campaign-level aggregate rolled up to
   * channels), without building it: only whether a journey touched two channels or more depends on the names, and
   * merging paths that coincide once renamed sums their journeys, which the KPIs only add up.
   *
   * @param groupOf per channel id of {@code agg}'s table, its group, or null for the channels themselves
   * @param groups the number of groups
   */
  static ConversionKpis of(JourneyAggregate agg, SpendTable spend, int[] groupOf, int groups) {
    long multi = 0;
    long multiConverting = 0;
    long single = 0;
    long singleConverting = 0;
    long touchesOfConverting = 0;
    long convertingWithTouches = 0;
    PathTable paths = agg.paths().table();
    // seen[c] == p + 1 when channel c occurred in path p: distinct channels without a set per path.
    int[] seen = new int[groups];
    for (int p = 0; p < paths.size(); p++) {
      int length = paths.length(p);
      int distinct = 0;
      for (int k = 0; k < length && distinct < 2; k++) {
        int c = groupOf == null ? paths.channel(p, k) : groupOf[paths.channel(p, k)];
        if (seen[c] != p + 1) {
          seen[c] = p + 1;
          distinct++;
        }
      }
      long conversions = paths.conversions(p);
      if (distinct >= 2) {
        multi += paths.journeys(p);
        multiConverting += conversions;
      } else {
        single += paths.journeys(p);
        singleConverting += conversions;
      }
      touchesOfConverting = Math.addExact(touchesOfConverting, Math.multiplyExact(conversions, (long) length));
      convertingWithTouches += conversions;
    }
    long journeys = multi + single + agg.touchlessConversions();
    long converting = convertingWithTouches + agg.touchlessConversions();
    BigDecimal value = agg.totalValue();
    BigDecimal totalSpend = spend.total();
    Double roi = totalSpend.signum() == 0 ? null
        : (value.subtract(totalSpend)).doubleValue() / totalSpend.doubleValue();
    Double days = agg.hasTimestamps() && agg.timedConversions() > 0
        ? agg.timeToConversionMillis() / MILLIS_PER_DAY / agg.timedConversions()
        : null;
    return new ConversionKpis(
        journeys,
        converting,
        converting,
        value.doubleValue(),
        ratio(converting, journeys),
        multi,
        ratio(multiConverting, multi),
        ratio(singleConverting, single),
        ratio(multiConverting, converting),
        ratio(touchesOfConverting, convertingWithTouches),
        days,
        totalSpend.doubleValue(),
        roi);
  }

  private static Double ratio(long num, long den) {
    return den == 0 ? null : (double) num / den;
  }
}
