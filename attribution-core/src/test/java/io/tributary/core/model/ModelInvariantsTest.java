package io.tributary.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.RandomData;
import io.tributary.core.TributaryException;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invariants every registered model must keep, on generated data. */
class ModelInvariantsTest {
  private static final Set<Requirement> ALL = EnumSet.allOf(Requirement.class);

  static JourneyAggregate aggregate(List<Event> events, List<AttributionModel> models) {
    Map<String, List<Event>> byCustomer = new LinkedHashMap<>();
    for (Event e : events) {
      byCustomer.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e);
    }
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    byCustomer.values().forEach(b::addCustomer);
    return b.build();
  }

  @Test
  void everyModel_creditsSumToTotals_onGeneratedData() {
    List<AttributionModel> models = ModelRegistry.resolve("all", ModelOptions.defaults(), ALL);
    assertEquals(ModelRegistry.names().size(), models.size());
    for (long seed = 1; seed <= 5; seed++) {
      JourneyAggregate agg = aggregate(RandomData.events(seed, 400, 5), models);
      double conversions = agg.paths().conversions();
      double value = agg.paths().value().doubleValue();
      assertTrue(conversions > 0);
      for (ModelResult r : AttributionRun.fit(agg, models)) {
        assertEquals(conversions, r.totalConversions(), 1e-9 * conversions, r.model());
        assertEquals(value, r.totalValue(), 1e-9 * value, r.model());
        assertEquals(channelNames(agg), r.credits().stream().map(ChannelCredit::channel).toList(),
            "every model lists every channel: " + r.model());
      }
    }
  }

  private static List<String> channelNames(JourneyAggregate agg) {
    return io.tributary.core.paths.ChannelDictionary.of(agg.paths()).names();
  }

  @Test
  void firstLastLinearPositionAndTimeDecay_agreeOnSingleTouchJourneys() {
    List<Event> events = new ArrayList<>();
    Random r = new Random(3);
    for (int c = 0; c < 200; c++) {
      long t = r.nextInt(1_000_000) * 1000L;
      events.add(Event.touch("u" + c, t, "c" + r.nextInt(4)));
      events.add(Event.conversion("u" + c, t + 3_600_000L, BigDecimal.valueOf(r.nextInt(500)), null));
    }
    List<AttributionModel> models = ModelRegistry.resolve(
        "first_touch,last_touch,last_non_direct,linear,position_based,time_decay", ModelOptions.defaults(), ALL);
    List<ModelResult> results = AttributionRun.fit(aggregate(events, models), models);
    for (ModelResult res : results.subList(1, results.size())) {
      for (ChannelCredit c : res.credits()) {
        ChannelCredit ref = results.get(0).credit(c.channel());
        assertEquals(ref.conversions(), c.conversions(), 1e-12, res.model());
        assertEquals(ref.value(), c.value(), 1e-9, res.model());
      }
    }
  }

  @Test
  void timeDecay_withHugeHalfLife_equalsLinear_onGeneratedData() {
    ModelOptions o = ModelOptions.defaults().withHalfLife(java.time.Duration.ofDays(365L * 1_000_000));
    List<AttributionModel> models = ModelRegistry.resolve("linear,time_decay", o, ALL);
    List<ModelResult> rs = AttributionRun.fit(aggregate(RandomData.events(9, 500, 6), models), models);
    for (ChannelCredit c : rs.get(0).credits()) {
      assertEquals(c.conversions(), rs.get(1).credit(c.channel()).conversions(), 1e-6);
      assertEquals(c.value(), rs.get(1).credit(c.channel()).value(), 1e-4);
    }
  }

  @Test
  void shuffledInputAndRandomCustomerSplits_giveIdenticalReports() {
    List<AttributionModel> models = ModelRegistry.resolve("all", ModelOptions.defaults(), ALL);
    List<Event> events = RandomData.events(21, 300, 5);
    JourneyAggregate whole = aggregate(events, models);
    AttributionReport expected = AttributionReport.compute(whole, models, SpendTable.empty());
    Random r = new Random(4);
    for (int trial = 0; trial < 5; trial++) {
      List<Event> shuffled = new ArrayList<>(events);
      Collections.shuffle(shuffled, r);
      // Split customers into two slices, fold each, merge in either order.
      List<Event> left = new ArrayList<>();
      List<Event> right = new ArrayList<>();
      for (Event e : shuffled) {
        ((e.customerId().hashCode() + trial) % 2 == 0 ? left : right).add(e);
      }
      JourneyAggregate merged = aggregate(right, models).merge(aggregate(left, models));
      assertEquals(whole, merged);
      assertEquals(expected, AttributionReport.compute(merged, models, SpendTable.empty()));
    }
  }

  @Test
  void merge_differentSettings_isRefusedNamingBoth() {
    List<AttributionModel> a = ModelRegistry.resolve("time_decay", ModelOptions.defaults(), ALL);
    List<AttributionModel> b = ModelRegistry.resolve("time_decay",
        ModelOptions.defaults().withHalfLife(java.time.Duration.ofDays(1)), ALL);
    JourneyAggregate x = aggregate(RandomData.events(1, 10, 2), a);
    JourneyAggregate y = aggregate(RandomData.events(2, 10, 2), b);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.merge(y));
    assertTrue(e.getMessage().contains("604800000") && e.getMessage().contains("86400000"), e.getMessage());
  }

  @Test
  void resolve_unknownModel_listsTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelRegistry.resolve("linear,nonsense", ModelOptions.defaults(), ALL));
    assertTrue(e.getMessage().contains("nonsense") && e.getMessage().contains("first_touch"), e.getMessage());
  }

  @Test
  void resolve_onPathFile_leavesTimeDecayOutOfAll_butRefusesItByName() {
    List<AttributionModel> all = ModelRegistry.resolve("all", ModelOptions.defaults(), Set.of());
    assertFalse(all.stream().anyMatch(m -> m.name().equals("time_decay")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelRegistry.resolve("time_decay", ModelOptions.defaults(), Set.of()));
    assertTrue(e.getMessage().contains("timestamps"), e.getMessage());
  }

  @Test
  void fit_journeyModelOnPathFileAggregate_failsClearly() {
    PathCounts pc = PathCounts.builder().add(Path.of("a"), 1, BigDecimal.ONE, 0).build();
    List<AttributionModel> td = ModelRegistry.resolve("time_decay", ModelOptions.defaults(), ALL);
    TributaryException e = assertThrows(TributaryException.class,
        () -> AttributionRun.fit(JourneyAggregate.ofPaths("file", pc), td));
    assertTrue(e.getMessage().contains("path file"), e.getMessage());
  }

  @Test
  void fit_withWorkAlongside_runsItOnce_sameResults_modelFailureFirst() {
    List<AttributionModel> all = ModelRegistry.resolve("all", ModelOptions.defaults(), ALL);
    JourneyAggregate agg = aggregate(RandomData.events(17, 400, 5), all);
    java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
    assertEquals(AttributionRun.fit(agg, all), AttributionRun.fit(agg, all, ran::incrementAndGet));
    assertEquals(1, ran.get());
    // A model's failure is rethrown, not the work's, whichever ran first: the models' tasks come first in order.
    PathCounts pc = PathCounts.builder().add(Path.of("a"), 1, BigDecimal.ONE, 0).build();
    List<AttributionModel> td = ModelRegistry.resolve("time_decay", ModelOptions.defaults(), ALL);
    TributaryException e = assertThrows(TributaryException.class, () -> AttributionRun.fit(
        JourneyAggregate.ofPaths("file", pc), td, () -> {
          throw new IllegalStateException("the work alongside");
        }));
    assertTrue(e.getMessage().contains("path file"), e.getMessage());
    IllegalStateException own = assertThrows(IllegalStateException.class, () -> AttributionRun.fit(agg, all, () -> {
      throw new IllegalStateException("the work alongside");
    }));
    assertEquals("the work alongside", own.getMessage());
  }

  @Test
  void fit_noConversions_givesZeroCreditForEveryChannel() {
    PathCounts pc = PathCounts.builder().add(Path.of("a", "b"), 0, BigDecimal.ZERO, 5).build();
    List<AttributionModel> models = ModelRegistry.resolve("all", ModelOptions.defaults(), Set.of());
    for (ModelResult r : AttributionRun.fit(JourneyAggregate.ofPaths("file", pc), models)) {
      assertEquals(List.of("a", "b"), r.credits().stream().map(ChannelCredit::channel).toList(), r.model());
      assertEquals(0, r.totalConversions(), 0, r.model());
    }
  }
  /*
   * The fitting threads take the models in cost order (data-driven first) and each result goes back to its model's
   * place: every result must be the model's own attribute() on the same paths (or, for time decay, the folded sums),
   * in the order asked for, whatever order the models are listed in.
   */
  @Test
  void fit_inAnyListedOrder_returnsEachModelsOwnResultInThatOrder() {
    List<AttributionModel> all = ModelRegistry.resolve("all", ModelOptions.defaults(), ALL);
    JourneyAggregate agg = aggregate(RandomData.events(31, 600, 6), all);
    Map<String, ModelResult> alone = new LinkedHashMap<>();
    for (AttributionModel m : all) {
      alone.put(m.name(), AttributionRun.fit(agg, List.of(m)).get(0));
    }
    for (long seed = 1; seed <= 4; seed++) {
      List<AttributionModel> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new Random(seed));
      List<ModelResult> got = AttributionRun.fit(agg, shuffled);
      assertEquals(shuffled.size(), got.size());
      for (int i = 0; i < shuffled.size(); i++) {
        assertEquals(alone.get(shuffled.get(i).name()), got.get(i), shuffled.get(i).name());
      }
    }
    // The fitting threads take the costliest first (LargestFirstTest): every data-driven model before any rule model.
    for (AttributionModel m : all) {
      for (AttributionModel rule : all) {
        if (!m.rule() && rule.rule()) {
          assertTrue(AttributionRun.cost(m) > AttributionRun.cost(rule), m.name() + " before " + rule.name());
        }
      }
    }
  }

  /* Of two failing models, the one listed first fails the fit, however the threads took them. */
  @Test
  void fit_twoFailingModels_throwsTheFirstListed() {
    PathCounts pc = PathCounts.builder().add(Path.of("a"), 1, BigDecimal.ONE, 0).build();
    PathModel failing = new PathModel() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public ModelResult attribute(PathCounts counts) {
        throw new IllegalArgumentException("the data-driven one");
      }
    };
    List<AttributionModel> models = new ArrayList<>(ModelRegistry.resolve("time_decay", ModelOptions.defaults(), ALL));
    models.add(failing);
    TributaryException e = assertThrows(TributaryException.class,
        () -> AttributionRun.fit(JourneyAggregate.ofPaths("file", pc), models));
    assertTrue(e.getMessage().contains("path file"), e.getMessage());
    Collections.reverse(models);
    assertThrows(IllegalArgumentException.class, () -> AttributionRun.fit(JourneyAggregate.ofPaths("file", pc),
        models));
  }
}
