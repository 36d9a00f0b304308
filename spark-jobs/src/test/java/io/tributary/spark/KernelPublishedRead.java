package io.tributary.spark;

import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The BI read of docs/spark-job.md ("Reading only published runs") done with Delta Kernel alone, as a tool without
 * Spark would: from {@code run_log}'s latest snapshot, the succeeded row with {@code table_versions} that finished
 * last (ties: the greater {@code run_id}); then each table at the version that row names. Arguments: the tables'
 * folders, all in one output folder (which holds {@code run_log}). Prints, per table the record names, a line {@code == <folder>/<table>} and the table's
 * lines in {@link KernelTableDump}'s form. Parses {@code table_versions} itself: it shares no code with the job.
 */
public final class KernelPublishedRead {
  private KernelPublishedRead() {}

  public static void main(String[] args) throws IOException {
    Engine engine = DefaultEngine.create(new Configuration());
    Path root = Path.of(args[0]).getParent();
    Map<String, Long> versions = new TreeMap<>();
    Path runLog = root.resolve("run_log");
    if (Files.exists(runLog)) {
      List<String> log = KernelTableDump.lines(engine, Table.forPath(engine, runLog.toString())
          .getLatestSnapshot(engine));
      List<String> header = List.of(log.get(0).split("\t", -1));
      int status = header.indexOf("status");
      int finished = header.indexOf("finished_at");
      int runId = header.indexOf("run_id");
      int record = header.indexOf("table_versions");
      String[] best = null;
      for (String line : log.subList(1, log.size())) {
        String[] f = line.split("\t", -1);
        if (record < 0 || !f[status].equals("succeeded") || f[record].equals("null")) {
          continue;
        }
        if (best == null || Long.parseLong(f[finished]) > Long.parseLong(best[finished])
            || (f[finished].equals(best[finished]) && f[runId].compareTo(best[runId]) > 0)) {
          best = f;
        }
      }
      if (best != null) {
        for (String pair : best[record].split(",")) {
          String[] kv = pair.split("=");
          versions.put(kv[0], Long.parseLong(kv[1]));
        }
      }
    }
    for (String arg : args) {
      Path table = Path.of(arg);
      Long v = versions.get(table.getFileName().toString());
      if (v == null) {
        continue;
      }
      System.out.println(ChildJvm.KernelDumps.TABLE + table);
      KernelTableDump.lines(engine, Table.forPath(engine, table.toString()).getSnapshotAsOfVersion(engine, v))
          .forEach(System.out::println);
    }
  }
}
