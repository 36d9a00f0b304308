package io.tributary.bench;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathModel;
import io.tributary.core.model.shapley.CumulativeShapleyModel;
import io.tributary.core.model.shapley.ShapleyModel;
import io.tributary.core.model.shapley.SimplifiedShapleyModel;
import io.tributary.core.paths.PathCounts;
import java.util.List;
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
 * The three Shapley models on generated data ({@link ShapleyData}, seed 42: {@link SyntheticPaths} plus wide
 * converting journeys up to every channel), exact throughout ({@code shapley} with exact limit 26): {@code fit} from
 * the aggregate to credits, {@code parseAndFit} from path strings to credits.
 *
 * <p>Run (from the repository root, single thread, results in {@code benchmarks/results/shapley.md}):
 * <pre>
 * flock /tmp/tributary-mvn.lock ./mvnw -o -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ShapleyBenchmark -f 1 -wi 2 -i 3 -t 1
 * </pre>
 * Other sizes: {@code -p channels=12,16,20,24 -p paths=20000,200000 -p wide=10,1000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShapleyBenchmark {
  /** The model under test. */
  public enum Variant {
    SHAPLEY,
    CUMULATIVE,
    SIMPLIFIED
  }

  @Param({"SHAPLEY", "CUMULATIVE", "SIMPLIFIED"})
  Variant variant;

  @Param({"12", "16", "20", "24"})
  int channels;

  @Param({"200000"})
  int paths;

  @Param({"200"})
  int wide;

  private List<SyntheticPaths.Row> rows;
  private PathCounts counts;
  private PathModel model;

  @Setup(Level.Trial)
  public void setUp() {
    rows = ShapleyData.rows(paths, channels, wide, 42L);
    counts = SyntheticPaths.parse(rows);
    model = switch (variant) {
      case SHAPLEY -> new ShapleyModel(26, 20_000, 42L);
      case CUMULATIVE -> new CumulativeShapleyModel();
      case SIMPLIFIED -> new SimplifiedShapleyModel();
    };
    System.out.println("data: " + counts.size() + " distinct paths, " + ShapleyData.describe(rows));
  }

  /** @return the credits, from the aggregate */
  @Benchmark
  public ModelResult fit() {
    return model.attribute(counts);
  }

  /** @return the credits, from path strings */
  @Benchmark
  public ModelResult parseAndFit() {
    return model.attribute(SyntheticPaths.parse(rows));
  }
}
