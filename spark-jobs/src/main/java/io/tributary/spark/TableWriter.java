package io.tributary.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes the output tables under one folder, partitioned by {@code run_date}. A report table replaces exactly its
 * run date's partition: with Delta by a {@code replaceWhere} overwrite, one atomic commit (readers see the old rows or
 * the new, never a mix); with Parquet by Spark's dynamic partition overwrite. {@code run_log} is appended to, one row
 * per run, so failed attempts stay visible. Every Delta commit carries the run's id as its {@code userMetadata}
 * ({@link #COMMIT_TAG}), so that the tables' history says which run wrote each table: after a crash between the
 * tables' commits, a table whose latest commit names a run with no row in {@code run_log} holds an unfinished run.
 *
 * <p>The writes go through a session of their own: a new session of the caller's Spark, carrying the caller's
 * settings, plus {@link #TABLE_SETTINGS} where the caller has not set them. Those settings fit the output tables (a
 * few files per run date) and would not fit the inputs the caller's session reads, so they stay out of it.
 */
final class TableWriter {
  /**
   * Delta settings for writing the output tables, each applied unless the caller's session sets it.
   *
   * <ul>
   *   <li>{@code snapshotPartitions = 1}: replacing a partition makes Delta rebuild the table's file list from its
   *       log (log replay, cached) to find the files to remove. Delta spreads that replay over 50 partitions by
   *       default, sized for tables of millions of files; our tables hold about one file per run date and table, so
   *       the 50 tasks per table (and 50 more for each scan of the cached list) were nearly all of a re-run's write
   *       time (issue 16: 28-30 s of 30 s on the sample data). One partition replays a few thousand files in
   *       milliseconds.
   *   <li>{@code replaceWhere.dataColumns.enabled = false}: our {@code replaceWhere} names only the partition column,
   *       so Delta's partition-only replace applies: it removes the partition's files by their partition value.
   *       The general path (predicates on any column) runs a DELETE command in a cloned session and counts the
   *       table's files and bytes first, one more query over the replayed log per table, for the same commit.
   *   <li>{@code stats.collect = false}: Delta computes per-file column statistics (min, max, null count of the first
   *       32 columns) while writing, for data skipping, and a partition replace parses them back from the log to
   *       count the rows it removes. Our tables are read by partition ({@code run_date}), whose pruning needs no
   *       statistics, and a date's partition is one or a few files holding every model, channel and path of the
   *       date, so no filter on another column could skip one. Off, a re-run of the README's command took about 1 s
   *       less (issue 16), fresh runs a little less; the rows are the same.
   *   <li>{@code spark.sql.maxConcurrentOutputFileWriters = 1}: a task writing a partitioned table sorts all its rows
   *       by {@code run_date} first (Spark buffers the whole task's rows in its sorter's memory pages) unless it may
   *       keep a file open; our rows come date by date (one date in a nightly run), so the sort only cost time and,
   *       in a segmented run's write of a million path rows, hundreds of MB of live pages that the collector copied
   *       (issue 14). Two, not one: Spark's concurrent writer falls back to the sort as soon as it holds as many
   *       open files as allowed (its count reaches the limit when the first file opens with a limit of 1, so every
   *       row after a task's first was sorted all the same). With two a task writes its first date's rows as they
   *       come, the same rows in the same order; a task meeting a second date (a backfill) sorts the rest as before.
   *       Not more: each open Parquet file holds its row group's buffers, and a backfill's task of many dates would
   *       hold many.
   * </ul>
   */
  static final Map<String, String> TABLE_SETTINGS = tableSettings();

  private final SparkSession spark;
  private final String root;
  private final OutputFormat format;
  private final String runId;
  /** Table → the Delta version of this run's latest commit to it. */
  private final Map<String, Long> versions = new ConcurrentHashMap<>();

  /** Prefix of the {@code userMetadata} of every Delta commit; the run's id follows. */
  static final String COMMIT_TAG = "tributary run_id=";

  TableWriter(SparkSession spark, String root, OutputFormat format, String runId) {
    this.spark = writeSession(spark);
    this.root = root.replaceAll("/+$", "");
    this.format = format;
    this.runId = runId;
    // Every commit of the writer's session names the run, also those made by Delta commands (RESTORE, DELETE) that
    // take no write option.
    this.spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", COMMIT_TAG + runId);
  }

  private static Map<String, String> tableSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("spark.databricks.delta.snapshotPartitions", "1");
    m.put("spark.databricks.delta.replaceWhere.dataColumns.enabled", "false");
    m.put("spark.databricks.delta.stats.collect", "false");
    m.put("spark.sql.maxConcurrentOutputFileWriters", "2");
    return Map.copyOf(m);
  }

  /**
   * A new session of {@code caller}'s Spark (same context, cache and catalog) with {@code caller}'s settings, also
   * those set at run time, and {@link #TABLE_SETTINGS} where {@code caller} has not set them.
   */
  static SparkSession writeSession(SparkSession caller) {
    SparkSession s = caller.newSession();
    // A new session starts from the Spark context's settings; copy the ones the caller changed since. Static settings
    // are the context's in both, so they are equal and never set here.
    CollectionConverters.asJava(caller.conf().getAll()).forEach((k, v) -> {
      if (!v.equals(s.conf().get(k, null))) {
        s.conf().set(k, v);
      }
    });
    TABLE_SETTINGS.forEach((k, v) -> {
      if (!caller.conf().contains(k)) {
        s.conf().set(k, v);
      }
    });
    return s;
  }

  /** @return the session the tables are written with; build the rows to write in it */
  SparkSession session() {
    return spark;
  }

  /** @return the folder of table {@code name} */
  String location(String name) {
    return root + "/" + name;
  }

  /**
   * Replaces {@code runDate}'s partition of table {@code name} with {@code rows} (which may be empty: the partition is
   * then emptied).
   */
  void replace(String name, Dataset<Row> rows, LocalDate runDate) {
    replace(name, rows, runDate, runDate);
  }

  /**
   * Replaces the partitions of the dates from {@code first} to {@code last} of table {@code name} with {@code rows}
   * (each led by its date; a date without rows is emptied): with Delta one commit for the whole range, so a backfill
   * replaces its dates at once.
   */
  void replace(String name, Dataset<Row> rows, LocalDate first, LocalDate last) {
    inSession(() -> replaceNow(name, ours(rows), first, last));
  }

  private void replaceNow(String name, Dataset<Row> rows, LocalDate first, LocalDate last) {
    String path = location(name);
    if (format == OutputFormat.DELTA) {
      String where = first.equals(last)
          ? String.format(Locale.ROOT, "%s = DATE'%s'", OutputTables.RUN_DATE, first)
          : String.format(Locale.ROOT, "%s >= DATE'%s' AND %s <= DATE'%s'", OutputTables.RUN_DATE, first,
              OutputTables.RUN_DATE, last);
      rows.write()
          .format("delta")
          .mode(SaveMode.Overwrite)
          .partitionBy(OutputTables.RUN_DATE)
          .option("replaceWhere", where)
          .option("userMetadata", COMMIT_TAG + runId)
          // A column the core adds only when a run sets it (Shapley's sampling error) joins the table's schema the
          // first time; a run without it leaves it null. Delta never drops or retypes a column this way.
          .option("mergeSchema", "true")
          .save(path);
      committed(name);
      return;
    }
    // A dynamic overwrite replaces only the partitions it writes: a date left without rows must still lose its old ones.
    java.util.Set<LocalDate> written = new java.util.HashSet<>();
    for (Row r : rows.select(OutputTables.RUN_DATE).distinct().collectAsList()) {
      written.add(r.getDate(0).toLocalDate());
    }
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (!written.contains(d)) {
        deletePartition(path, d);
      }
    }
    if (written.isEmpty()) {
      return;
    }
    rows.write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(OutputTables.RUN_DATE)
        .parquet(path);
  }

  /** @return whether table {@code name} has been written under this folder before */
  boolean exists(String name) {
    try {
      Path p = new Path(location(name));
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends {@code rows} to table {@code name}. */
  void append(String name, Dataset<Row> rows) {
    inSession(() -> appendNow(name, ours(rows)));
  }

  private void appendNow(String name, Dataset<Row> rows) {
    var writer = rows.write();
    if (format == OutputFormat.DELTA) {
      // mergeSchema: a table written by an older version gains the columns added since (run_log's table_versions).
      writer = writer.option("userMetadata", COMMIT_TAG + runId).option("mergeSchema", "true");
    }
    writer
        .format(format == OutputFormat.DELTA ? "delta" : "parquet")
        .mode(SaveMode.Append)
        .partitionBy(OutputTables.RUN_DATE)
        .save(location(name));
    if (format == OutputFormat.DELTA) {
      committed(name);
    }
  }

  /**
   * Starts loading, in the background, the Delta state of each of {@code tables} that already exists: its list of
   * files, rebuilt from its log, which a partition replace needs to find the files it removes. Delta keeps a table's
   * state per version (its log cache) and builds it once (a second caller waits for the first), so the replace of the
   * same version later finds it ready or joins the load in progress. A re-run otherwise rebuilds every table's state
   * in its write phase, a few Spark jobs per table on the run's critical path (issue 16: about 2 s of a 10M-event
   * re-run's write on two cores); loaded one table after the other while the run reads and folds its input, it
   * overlaps that work and leaves the reading most of the cores. Nothing is written and nothing waits for it; a
   * failure here is left for the write itself to meet and report.
   */
  void preload(Collection<String> tables) {
    if (format != OutputFormat.DELTA) {
      return;
    }
    List<String> existing = new ArrayList<>();
    for (String name : tables) {
      if (exists(name + "/_delta_log")) {
        existing.add(name);
      }
    }
    if (existing.isEmpty()) {
      return;
    }
    Thread t = new Thread(() -> {
      for (String name : existing) {
        try {
          // Planning the table's file list (no data is read) makes Delta rebuild and cache its state.
          inSession(() -> spark.read().format("delta").load(location(name)).inputFiles());
        } catch (Exception ignored) {
          // Spark's exceptions reach Java unchecked (Scala declares none): catch them all. The replace meets the same
          // table and says what is wrong with it; a run that ended meanwhile (its folder gone) needs nothing.
        }
      }
    }, "tributary-table-preload");
    t.setDaemon(true);
    t.start();
  }

  /** @return the output format */
  OutputFormat format() {
    return format;
  }

  /** @return table → the Delta version of this run's latest commit to it, for the tables it has committed to */
  Map<String, Long> versions() {
    return Map.copyOf(versions);
  }

  /** @return the current Delta version of table {@code name} (which must exist) */
  long currentVersion(String name) {
    return commits(name).latest();
  }

  /** Makes Delta table {@code name} show its {@code version} again, in one new commit (Delta's RESTORE). */
  void restore(String name, long version) {
    inSession(() -> io.delta.tables.DeltaTable.forPath(spark, location(name)).restoreToVersion(version));
    committed(name);
  }

  /** Removes every row of Delta table {@code name}, in one new commit. */
  void deleteAll(String name) {
    inSession(() -> io.delta.tables.DeltaTable.forPath(spark, location(name)).delete());
    committed(name);
  }

  /*
   * A write of this run is done: the crash tests may stop the JVM here. Then the version showing it is looked up: the
   * run's latest commit to the table, found by its tag rather than taken as the table's latest. A write that changes
   * nothing (an empty result over an empty partition, a restore to the current state) makes no commit: the table's
   * current version then shows the run, as no other run writes the folder meanwhile.
   */
  private void committed(String name) {
    CommitKillPoint.committed();
    DeltaCommits log = commits(name);
    long latest = log.latest();
    long own = -1;
    for (long v = latest; v >= 0 && v > latest - 20 && own < 0; v--) {
      if ((COMMIT_TAG + runId).equals(log.userMetadata(v))) {
        own = v;
      }
    }
    versions.put(name, own >= 0 ? own : latest);
  }

  /* The table's commits, read from its log's files (no Spark job: see DeltaCommits). */
  private DeltaCommits commits(String name) {
    return new DeltaCommits(location(name), spark.sparkContext().hadoopConfiguration());
  }

  /** @return {@code rows} in the writer's session: a Delta write takes its settings from the Dataset's session */
  private Dataset<Row> ours(Dataset<Row> rows) {
    return rows.sparkSession() == spark ? rows : spark.createDataFrame(rows.javaRDD(), rows.schema());
  }

  /**
   * Runs {@code write} with the writer's session active on this thread: Delta reads its settings from the active
   * session ({@code SparkSession.active}), not from the Dataset's.
   */
  private void inSession(Runnable write) {
    Option<SparkSession> before = SparkSession.getActiveSession();
    SparkSession.setActiveSession(spark);
    try {
      write.run();
    } finally {
      if (before.isDefined()) {
        SparkSession.setActiveSession(before.get());
      } else {
        SparkSession.clearActiveSession();
      }
    }
  }

  private void deletePartition(String path, LocalDate runDate) {
    try {
      Path p = new Path(path, OutputTables.RUN_DATE + "=" + runDate);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(p)) {
        fs.delete(p, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
