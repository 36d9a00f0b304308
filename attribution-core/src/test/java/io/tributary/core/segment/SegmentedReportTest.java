package io.tributary.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.PathSummaryRow;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.Requirement;
import io.tributary.core.options.RunOptions;
import io.tributary.core.output.KpiRow;
import io.tributary.core.output.SegmentRow;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Segments against hand-worked journeys (which journey is new or returning, which channel acquired a customer, what
 * each segment credits) and against invariants: rule-model credit and the additive KPIs of a segment's values sum to
 * the (all) row (money to the cent), and data-driven models are pooled below the journey threshold, never dropped.
 */
class SegmentedReportTest {
  private static final long H = 3_600_000L;
  private static final List<String> CHANNELS = List.of("display", "email", "search");

  /* One customer: rows of {time in hours, channel or null, touch?, value or null} and its loyalty column. */
  private record Customer(String loyalty, Object[][] rows) {}

  private static CustomerEvents events(Customer c) {
    CustomerEvents e = new CustomerEvents(CHANNELS);
    for (Object[] r : c.rows) {
      String ch = (String) r[1];
      boolean touch = (Boolean) r[2];
      BigDecimal v = (BigDecimal) r[3];
      e.add((Integer) r[0] * H, ch == null ? CustomerEvents.NO_CHANNEL : CHANNELS.indexOf(ch), touch, v != null, v,
          null);
    }
    return e;
  }

  private static Object[] touch(int h, String channel) {
    return new Object[] {h, channel, true, null};
  }

  private static Object[] conversion(int h, String value) {
    return new Object[] {h, null, false, new BigDecimal(value)};
  }

  /* A: email → 10.10 (new); search, email → 20.20 (returning); display (returning, no conversion). */
  private static final Customer A = new Customer("gold", new Object[][] {touch(0, "email"), conversion(1, "10.10"),
      touch(2, "search"), touch(3, "email"), conversion(4, "20.20"), touch(5, "display")});
  /* B: search, display, no conversion (new). */
  private static final Customer B = new Customer("silver", new Object[][] {touch(0, "search"), touch(1, "display")});
  /* C: a touchless 5.05 (new, acquired by no touch); email → 7.07 (returning). */
  private static final Customer C = new Customer("gold", new Object[][] {conversion(0, "5.05"), touch(1, "email"),
      conversion(2, "7.07")});

  private static SegmentedReport report(List<Customer> customers, Segmentation seg, RunOptions spec) {
    List<AttributionModel> models = spec.resolve(Set.of(Requirement.TIMESTAMPS));
    SegmentedAggregate.Builder b = SegmentedAggregate.builder(spec.journeyOptions(), models, seg);
    for (Customer c : customers) {
      b.addCustomer(events(c), seg.eventColumns().isEmpty() ? new String[0] : new String[] {c.loyalty});
    }
    SegmentedAggregate a = AggregateCodec.decodeSegmented(AggregateCodec.encode(b.build()));
    AttributionReport all = AttributionReport.compute(a.all(), models, SpendTable.empty());
    return SegmentedReport.compute(a, models, all, new KpiRow(all.kpis(), null), seg);
  }

  private static Map<String, double[]> credit(SegmentedReport r, String model, List<String> segments) {
    Map<String, double[]> out = new TreeMap<>();
    for (SegmentRow<ChannelCreditRow> row : r.channelCredit()) {
      if (row.row().model().equals(model) && row.segments().equals(segments)) {
        out.put(row.row().channel(), new double[] {row.row().attributedConversions(), row.row().attributedValue()});
      }
    }
    return out;
  }

  @Test
  void handWorked_newVsReturningAcquisitionAndColumn() {
    Segmentation seg = new Segmentation(List.of("new_vs_returning", "acquisition_channel", "loyalty"), 1000, false);
    SegmentedReport r = report(List.of(A, B, C), seg, RunOptions.defaults().with("models", "first_touch,last_touch"));
    // new: A's first journey (email, 10.10), B's journey (no conversion), C's touchless 5.05.
    Map<String, double[]> newFirst = credit(r, "first_touch", List.of("new", "(all)", "(all)"));
    assertEquals(1.0, newFirst.get("email")[0]);
    assertEquals(10.10, newFirst.get("email")[1]);
    assertEquals(0.0, newFirst.get("search")[0]); // on B's journey, which did not convert
    assertEquals(5.05, newFirst.get("(unattributed)")[1]);
    // returning: A's search>email (20.20), C's email (7.07); A's last display journey did not convert.
    Map<String, double[]> retLast = credit(r, "last_touch", List.of("returning", "(all)", "(all)"));
    assertEquals(2.0, retLast.get("email")[0]);
    assertEquals(27.27, retLast.get("email")[1], 1e-12);
    assertEquals(0.0, retLast.get("search")[0]);
    Map<String, double[]> retFirst = credit(r, "first_touch", List.of("returning", "(all)", "(all)"));
    assertEquals(20.20, retFirst.get("search")[1]);
    assertEquals(7.07, retFirst.get("email")[1]);
    // Acquisition: A by email (3 journeys), B by search (1), C by no touch (2).
    assertEquals(Map.of("(unattributed)", 2L, "email", 3L, "search", 1L), journeys(r, 1));
    assertEquals(Map.of("new", 3L, "returning", 3L), journeys(r, 0));
    assertEquals(Map.of("gold", 5L, "silver", 1L), journeys(r, 2));
    // Row order: (all) first, then each segment in the order given, values in text order.
    List<List<String>> kpiKeys = r.kpis().stream().map(SegmentRow::segments).toList();
    assertEquals(List.of(List.of("(all)", "(all)", "(all)"), List.of("new", "(all)", "(all)"),
        List.of("returning", "(all)", "(all)"), List.of("(all)", "(unattributed)", "(all)"),
        List.of("(all)", "email", "(all)"), List.of("(all)", "search", "(all)"), List.of("(all)", "(all)", "gold"),
        List.of("(all)", "(all)", "silver")), kpiKeys);
  }

  @Test
  void pathSummary_startsWithEveryPathOfAll_inEverySegmentColumn_asTheUnsegmentedTable() {
    RunOptions spec = RunOptions.defaults().with("models", "first_touch,last_touch");
    List<AttributionModel> models = spec.resolve(Set.of(Requirement.TIMESTAMPS));
    for (boolean perSegment : new boolean[] {false, true}) {
      Segmentation seg = new Segmentation(List.of("new_vs_returning", "loyalty"), 1000, perSegment);
      SegmentedReport r = report(List.of(A, B, C), seg, spec);
      // The unsegmented run's table, folded apart from the segmented one.
      JourneyAggregate.Builder plain = JourneyAggregate.builder(spec.journeyOptions(), models);
      for (Customer c : List.of(A, B, C)) {
        plain.addCustomer(events(c));
      }
      List<PathSummaryRow> want = AttributionReport.compute(plain.build(), models, SpendTable.empty()).pathSummary();
      assertTrue(want.size() > 1, "several paths");
      assertTrue(perSegment ? r.pathSummary().size() > want.size() : r.pathSummary().size() == want.size(),
          "per-segment paths follow the (all) rows only when asked");
      for (int i = 0; i < want.size(); i++) {
        SegmentRow<PathSummaryRow> got = r.pathSummary().get(i);
        assertEquals(List.of("(all)", "(all)"), got.segments(), "row " + i);
        assertEquals(null, got.fitScope());
        assertEquals(want.get(i), got.row(), "row " + i);
      }
      // The view the job writes ahead of the segment values' fits: the same rows.
      assertEquals(r.pathSummary().subList(0, want.size()),
          SegmentedReport.pathSummaryOfAll(plain.build(), 2));
    }
  }

  private static Map<String, Long> journeys(SegmentedReport r, int d) {
    Map<String, Long> out = new TreeMap<>();
    for (SegmentRow<KpiRow> k : r.kpis()) {
      String v = k.segments().get(d);
      if (!v.equals(Segmentation.ALL)) {
        out.put(v, k.row().kpis().journeys());
      }
    }
    return out;
  }

  @Test
  void firstValues_earliestEventThenSmallestValue() {
    FirstValues f = new FirstValues(2);
    f.offer(5, new String[] {"silver", "x"});
    f.offer(1, new String[] {"gold", "z"});
    f.offer(1, new String[] {"bronze", "y"});
    f.offer(0, null == null ? new String[] {"platinum", "w"} : null);
    assertEquals(List.of("platinum", "w"), List.of(f.values()));
    f.clear();
    f.offer(1, new String[] {"gold", "z"});
    f.offer(1, new String[] {"bronze", "y"});
    f.offer(3, new String[] {"a", "a"});
    assertEquals(List.of("bronze", "y"), List.of(f.values()));
  }

  @Test
  void pooledCredit_splitsEachPathByTheAllCustomerFit() {
    // The all-customer fit gave email 3 conversions (value 30) and search 1 (value 90). A segment path
    // email>search>email with 2 conversions worth 8.00 splits 3:1 in conversions and 30:90 in value.
    ModelResult fit = new ModelResult("markov", List.of(new ChannelCredit("email", 3, 30),
        new ChannelCredit("search", 1, 90), new ChannelCredit("display", 0, 0)));
    PathCounts.Builder b = PathCounts.builder();
    int e = b.channelId("email");
    int s = b.channelId("search");
    int d = b.channelId("display");
    b.add(new int[] {e, s, e}, 3, 2, new BigDecimal("8.00"), 0);
    b.add(new int[] {d}, 1, 1, new BigDecimal("4.00"), 0); // display has 0 in the fit: alone on its path, all of it
    ModelResult pooled = PooledCredit.attribute(fit, b.build());
    assertEquals(1.5, pooled.credit("email").conversions(), 1e-15);
    assertEquals(0.5, pooled.credit("search").conversions(), 1e-15);
    assertEquals(2.0, pooled.credit("email").value(), 1e-15);
    assertEquals(6.0, pooled.credit("search").value(), 1e-15);
    assertEquals(1.0, pooled.credit("display").conversions(), 1e-15);
    assertEquals(4.0, pooled.credit("display").value(), 1e-15);
  }

  @Test
  void randomCustomers_ruleCreditAndKpisAddUpToAll_dataDrivenPooledBelowThreshold() {
    Random rnd = new Random(11);
    List<Customer> customers = new ArrayList<>();
    String[] tiers = {"bronze", "gold", "silver", ""};
    for (int c = 0; c < 400; c++) {
      List<Object[]> rows = new ArrayList<>();
      int n = 1 + rnd.nextInt(8);
      for (int i = 0; i < n; i++) {
        int h = rnd.nextInt(2000);
        if (rnd.nextInt(4) == 0) {
          rows.add(conversion(h, (1 + rnd.nextInt(9999)) / 100 + "." + String.format("%02d", rnd.nextInt(100))));
        } else {
          rows.add(touch(h, CHANNELS.get(rnd.nextInt(3))));
        }
      }
      customers.add(new Customer(tiers[rnd.nextInt(4)], rows.toArray(Object[][]::new)));
    }
    Segmentation seg = new Segmentation(List.of("loyalty", "new_vs_returning", "acquisition_channel"), 300, true);
    RunOptions spec = RunOptions.defaults();
    SegmentedReport r = report(customers, seg, spec);
    List<String> all = List.of("(all)", "(all)", "(all)");
    for (int d = 0; d < 3; d++) {
      // Rule models and time decay: every value's credit sums to the (all) credit.
      for (String model : List.of("first_touch", "last_touch", "last_non_direct", "linear", "position_based",
          "time_decay")) {
        Map<String, double[]> whole = credit(r, model, all);
        Map<String, BigDecimal[]> summed = new HashMap<>();
        for (SegmentRow<ChannelCreditRow> row : r.channelCredit()) {
          if (row.row().model().equals(model) && !row.segments().get(d).equals("(all)")) {
            assertEquals("segment", row.fitScope());
            BigDecimal[] s = summed.computeIfAbsent(row.row().channel(),
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(new BigDecimal(row.row().attributedConversions()));
            s[1] = s[1].add(new BigDecimal(row.row().attributedValue()));
          }
        }
        assertEquals(whole.keySet(), summed.keySet(), model);
        for (String ch : whole.keySet()) {
          assertEquals(whole.get(ch)[0], summed.get(ch)[0].doubleValue(), 1e-12 * Math.max(1, whole.get(ch)[0]),
              model + " " + ch);
          assertEquals(cents(new BigDecimal(whole.get(ch)[1])), cents(summed.get(ch)[1]), model + " " + ch);
        }
      }
      // Additive KPIs.
      ConversionKpis whole = r.kpis().get(0).row().kpis();
      long journeys = 0;
      long converting = 0;
      long conversions = 0;
      long multi = 0;
      BigDecimal value = BigDecimal.ZERO;
      for (SegmentRow<KpiRow> k : r.kpis()) {
        if (!k.segments().get(d).equals("(all)")) {
          journeys += k.row().kpis().journeys();
          converting += k.row().kpis().convertingJourneys();
          conversions += k.row().kpis().conversions();
          multi += k.row().kpis().multiChannelJourneys();
          value = value.add(new BigDecimal(k.row().kpis().totalValue()));
        }
      }
      assertEquals(whole.journeys(), journeys);
      assertEquals(whole.convertingJourneys(), converting);
      assertEquals(whole.conversions(), conversions);
      assertEquals(whole.multiChannelJourneys(), multi);
      assertEquals(cents(new BigDecimal(whole.totalValue())), cents(value));
    }
    // Data-driven: values with fewer than 300 journeys are pooled, the others fitted; each reconciles.
    int pooled = 0;
    int own = 0;
    for (SegmentRow<KpiRow> k : r.kpis().subList(1, r.kpis().size())) {
      boolean big = k.row().kpis().journeys() >= 300;
      double conv = 0;
      for (SegmentRow<ChannelCreditRow> row : r.channelCredit()) {
        if (row.row().model().equals("markov") && row.segments().equals(k.segments())) {
          assertEquals(big ? "segment" : "pooled", row.fitScope(), k.segments().toString());
          conv += row.row().attributedConversions();
        }
      }
      assertEquals(k.row().kpis().conversions(), conv, 1e-9);
      if (big) {
        own++;
      } else {
        pooled++;
      }
    }
    assertTrue(pooled > 0 && own > 0, pooled + " pooled, " + own + " own");
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("fit_scope pooled")), r.notes().toString());
    // --segment-paths: each value's paths listed, their journeys summing to the (all) paths'.
    long allPathJourneys = r.pathSummary().stream().filter(p -> p.segments().equals(all))
        .mapToLong(p -> p.row().journeys()).sum();
    long loyaltyPathJourneys = r.pathSummary().stream().filter(p -> !p.segments().get(0).equals("(all)"))
        .mapToLong(p -> p.row().journeys()).sum();
    assertEquals(allPathJourneys, loyaltyPathJourneys);
  }

  /* Threads that share out the aggregates (each folding every customer into its own) make the one builder's bytes. */
  @Test
  void sharedOutBuilders_joinToTheOneBuildersAggregate() {
    Random rnd = new Random(5);
    List<Customer> customers = new ArrayList<>();
    for (int c = 0; c < 300; c++) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) {
        int h = rnd.nextInt(2000);
        rows.add(rnd.nextInt(3) == 0 ? conversion(h, (1 + rnd.nextInt(999)) + ".25")
            : touch(h, CHANNELS.get(rnd.nextInt(3))));
      }
      customers.add(new Customer("t" + rnd.nextInt(5), rows.toArray(Object[][]::new)));
    }
    Segmentation seg = new Segmentation(List.of("loyalty", "new_vs_returning", "acquisition_channel"), 50, false);
    RunOptions spec = RunOptions.defaults();
    List<AttributionModel> models = spec.resolve(Set.of(Requirement.TIMESTAMPS));
    byte[] one = null;
    for (int shares = 1; shares <= 4; shares++) {
      List<SegmentedAggregate> parts = new ArrayList<>();
      for (int share = 0; share < shares; share++) {
        SegmentedAggregate.Builder b = SegmentedAggregate.builder(spec.journeyOptions(), models, seg, share, shares);
        for (Customer c : customers) {
          b.addCustomer(events(c), new String[] {c.loyalty});
        }
        parts.add(b.build());
      }
      byte[] joined = AggregateCodec.encode(SegmentedAggregate.join(parts));
      if (one == null) {
        one = joined;
      } else {
        org.junit.jupiter.api.Assertions.assertArrayEquals(one, joined, shares + " shares");
      }
    }
    SegmentedAggregate.Builder single = SegmentedAggregate.builder(spec.journeyOptions(), models, seg);
    for (Customer c : customers) {
      single.addCustomer(events(c), new String[] {c.loyalty});
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(AggregateCodec.encode(single.build()), one);
    assertThrows(IllegalArgumentException.class,
        () -> SegmentedAggregate.builder(spec.journeyOptions(), models, seg, 0, 5));
  }

  private static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }

  /*
   * A thousand values of one column, three customers each: one small aggregate per value (no cross product), every
   * value's data-driven credit pooled and said so in one line, not a thousand.
   */
  @Test
  void thousandValues_pooledInOneNote() {
    List<Customer> customers = new ArrayList<>();
    for (int v = 0; v < 1000; v++) {
      for (int k = 0; k < 3; k++) {
        customers.add(new Customer(String.format("r%04d", v), new Object[][] {touch(0, CHANNELS.get(k)),
            touch(1, CHANNELS.get((k + v) % 3)), conversion(2, "1.00")}));
      }
    }
    Segmentation seg = new Segmentation(List.of("loyalty"), 1000, false);
    SegmentedReport r = report(customers, seg, RunOptions.defaults().with("models", "linear,markov"));
    assertEquals(1001, r.kpis().size());
    assertEquals(1, r.notes().size(), r.notes().toString());
    assertTrue(r.notes().get(0).startsWith("note: segment loyalty: 1000 of 1000 values have fewer than 1000 "
        + "journeys"), r.notes().get(0));
    long pooled = r.channelCredit().stream().filter(x -> x.row().model().equals("markov")
        && !x.segments().get(0).equals("(all)")).filter(x -> x.fitScope().equals("pooled")).count();
    assertEquals(1000 * 3, pooled);
  }
}
