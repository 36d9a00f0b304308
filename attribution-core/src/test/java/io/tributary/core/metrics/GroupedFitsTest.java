package io.tributary.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tributary.core.journey.Journey;
import io.tributary.core.journey.Touch;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.Requirement;
import io.tributary.core.options.RunOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The channel roll-up's rule fits made on the campaign-level paths (each touchpoint counted for its channel) against
 * the fits of the rolled-up aggregate itself ({@link JourneyAggregate#channelRollup()}: paths renamed, merged and
 * sorted again), bit for bit, and the roll-up's KPIs likewise; with direct touchpoints (last_non_direct reads names)
 * and values of several scales.
 */
class GroupedFitsTest {
  private static final String[] KEYS = {"direct/(none)", "direct/brand", "email/spring", "email/summer",
      "search/brand", "search/generic", "social/x"};

  @Test
  void groupedFits_areTheRolledUpAggregatesFits() {
    RunOptions spec = RunOptions.defaults();
    List<AttributionModel> models = spec.resolve(Set.of(Requirement.TIMESTAMPS));
    JourneyAggregate.Builder b = JourneyAggregate.builder(spec.journeyOptions(), models);
    Random rnd = new Random(7);
    for (int j = 0; j < 3000; j++) {
      int n = 1 + rnd.nextInt(5);
      List<Touch> touches = new ArrayList<>();
      long t = 1_700_000_000_000L + rnd.nextInt(1000) * 3_600_000L;
      for (int k = 0; k < n; k++) {
        touches.add(new Touch(KEYS[rnd.nextInt(KEYS.length)], t + k * 3_600_000L));
      }
      boolean converted = rnd.nextInt(3) == 0;
      BigDecimal value = !converted ? BigDecimal.ZERO
          : new BigDecimal(rnd.nextInt(100_000)).movePointLeft(rnd.nextInt(4));
      b.add(new Journey(touches, converted, value, t + n * 3_600_000L));
    }
    JourneyAggregate campaigns = b.build();
    List<AttributionModel> rules = models.stream().filter(AttributionModel::rule).toList();
    JourneyAggregate channels = campaigns.channelRollup();
    List<ModelResult> expected = AttributionRun.fit(channels, rules);
    // First on models never fitted on these paths (a pass over them), then right after the campaign-level fit (each
    // channel's campaigns' sums added: PositionalModel keeps the last table's), as a campaign-level run does.
    assertSameFits(expected, AttributionReport.GroupedFits.of(campaigns, rules), rules.size());
    AttributionRun.fit(campaigns, rules);
    AttributionReport.GroupedFits grouped = AttributionReport.GroupedFits.of(campaigns, rules);
    assertSameFits(expected, grouped, rules.size());
    assertEquals(channels.paths().table().channels().names(), grouped.channels());
    assertEquals(ConversionKpis.of(channels, SpendTable.empty()),
        ConversionKpis.of(campaigns, SpendTable.empty(), grouped.groupOf(), grouped.channels().size()));
  }

  private static void assertSameFits(List<ModelResult> expected, AttributionReport.GroupedFits grouped, int models) {
    assertNotNull(grouped);
    assertEquals(models, grouped.results().size());
    for (ModelResult e : expected) {
      ModelResult got = grouped.results().get(e.model());
      assertEquals(e.credits().size(), got.credits().size(), e.model());
      for (int i = 0; i < e.credits().size(); i++) {
        assertEquals(e.credits().get(i).channel(), got.credits().get(i).channel(), e.model());
        assertEquals(Double.doubleToRawLongBits(e.credits().get(i).conversions()),
            Double.doubleToRawLongBits(got.credits().get(i).conversions()), e.model());
        assertEquals(Double.doubleToRawLongBits(e.credits().get(i).value()),
            Double.doubleToRawLongBits(got.credits().get(i).value()), e.model());
      }
    }
  }
}
