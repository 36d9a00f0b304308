package io.tributary.bench.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Writes the {@code tributary clv} benchmark's purchase log: {@code customer_id,timestamp,event_type,conversion_value},
 * one {@code conversion} row per purchase, seeded, so every run times the same bytes. Customers arrive uniformly over
 * 2023 and are observed to 2024-12-31; their purchases follow BG/NBD with r = 0.6, α = 60 days, a = 0.8, b = 3 and
 * their values Gamma-Gamma with p = 6, q = 4, γ = 15 (so a fit on the file should find about these). Rows are grouped by
 * customer in time order. 1,000,000 customers give about 3.3 million rows (about 150 MB).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.PurchaseLogGenerator
 * /tmp/purchases1m.csv [customers] [seed]}. The file is written to /tmp and never committed.
 */
public final class PurchaseLogGenerator {
  private static final long DAY = 86_400_000L;
  private static final long START = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
  private static final long ARRIVALS = 365 * DAY;
  private static final long END = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  private PurchaseLogGenerator() {}

  /**
   * @param out the file to write
   * @param customers customers, each with a first purchase
   * @param seed the seed
   * @return rows written
   */
  public static long write(Path out, int customers, long seed) throws IOException {
    RandomGenerator rng = new Well19937c(seed);
    GammaDistribution rates = new GammaDistribution(rng, 0.6, 1 / (60.0 * DAY));
    BetaDistribution dropout = new BetaDistribution(rng, 0.8, 3);
    GammaDistribution valueRates = new GammaDistribution(rng, 4, 1 / 15.0);
    long rows = 0;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
      w.write("customer_id,timestamp,event_type,conversion_value\n");
      StringBuilder sb = new StringBuilder(256);
      for (int c = 0; c < customers; c++) {
        String id = String.format(Locale.ROOT, "u%07d", c);
        double lambda = rates.sample();
        double p = dropout.sample();
        double nu = valueRates.sample();
        // Purchase values Gamma(6, rate ν): a sum of exponentials is cheaper than a distribution per customer.
        long t = START + (long) (rng.nextDouble() * ARRIVALS) / 1000 * 1000;
        boolean first = true;
        while (t < END) {
          double value = 0;
          for (int k = 0; k < 6; k++) {
            value -= Math.log(1 - rng.nextDouble());
          }
          value /= nu;
          sb.setLength(0);
          sb.append(id).append(',').append(Instant.ofEpochMilli(t)).append(",conversion,")
              .append(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString()).append('\n');
          w.write(sb.toString());
          rows++;
          if (!first && rng.nextDouble() < p) {
            break;
          }
          first = false;
          double gap = -Math.log(1 - rng.nextDouble()) / lambda;
          if (gap >= END - t) {
            break;
          }
          t += (long) gap / 1000 * 1000;
        }
      }
    }
    return rows;
  }

  /** Writes the file; arguments: path [customers] [seed]. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/tributary-purchases-1m.csv");
    int customers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20240301L;
    long t0 = System.nanoTime();
    long rows = write(out, customers, seed);
    System.out.printf(Locale.ROOT, "wrote %s (%d customers, %d rows, %.1f MB) in %.1f s%n", out, customers, rows,
        Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9);
  }
}
