package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.window.DateRange;
import io.tributary.core.window.RunWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.Partition;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.FilePartition;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A date-partitioned event table read for a range of dates: the scan's file list holds only the partitions of the
 * range's dates and one more on each side (for partitions dated in another zone), the files of every other partition
 * are never opened (they are overwritten with bytes that are not Parquet, and the run still succeeds), and the run
 * credits exactly what a run over a CSV holding only the range's events (cut by hand, here) credits.
 */
class PartitionPruningTest {
  private static final LocalDate RUN = LocalDate.of(2024, 2, 20);
  private static final LocalDate FIRST = LocalDate.of(2024, 2, 1);
  private static final Pattern PARTITION = Pattern.compile("event_date=(\\d{4}-\\d{2}-\\d{2})");

  @TempDir Path dir;

  @Test
  void delta_readsOnlyTheRangesPartitions_andEqualsTheHandCutCsv() throws IOException {
    check("delta", ZoneId.of("UTC"));
  }

  /** Partitions dated in UTC, a run in New York: the extra partition on each side holds the zone's late hours. */
  @Test
  void parquet_partitionsInAnotherZone_readOneMoreEachSide_andCutByTimestamp() throws IOException {
    check("parquet", ZoneId.of("America/New_York"));
  }

  private void check(String format, ZoneId zone) throws IOException {
    SparkSession spark = SharedSpark.get();
    DateRange range = new DateRange(FIRST, RUN, zone);
    List<String> lines = isoTimestamps(EventLogGenerator.generate(5, 400).get(0));

    // The truth: the range's events cut by hand from the CSV lines, read by the job with no range.
    List<String> inRange = new ArrayList<>(List.of(lines.get(0)));
    for (String l : lines.subList(1, lines.size())) {
      Instant t = Instant.parse(l.split(",", -1)[1]);
      if (!t.isBefore(range.startInclusive()) && t.isBefore(range.endExclusive())) {
        inRange.add(l);
      }
    }
    assertTrue(inRange.size() > 50 && inRange.size() < lines.size() / 2, "the range holds a part of the log");
    String cut = TestFiles.write(dir, "cut.csv", inRange.toArray(String[]::new));
    JobConfig base = JobConfig.ofEvents(RUN, cut, dir.resolve("out-cut").toString());
    JobConfig zoned = new JobConfig(RUN, base.events(), null, null, null, null, base.mapping(), zone.getId(), ">",
        base.models(), null, null, base.output(), OutputFormat.PARQUET, 0.0);
    JobResult truth = AttributionJob.run(spark, zoned);

    // The lake: the whole log, typed, partitioned by its UTC date.
    String all = TestFiles.write(dir, "all.csv", lines.toArray(String[]::new));
    Path lake = dir.resolve("lake-" + format);
    spark.read().option("header", "true").csv(all)
        .withColumn("timestamp", functions.col("timestamp").cast(DataTypes.TimestampType))
        .withColumn("event_date", functions.to_date(functions.col("timestamp")))
        .write().format(format).partitionBy("event_date").save(lake.toString());
    Set<String> wanted = new TreeSet<>();
    for (LocalDate d = FIRST.minusDays(1); !d.isAfter(RUN.plusDays(1)); d = d.plusDays(1)) {
      wanted.add(d.toString());
    }
    Set<String> stored = partitions(listFiles(lake));
    assertTrue(stored.containsAll(wanted) && stored.size() > wanted.size() + 30, "the lake has more history");

    // The scan's file list: only the range's partitions and one more on each side.
    InputSpec spec = InputSpec.parse(format + ":" + lake);
    DateScan scan = new DateScan(range, "event_date", "timestamp");
    Dataset<Row> read = SourceReader.scan(spark, spec, SourceReader.detect(spark, spec), Optional.of(scan));
    Set<String> holding = new TreeSet<>(); // the UTC dates of the range's events: their partitions must be read
    inRange.subList(1, inRange.size()).forEach(l -> holding.add(Instant.parse(l.split(",", -1)[1])
        .atZone(ZoneId.of("UTC")).toLocalDate().toString()));
    Set<String> scanned = partitions(scannedFiles(read));
    assertTrue(scanned.containsAll(holding), "every partition holding the range's events is read: " + scanned);
    assertTrue(wanted.containsAll(scanned), "no partition outside the range and its two neighbours: " + scanned);
    if (format.equals("parquet")) {
      // Plain Parquet has no statistics in a log to skip files by: the range's partitions and the two neighbours.
      assertEquals(wanted, scanned);
    }

    // No other partition is opened: its files are no longer Parquet, and the run still succeeds. (A Parquet folder
    // without a log has its schema read from the footer of its first file, so that one partition stays readable.)
    String keep = format.equals("parquet") ? stored.iterator().next() : "";
    for (String f : listFiles(lake)) {
      if (!wanted.contains(partitionOf(f)) && !partitionOf(f).equals(keep)) {
        Files.writeString(Path.of(f), "not parquet", StandardCharsets.UTF_8);
      }
    }
    JobConfig lakeRun = new JobConfig(RUN, spec, null, null, null, null, base.mapping(), zone.getId(), ">",
        base.models(), null, null, dir.resolve("out-" + format).toString(), OutputFormat.PARQUET, 0.0)
        .withEventDates("event_date", range);
    JobResult r = AttributionJob.run(spark, lakeRun);
    assertEquals(truth.report().channelCredit(), r.report().channelCredit());
    assertEquals(truth.report().kpis(), r.report().kpis());
    assertEquals(inRange.size() - 1, r.stats().read(), "rows read: the range's events, no other");
  }

  /**
   * A nightly run ({@code --run-date} alone, no explicit event dates) over a Delta lake reads only its window's read
   * range (the lookback before the run date, and one partition more on each side): every other partition's files are
   * overwritten with bytes that are not Parquet and the run still succeeds, crediting what the same window credits
   * over the whole log as a CSV.
   */
  @Test
  void windowedRun_prunesToItsReadRange_withoutExplicitEventDates() throws IOException {
    SparkSession spark = SharedSpark.get();
    List<String> lines = isoTimestamps(EventLogGenerator.generate(5, 400).get(0));
    String all = TestFiles.write(dir, "all.csv", lines.toArray(String[]::new));
    JobConfig csv = JobConfig.ofEvents(RUN, all, dir.resolve("out-csv").toString())
        .withFormat(OutputFormat.PARQUET).withWindow(RunWindow.dates(RUN, RUN, 1));
    JobResult truth = AttributionJob.run(spark, csv);

    Path lake = dir.resolve("lake-nightly");
    spark.read().option("header", "true").csv(all)
        .withColumn("timestamp", functions.col("timestamp").cast(DataTypes.TimestampType))
        .withColumn("event_date", functions.to_date(functions.col("timestamp")))
        .write().format("delta").partitionBy("event_date").save(lake.toString());
    DateRange read = csv.readDates();
    assertEquals(RUN, read.last());
    Set<String> wanted = new TreeSet<>();
    for (LocalDate d = read.first().minusDays(1); !d.isAfter(read.last().plusDays(1)); d = d.plusDays(1)) {
      wanted.add(d.toString());
    }
    Set<String> stored = partitions(listFiles(lake));
    assertTrue(stored.size() > wanted.size() + 10, "the lake has history outside the window: " + stored);
    for (String f : listFiles(lake)) {
      if (!wanted.contains(partitionOf(f))) {
        Files.writeString(Path.of(f), "not parquet", StandardCharsets.UTF_8);
      }
    }
    JobConfig nightly = new JobConfig(RUN, InputSpec.parse("delta:" + lake), null, null, null, null, csv.mapping(),
        "UTC", ">", csv.models(), null, null, dir.resolve("out-lake").toString(), OutputFormat.PARQUET, 0.0)
        .withWindow(RunWindow.dates(RUN, RUN, 1));
    JobResult r = AttributionJob.run(spark, nightly);
    assertTrue(!truth.report().channelCredit().isEmpty(), "the run date has conversions");
    assertEquals(truth.report().channelCredit(), r.report().channelCredit());
    assertEquals(truth.report().kpis(), r.report().kpis());
  }

  /** The generator writes some timestamps as epoch milliseconds; a typed lake column needs them as instants. */
  private static List<String> isoTimestamps(List<String> lines) {
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      if (f[1].chars().allMatch(Character::isDigit)) {
        f[1] = Instant.ofEpochMilli(Long.parseLong(f[1])).toString();
      }
      out.add(String.join(",", f));
    }
    return out;
  }

  /** @return the data files the plan's file scans read, from the scan's own partitions (after pruning) */
  static List<String> scannedFiles(Dataset<Row> df) {
    SparkPlan plan = df.queryExecution().executedPlan();
    List<String> files = new ArrayList<>();
    for (SparkPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
      if (leaf instanceof FileSourceScanExec scan) {
        for (Partition p : scan.inputRDD().partitions()) {
          for (PartitionedFile f : ((FilePartition) p).files()) {
            files.add(f.filePath().toString());
          }
        }
      }
    }
    assertTrue(!files.isEmpty(), "a file scan in " + plan);
    return files;
  }

  private static List<String> listFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).map(Path::toString).toList();
    }
  }

  private static Set<String> partitions(List<String> files) {
    Set<String> out = new TreeSet<>();
    files.forEach(f -> out.add(partitionOf(f)));
    return out;
  }

  private static String partitionOf(String file) {
    Matcher m = PARTITION.matcher(file);
    return m.find() ? m.group(1) : "";
  }
}
