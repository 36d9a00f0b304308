package io.tributary.bench;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.markov.MarkovModel;
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
 * The exact Markov model on generated path data ({@link SyntheticPaths}, seed 42): {@code fit} from the aggregate
 * ({@link PathCounts}) to credits, and {@code parseAndFit} from path strings ({@code "search > email > store"}) to
 * credits, which adds reading the strings into the aggregate ({@link SyntheticPaths#parse}: channel ids straight
 * from the text), and {@code parseObjectsAndFit}, the same through a {@code Path} object per row
 * ({@link SyntheticPaths#parseObjects}).
 *
 * <p>Run (from the repository root, single thread, results in {@code benchmarks/results/markov.md}):
 * <pre>
 * flock /tmp/tributary-mvn.lock ./mvnw -o -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Markov -f 1 -wi 3 -i 5 -w 3s -r 3s -t 1
 * </pre>
 * Other sizes: {@code -p paths=50000,100000,200000 -p channels=6,12,20 -p order=1,2,3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MarkovBenchmark {
  @Param({"1", "2", "3"})
  int order;

  @Param({"200000"})
  int paths;

  @Param({"12"})
  int channels;

  @Param({"6"})
  double meanLength;

  private List<SyntheticPaths.Row> rows;
  private PathCounts counts;
  private MarkovModel model;

  @Setup(Level.Trial)
  public void setUp() {
    rows = SyntheticPaths.rows(paths, channels, meanLength, 42L);
    counts = SyntheticPaths.parse(rows);
    model = new MarkovModel(order);
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

  /** @return the credits, from path strings split into a {@code Path} object per row */
  @Benchmark
  public ModelResult parseObjectsAndFit() {
    return model.attribute(SyntheticPaths.parseObjects(rows));
  }
}
