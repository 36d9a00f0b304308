package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.window.RunWindow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report range with a fitting window, broken down by segments and credited per channel/campaign, in both engines:
 * every table the CLI writes equals the job's partitions row for row (keyed by run_date and the text columns) and cell
 * for cell to 1e-9; and the job's range equals nightly runs of its first and last dates (a backfill is N nightly runs).
 */
class WindowedSegmentsCrossEngineTest {
  private static final double EPS = 1e-9;
  private static final LocalDate FROM = LocalDate.of(2024, 2, 10);
  private static final LocalDate TO = LocalDate.of(2024, 2, 15);
  private static final int FIT_DAYS = 5;
  private static final String SEGMENTS = "loyalty,new_vs_returning";
  private static final String MODELS = "first_touch,linear,time_decay,markov,shapley";

  @TempDir Path dir;

  @Test
  void range_segmentsAndCampaigns_jobEqualsCli_andNightlyRuns() throws IOException {
    List<List<String>> files = EventLogGenerator.generate(17, 1500);
    List<String> lines = new ArrayList<>();
    String[] tiers = {"bronze", "gold", "silver"};
    SplittableRandom rnd = new SplittableRandom(5);
    for (String line : files.get(0)) {
      if (lines.isEmpty()) {
        lines.add(line + ",loyalty,campaign");
        continue;
      }
      String id = line.substring(0, line.indexOf(','));
      String[] f = line.split(",", -1);
      // A campaign on most touches (two per channel), none on some: those join the channel's (none) campaign.
      String campaign = f[2].isEmpty() || rnd.nextInt(5) == 0 ? "" : f[2].substring(0, 2) + rnd.nextInt(2);
      // A rare tier too: its values have too few journeys for their own data-driven fit (pooled).
      String tier = Math.floorMod(id.hashCode(), 23) == 0 ? "platinum" : tiers[Math.floorMod(id.hashCode(), 3)];
      lines.add(line + "," + tier + "," + campaign);
    }
    String events = TestFiles.write(dir, "events.csv", lines.toArray(String[]::new));
    String ids = TestFiles.write(dir, "identities.csv", files.get(1).toArray(String[]::new));
    String spend = TestFiles.write(dir, "spend.csv", "date,channel,spend,campaign", "2024-02-11,email,40.50,em1",
        "2024-02-11,email,9.50,", "2024-02-12,display,75.25,di0", "2024-02-14,paid_search,200,",
        "2024-02-20,social,13,so1");

    Path out = dir.resolve("range");
    AttributionJob.run(SharedSpark.get(), config(events, ids, spend, out, RunWindow.dates(FROM, TO, FIT_DAYS)));
    Path cliOut = dir.resolve("cli");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = io.tributary.cli.Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "attribute", "--events", events, "--spend", spend,
        "--identities", ids, "--models", MODELS, "--segment-by", SEGMENTS, "--min-segment-journeys", "60",
        "--segment-paths", "true", "--touchpoint", "channel/campaign", "--from", FROM.toString(), "--to",
        TO.toString(), "--fit-window", FIT_DAYS + "d", "--format", "csv", "--output", cliOut + "/");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

    Set<String> tables = new TreeSet<>();
    try (Stream<Path> csvs = Files.list(cliOut)) {
      csvs.forEach(p -> tables.add(p.getFileName().toString().replace(".csv", "")));
    }
    assertEquals(Set.of("channel_credit", "channel_rollup", "conversion_kpis", "path_summary", "markov_transitions",
        "removal_effects", "model_fit"), tables);
    Set<String> scopes = new java.util.HashSet<>();
    for (String t : tables) {
      List<Row> job = rows(out, t);
      List<String> csv = Files.readAllLines(cliOut.resolve(t + ".csv"), StandardCharsets.UTF_8);
      compare(t, csv, job, scopes);
    }
    assertEquals(Set.of("segment", "pooled"), scopes, "some values fitted on their own, some pooled");

    // The range's dates equal nightly runs of them (first and last), every table's rows.
    for (LocalDate d : List.of(FROM, TO)) {
      Path nightly = dir.resolve("nightly-" + d);
      AttributionJob.run(SharedSpark.get(), config(events, ids, spend, nightly, RunWindow.dates(d, d, FIT_DAYS)));
      for (String t : tables) {
        List<Row> want = rows(nightly, t);
        List<Row> got = rows(out, t).stream()
            .filter(r -> r.<java.sql.Date>getAs("run_date").toLocalDate().equals(d)).toList();
        assertEquals(keyed(want).keySet(), keyed(got).keySet(), t + " " + d);
        Map<String, Row> g = keyed(got);
        keyed(want).forEach((k, w) -> sameCells(w, g.get(k), t + " " + d + " " + k));
      }
    }
  }

  private static JobConfig config(String events, String ids, String spend, Path out, RunWindow window) {
    JobConfig c = JobConfig.ofEvents(TO, events, out.toString()).withSideInputs(spend, ids, null);
    return new JobConfig(c.runDate(), c.events(), null, c.spend(), c.identities(), null, c.mapping(), c.timezone(),
        c.pathSeparator(), c.models().with("models", MODELS).with("segment-by", SEGMENTS)
            .with("min-segment-journeys", "60").with("segment-paths", "true")
            .with("touchpoint", "channel/campaign"),
        null, null, c.output(), c.format(), c.maxRejectedShare(), window);
  }

  private static List<Row> rows(Path out, String table) {
    return SharedSpark.get().read().format("delta").load(out.resolve(table).toString()).collectAsList();
  }

  /* Rows by run_date and every text column. */
  private static Map<String, Row> keyed(List<Row> rows) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : rows) {
      StringBuilder key = new StringBuilder(String.valueOf(r.<Object>getAs("run_date")));
      for (StructField f : r.schema().fields()) {
        if (f.dataType() == org.apache.spark.sql.types.DataTypes.StringType) {
          key.append('|').append(r.<Object>getAs(f.name()));
        }
      }
      assertEquals(null, out.put(key.toString(), r), "one row per key " + key);
    }
    return out;
  }

  private static void sameCells(Row want, Row got, String what) {
    assertNotNull(got, what);
    assertEquals(List.of(want.schema().fieldNames()), List.of(got.schema().fieldNames()), what);
    for (StructField f : want.schema().fields()) {
      Object w = want.getAs(f.name());
      Object g = got.getAs(f.name());
      if (w instanceof Number n) {
        close(n.doubleValue(), g, what + " " + f.name());
      } else {
        assertEquals(w, g, what + " " + f.name());
      }
    }
  }

  /* The CLI's CSV against the job's rows: same columns, rows keyed by run_date and text columns, cells to 1e-9. */
  private static void compare(String table, List<String> csv, List<Row> jobRows, Set<String> scopes) {
    List<String> header = List.of(csv.get(0).split(",", -1));
    assertEquals("run_date", header.get(0), table);
    Map<String, Row> job = keyed(jobRows);
    assertEquals(job.size(), csv.size() - 1, table + ": rows");
    assertTrue(job.size() > 0, table);
    StructField[] fields = jobRows.get(0).schema().fields();
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",", -1);
      StringBuilder key = new StringBuilder(f[0]);
      for (StructField field : fields) {
        if (field.dataType() == org.apache.spark.sql.types.DataTypes.StringType) {
          int i = header.indexOf(field.name());
          key.append('|').append(i < 0 || f[i].isEmpty() ? null : f[i]);
        }
      }
      Row r = job.get(key.toString());
      assertNotNull(r, table + ": CLI row " + key + " is not in the job's output");
      for (StructField field : fields) {
        int i = header.indexOf(field.name());
        Object cell = r.getAs(field.name());
        if (i < 0) {
          assertEquals(null, cell, table + " " + key + " " + field.name() + ": not in the file");
        } else if (cell instanceof Number) {
          close(Double.valueOf(f[i]), cell, table + " " + key + " " + field.name());
        } else if (cell instanceof java.sql.Date d) {
          assertEquals(d.toLocalDate().toString(), f[i], table + " " + key + " " + field.name());
        } else if (cell == null) {
          assertTrue(f[i].isEmpty(), table + " " + key + " " + field.name());
        }
      }
      if (table.equals("channel_credit")) {
        scopes.add(f[header.indexOf("fit_scope")]);
      }
    }
  }

  private static void close(Double expected, Object actual, String what) {
    assertNotNull(actual, what);
    double a = ((Number) actual).doubleValue();
    assertTrue(Math.abs(expected - a) <= EPS * Math.max(1, Math.abs(expected)),
        what + ": expected " + expected + ", got " + a);
  }
}
