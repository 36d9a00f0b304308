package io.tributary.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tributary.core.journey.Event;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.Requirement;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A five-customer example worked by hand.
 *
 * <pre>
 * A: email d1, search d2, conversion d3 (100)  → converting, 2 distinct channels, 2 touches, 2 days
 * B: email d1, conversion d2 (50)              → converting, 1 channel, 1 touch, 1 day
 * C: social d1, social d2                      → not converting, 1 distinct channel
 * D: display d1, email d5                      → not converting, 2 channels
 * E: conversion d1 (20)                        → touchless: (unattributed)
 * journeys 5, converting 3 → rate 0.6; multi-channel A, D → 2, cross-channel rate 1/2; single B, C → rate 1/2;
 * multi-channel share 1/3; avg touches (2+1)/2 = 1.5; avg days (2+1)/2 = 1.5; value 170.
 * Spend: email 30, search 20, tv 10 → total 60, omnichannel ROI (170−60)/60 = 11/6.
 * last_touch: search 1 conv / 100, email 1 / 50, (unattributed) 1 / 20, tv only spend.
 * </pre>
 */
class MetricsTest {
  private static final long DAY = 86_400_000L;

  private static List<Event> events() {
    return List.of(
        Event.touch("A", DAY, "email"), Event.touch("A", 2 * DAY, "search"),
        Event.conversion("A", 3 * DAY, new BigDecimal("100"), null),
        Event.touch("B", DAY, "email"), Event.conversion("B", 2 * DAY, new BigDecimal("50"), null),
        Event.touch("C", DAY, "social"), Event.touch("C", 2 * DAY, "social"),
        Event.touch("D", DAY, "display"), Event.touch("D", 5 * DAY, "email"),
        Event.conversion("E", DAY, new BigDecimal("20"), null));
  }

  private static JourneyAggregate aggregate(List<AttributionModel> models) {
    Map<String, List<Event>> byCustomer = new LinkedHashMap<>();
    for (Event e : events()) {
      byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
    }
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    byCustomer.values().forEach(b::addCustomer);
    return b.build();
  }

  private static SpendTable spend() {
    return SpendTable.builder().add("email", new BigDecimal("30")).add("search", new BigDecimal("12.5"))
        .add("search", new BigDecimal("7.5")).add("tv", new BigDecimal("10")).build();
  }

  @Test
  void kpis_handExample() {
    ConversionKpis k = ConversionKpis.of(aggregate(List.of()), spend());
    assertEquals(5, k.journeys());
    assertEquals(3, k.convertingJourneys());
    assertEquals(3, k.conversions());
    assertEquals(170, k.totalValue(), 1e-12);
    assertEquals(0.6, k.conversionRate(), 1e-12);
    assertEquals(2, k.multiChannelJourneys());
    assertEquals(0.5, k.crossChannelConversionRate(), 1e-12);
    assertEquals(0.5, k.singleChannelConversionRate(), 1e-12);
    assertEquals(1.0 / 3, k.multiChannelConversionShare(), 1e-12);
    assertEquals(1.5, k.avgTouchesToConversion(), 1e-12);
    assertEquals(1.5, k.avgDaysToConversion(), 1e-12);
    assertEquals(60, k.totalSpend(), 1e-12);
    assertEquals(11.0 / 6, k.omnichannelRoi(), 1e-12);
  }

  @Test
  void kpis_pathFile_hasNoDaysAndNoSpendGivesNullRoi() {
    PathCounts pc = PathCounts.builder().add(Path.of("a", "b"), 2, BigDecimal.TEN, 2)
        .add(Path.of("a"), 0, BigDecimal.ZERO, 4).build();
    ConversionKpis k = ConversionKpis.of(JourneyAggregate.ofPaths("paths.csv", pc), SpendTable.empty());
    assertEquals(8, k.journeys());
    assertEquals(0.25, k.conversionRate(), 1e-12);
    assertEquals(0.5, k.crossChannelConversionRate(), 1e-12);
    assertEquals(0.0, k.singleChannelConversionRate(), 1e-12);
    assertEquals(2.0, k.avgTouchesToConversion(), 1e-12);
    assertNull(k.avgDaysToConversion());
    assertNull(k.omnichannelRoi());
  }

  @Test
  void kpis_noJourneys_areNullNotNaN() {
    ConversionKpis k = ConversionKpis.of(JourneyAggregate.ofPaths("empty", PathCounts.empty()), SpendTable.empty());
    assertEquals(0, k.journeys());
    assertNull(k.conversionRate());
    assertNull(k.crossChannelConversionRate());
    assertNull(k.avgTouchesToConversion());
  }

  @Test
  void creditTable_lastTouch_roiRowsUnattributedAndSpendOnlyChannels() {
    List<AttributionModel> models =
        ModelRegistry.resolve("last_touch", ModelOptions.defaults(), EnumSet.allOf(Requirement.class));
    AttributionReport report = AttributionReport.compute(aggregate(models), models, spend());
    List<ChannelCreditRow> rows = report.channelCredit();
    assertEquals(List.of("display", "email", "search", "social", "tv", "(unattributed)"),
        rows.stream().map(ChannelCreditRow::channel).toList());

    ChannelCreditRow email = rows.get(1);
    assertEquals(1, email.attributedConversions(), 1e-12);
    assertEquals(50, email.attributedValue(), 1e-12);
    assertEquals(1.0 / 3, email.share(), 1e-12);
    assertEquals(30, email.spend(), 1e-12);
    assertEquals(50.0 / 30, email.roas(), 1e-12);
    assertEquals(20.0 / 30, email.roi(), 1e-12);
    assertEquals(30, email.cpa(), 1e-12);

    ChannelCreditRow search = rows.get(2);
    assertEquals(5, search.roas(), 1e-12);
    assertEquals(4, search.roi(), 1e-12);
    assertEquals(20, search.cpa(), 1e-12);

    ChannelCreditRow social = rows.get(3);
    assertEquals(0, social.attributedConversions(), 0);
    assertNull(social.spend());
    assertNull(social.roas());

    ChannelCreditRow tv = rows.get(4);
    assertEquals(0, tv.attributedConversions(), 0);
    assertEquals(10, tv.spend(), 1e-12);
    assertEquals(0, tv.roas(), 1e-12);
    assertEquals(-1, tv.roi(), 1e-12);
    assertNull(tv.cpa());

    ChannelCreditRow un = rows.get(5);
    assertEquals(1, un.attributedConversions(), 0);
    assertEquals(20, un.attributedValue(), 0);
    assertNull(un.spend());

    double shares = rows.stream().mapToDouble(r -> r.share()).sum();
    assertEquals(1, shares, 1e-12);
    assertEquals(4, report.pathSummary().size());
  }

  @Test
  void pathSummary_listsEveryDistinctPathWithItsCounts() {
    AttributionReport report = AttributionReport.compute(aggregate(List.of()), List.of(), SpendTable.empty());
    assertEquals(List.of(
            new PathSummaryRow("display > email", 1, 0, 0, 1),
            new PathSummaryRow("email", 1, 1, 50, 0),
            new PathSummaryRow("email > search", 1, 1, 100, 0),
            new PathSummaryRow("social > social", 1, 0, 0, 1)),
        report.pathSummary());
  }

  @Test
  void pathSummaryView_showsEachPathAsItsPathObjectDoes_aLongOneBetweenShortOnes() {
    // Rows' paths are spelled out from the names shown per channel id, when asked: every row, a 40,000-touch one
    // among short and non-ASCII ones, as Path.display() shows it.
    List<String> longPath = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      longPath.add(i % 3 == 0 ? "é-mail" : "search");
    }
    PathCounts pc = PathCounts.builder()
        .add(Path.of("display", "é-mail"), 1, BigDecimal.ONE, 0)
        .add(new Path(longPath), 1, BigDecimal.ONE, 1)
        .add(Path.of("search", "email" + io.tributary.core.journey.TouchpointLevel.SEPARATOR + "spring"), 0,
            BigDecimal.ZERO, 2)
        .add(Path.of("social"), 0, BigDecimal.ZERO, 1)
        .build();
    PathSummaryView view = new PathSummaryView(pc.table());
    for (int round = 0; round < 2; round++) {
      for (int p = 0; p < view.size(); p++) {
        assertEquals(pc.table().path(p).display(), view.get(p).path(), "row " + p);
      }
    }
    assertEquals(1, view.stream().filter(r -> r.path().equals("search > email/spring")).count());
  }
}
