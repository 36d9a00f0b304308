package io.tributary.core.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.clv.ClvOptions;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.clv.LifetimeValue;
import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.Requirement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lifetime value by channel on a population built by hand: every customer's acquisition journey, purchases and so
 * summary are known, so the rule models' split can be computed here from their definitions.
 */
class ChannelLifetimeValueTest {
  private static final List<String> CHANNELS = List.of("direct", "display", "email", "search");
  private static final int DIRECT = 0;
  private static final int DISPLAY = 1;
  private static final int EMAIL = 2;
  private static final int SEARCH = 3;
  private static final long DAY = 86_400_000L;
  private static final long START = LocalDate.of(2024, 1, 1).toEpochDay() * DAY + 12 * 3_600_000L;
  private static final int CUSTOMERS = 400;
  private static final long END_DAY = 120; // a non-buyer's touch on day 120 is the run's last event

  /** The acquisition journey of customer i: search > email, display, search, or none (touchless). */
  private static int[] acquisition(int i) {
    return switch (i % 4) {
      case 0 -> new int[] {SEARCH, EMAIL};
      case 1 -> new int[] {DISPLAY};
      case 2 -> new int[] {SEARCH};
      default -> new int[0];
    };
  }

  private static final int[][] DAYS = purchaseDays();

  private static int firstDay(int i) {
    return DAYS[i][0];
  }

  private static int repeats(int i) {
    return DAYS[i].length - 1;
  }

  private static int repeatDay(int i, int k) {
    return DAYS[i][k + 1];
  }

  private static BigDecimal repeatValue(int i, int k) {
    return BigDecimal.valueOf(15 + (i * 7 + k * 13) % 23 + (i % 4) * 10);
  }

  /*
   * Purchase days drawn once, with a fixed seed, from the BG/NBD story (a rate and a dropout probability per customer;
   * a population whose customers all behave alike has no finite BG/NBD fit). Repeats falling on a day already used
   * are skipped, so every listed day is one purchase day.
   */
  private static int[][] purchaseDays() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    int[][] out = new int[CUSTOMERS][];
    for (int i = 0; i < CUSTOMERS; i++) {
      double rate = -Math.log(1 - r.nextDouble()) / 15; // per day, mean 1/15
      double dropout = r.nextDouble() * r.nextDouble();
      List<Integer> days = new ArrayList<>(List.of(i % 10));
      double t = days.get(0) + 0.5;
      while (true) {
        t += -Math.log(1 - r.nextDouble()) / rate;
        int d = (int) t;
        if (d >= END_DAY) {
          break;
        }
        if (d > days.get(days.size() - 1)) {
          days.add(d);
        }
        if (r.nextDouble() < dropout) {
          break;
        }
      }
      out[i] = days.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  private static List<CustomerEvents> population(boolean reversed) {
    List<CustomerEvents> out = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      CustomerEvents e = new CustomerEvents(CHANNELS);
      long first = START + firstDay(i) * DAY;
      int[] path = acquisition(i);
      for (int k = 0; k < path.length; k++) {
        e.add(first - (path.length - k) * 3_600_000L, path[k], true, false, null, null);
      }
      e.add(first, -1, false, true, BigDecimal.TEN, "o" + i + "-0");
      for (int k = 0; k < repeats(i); k++) {
        long t = START + repeatDay(i, k) * DAY;
        if (i % 2 == 0) {
          e.add(t - 60_000, DIRECT, true, false, null, null); // a touch before a repeat: not an acquisition
        }
        e.add(t, -1, false, true, repeatValue(i, k), "o" + i + "-" + (k + 1));
      }
      out.add(e);
    }
    CustomerEvents browser = new CustomerEvents(CHANNELS);
    browser.add(START + END_DAY * DAY, DISPLAY, true, false, null, null);
    out.add(browser);
    if (reversed) {
      java.util.Collections.reverse(out);
    }
    return out;
  }

  private record Run(ChannelLifetimeValue clv, List<AttributionModel> models) {}

  private static Run run(boolean reversed, SpendTable spend) {
    return run(reversed, spend, 0, 0);
  }

  private static Run run(boolean reversed, SpendTable spend, int replicates, long seed) {
    List<AttributionModel> models = ModelRegistry.resolve("all", ModelOptions.defaults(),
        EnumSet.allOf(Requirement.class));
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    AcquisitionRecorder recorder = new AcquisitionRecorder(models, ZoneOffset.UTC);
    for (CustomerEvents e : population(reversed)) {
      recorder.startCustomer(e.channelNames());
      b.addCustomer(e, recorder);
      recorder.endCustomer();
    }
    JourneyAggregate aggregate = b.build();
    AttributionReport report = AttributionReport.compute(aggregate, models, spend);
    return new Run(ChannelLifetimeValue.compute(aggregate, models, LifetimeTally.of(recorder.build()),
        report.channelCredit(), spend, ClvOptions.defaults(), ZoneOffset.UTC, replicates, seed), models);
  }

  /** Customer i's summary by hand, in weeks, calibrated to day 120. */
  private static CustomerSummary summary(int i) {
    int x = repeats(i);
    double tx = x == 0 ? 0 : (repeatDay(i, x - 1) - firstDay(i)) / 7.0;
    double sum = 0;
    for (int k = 0; k < x; k++) {
      sum += repeatValue(i, k).doubleValue();
    }
    return new CustomerSummary(x, tx, (END_DAY - firstDay(i)) / 7.0, x, x == 0 ? 0 : sum / x);
  }

  private static Map<String, Double> row(ChannelLifetimeValue clv, String model, boolean customers) {
    Map<String, Double> out = new HashMap<>();
    for (ChannelLifetimeValueRow r : clv.rows()) {
      if (r.model().equals(model)) {
        out.put(r.channel(), customers ? r.newCustomers() : r.lifetimeValue());
      }
    }
    return out;
  }

  @Test
  void compute_ruleModels_splitEachAcquisitionJourneysValueByTheirRule() {
    ChannelLifetimeValue clv = run(false, SpendTable.empty()).clv();
    assertEquals(LocalDate.of(2024, 1, 1).plusDays(END_DAY), clv.calibrationEnd());
    assertEquals(CUSTOMERS, clv.customers());
    LifetimeValue lv = new LifetimeValue(clv.purchases().model(), clv.value().model(), ClvOptions.defaults());
    Map<String, Double> linear = new HashMap<>();
    Map<String, Double> first = new HashMap<>();
    Map<String, Double> last = new HashMap<>();
    double total = 0;
    double touchless = 0;
    for (int i = 0; i < CUSTOMERS; i++) {
      double v = lv.lifetimeValue(summary(i));
      total += v;
      int[] path = acquisition(i);
      if (path.length == 0) {
        touchless += v;
        continue;
      }
      for (int c : path) {
        linear.merge(CHANNELS.get(c), v / path.length, Double::sum);
      }
      first.merge(CHANNELS.get(path[0]), v, Double::sum);
      last.merge(CHANNELS.get(path[path.length - 1]), v, Double::sum);
    }
    assertEquals(total, clv.totalLifetimeValue(), 1e-9 * total);
    for (var e : Map.of("linear", linear, "first_touch", first, "last_touch", last).entrySet()) {
      Map<String, Double> got = row(clv, e.getKey(), false);
      for (String c : List.of("display", "email", "search")) {
        assertEquals(e.getValue().getOrDefault(c, 0.0), got.get(c), 1e-9 * total, e.getKey() + " " + c);
      }
      assertEquals(0.0, got.get("direct"), 1e-12, "direct only precedes repeat purchases");
      assertEquals(touchless, got.get(ChannelLifetimeValue.UNATTRIBUTED), 1e-9 * total);
    }
    // New customers: 100 journeys search > email, 100 display, 100 search, 100 touchless.
    Map<String, Double> linearCustomers = row(clv, "linear", true);
    assertEquals(150.0, linearCustomers.get("search"), 1e-9);
    assertEquals(50.0, linearCustomers.get("email"), 1e-9);
    assertEquals(100.0, linearCustomers.get("display"), 1e-9);
    assertEquals(100.0, linearCustomers.get(ChannelLifetimeValue.UNATTRIBUTED), 1e-9);
  }

  @Test
  void compute_everyModel_creditsAllCustomersAndAllValue() {
    Run r = run(false, SpendTable.empty());
    for (AttributionModel m : r.models()) {
      double customers = row(r.clv(), m.name(), true).values().stream().mapToDouble(Double::doubleValue).sum();
      double value = row(r.clv(), m.name(), false).values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(CUSTOMERS, customers, 1e-9, m.name());
      assertEquals(r.clv().totalLifetimeValue(), value, 1e-9 * value, m.name());
    }
  }

  /*
   * Bootstrap intervals of lifetime value: the same bits whatever order the buyers were read in (engines differ
   * there) and for the same seed; around the point estimate; and about as wide as the closed form of resampling a sum
   * of customer values says (Var of a multinomial resample of N values v_i·c_i: N·(mean of (vc)² − (mean of vc)²)),
   * which holds the fit fixed, so the refit's interval may be somewhat wider, never far narrower.
   */
  @Test
  void bootstrap_intervalsAreOrderFreeDeterministicAndAsWideAsResamplingTheSumSays() {
    ChannelLifetimeValue a = run(false, SpendTable.empty(), 40, 7).clv();
    ChannelLifetimeValue b = run(true, SpendTable.empty(), 40, 7).clv();
    assertEquals(a.rows(), b.rows(), "reading order must not change an interval");
    ChannelLifetimeValue other = run(false, SpendTable.empty(), 40, 8).clv();
    assertTrue(!a.rows().equals(other.rows()), "another seed draws other replicates");
    LifetimeValue lv = new LifetimeValue(a.purchases().model(), a.value().model(), ClvOptions.defaults());
    for (String channel : List.of("display", "search")) {
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < CUSTOMERS; i++) {
        int[] path = acquisition(i);
        double v = path.length > 0 && CHANNELS.get(path[0]).equals(channel) ? lv.lifetimeValue(summary(i)) : 0;
        sum += v;
        squares += v * v;
      }
      double sd = Math.sqrt(CUSTOMERS * (squares / CUSTOMERS - Math.pow(sum / CUSTOMERS, 2)));
      ChannelLifetimeValueRow r = a.rows().stream()
          .filter(x -> x.model().equals("first_touch") && x.channel().equals(channel)).findFirst().orElseThrow();
      assertTrue(r.ciLow() <= r.lifetimeValue() && r.lifetimeValue() <= r.ciHigh(), r.toString());
      double width = r.ciHigh() - r.ciLow();
      assertTrue(width > 0.6 * 2 * 1.96 * sd && width < 4 * 2 * 1.96 * sd,
          channel + ": width " + width + " against the fixed-fit closed form " + 2 * 1.96 * sd);
    }
    assertEquals(0, a.failedReplicates());
  }

  @Test
  void holdout_countsEachCustomersPurchasesOnEitherSideOfTheCut() {
    List<AttributionModel> models = ModelRegistry.resolve("linear", ModelOptions.defaults(),
        EnumSet.allOf(Requirement.class));
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    AcquisitionRecorder recorder = new AcquisitionRecorder(models, ZoneOffset.UTC);
    for (CustomerEvents e : population(false)) {
      recorder.startCustomer(e.channelNames());
      b.addCustomer(e, recorder);
      recorder.endCustomer();
    }
    LocalDate end = LocalDate.of(2024, 1, 1).plusDays(END_DAY);
    HoldoutCheck check = HoldoutCheck.of(recorder.build(), end, ClvOptions.defaults());
    // First purchases on days 0..9, the end on day 120: the holdout is the last (120 - 0) / 3 = 40 days.
    long cut = 80;
    assertEquals(LocalDate.of(2024, 1, 1).plusDays(cut), check.calibrationEnd());
    long[] customers = new long[HoldoutCheck.LAST_ROW + 1];
    double[] after = new double[HoldoutCheck.LAST_ROW + 1];
    for (int i = 0; i < CUSTOMERS; i++) {
      int x = 0;
      int later = 0;
      for (int k = 0; k < repeats(i); k++) {
        if (repeatDay(i, k) <= cut) {
          x++;
        } else {
          later++;
        }
      }
      customers[Math.min(x, HoldoutCheck.LAST_ROW)]++;
      after[Math.min(x, HoldoutCheck.LAST_ROW)] += later;
    }
    for (HoldoutCheck.Row r : check.rows()) {
      assertEquals(customers[r.frequency()], r.customers(), "x = " + r.frequency());
      assertEquals(after[r.frequency()] / customers[r.frequency()], r.actual(), 1e-12, "x = " + r.frequency());
      assertTrue(r.predicted() >= 0, "x = " + r.frequency());
    }
    assertEquals(CUSTOMERS, check.rows().stream().mapToLong(HoldoutCheck.Row::customers).sum());
  }

  @Test
  void compute_buyersFromOtherJourneys_failsNamingTheMissingPath() {
    // The buyers recorded from every customer, the aggregate folded without the search-only buyers (i % 4 == 2): their
    // acquisition path is in no other journey of the aggregate (search is, in search > email): the run must stop
    // naming it, not credit its value to nobody.
    List<AttributionModel> models = ModelRegistry.resolve("all", ModelOptions.defaults(),
        EnumSet.allOf(Requirement.class));
    JourneyAggregate.Builder all = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    JourneyAggregate.Builder some = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    AcquisitionRecorder recorder = new AcquisitionRecorder(models, ZoneOffset.UTC);
    List<CustomerEvents> population = population(false);
    for (int i = 0; i < population.size(); i++) {
      CustomerEvents e = population.get(i);
      recorder.startCustomer(e.channelNames());
      all.addCustomer(e, recorder);
      recorder.endCustomer();
      if (i >= CUSTOMERS || i % 4 != 2) {
        some.addCustomer(e);
      }
    }
    JourneyAggregate aggregate = some.build();
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> ChannelLifetimeValue.compute(aggregate, models, LifetimeTally.of(recorder.build()), List.of(),
            SpendTable.empty(), ClvOptions.defaults(), ZoneOffset.UTC));
    assertEquals("acquisition path search is not in the aggregate: the ledger and the aggregate were folded "
        + "from different journeys", e.getMessage());
  }

  @Test
  void compute_customersInAnotherOrder_sameBits() {
    assertEquals(run(false, SpendTable.empty()).clv().rows(), run(true, SpendTable.empty()).clv().rows());
  }

  @Test
  void compute_spend_ltvRoasIsValueOverSpendBesideRoas() {
    SpendTable spend = SpendTable.builder().add("search", new BigDecimal("500")).build();
    ChannelLifetimeValue clv = run(false, spend).clv();
    for (ChannelLifetimeValueRow r : clv.rows()) {
      if (r.channel().equals("search")) {
        assertEquals(500.0, r.spend());
        assertEquals(r.lifetimeValue() / 500.0, r.ltvRoas(), 1e-12);
        assertTrue(r.roas() != null && r.roas() > 0, r.model());
        assertEquals(r.lifetimeValue() / r.newCustomers(), r.lifetimeValuePerCustomer(), 1e-12);
      } else {
        assertNull(r.ltvRoas(), r.channel());
      }
    }
  }
}
