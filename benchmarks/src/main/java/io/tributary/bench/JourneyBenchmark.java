package io.tributary.bench;

import io.tributary.core.journey.Event;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.Requirement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the core's per-customer work — building journeys and folding them into the mergeable aggregate — and of
 * fitting the rule models on the result, as customers grow.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar JourneyBenchmark -f 1 -wi 2 -i 3 -t 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JourneyBenchmark {
  private static final long DAY = 86_400_000L;

  /** Customers; each has about 10 events (1 in 30 a conversion), so events ≈ 10 × customers. */
  @Param({"10000", "100000"})
  public int customers;

  private List<List<Event>> byCustomer;
  private List<AttributionModel> ruleModels;
  private JourneyAggregate aggregate;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(20261122L);
    byCustomer = new ArrayList<>(customers);
    for (int c = 0; c < customers; c++) {
      String id = "customer-" + c;
      int n = 1 + r.nextInt(19);
      List<Event> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long t = r.nextLong(120 * DAY);
        if (r.nextInt(30) == 0) {
          events.add(Event.conversion(id, t, BigDecimal.valueOf(r.nextInt(50_000), 2), null));
        } else {
          events.add(Event.touch(id, t, SyntheticPaths.channelName(r.nextInt(12))));
        }
      }
      byCustomer.add(events);
    }
    ruleModels = ModelRegistry.resolve("first_touch,last_touch,last_non_direct,linear,position_based,time_decay",
        ModelOptions.defaults(), EnumSet.allOf(Requirement.class));
    aggregate = fold();
  }

  /** Journeys of every customer, folded with time decay into one aggregate. */
  @Benchmark
  public JourneyAggregate fold() {
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), ruleModels);
    for (List<Event> events : byCustomer) {
      b.addCustomer(events);
    }
    return b.build();
  }

  /** The six rule models, KPIs and tables from the folded aggregate. */
  @Benchmark
  public AttributionReport fitRuleModels() {
    return AttributionReport.compute(aggregate, ruleModels, SpendTable.empty());
  }
}
