package io.tributary.bench;

import io.tributary.core.model.shapley.HarsanyiShapley;
import java.util.SplittableRandom;
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
 * The dense exact solver ({@link HarsanyiShapley}: Möbius transform to dividends, then φ_c = Σ_{T∋c} d(T)/|T|) on a
 * random game whose every coalition has a worth — the worst case, O(n·2^n) time and 2^n doubles.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ShapleyGameBenchmark -f 1 -wi 2 -i 3 -t 1}
 * (build as in {@link ShapleyBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShapleyGameBenchmark {
  @Param({"12", "16", "20", "24"})
  int players;

  private double[] game;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42L);
    game = new double[1 << players];
    for (int m = 1; m < game.length; m++) {
      game[m] = r.nextDouble();
    }
  }

  /** @return the Shapley values */
  @Benchmark
  public double[] values() {
    return HarsanyiShapley.values(game);
  }
}
