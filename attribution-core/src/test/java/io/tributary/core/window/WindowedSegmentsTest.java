package io.tributary.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.RandomData;
import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import io.tributary.core.options.RunOptions;
import io.tributary.core.output.KpiRow;
import io.tributary.core.output.SegmentRow;
import io.tributary.core.segment.FirstValues;
import io.tributary.core.segment.Segmentation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Report windows together with segments and campaign touchpoints, against invariants: a range equals one-date runs of
 * the same dates in every segmented row (every model, with and without a fitting window); on every date the rule
 * models' segment rows add up to the (all) row; a campaign-level range rolls up to the channel-level range exactly
 * for the rule models.
 */
class WindowedSegmentsTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final JourneyOptions LOOKBACK = new JourneyOptions(Duration.ofDays(5));
  private static final RunOptions OPTIONS = RunOptions.defaults();
  private static final List<AttributionModel> MODELS = OPTIONS.resolve(Set.of(Requirement.TIMESTAMPS));
  private static final LocalDate A = LocalDate.of(1970, 2, 3);
  private static final LocalDate B = LocalDate.of(1970, 2, 16);
  private static final Set<String> RULES = Set.of("first_touch", "last_touch", "last_non_direct", "linear",
      "position_based", "time_decay");
  /* A small threshold, so that some values are fitted on their own and some pooled. */
  private static final Segmentation SEGMENTS = new Segmentation(List.of("tier", "new_vs_returning",
      "acquisition_channel"), 40, true);

  @Test
  void segmentedRange_equalsOneDateRuns_everyModelEveryRow() {
    List<Event> events = RandomData.events(41, 500, 5);
    for (int fit : new int[] {1, 4}) {
      List<WindowedReport.Dated> once = reports(events, RunWindow.dates(A, B, fit), TouchpointLevel.CHANNEL);
      for (WindowedReport.Dated d : once) {
        WindowedReport.Dated nightly = reports(events, RunWindow.dates(d.date(), d.date(), fit),
            TouchpointLevel.CHANNEL).get(0);
        assertSameRows(nightly.segmented().channelCredit(), d.segmented().channelCredit(), d.date() + " fit " + fit);
        assertEquals(nightly.segmented().kpis(), d.segmented().kpis(), d.date() + " fit " + fit);
        assertEquals(nightly.segmented().pathSummary(), d.segmented().pathSummary());
        assertEquals(nightly.segmented().transitions(), d.segmented().transitions());
      }
    }
  }

  @Test
  void everyDate_ruleCreditOfEachSegmentsValues_addsUpToTheAllRow() {
    List<Event> events = RandomData.events(43, 600, 5);
    int checked = 0;
    for (WindowedReport.Dated d : reports(events, RunWindow.dates(A, B, 3), TouchpointLevel.CHANNEL)) {
      Map<String, Double> all = new TreeMap<>();
      List<Map<String, double[]>> bySegment = new ArrayList<>();
      for (int i = 0; i < SEGMENTS.names().size(); i++) {
        bySegment.add(new TreeMap<>());
      }
      for (SegmentRow<ChannelCreditRow> r : d.segmented().channelCredit()) {
        String key = r.row().model() + "/" + r.row().channel();
        int at = r.segments().indexOf(r.segments().stream().filter(v -> !v.equals(Segmentation.ALL)).findFirst()
            .orElse(Segmentation.ALL));
        if (r.segments().stream().allMatch(Segmentation.ALL::equals)) {
          all.put(key, r.row().attributedConversions());
          all.put(key + "$", r.row().attributedValue());
        } else {
          double[] s = bySegment.get(at).computeIfAbsent(key, k -> new double[2]);
          s[0] += r.row().attributedConversions();
          s[1] += r.row().attributedValue();
        }
      }
      // The (all) rows are the date's unsegmented report.
      assertEquals(d.report().channelCredit().size() * 2, all.size());
      for (Map<String, double[]> segment : bySegment) {
        for (Map.Entry<String, double[]> e : segment.entrySet()) {
          if (RULES.contains(e.getKey().substring(0, e.getKey().indexOf('/')))) {
            assertEquals(all.get(e.getKey()), e.getValue()[0], 1e-9, d.date() + " " + e.getKey());
            assertEquals(Math.round(all.get(e.getKey() + "$") * 100), Math.round(e.getValue()[1] * 100),
                d.date() + " " + e.getKey());
            checked++;
          }
        }
      }
      // KPIs that add: conversions and journeys of a segment's values are the (all) row's.
      KpiRow allKpis = d.segmented().kpis().get(0).row();
      for (int s = 0; s < SEGMENTS.names().size(); s++) {
        int k = s;
        long conversions = d.segmented().kpis().stream().filter(r -> !r.segments().get(k).equals(Segmentation.ALL))
            .mapToLong(r -> r.row().kpis().conversions()).sum();
        assertEquals(allKpis.kpis().conversions(), conversions, d.date() + " " + SEGMENTS.names().get(s));
      }
    }
    assertTrue(checked > 200, "rows checked: " + checked);
  }

  @Test
  void campaignRange_rollsUpToTheChannelRange_ruleModels_everyDate() {
    List<Event> events = RandomData.events(47, 500, 4);
    List<Event> campaigns = events.stream().map(e -> e.channel() == null ? e : new Event(e.customerId(),
        e.timestamp(), TouchpointLevel.CHANNEL_CAMPAIGN.key(e.channel(), "c" + Math.floorMod(e.timestamp() / 1000, 3)),
        e.touch(), e.conversion(), e.value(), e.orderId())).toList();
    RunWindow w = RunWindow.dates(A, B, 2);
    List<WindowedReport.Dated> channel = reports(events, w, TouchpointLevel.CHANNEL);
    List<WindowedReport.Dated> campaign = reports(campaigns, w, TouchpointLevel.CHANNEL_CAMPAIGN);
    int checked = 0;
    for (int i = 0; i < channel.size(); i++) {
      Map<String, ChannelCreditRow> rollup = new TreeMap<>();
      campaign.get(i).report().channelRollup().forEach(r -> rollup.put(r.model() + "/" + r.channel(), r));
      assertTrue(campaign.get(i).report().channelCredit().stream().anyMatch(r -> r.campaign() != null));
      for (ChannelCreditRow r : channel.get(i).report().channelCredit()) {
        if (RULES.contains(r.model())) {
          ChannelCreditRow u = rollup.get(r.model() + "/" + r.channel());
          assertEquals(r.attributedConversions(), u.attributedConversions(), 1e-9, r.model() + " " + r.channel());
          assertEquals(r.attributedValue(), u.attributedValue(), 1e-9, r.model() + " " + r.channel());
          checked++;
        }
      }
      assertEquals(channel.get(i).report().kpis(), campaign.get(i).report().kpis());
    }
    assertTrue(checked > 50, "rows checked: " + checked);
  }

  /* The run's per-date reports, segmented: a tier column that changes over a customer's events. */
  private static List<WindowedReport.Dated> reports(List<Event> events, RunWindow w, TouchpointLevel level) {
    TreeSet<String> names = new TreeSet<>();
    events.stream().filter(e -> e.channel() != null).forEach(e -> names.add(e.channel()));
    List<String> dictionary = new ArrayList<>(names);
    DatedFold.Builder b = DatedFold.builder(w, ZONE, LOOKBACK, MODELS, SEGMENTS);
    CustomerEvents columns = new CustomerEvents(dictionary);
    Map<String, List<Event>> byCustomer = new TreeMap<>();
    events.forEach(e -> byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e));
    FirstValues first = new FirstValues(1);
    for (List<Event> customer : byCustomer.values()) {
      columns.clear();
      for (Event e : customer) {
        columns.add(e.timestamp(), e.channel() == null ? CustomerEvents.NO_CHANNEL : dictionary.indexOf(e.channel()),
            e.touch(), e.conversion(), e.value(), e.orderId());
      }
      b.addCustomer(columns, (from, to) -> {
        first.clear();
        for (Event e : customer) {
          if (e.timestamp() >= from && e.timestamp() < to) {
            first.offer(e.timestamp(), new String[] {tier(e)});
          }
        }
        return first.values();
      });
    }
    return WindowedReport.compute(b.build(), w, JourneyAggregate.builder(LOOKBACK, MODELS).build(), MODELS,
        OPTIONS.modelOptions(), d -> SpendTable.empty(), level, SEGMENTS);
  }

  /* Mostly the customer's, but a customer's later events may move it up a tier: the slice decides. */
  private static String tier(Event e) {
    int base = Math.floorMod(e.customerId().hashCode(), 3);
    return List.of("bronze", "silver", "gold").get(Math.min(2, base + (int) (e.timestamp() / 86_400_000L % 7 / 6)));
  }

  private static void assertSameRows(List<SegmentRow<ChannelCreditRow>> want, List<SegmentRow<ChannelCreditRow>> got,
      String what) {
    assertEquals(want.size(), got.size(), what);
    for (int i = 0; i < want.size(); i++) {
      SegmentRow<ChannelCreditRow> w = want.get(i);
      SegmentRow<ChannelCreditRow> g = got.get(i);
      String at = what + " " + w.segments() + " " + w.row().model() + " " + w.row().channel();
      assertEquals(w.segments(), g.segments(), at);
      assertEquals(w.fitScope(), g.fitScope(), at);
      assertEquals(w.row().model() + "/" + w.row().channel(), g.row().model() + "/" + g.row().channel(), at);
      assertEquals(w.row().attributedConversions(), g.row().attributedConversions(), 1e-9, at);
      assertEquals(w.row().attributedValue(), g.row().attributedValue(),
          1e-9 * Math.max(1, Math.abs(w.row().attributedValue())), at);
    }
  }
}
