package io.tributary.bench;

import io.tributary.core.clv.BgNbd;
import io.tributary.core.clv.BgNbdLikelihood;
import io.tributary.core.clv.CustomerSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
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
 * The inner loop of the BG/NBD fit: one evaluation of the population's log-likelihood, which the optimiser repeats a
 * few hundred times. {@code GROUPED} is the fit's {@link BgNbdLikelihood} (customers with equal (x, t_x, T) as one row,
 * log-gamma terms per distinct x, logarithms per distinct t_x and T); {@code PER_CUSTOMER} sums
 * {@link BgNbd#logLikelihood(CustomerSummary)} over every customer, the textbook form. Customers are drawn by the
 * model's story (seed 42: r = 0.6, α = 60, a = 0.8, b = 3 in days) with ages of 365 to 730 whole days, as in the
 * {@code tributary clv} benchmark's purchase log.
 *
 * <p>Run (from the repository root, single thread):
 * <pre>
 * flock /tmp/tributary-build.lock ./mvnw -o -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ClvLikelihood -f 1 -wi 3 -i 5 -w 2s -r 2s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClvLikelihoodBenchmark {
  /** How the log-likelihood is summed. */
  public enum Implementation {
    /** {@link BgNbdLikelihood}: the fit's own loop. */
    GROUPED,
    /** {@link BgNbd#logLikelihood(CustomerSummary)} per customer. */
    PER_CUSTOMER
  }

  @Param({"100000", "1000000"})
  int customers;

  @Param({"GROUPED", "PER_CUSTOMER"})
  Implementation implementation;

  private List<CustomerSummary> summaries;
  private BgNbdLikelihood likelihood;
  private final BgNbd at = new BgNbd(0.6, 60, 0.8, 3);

  @Setup(Level.Trial)
  public void setUp() {
    summaries = draw(customers, 42L);
    likelihood = BgNbdLikelihood.of(summaries);
  }

  /* The BG/NBD story in whole days: λ ~ Gamma(0.6, rate 60), p ~ Beta(0.8, 3), T uniform in 365..730 days. */
  static List<CustomerSummary> draw(int n, long seed) {
    RandomGenerator rng = new Well19937c(seed);
    GammaDistribution rates = new GammaDistribution(rng, 0.6, 1 / 60.0);
    BetaDistribution dropout = new BetaDistribution(rng, 0.8, 3);
    List<CustomerSummary> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int age = 365 + rng.nextInt(366);
      double lambda = rates.sample();
      double p = dropout.sample();
      double t = 0;
      int x = 0;
      long last = 0;
      while (true) {
        t += -Math.log(1 - rng.nextDouble()) / lambda;
        if (t > age) {
          break;
        }
        // Purchases on the same whole day are one, as the summary rules say.
        if (x == 0 || (long) t > last) {
          if ((long) t > 0) {
            x++;
            last = (long) t;
          }
        }
        if (rng.nextDouble() < p) {
          break;
        }
      }
      out.add(CustomerSummary.of(x, x == 0 ? 0 : last, age));
    }
    return out;
  }

  /** @return the population's log-likelihood at r = 0.6, α = 60, a = 0.8, b = 3 */
  @Benchmark
  public double logLikelihood() {
    if (implementation == Implementation.GROUPED) {
      return likelihood.logLikelihood(at);
    }
    double sum = 0;
    for (CustomerSummary s : summaries) {
      sum += at.logLikelihood(s);
    }
    return sum;
  }
}
