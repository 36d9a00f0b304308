package io.tributary.core.clv;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Populations drawn from known parameters with a seeded generator, by the models' stories (not their formulas): the
 * truth the fits must recover.
 */
final class Simulated {
  private Simulated() {}

  /**
   * BG/NBD: λ ~ Gamma(r, rate α), p ~ Beta(a, b); from the first purchase at time 0, purchases follow a Poisson process
   * of rate λ and after each repeat purchase the customer drops out with probability p. Observed until T.
   *
   * @param ages the customers' T, one customer each
   * @param futureHorizon when {@code > 0}, also count each customer's purchases in (T, T + futureHorizon]
   * @return summaries, and in {@code future} (same order) the purchases after T when asked
   */
  static List<CustomerSummary> bgNbd(BgNbd m, double[] ages, long seed, double futureHorizon, List<Integer> future) {
    RandomGenerator rng = new Well19937c(seed);
    GammaDistribution rates = new GammaDistribution(rng, m.r(), 1 / m.alpha());
    BetaDistribution dropout = new BetaDistribution(rng, m.a(), m.b());
    List<CustomerSummary> out = new ArrayList<>(ages.length);
    for (double age : ages) {
      double lambda = rates.sample();
      double p = dropout.sample();
      double t = 0;
      int x = 0;
      double tx = 0;
      int later = 0;
      while (true) {
        t += -Math.log(1 - rng.nextDouble()) / lambda;
        if (t > age + futureHorizon) {
          break;
        }
        if (t <= age) {
          x++;
          tx = t;
        } else {
          later++;
        }
        if (rng.nextDouble() < p) {
          break;
        }
      }
      out.add(CustomerSummary.of(x, tx, age));
      if (future != null) {
        future.add(later);
      }
    }
    return out;
  }

  /**
   * Gamma-Gamma: ν ~ Gamma(q, rate γ) per customer; each of the customer's {@code counts[i]} purchase values is
   * Gamma(p, rate ν).
   */
  static List<CustomerSummary> gammaGamma(GammaGamma m, int[] counts, long seed) {
    RandomGenerator rng = new Well19937c(seed);
    GammaDistribution rates = new GammaDistribution(rng, m.q(), 1 / m.gamma());
    List<CustomerSummary> out = new ArrayList<>(counts.length);
    for (int c : counts) {
      double nu = rates.sample();
      GammaDistribution values = new GammaDistribution(rng, m.p(), 1 / nu);
      double sum = 0;
      for (int k = 0; k < c; k++) {
        sum += values.sample();
      }
      out.add(new CustomerSummary(c, 1, 2, c, sum / c));
    }
    return out;
  }
}
