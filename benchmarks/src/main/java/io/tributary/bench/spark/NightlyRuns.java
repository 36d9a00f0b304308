package io.tributary.bench.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The backfill benchmark's driver (issue 13, item 3): runs the nightly job through its entry point
 * ({@code io.tributary.spark.AttributionJob.execute}, found by name on the job's class path, so this module needs no
 * build dependency on the job) several times in one JVM, one Spark session, and prints how long each run took.
 *
 * <pre>
 *   NightlyRuns nightly OUTPUT FROM TO ARGS...   # one run a date: --run-date D ARGS... --output OUTPUT
 *   NightlyRuns range OUTPUT FROM TO ARGS...     # one run: --from FROM --to TO ARGS... --output OUTPUT
 *   NightlyRuns compare OUTPUT_A OUTPUT_B        # channel_credit and conversion_kpis of two outputs, on the
 *                                                # run_dates of OUTPUT_B (the nightly runs may cover some dates)
 * </pre>
 *
 * <p>Starting the JVM and the Spark session once for all the nightly runs favours them over a schedule that starts
 * one spark-submit a night; the backfill benchmark says so next to its numbers.
 */
public final class NightlyRuns {
  private NightlyRuns() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: NightlyRuns nightly|range OUTPUT FROM TO ARGS... | compare OUTPUT_A OUTPUT_B");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().appName("tributary-nightly-runs")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    int code = switch (args[0]) {
      case "nightly", "range" -> runs(args);
      case "compare" -> compare(spark, args[1], args[2]);
      default -> {
        System.err.println("unknown mode " + args[0]);
        yield 2;
      }
    };
    spark.stop();
    System.exit(code);
  }

  private static int runs(String[] args) throws Exception {
    String output = args[1];
    LocalDate from = LocalDate.parse(args[2]);
    LocalDate to = LocalDate.parse(args[3]);
    List<String> rest = List.of(args).subList(4, args.length);
    Method execute = Class.forName("io.tributary.spark.AttributionJob")
        .getMethod("execute", PrintStream.class, PrintStream.class, String[].class);
    List<List<String>> runs = new ArrayList<>();
    if (args[0].equals("range")) {
      runs.add(List.of("--from", from.toString(), "--to", to.toString()));
    } else {
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        runs.add(List.of("--run-date", d.toString()));
      }
    }
    double total = 0;
    for (List<String> window : runs) {
      List<String> a = new ArrayList<>(window);
      a.addAll(rest);
      a.addAll(List.of("--output", output));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      long t0 = System.nanoTime();
      int code = (Integer) execute.invoke(null, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), a.toArray(String[]::new));
      double s = (System.nanoTime() - t0) / 1e9;
      total += s;
      String phases = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.strip().startsWith("time:"))
          .findFirst().orElse("").strip();
      System.out.printf(Locale.ROOT, "run %s: %.2f s %s%n", String.join(" ", window), s, phases);
      if (code != 0) {
        System.err.print(err.toString(StandardCharsets.UTF_8));
        return code;
      }
    }
    System.out.printf(Locale.ROOT, "total %d runs: %.2f s%n", runs.size(), total);
    return 0;
  }

  /*
   * On the run_dates of b: the same (model, channel) rows in a, and the largest difference of any credited number.
   */
  private static int compare(SparkSession spark, String a, String b) {
    int bad = 0;
    for (String table : List.of("channel_credit", "conversion_kpis")) {
      List<Row> rb = spark.read().format("delta").load(b + "/" + table).collectAsList();
      java.util.Set<String> compared = new java.util.HashSet<>();
      rb.forEach(r -> compared.add(r.getAs("run_date").toString()));
      List<Row> ra = spark.read().format("delta").load(a + "/" + table).collectAsList().stream()
          .filter(r -> compared.contains(r.getAs("run_date").toString())).toList();
      java.util.Map<String, Row> byKey = new java.util.HashMap<>();
      rb.forEach(r -> byKey.put(key(r, table), r));
      double worst = 0;
      int missing = 0;
      for (Row r : ra) {
        Row o = byKey.get(key(r, table));
        if (o == null) {
          missing++;
          continue;
        }
        for (String c : r.schema().fieldNames()) {
          if (r.getAs(c) instanceof Double x && o.getAs(c) instanceof Double y) {
            worst = Math.max(worst, Math.abs(x - y) / Math.max(1, Math.abs(x)));
          }
        }
      }
      long dates = ra.stream().map(r -> r.getAs("run_date").toString()).distinct().count();
      System.out.printf(Locale.ROOT, "%s: %d rows vs %d, %d run_dates, %d rows of the first not in the second, "
          + "largest relative difference %.1e%n", table, ra.size(), rb.size(), dates, missing, worst);
      bad += ra.size() != rb.size() || missing > 0 || worst > 1e-9 ? 1 : 0;
    }
    return bad == 0 ? 0 : 1;
  }

  private static String key(Row r, String table) {
    String k = r.getAs("run_date").toString();
    if (table.equals("channel_credit")) {
      k += "/" + r.getAs("model") + "/" + r.getAs("channel");
    }
    return k;
  }
}
