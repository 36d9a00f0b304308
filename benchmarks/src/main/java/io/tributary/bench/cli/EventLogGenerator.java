package io.tributary.bench.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's event log: {@code customer_id,timestamp,channel,conversion,conversion_value}, seeded, so
 * every run times the same bytes. Defaults: 10,000,000 rows, 1,000,000 customers, 12 channels, about 3 % conversion
 * rows (a touch that converts), timestamps over 120 days as ISO-8601 instants, rows grouped by customer in time order.
 *
 * <p>With {@code campaigns} &gt; 0 (for {@code --touchpoint}), a {@code campaign} column is added: each touch gets one of
 * that many campaigns of its channel ({@code paid_search_c17}), drawn from a random stream of its own, so every other
 * column keeps the bytes of the file without campaigns. Uniform over a channel's campaigns: 834 per channel make
 * 10,008 channel/campaign touchpoints.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.EventLogGenerator /tmp/events10m.csv
 * [rows] [customers] [seed] [campaigns per channel]}. The file is written to /tmp and never committed.
 */
public final class EventLogGenerator {
  static final String[] CHANNELS = {"affiliate", "app_push", "call_center", "direct", "display", "email",
    "marketplace", "organic_search", "paid_search", "social", "store_visit", "video"};
  private static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  private static final long SPAN = 120L * 86_400_000L;

  private EventLogGenerator() {}

  /**
   * @param out the file to write
   * @param rows total rows
   * @param customers customers; each gets rows/customers rows on average (1 to 2× that minus 1)
   * @param seed the seed
   */
  public static void write(Path out, long rows, int customers, long seed) throws IOException {
    write(out, rows, customers, seed, 0);
  }

  /**
   * @param campaigns campaigns per channel; 0 for no campaign column (the default file)
   */
  public static void write(Path out, long rows, int customers, long seed, int campaigns) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    SplittableRandom campaignRnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int mean = (int) Math.max(1, rows / customers);
    long written = 0;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
      w.write(campaigns > 0 ? "customer_id,timestamp,channel,conversion,conversion_value,campaign\n"
          : "customer_id,timestamp,channel,conversion,conversion_value\n");
      StringBuilder sb = new StringBuilder(256);
      for (int c = 0; c < customers && written < rows; c++) {
        int n = c == customers - 1 ? (int) (rows - written) : 1 + rnd.nextInt(2 * mean - 1);
        n = (int) Math.min(n, rows - written);
        long[] times = new long[n];
        for (int k = 0; k < n; k++) {
          times[k] = START + rnd.nextLong(SPAN) / 1000 * 1000;
        }
        java.util.Arrays.sort(times);
        String id = String.format(java.util.Locale.ROOT, "c%07d", c);
        // Channel preferences differ per customer, so paths repeat a few channels as real ones do.
        int home = rnd.nextInt(CHANNELS.length);
        for (int k = 0; k < n; k++) {
          String channel = rnd.nextInt(3) == 0 ? CHANNELS[home] : CHANNELS[rnd.nextInt(CHANNELS.length)];
          boolean converts = rnd.nextInt(1000) < 30;
          sb.setLength(0);
          sb.append(id).append(',').append(Instant.ofEpochMilli(times[k])).append(',').append(channel).append(',');
          if (converts) {
            sb.append("1,").append(5 + rnd.nextInt(20000) / 100.0);
          } else {
            sb.append("0,");
          }
          if (campaigns > 0) {
            sb.append(',').append(channel).append("_c").append(campaignRnd.nextInt(campaigns));
          }
          sb.append('\n');
          w.write(sb.toString());
        }
        written += n;
      }
    }
  }

  /** Writes the file; arguments: path [rows] [customers] [seed] [campaigns per channel]. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/tributary-events-10m.csv");
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int customers = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 20240301L;
    int campaigns = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    long t0 = System.nanoTime();
    write(out, rows, customers, seed, campaigns);
    System.out.printf(java.util.Locale.ROOT, "wrote %s (%d rows, %.1f MB) in %.1f s%n", out, rows,
        Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9);
  }
}
