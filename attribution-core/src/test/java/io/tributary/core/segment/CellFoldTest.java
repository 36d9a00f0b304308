package io.tributary.core.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.ExactSum;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import io.tributary.core.options.RunOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The fold by cell (event-log segments: each journey folded once into its region x tier cell and rolled up) against
 * the fold into every aggregate apart, byte for byte, and against the invariant that a segment's values add up to
 * (all); with more cells than are kept open at once too.
 */
class CellFoldTest {
  private static final long H = 3_600_000L;
  private static final List<String> CHANNELS = List.of("display", "email", "search", "social");
  private static final RunOptions SPEC = RunOptions.defaults();
  private static final List<AttributionModel> MODELS = SPEC.resolve(Set.of(Requirement.TIMESTAMPS));

  /* A customer's events and its values of the two columns (region, tier). */
  private record Customer(CustomerEvents events, String[] values) {}

  private static List<Customer> customers(long seed, int n, int regions) {
    Random rnd = new Random(seed);
    List<Customer> out = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      CustomerEvents e = new CustomerEvents(CHANNELS);
      for (int i = 0, rows = 1 + rnd.nextInt(7); i < rows; i++) {
        long t = rnd.nextInt(2000) * H;
        if (rnd.nextInt(4) == 0) {
          BigDecimal v = new BigDecimal((1 + rnd.nextInt(9999)) + "." + (10 + rnd.nextInt(90)));
          e.add(t, CustomerEvents.NO_CHANNEL, false, true, v, null);
        } else {
          e.add(t, rnd.nextInt(CHANNELS.size()), true, false, null, null);
        }
      }
      out.add(new Customer(e, new String[] {"r" + rnd.nextInt(regions), "t" + rnd.nextInt(3)}));
    }
    return out;
  }

  private static SegmentedAggregate fold(SegmentedAggregate.Builder b, List<Customer> customers) {
    for (Customer c : customers) {
      b.addCustomer(c.events(), c.values());
    }
    return b.build();
  }

  private static final Segmentation TWO_COLUMNS = new Segmentation(List.of("region", "tier"), 10, false);

  @Test
  void cells_rollUpToTheAggregatesOfTheFoldIntoEachApart() {
    assertTrue(SegmentedAggregate.foldsByCell(TWO_COLUMNS));
    List<Customer> customers = customers(3, 600, 12);
    byte[] apart = AggregateCodec.encode(
        fold(SegmentedAggregate.builder(SPEC.journeyOptions(), MODELS, TWO_COLUMNS), customers));
    byte[] byCell = AggregateCodec.encode(
        fold(SegmentedAggregate.builderByCell(SPEC.journeyOptions(), MODELS, TWO_COLUMNS), customers));
    assertArrayEquals(apart, byCell);
  }

  /* The cells' paths interned on another thread while journeys are built: the same bytes as the fold apart. */
  @Test
  void cells_internedOnAnotherThread_sameBytes() throws Exception {
    List<Customer> customers = customers(5, 2 * CellFold.MAX_CELLS, 2 * CellFold.MAX_CELLS);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      byte[] byCell = AggregateCodec.encode(fold(
          SegmentedAggregate.builderByCell(SPEC.journeyOptions(), MODELS, TWO_COLUMNS).internPathsOn(pool),
          customers));
      assertArrayEquals(AggregateCodec.encode(
          fold(SegmentedAggregate.builder(SPEC.journeyOptions(), MODELS, TWO_COLUMNS), customers)), byCell);
    } finally {
      pool.shutdownNow();
    }
  }

  /*
   * Few cells of many journeys, interned on another thread: each cell's time-decay sums go to that thread in full
   * batches as well as in the part left at the end, the same bytes as the fold apart; and an unsegmented fold whose
   * paths are interned on another thread gives the bytes of one that interns them itself.
   */
  @Test
  void fewLargeCells_internedOnAnotherThread_journeyModelSumsFoldedThere_sameBytes() throws Exception {
    List<Customer> customers = customers(11, 80_000, 2); // 6 cells, about 40,000 converting journeys
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      SegmentedAggregate byCell = fold(
          SegmentedAggregate.builderByCell(SPEC.journeyOptions(), MODELS, TWO_COLUMNS).internPathsOn(pool),
          customers);
      assertTrue(byCell.all().journeyCredits().containsKey("time_decay"));
      assertTrue(byCell.all().timedConversions() > 6 * 3 * 2048, "three full batches per cell or more");
      assertArrayEquals(AggregateCodec.encode(
          fold(SegmentedAggregate.builder(SPEC.journeyOptions(), MODELS, TWO_COLUMNS), customers)),
          AggregateCodec.encode(byCell));

      JourneyAggregate.Builder aside = JourneyAggregate.builder(SPEC.journeyOptions(), MODELS).internPathsOn(pool);
      JourneyAggregate.Builder here = JourneyAggregate.builder(SPEC.journeyOptions(), MODELS);
      for (Customer c : customers) {
        aside.addCustomer(c.events());
        here.addCustomer(c.events());
      }
      assertArrayEquals(AggregateCodec.encode(here.build()), AggregateCodec.encode(aside.build()));
    } finally {
      pool.shutdownNow();
    }
  }

  /* More cells than are kept open: rolled up on the way, the same bytes; every segment's values add up to (all). */
  @Test
  void manyCells_rolledUpOnTheWay_sameBytesAndValuesAddUpToAll() {
    List<Customer> customers = customers(8, 3 * CellFold.MAX_CELLS, 4 * CellFold.MAX_CELLS);
    SegmentedAggregate byCell = fold(
        SegmentedAggregate.builderByCell(SPEC.journeyOptions(), MODELS, TWO_COLUMNS), customers);
    assertTrue(byCell.byValue().get(0).size() > CellFold.MAX_CELLS, "more regions than open cells");
    assertArrayEquals(AggregateCodec.encode(
        fold(SegmentedAggregate.builder(SPEC.journeyOptions(), MODELS, TWO_COLUMNS), customers)),
        AggregateCodec.encode(byCell));
    for (SortedMap<String, JourneyAggregate> values : byCell.byValue()) {
      JourneyAggregate sum = null;
      for (JourneyAggregate a : values.values()) {
        sum = sum == null ? a : sum.merge(a);
      }
      assertEquals(byCell.all().paths().byPath(), sum.paths().byPath());
      assertEquals(byCell.all().journeyCredits(), sum.journeyCredits());
      assertEquals(byCell.all().totalConversions(), sum.totalConversions());
      assertEquals(0, byCell.all().totalValue().compareTo(sum.totalValue()));
    }
  }

  /* A derived segment changes from journey to journey: no cells, the builder folds into each aggregate apart. */
  @Test
  void derivedSegment_notByCell() {
    assertFalse(SegmentedAggregate.foldsByCell(new Segmentation(List.of("region", "new_vs_returning"), 10, false)));
    assertFalse(SegmentedAggregate.foldsByCell(new Segmentation(List.of("new_vs_returning"), 10, false)));
  }

  /* One event-log column: its values are the cells; interned here or on another thread, the fold apart's bytes. */
  @Test
  void oneColumn_cellsAreItsValues_sameBytes() throws Exception {
    Segmentation one = new Segmentation(List.of("region"), 10, false);
    assertTrue(SegmentedAggregate.foldsByCell(one));
    List<Customer> customers = new ArrayList<>();
    for (Customer c : customers(13, 20_000, 40)) {
      customers.add(new Customer(c.events(), new String[] {c.values()[0]}));
    }
    byte[] apart = AggregateCodec.encode(fold(SegmentedAggregate.builder(SPEC.journeyOptions(), MODELS, one),
        customers));
    assertArrayEquals(apart, AggregateCodec.encode(
        fold(SegmentedAggregate.builderByCell(SPEC.journeyOptions(), MODELS, one), customers)));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      assertArrayEquals(apart, AggregateCodec.encode(fold(
          SegmentedAggregate.builderByCell(SPEC.journeyOptions(), MODELS, one).internPathsOn(pool), customers)));
    } finally {
      pool.shutdownNow();
    }
  }

  /* Summing builders is folding their journeys into one builder. */
  @Test
  void sumOfBuilders_isOneBuildersAggregate() {
    List<Customer> customers = customers(21, 300, 1);
    JourneyAggregate.Builder one = JourneyAggregate.builder(SPEC.journeyOptions(), MODELS);
    List<JourneyAggregate.Builder> parts = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      parts.add(JourneyAggregate.builder(SPEC.journeyOptions(), MODELS));
    }
    for (int c = 0; c < customers.size(); c++) {
      one.addCustomer(customers.get(c).events());
      parts.get(c % 5).addCustomer(customers.get(c).events());
    }
    byte[] sum = AggregateCodec.encode(SegmentedAggregate.of(JourneyAggregate.sum(parts)));
    assertArrayEquals(AggregateCodec.encode(SegmentedAggregate.of(one.build())), sum);
    // The parts are read, not changed: summing again gives the same.
    assertArrayEquals(sum, AggregateCodec.encode(SegmentedAggregate.of(JourneyAggregate.sum(parts))));
  }

  @Test
  void exactSumAddAll_leavesTheOtherAsItWas() {
    ExactSum a = new ExactSum();
    ExactSum b = new ExactSum();
    a.add(0.1);
    b.add(0.2);
    b.add(1e-300);
    BigDecimal before = b.toBigDecimal();
    a.addAll(b);
    assertEquals(before, b.toBigDecimal());
    assertEquals(0, new BigDecimal(0.1).add(new BigDecimal(0.2)).add(new BigDecimal(1e-300))
        .compareTo(a.toBigDecimal()));
  }
}
