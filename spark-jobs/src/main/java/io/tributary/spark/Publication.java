package io.tributary.spark;

import io.tributary.core.output.RunLogEntry;
import io.tributary.core.output.TableSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The publish step of a Delta output: one published run per date. Each table is its own Delta commit, so a crash
 * between them leaves some tables of a date from the new run and others from the old one. A reader is kept from that
 * mix by the publish record: after every table of a run has committed, the run's {@code run_log} row names each
 * table's version that shows the run ({@code table_versions}), and readers read each table at the version the last
 * such row names (see docs/spark-job.md, "Reading only published runs"). A run that dies before its row leaves its
 * commits above those versions, unseen.
 *
 * <p>Before it writes, a run repairs what an earlier unpublished run left: a table whose current version is past the
 * last published one is restored to it (one RESTORE commit), and a table the last published run does not name (made
 * by an unpublished run) is emptied. So every commit up to a run's own published versions is a published run's, and
 * reading at the versions of the last record shows every date's last published run. This holds for one run at a
 * time per output folder, as a nightly schedule runs them.
 */
final class Publication {
  /** The {@code run_log} column holding a run's table versions. */
  static final String TABLE_VERSIONS = "table_versions";

  private Publication() {}

  /**
   * Repairs the tables an unpublished run left (see the class comment).
   *
   * @return every report table under the folder → its version after the repair, which shows the last published run
   */
  static SortedMap<String, Long> repair(TableWriter writer) {
    SortedMap<String, Long> clean = new TreeMap<>();
    Map<String, Long> published = lastPublished(writer);
    for (String table : reportTables()) {
      if (!writer.exists(table)) {
        continue;
      }
      long current = writer.currentVersion(table);
      if (published == null) {
        // No run has published versions here yet (a new folder, or one written before the publish step): nothing
        // says which commits are whose, so the tables are taken as they are.
        clean.put(table, current);
      } else if (!published.containsKey(table)) {
        writer.deleteAll(table);
        clean.put(table, writer.versions().get(table));
      } else if (current > published.get(table)) {
        writer.restore(table, published.get(table));
        clean.put(table, writer.versions().get(table));
      } else {
        clean.put(table, current);
      }
    }
    return clean;
  }

  /** @return the table versions of the last published run under the writer's folder, or null when there is none */
  static Map<String, Long> lastPublished(TableWriter writer) {
    if (!writer.exists(OutputTables.RUN_LOG)) {
      return null;
    }
    // The newest commits' files first (no Spark job); Delta's read when they cannot tell.
    RunLogTail.Found tail = RunLogTail.lastRecord(writer.location(OutputTables.RUN_LOG),
        writer.session().sparkContext().hadoopConfiguration());
    if (tail != null) {
      return tail.tableVersions() == null ? null : RunLogEntry.parseTableVersions(tail.tableVersions());
    }
    return lastPublishedByQuery(writer);
  }

  /** @return {@link #lastPublished} as the documented Spark SQL query answers it */
  static Map<String, Long> lastPublishedByQuery(TableWriter writer) {
    Dataset<Row> log = writer.session().read().format("delta").load(writer.location(OutputTables.RUN_LOG));
    if (!Arrays.asList(log.columns()).contains(TABLE_VERSIONS)) {
      return null;
    }
    List<Row> last = log.where(functions.col("status").equalTo(RunLogEntry.SUCCEEDED)
            .and(functions.col(TABLE_VERSIONS).isNotNull()))
        .orderBy(functions.col("finished_at").desc(), functions.col("run_id").desc())
        .select(TABLE_VERSIONS)
        .limit(1)
        .collectAsList();
    return last.isEmpty() ? null : RunLogEntry.parseTableVersions(last.get(0).getString(0));
  }

  /** @return the names of the tables a run replaces partitions of: every core table but {@code run_log} and paths */
  static List<String> reportTables() {
    return io.tributary.core.output.OutputTables.ALL.stream()
        .map(TableSchema::name)
        .filter(n -> !n.equals(OutputTables.RUN_LOG) && !n.equals(io.tributary.core.output.OutputTables.PATHS.name()))
        .toList();
  }
}
