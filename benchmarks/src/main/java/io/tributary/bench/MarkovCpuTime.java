package io.tributary.bench;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.markov.MarkovModel;
import io.tributary.core.paths.PathCounts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * A companion to {@link MarkovBenchmark} for a shared machine: the least <em>thread CPU time</em> of repeated fits,
 * which other processes competing for the cores inflate far less than the wall-clock time JMH reports. Same inputs
 * ({@link SyntheticPaths}, seed 42).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.tributary.bench.MarkovCpuTime [paths] [channels]
 * [repeats]} (defaults 200000, 12, 15).
 */
public final class MarkovCpuTime {
  private MarkovCpuTime() {}

  public static void main(String[] args) {
    int paths = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int channels = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    List<SyntheticPaths.Row> rows = SyntheticPaths.rows(paths, channels, 6, 42L);
    PathCounts counts = SyntheticPaths.parse(rows);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.printf(Locale.ROOT, "paths=%d channels=%d, least thread CPU time of %d runs after %d warm-ups%n",
        paths, channels, repeats, repeats / 3);
    for (int order = 1; order <= 3; order++) {
      MarkovModel model = new MarkovModel(order);
      long bestFit = Long.MAX_VALUE;
      long bestParse = Long.MAX_VALUE;
      long bestObjects = Long.MAX_VALUE;
      double sink = 0;
      for (int i = 0; i < repeats + repeats / 3; i++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        ModelResult a = model.attribute(counts);
        long t1 = cpu.getCurrentThreadCpuTime();
        ModelResult b = model.attribute(SyntheticPaths.parse(rows));
        long t2 = cpu.getCurrentThreadCpuTime();
        ModelResult c = model.attribute(SyntheticPaths.parseObjects(rows));
        long t3 = cpu.getCurrentThreadCpuTime();
        sink += a.totalConversions() + b.totalConversions() + c.totalConversions();
        if (i >= repeats / 3) {
          bestFit = Math.min(bestFit, t1 - t0);
          bestParse = Math.min(bestParse, t2 - t1);
          bestObjects = Math.min(bestObjects, t3 - t2);
        }
      }
      System.out.printf(Locale.ROOT,
          "order %d: fit %.1f ms, parseAndFit %.1f ms, parseObjectsAndFit %.1f ms (checksum %.3f)%n", order,
          bestFit / 1e6, bestParse / 1e6, bestObjects / 1e6, sink);
    }
  }
}
