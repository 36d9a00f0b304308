package io.tributary.spark;

import io.tributary.core.output.RunLogEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * The publish record of the last published run, read from the newest commits of {@code run_log} without Spark: commit
 * by commit from the latest, the Parquet files each commit added ({@link DeltaCommits#appended}), until a commit holds
 * a {@code succeeded} row with {@code table_versions}. That is the row the documented query finds ({@code ORDER BY
 * finished_at DESC, run_id DESC}) as long as runs append one after another, which the publish step assumes anyway (one
 * run at a time per folder; a run's rows are one commit, written after its {@code finished_at}).
 *
 * <p>Why not the query: a Delta read rebuilds the table's state from its log and plans a scan, three Spark jobs that
 * cost a re-run about 1 s on two cores (issue 16), to read the few rows the last commit added. This reads one small
 * Parquet file. Whenever the log is not that plain, the answer is "unknown" and the caller runs the query: a commit
 * that removed rows or files, a deletion vector, a commit file already cleaned up, more than {@link #MAX_COMMITS}
 * commits without a record, or one commit whose rows disagree.
 */
final class RunLogTail {
  /** How many of the newest commits are looked at before giving up (failed runs each append one commit). */
  static final int MAX_COMMITS = 50;

  /** What the log's newest commits say: {@code tableVersions} is null when no run has published under the folder. */
  record Found(String tableVersions) {}

  private RunLogTail() {}

  /**
   * @param table {@code run_log}'s folder (a Delta table)
   * @return the newest publish record, {@code Found(null)} when the whole log holds none, or null when this cannot
   *     tell (the caller then asks Delta)
   */
  static Found lastRecord(String table, Configuration conf) {
    DeltaCommits commits = new DeltaCommits(table, conf);
    long latest = commits.latest();
    for (long v = latest; v >= 0; v--) {
      if (latest - v >= MAX_COMMITS) {
        return null;
      }
      List<Path> files = commits.appended(v);
      if (files == null) {
        return null;
      }
      String record = null;
      for (Path file : files) {
        String[] inFile = records(file, conf);
        if (inFile == null) {
          return null;
        }
        for (String r : inFile) {
          if (record != null && !record.equals(r)) {
            return null;
          }
          record = r;
        }
      }
      if (record != null) {
        return new Found(record);
      }
    }
    return new Found(null);
  }

  /* The table_versions of the file's succeeded rows (none when the column is absent: a log older than the publish
   * step), or null when the file has no status column (not a run_log file this code knows). */
  private static String[] records(Path file, Configuration conf) {
    try (ParquetReader<Group> in = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
      List<String> out = new ArrayList<>();
      for (Group row = in.read(); row != null; row = in.read()) {
        if (!row.getType().containsField("status")) {
          return null;
        }
        if (!row.getType().containsField(Publication.TABLE_VERSIONS)
            || row.getFieldRepetitionCount("status") == 0
            || row.getFieldRepetitionCount(Publication.TABLE_VERSIONS) == 0) {
          continue;
        }
        if (RunLogEntry.SUCCEEDED.equals(row.getString("status", 0))) {
          out.add(row.getString(Publication.TABLE_VERSIONS, 0));
        }
      }
      return out.toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
