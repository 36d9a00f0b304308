package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.output.Column;
import io.tributary.core.output.OutputTables;
import io.tributary.core.output.TableSchema;
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
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job writes exactly the core's tables: every table folder is a table of {@link OutputTables}, and its schema is
 * the definition's ({@code run_date} first; the columns the core lets a table leave out while unset may be missing,
 * none other). And where Shapley is sampled the job's {@code channel_credit} states the error, which covers the exact
 * credit worked out by hand.
 */
class JobOutputSchemaTest {
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);

  @TempDir Path dir;

  @Test
  void run_eventsWithRejectsMarkovAndBootstrap_everyTableIsTheCoresDefinition() throws IOException {
    SparkSession spark = SharedSpark.get();
    List<String> lines = new ArrayList<>(List.of("customer_id,timestamp,channel,conversion,conversion_value"));
    for (int c = 0; c < 40; c++) {
      lines.add("u" + c + ",2024-03-0" + (1 + c % 5) + "T08:00:00Z," + (c % 3 == 0 ? "email" : "search") + ",0,");
      lines.add("u" + c + ",2024-03-0" + (1 + c % 5) + "T09:00:00Z,social," + (c % 2) + "," + (c % 2 == 1 ? "9.5"
          : ""));
    }
    lines.add("bad,not-a-time,email,0,");
    String events = TestFiles.write(dir, "e.csv", lines.toArray(String[]::new));
    Path out = dir.resolve("out");
    JobConfig c = JobConfig.ofEvents(DATE, events, out.toString());
    AttributionJob.run(spark, new JobConfig(c.runDate(), c.events(), null, null, null, null, c.mapping(),
        c.timezone(), c.pathSeparator(), c.models().with("bootstrap", "5"), null, null, c.output(), c.format(),
        c.maxRejectedShare()));
    List<String> tables = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(out)) {
      for (Path t : dirs.sorted().toList()) {
        String name = t.getFileName().toString();
        tables.add(name);
        assertDefined(name, spark.read().format("delta").load(t.toString()).schema());
      }
    }
    assertEquals(List.of("channel_credit", "conversion_kpis", "markov_transitions", "path_summary",
        "rejected_rows", "removal_effects", "run_log"), tables);
  }

  /* Paths: c00 > ... > c24 (1 journey, converting), c00 (2 journeys, 1 converting), c00 > c01 (converting). */
  private String paths() {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      all.append(i == 0 ? "" : " > ").append(String.format(Locale.ROOT, "c%02d", i));
    }
    return TestFiles.write(dir, "paths.csv", "path,total_conversions,total_conversion_value,total_null",
        all + ",1,100,0", "c00,1,10,1", "c00 > c01,1,10,0");
  }

  @Test
  void run_25ChannelPath_channelCreditStatesTheSamplingErrorCoveringTheHandWorkedCredit() {
    SparkSession spark = SharedSpark.get();
    String paths = paths();
    Path out = dir.resolve("sampled");
    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = AttributionJob.execute(new PrintStream(summary, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--paths", paths, "--models", "shapley",
        "--run-date", DATE.toString(), "--conversions", "all", "--output", out.toString());
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    String said = summary.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("note: shapley sampled") && said.contains("sampling_se"), said);

    // The exact credit by the permutation definition (worked in the core's ShapleySamplingErrorTest): c00 gets
    // 1 + 3/4 + 37/600, c01 1/4 + 24.5/600, each of the other 23 (24 - 2/23 - 1/2)/600.
    Map<String, Double> truth = new HashMap<>();
    for (int i = 2; i < 25; i++) {
      truth.put(String.format(Locale.ROOT, "c%02d", i), (24 - 2.0 / 23 - 0.5) / 600);
    }
    truth.put("c00", 1 + 0.75 + 37.0 / 600);
    truth.put("c01", 0.25 + 24.5 / 600);
    var credit = spark.read().format("delta").load(out.resolve("channel_credit").toString());
    assertDefined("channel_credit", credit.schema());
    List<Row> rows = credit.collectAsList();
    assertEquals(25, rows.size());
    for (Row r : rows) {
      String channel = r.getAs("channel");
      double se = r.<Double>getAs("sampling_se");
      assertTrue(se > 0 && r.<Double>getAs("sampling_se_value") > 0, channel);
      double z = (r.<Double>getAs("attributed_conversions") - truth.get(channel)) / se;
      assertTrue(Math.abs(z) < 4, channel + " z " + z);
    }

    // A later date computed exactly writes into the same table: the columns stay, null for its rows.
    exit = AttributionJob.execute(new PrintStream(summary, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--paths", paths, "--models", "shapley",
        "--shapley-exact-limit", "25", "--run-date", DATE.plusDays(1).toString(), "--conversions", "all",
        "--output", out.toString());
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    List<Row> next = spark.read().format("delta").load(out.resolve("channel_credit").toString())
        .where("run_date = DATE'" + DATE.plusDays(1) + "'").collectAsList();
    assertEquals(25, next.size());
    for (Row r : next) {
      assertTrue(r.isNullAt(r.fieldIndex("sampling_se")), r.toString());
      String channel = r.getAs("channel");
      assertEquals(truth.get(channel), r.<Double>getAs("attributed_conversions"), 1e-12, channel);
    }
  }

  /* The table's schema is the core's definition; a column the core lets a table leave out may be missing. */
  private static void assertDefined(String name, StructType actual) {
    TableSchema<?> table = OutputTables.named(name);
    assertNotNull(table, "a table the core does not define: " + name);
    StructType full = io.tributary.spark.OutputTables.schema(table);
    List<String> expected = new ArrayList<>();
    List<String> got = new ArrayList<>();
    for (StructField f : full.fields()) {
      Column<?> c = table.column(f.name());
      boolean present = List.of(actual.fieldNames()).contains(f.name());
      if (present || c == null || !c.omittedWhenUnset(true)) {
        expected.add(f.name() + ":" + f.dataType().simpleString());
      }
    }
    for (StructField f : actual.fields()) {
      got.add(f.name() + ":" + f.dataType().simpleString());
    }
    assertEquals(expected, got, name + ": columns other than the core's definition");
  }
}
