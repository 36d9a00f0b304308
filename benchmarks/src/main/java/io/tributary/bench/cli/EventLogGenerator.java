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
 * [rows] [customers] [seed] [campaigns per channel] [--segments N]}. The file is written to /tmp and never committed.
 *
 * <p>{@code --segments N} (after the positional arguments) adds two segment columns for {@code --segment-by} runs:
 * {@code region} (one of N values per customer, {@code r0000..}) and {@code tier} (gold, silver, bronze per
 * customer). They are drawn from a random stream of their own, so every other cell is the same bytes as the file
 * without them.
 *
 * <p>{@code --repeat-purchases} (after the positional arguments) makes the conversions BG/NBD-like, for
 * {@code --clv} runs: about 26 % of customers buy, their first purchase converts one of their touches (drawn
 * uniformly), and from there they buy again at a rate λ ~ Gamma(r = 0.6, rate α = 15 days) and drop out after each
 * repeat purchase with a chance p ~ Beta(a = 0.8, b = 3), until the end of the 120 days; each purchase's value is
 * Gamma(shape 6, rate ν) with ν ~ Gamma(q = 4, rate γ = 15) per customer (Gamma-Gamma, p = 6, mean 30), rounded to
 * cents. A repeat purchase is a row of its own (a converting touch on a channel drawn as the others), so the touches
 * before it are its journey as today; the rows still stop at {@code rows}, so the file has a few percent fewer
 * customers than asked. Off by default: without it the file keeps its bytes.
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
    write(out, rows, customers, seed, campaigns, 0);
  }

  /**
   * As {@link #write(Path, long, int, long, int)}, with the segment columns when {@code segmentValues > 0}.
   *
   * @param segmentValues distinct values of the {@code region} column, or 0 for no segment columns
   */
  public static void write(Path out, long rows, int customers, long seed, int campaigns, int segmentValues)
      throws IOException {
    write(out, rows, customers, seed, campaigns, segmentValues, false);
  }

  /**
   * As {@link #write(Path, long, int, long, int, int)}, with BG/NBD-like repeat purchases when {@code repeatPurchases}
   * (see the class comment).
   */
  public static void write(Path out, long rows, int customers, long seed, int campaigns, int segmentValues,
      boolean repeatPurchases) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    SplittableRandom campaignRnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    SplittableRandom segments = new SplittableRandom(seed ^ 0x5E6_3E47L);
    SplittableRandom purchaseRnd = new SplittableRandom(seed ^ 0xB6_0BDL);
    String[] tiers = {"gold", "silver", "bronze"};
    int mean = (int) Math.max(1, rows / customers);
    long written = 0;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
      w.write("customer_id,timestamp,channel,conversion,conversion_value" + (campaigns > 0 ? ",campaign" : "")
          + (segmentValues > 0 ? ",region,tier\n" : "\n"));
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
        String segmentCells = segmentValues <= 0 ? "" : String.format(java.util.Locale.ROOT, ",r%04d,%s",
            segments.nextInt(segmentValues), tiers[segments.nextInt(tiers.length)]);
        String[] values = null;
        if (repeatPurchases) {
          RepeatBuyer buyer = RepeatBuyer.draw(purchaseRnd, times, rows - written);
          times = buyer.times();
          values = buyer.values();
          n = times.length;
        }
        for (int k = 0; k < n; k++) {
          String channel = rnd.nextInt(3) == 0 ? CHANNELS[home] : CHANNELS[rnd.nextInt(CHANNELS.length)];
          boolean converts = values == null ? rnd.nextInt(1000) < 30 : values[k] != null;
          sb.setLength(0);
          sb.append(id).append(',').append(Instant.ofEpochMilli(times[k])).append(',').append(channel).append(',');
          if (converts) {
            sb.append("1,").append(values == null ? String.valueOf(5 + rnd.nextInt(20000) / 100.0) : values[k]);
          } else {
            sb.append("0,");
          }
          if (campaigns > 0) {
            sb.append(',').append(channel).append("_c").append(campaignRnd.nextInt(campaigns));
          }
          sb.append(segmentCells).append('\n');
          w.write(sb.toString());
        }
        written += n;
      }
    }
  }

  /**
   * One customer's rows with BG/NBD-like purchases (the class comment): the touch times, plus a row per repeat
   * purchase, sorted, and per row its value (null: a touch that does not convert).
   */
  private record RepeatBuyer(long[] times, String[] values) {
    private static final double BUYERS = 0.26;
    private static final double R = 0.6;
    private static final double ALPHA_DAYS = 15;
    private static final double A = 0.8;
    private static final double B = 3;
    private static final double P = 6;
    private static final double Q = 4;
    private static final double GAMMA = 15;
    private static final long DAY = 86_400_000L;

    static RepeatBuyer draw(SplittableRandom rnd, long[] touches, long rowsLeft) {
      int n = touches.length;
      String[] values = new String[n];
      if (rnd.nextDouble() >= BUYERS) {
        return new RepeatBuyer(touches, values);
      }
      double lambdaPerDay = gamma(rnd, R) / ALPHA_DAYS;
      double dropout = beta(rnd, A, B);
      double nu = gamma(rnd, Q) / GAMMA;
      int first = rnd.nextInt(n);
      values[first] = value(rnd, nu);
      java.util.List<Long> repeatTimes = new java.util.ArrayList<>();
      java.util.List<String> repeatValues = new java.util.ArrayList<>();
      long t = touches[first];
      while (n + repeatTimes.size() < rowsLeft) {
        double gapDays = -Math.log(1 - rnd.nextDouble()) / lambdaPerDay;
        if (!(gapDays * DAY < START + SPAN - t)) {
          break;
        }
        t += (long) (gapDays * DAY) / 1000 * 1000;
        repeatTimes.add(t);
        repeatValues.add(value(rnd, nu));
        if (rnd.nextDouble() < dropout) {
          break;
        }
      }
      if (repeatTimes.isEmpty()) {
        return new RepeatBuyer(touches, values);
      }
      // Merge the repeat purchases into the touches by time (a touch at the same instant comes first).
      int m = repeatTimes.size();
      long[] times = new long[n + m];
      String[] out = new String[n + m];
      for (int i = 0, j = 0, k = 0; k < n + m; k++) {
        if (j >= m || (i < n && touches[i] <= repeatTimes.get(j))) {
          times[k] = touches[i];
          out[k] = values[i++];
        } else {
          times[k] = repeatTimes.get(j);
          out[k] = repeatValues.get(j++);
        }
      }
      return new RepeatBuyer(times, out);
    }

    /* One purchase's value, Gamma(P, rate nu), in cents: P is whole, so a sum of P exponentials. */
    private static String value(SplittableRandom rnd, double nu) {
      double v = 0;
      for (int k = 0; k < P; k++) {
        v -= Math.log(1 - rnd.nextDouble());
      }
      return java.math.BigDecimal.valueOf(v / nu).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /* Gamma(shape, rate 1) by Marsaglia and Tsang; shape < 1 through the boost U^(1/shape). */
    private static double gamma(SplittableRandom rnd, double shape) {
      if (shape < 1) {
        return gamma(rnd, shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
      }
      double d = shape - 1.0 / 3;
      double c = 1 / Math.sqrt(9 * d);
      while (true) {
        double z = normal(rnd);
        double v = 1 + c * z;
        if (v <= 0) {
          continue;
        }
        v = v * v * v;
        double u = rnd.nextDouble();
        if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
          return d * v;
        }
      }
    }

    private static double beta(SplittableRandom rnd, double a, double b) {
      double x = gamma(rnd, a);
      return x / (x + gamma(rnd, b));
    }

    private static double normal(SplittableRandom rnd) {
      double u = 1 - rnd.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
  }

  /**
   * Writes the file; arguments: path [rows] [customers] [seed] [campaigns per channel] [--segments N]
   * [--repeat-purchases].
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/tributary-events-10m.csv");
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int customers = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    int positional = args.length;
    int segmentValues = 0;
    boolean repeatPurchases = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--segments") && i + 1 < args.length) {
        segmentValues = Integer.parseInt(args[i + 1]);
        positional = Math.min(positional, i);
      } else if (args[i].equals("--repeat-purchases")) {
        repeatPurchases = true;
        positional = Math.min(positional, i);
      }
    }
    long seed = positional > 3 ? Long.parseLong(args[3]) : 20240301L;
    int campaigns = positional > 4 ? Integer.parseInt(args[4]) : 0;
    long t0 = System.nanoTime();
    write(out, rows, customers, seed, campaigns, segmentValues, repeatPurchases);
    System.out.printf(java.util.Locale.ROOT, "wrote %s (%d rows, %.1f MB) in %.1f s%n", out, rows,
        Files.size(out) / 1e6, (System.nanoTime() - t0) / 1e9);
  }
}
