package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.cli.Main;
import io.tributary.cli.output.Numbers;
import io.tributary.core.options.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs in another row order, cut into another number of files and splits, folded in another number of
 * partitions, give the same tables to the byte: every row of every table, serialised canonically (doubles as the
 * shortest decimal that reads back as the same bits), sorted, compared as text. And that text equals the CLI's CSV
 * output on the same files.
 */
class DeterminismTest {
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);
  private static final List<String> TABLES = List.of(OutputTables.CHANNEL_CREDIT, OutputTables.CONVERSION_KPIS,
      OutputTables.PATH_SUMMARY, OutputTables.REJECTED_ROWS);
  private static final int BOOTSTRAP = 20;

  @TempDir Path dir;

  @Test
  void shuffledRowsOtherSplitsAndPartitions_byteIdenticalTables_equalToTheCli() throws IOException {
    List<List<String>> files = EventLogGenerator.generate(31, 500);
    List<String> events = new ArrayList<>(files.get(0));
    // Same-instant touches of one customer on different channels: their order in the path must not depend on which
    // row came first in the file.
    events.add("u00003,2024-02-20T08:00:00Z,email,0,,touch,");
    events.add("u00003,2024-02-20T08:00:00Z,social,0,,touch,");
    events.add("u00003,2024-02-20T09:00:00Z,video,1,40.00,touch,o3-9");

    Map<String, String> plain = run("plain", variant("plain", events, files, 0, 1), 2, null);
    Map<String, String> shuffled3 = run("shuffled3", variant("shuffled3", events, files, 1, 3), 7, 5);
    Map<String, String> shuffled1 = run("shuffled1", variant("shuffled1", events, files, 2, 1), 1, 9);
    for (String t : TABLES) {
      assertSameText(plain.get(t), shuffled3.get(t), t + ": shuffled, 3 files, 7 shuffle partitions, 5+ splits");
      assertSameText(plain.get(t), shuffled1.get(t), t + ": shuffled, 1 file, 1 shuffle partition, 9+ splits");
    }
    assertTrue(plain.get(OutputTables.PATH_SUMMARY).lines().count() > 20, "a real workload");

    // The CLI on the unshuffled files writes the same rows, the same numbers to the bit.
    String[] in = variant("plain", events, files, 0, 1);
    Path cliOut = dir.resolve("cli");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "attribute", "--events", in[0] + "/part-0.csv",
        "--identities", in[1], "--consent", in[2], "--spend", in[3], "--format", "csv", "--output",
        cliOut.toString(), "--run-date", DATE.toString(), "--conversions", "all", "--bootstrap",
        String.valueOf(BOOTSTRAP), "-q");
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    for (String t : List.of(OutputTables.CHANNEL_CREDIT, OutputTables.CONVERSION_KPIS, OutputTables.PATH_SUMMARY)) {
      List<String> cli = new ArrayList<>(Files.readAllLines(cliOut.resolve(t + ".csv"), StandardCharsets.UTF_8));
      String header = cli.remove(0);
      Collections.sort(cli);
      assertSameText(header + "\n" + String.join("\n", cli), asCsv(plain.get(t)), t + ": job vs CLI");
    }
  }

  /**
   * Writes the inputs for one variant: events with their data rows in the order of {@code seed} (0: as generated),
   * cut into {@code parts} files of a folder; the side inputs shuffled the same way.
   *
   * @return {events folder, identities, consent, spend}
   */
  private String[] variant(String name, List<String> events, List<List<String>> files, long seed, int parts) {
    Path base = dir.resolve(name);
    List<String> body = shuffle(events, seed);
    for (int p = 0; p < parts; p++) {
      List<String> part = new ArrayList<>(List.of(events.get(0)));
      part.addAll(body.subList(body.size() * p / parts, body.size() * (p + 1) / parts));
      TestFiles.write(base.resolve("events"), "part-" + p + ".csv", part.toArray(String[]::new));
    }
    String[] out = {base.resolve("events").toString(), null, null, null};
    String[] names = {null, "identities.csv", "consent.csv", "spend.csv"};
    for (int i = 1; i <= 3; i++) {
      List<String> lines = new ArrayList<>(List.of(files.get(i).get(0)));
      lines.addAll(shuffle(files.get(i), seed));
      out[i] = TestFiles.write(base, names[i], lines.toArray(String[]::new));
    }
    return out;
  }

  private static List<String> shuffle(List<String> withHeader, long seed) {
    List<String> body = new ArrayList<>(withHeader.subList(1, withHeader.size()));
    if (seed != 0) {
      Collections.shuffle(body, new Random(seed));
    }
    return body;
  }

  /** Runs the job with the given partitioning settings and returns each table as canonical text. */
  private Map<String, String> run(String name, String[] in, int shufflePartitions, Integer minSplits) {
    SparkSession spark = SharedSpark.get();
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions));
    if (minSplits != null) {
      spark.conf().set(SourceReader.MIN_SPLITS, String.valueOf(minSplits));
    }
    try {
      Path out = dir.resolve(name + "-tables");
      JobConfig c = JobConfig.ofEvents(DATE, in[0], out.toString()).withSideInputs(in[3], in[1], in[2]);
      // Bootstrap intervals too: resampling must not depend on the order journeys were met in.
      RunOptions boot = c.models().with("bootstrap", String.valueOf(BOOTSTRAP));
      AttributionJob.run(spark, new JobConfig(c.runDate(), c.events(), c.paths(), c.spend(), c.identities(),
          c.consent(), c.mapping(), c.timezone(), c.pathSeparator(), boot, c.spendFrom(), c.spendTo(), c.output(),
          c.format(), c.maxRejectedShare()));
      Map<String, String> text = new LinkedHashMap<>();
      for (String t : TABLES) {
        text.put(t, canonical(spark, out.resolve(t)));
      }
      return text;
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
      spark.conf().unset(SourceReader.MIN_SPLITS);
    }
  }

  /** A table as text: a header line, then one line per row, cells tab-separated, lines sorted. */
  static String canonical(SparkSession spark, Path table) {
    var frame = spark.read().format("delta").load(table.toString());
    StructField[] fields = frame.schema().fields();
    List<String> lines = new ArrayList<>();
    for (Row r : frame.collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        DataType type = fields[i].dataType();
        if (r.isNullAt(i)) {
          cells.add("");
        } else if (type.equals(DataTypes.DoubleType)) {
          cells.add(Numbers.format(r.getDouble(i)));
        } else {
          cells.add(String.valueOf(r.get(i)));
        }
      }
      lines.add(String.join("\t", cells));
    }
    Collections.sort(lines);
    List<String> names = new ArrayList<>();
    for (StructField f : fields) {
      names.add(f.name());
    }
    return String.join("\t", names) + "\n" + String.join("\n", lines);
  }

  /** The canonical text as the CLI's CSV: comma-separated (no cell here holds a comma), rows sorted as such. */
  private static String asCsv(String canonical) {
    List<String> lines = new ArrayList<>(canonical.replace('\t', ',').lines().toList());
    String header = lines.remove(0);
    Collections.sort(lines);
    return header + "\n" + String.join("\n", lines);
  }

  private static void assertSameText(String expected, String actual, String what) {
    if (!expected.equals(actual)) {
      List<String> e = expected.lines().toList();
      List<String> a = actual.lines().toList();
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        assertEquals(e.get(i), a.get(i), what + ", line " + (i + 1));
      }
      assertEquals(e.size(), a.size(), what + ": line count");
    }
  }
}
