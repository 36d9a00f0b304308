package io.tributary.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.RandomData;
import io.tributary.core.TributaryException;
import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.CustomerJourneys;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.Journey;
import io.tributary.core.journey.JourneyBuilder;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import io.tributary.core.options.RunOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Report windows against brute force: each date's journeys re-cut from scratch from the events a one-date run sees,
 * a range against one-date runs of the same dates, and the rule models' daily credit against a whole-history run.
 */
class DatedFoldTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final JourneyOptions LOOKBACK = new JourneyOptions(Duration.ofDays(7));
  private static final RunOptions OPTIONS = RunOptions.defaults();
  private static final List<AttributionModel> MODELS = OPTIONS.resolve(Set.of(Requirement.TIMESTAMPS));
  private static final LocalDate A = LocalDate.of(1970, 2, 1);
  private static final LocalDate B = LocalDate.of(1970, 2, 20);

  @Test
  void everyDate_equalsItsJourneysCutFromScratch() {
    List<Event> events = RandomData.events(11, 600, 5);
    RunWindow w = RunWindow.dates(A, B, 1);
    DatedAggregates got = fold(events, w);
    JourneyAggregate empty = JourneyAggregate.builder(LOOKBACK, MODELS).build();
    for (LocalDate d : w.report().dates()) {
      long start = millis(d);
      long end = millis(d.plusDays(1));
      JourneyAggregate.Builder truth = JourneyAggregate.builder(LOOKBACK, MODELS);
      JourneyBuilder cut = new JourneyBuilder(LOOKBACK);
      for (List<Event> customer : byCustomer(events).values()) {
        long from = start - LOOKBACK.lookback().toMillis();
        List<Event> seen = within(customer, from, end);
        CustomerJourneys cj = cut.build(seen);
        for (Journey j : cj.journeys()) {
          if (j.endTime() >= start && j.endTime() < end) {
            truth.add(j);
          }
        }
        // A conversion's duplicate status depends only on what came before it: the date's duplicates are the slice's
        // less those of the slice's part before the date.
        truth.addDuplicates(cj.duplicateConversions() - cut.build(within(customer, from, start)).duplicateConversions());
      }
      assertSameReport(report(truth.build()), report(got.get(d, empty)), d.toString());
      assertEquals(truth.build().duplicateConversions(), got.get(d, empty).duplicateConversions(), d.toString());
    }
  }

  @Test
  void range_equalsOneDateRuns_everyModel_withAndWithoutFittingWindow() {
    List<Event> events = RandomData.events(23, 500, 6);
    for (int fit : new int[] {1, 5}) {
      RunWindow range = RunWindow.dates(A, B, fit);
      List<WindowedReport.Dated> once = reports(events, range);
      for (int i = 0; i < once.size(); i++) {
        LocalDate d = A.plusDays(i);
        WindowedReport.Dated nightly = reports(events, RunWindow.dates(d, d, fit)).get(0);
        assertEquals(d, once.get(i).date());
        assertSameReport(nightly.report(), once.get(i).report(), d + " fit " + fit);
        assertEquals(nightly.fits(), once.get(i).fits());
      }
    }
  }

  @Test
  void eventsOutsideTheReadRange_changeNothing() {
    List<Event> events = RandomData.events(5, 400, 4);
    RunWindow w = RunWindow.dates(A, B, 3);
    DateRange range = w.readRange(LOOKBACK.lookback(), ZONE);
    assertEquals(LocalDate.of(1970, 1, 23), range.first()); // Feb 1 − 2 days of fit − 7 days of lookback
    List<Event> inside = within(events, range.startInclusive().toEpochMilli(), range.endExclusive().toEpochMilli());
    assertTrue(inside.size() < events.size());
    List<WindowedReport.Dated> all = reports(events, w);
    List<WindowedReport.Dated> read = reports(inside, w);
    for (int i = 0; i < all.size(); i++) {
      assertSameReport(all.get(i).report(), read.get(i).report(), all.get(i).date().toString());
    }
  }

  @Test
  void ruleModels_dailyCreditsAddUpToAWholeHistoryRunOfTheRange_toTheCent() {
    // Without order ids: a duplicate older than the lookback is the one thing a window cannot see (documented).
    List<Event> events = RandomData.events(31, 800, 5).stream()
        .map(e -> e.conversion() && !e.touch() ? Event.conversion(e.customerId(), e.timestamp(), e.value(), null) : e)
        .toList();
    RunWindow w = RunWindow.dates(A, B, 1);
    Map<String, double[]> sum = new TreeMap<>();
    for (WindowedReport.Dated d : reports(events, w)) {
      for (ChannelCreditRow r : d.report().channelCredit()) {
        double[] s = sum.computeIfAbsent(r.model() + "/" + r.channel(), k -> new double[2]);
        s[0] += r.attributedConversions();
        s[1] += r.attributedValue();
      }
    }
    // The whole history cut once; its converting journeys whose conversion falls in the range.
    JourneyAggregate.Builder whole = JourneyAggregate.builder(LOOKBACK, MODELS);
    JourneyBuilder cut = new JourneyBuilder(LOOKBACK);
    for (List<Event> customer : byCustomer(events).values()) {
      for (Journey j : cut.build(customer).journeys()) {
        if (j.converted() && j.endTime() >= millis(A) && j.endTime() < millis(B.plusDays(1))) {
          whole.add(j);
        }
      }
    }
    Set<String> rules = Set.of("first_touch", "last_touch", "last_non_direct", "linear", "position_based",
        "time_decay", "shapley_simplified");
    int checked = 0;
    for (ChannelCreditRow r : report(whole.build()).channelCredit()) {
      if (!rules.contains(r.model())) {
        continue;
      }
      double[] s = sum.getOrDefault(r.model() + "/" + r.channel(), new double[2]);
      assertEquals(Math.round(r.attributedValue() * 100), Math.round(s[1] * 100), r.model() + " " + r.channel());
      assertEquals(r.attributedConversions(), s[0], 1e-9, r.model() + " " + r.channel());
      checked++;
    }
    assertTrue(checked > 20, "rows checked: " + checked);
  }

  @Test
  void options_readTogether_oneLineErrors() {
    assertEquals(RunWindow.wholeInput(null), RunWindow.of(Map.of()));
    assertEquals(RunWindow.dates(A, A, 1), RunWindow.of(Map.of("run-date", A.toString())));
    assertEquals(RunWindow.dates(A, B, 90), RunWindow.of(Map.of("from", A.toString(), "to", B.toString(),
        "fit-window", "90d")));
    assertEquals(RunWindow.wholeInput(A), RunWindow.of(Map.of("run-date", A.toString(), "conversions", "all")));
    assertEquals("--from: 1970-02-20 is after --to 1970-02-01", assertThrows(TributaryException.class,
        () -> RunWindow.of(Map.of("from", B.toString(), "to", A.toString()))).getMessage());
    assertEquals("--from: --from and --to go together (the first and last report date)",
        assertThrows(TributaryException.class, () -> RunWindow.of(Map.of("from", A.toString()))).getMessage());
    assertEquals("--fit-window: expected whole days from 1d to 36500d, e.g. 90d, got \"36h\"",
        assertThrows(TributaryException.class, () -> RunWindow.of(Map.of("run-date", A.toString(), "fit-window",
            "36h"))).getMessage());
    assertThrows(TributaryException.class, () -> RunWindow.of(Map.of("run-date", A.toString(), "from",
        A.toString(), "to", B.toString())));
    assertThrows(TributaryException.class, () -> RunWindow.of(Map.of("conversions", "window")));
  }

  private static long millis(LocalDate d) {
    return d.atStartOfDay(ZONE).toInstant().toEpochMilli();
  }

  private static List<Event> within(List<Event> events, long from, long to) {
    Predicate<Event> in = e -> e.timestamp() >= from && e.timestamp() < to;
    return events.stream().filter(in).toList();
  }

  private static Map<String, List<Event>> byCustomer(List<Event> events) {
    Map<String, List<Event>> out = new TreeMap<>();
    for (Event e : events) {
      out.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
    }
    return out;
  }

  static DatedAggregates fold(List<Event> events, RunWindow w) {
    TreeSet<String> names = new TreeSet<>();
    events.stream().filter(e -> e.channel() != null).forEach(e -> names.add(e.channel()));
    List<String> dictionary = new ArrayList<>(names);
    DatedFold.Builder b = DatedFold.builder(w, ZONE, LOOKBACK, MODELS);
    CustomerEvents columns = new CustomerEvents(dictionary);
    for (List<Event> customer : byCustomer(events).values()) {
      columns.clear();
      for (Event e : customer) {
        columns.add(e.timestamp(), e.channel() == null ? CustomerEvents.NO_CHANNEL : dictionary.indexOf(e.channel()),
            e.touch(), e.conversion(), e.value(), e.orderId());
      }
      b.addCustomer(columns);
    }
    return b.build();
  }

  private static List<WindowedReport.Dated> reports(List<Event> events, RunWindow w) {
    return WindowedReport.compute(fold(events, w), w, JourneyAggregate.builder(LOOKBACK, MODELS).build(), MODELS,
        OPTIONS.modelOptions(), d -> SpendTable.empty());
  }

  private static AttributionReport report(JourneyAggregate a) {
    return AttributionReport.compute(a, MODELS, SpendTable.empty(), OPTIONS.modelOptions());
  }

  static void assertSameReport(AttributionReport want, AttributionReport got, String what) {
    assertEquals(want.kpis(), got.kpis(), what);
    assertEquals(want.channelCredit().size(), got.channelCredit().size(), what);
    for (int i = 0; i < want.channelCredit().size(); i++) {
      ChannelCreditRow w = want.channelCredit().get(i);
      ChannelCreditRow g = got.channelCredit().get(i);
      String at = what + " " + w.model() + " " + w.channel();
      assertEquals(w.model() + "/" + w.channel(), g.model() + "/" + g.channel(), at);
      assertEquals(w.attributedConversions(), g.attributedConversions(), 1e-9, at);
      assertEquals(w.attributedValue(), g.attributedValue(), 1e-9 * Math.max(1, Math.abs(w.attributedValue())), at);
    }
  }
}
