package io.tributary.bench;

import io.tributary.core.model.PathModel;
import io.tributary.core.model.bootstrap.ConfidenceInterval;
import io.tributary.core.model.bootstrap.PathBootstrap;
import io.tributary.core.model.rule.Linear;
import io.tributary.core.model.shapley.ShapleyModel;
import io.tributary.core.paths.PathCounts;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bootstrap intervals ({@link PathBootstrap}) with {@code replicates} replicates on {@link SyntheticPaths} data (12
 * channels, mean length 6, seed 42), for a cheap model ({@code linear}: the cost is the resampling) and for
 * {@code shapley} (resampling + refits).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BootstrapBenchmark -f 1 -wi 1 -i 2 -t 1}
 * (build as in {@link ShapleyBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BootstrapBenchmark {
  @Param({"LINEAR", "SHAPLEY"})
  String model;

  @Param({"20000", "200000"})
  int paths;

  @Param({"10"})
  int replicates;

  private PathCounts counts;
  private List<PathModel> models;

  @Setup(Level.Trial)
  public void setUp() {
    counts = SyntheticPaths.counts(paths, 12, 6, 42L);
    models = List.of(model.equals("LINEAR") ? new Linear() : new ShapleyModel(20, 20_000, 42L));
    System.out.println("data: " + counts.size() + " distinct paths, " + (counts.conversions() + counts.nulls())
        + " journeys");
  }

  /** @return the intervals */
  @Benchmark
  public Map<String, SortedMap<String, ConfidenceInterval>> intervals() {
    return PathBootstrap.intervals(counts, models, replicates, 7L);
  }
}
