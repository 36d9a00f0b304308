package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine lost in the middle of the job: a Spark standalone master and two one-core workers on 127.0.0.1 (started
 * from this test's classpath, on free ports), the job's driver in a JVM of its own, and once the job's main stage
 * (reading and parsing the event log, the one shuffle map stage) has a task running on an executor, that executor's
 * worker and the executor itself are killed with SIGKILL. The job must finish on the surviving worker (Spark
 * re-runs the lost tasks and the shuffle output that died with the executor) and write exactly the tables of a
 * single-machine run. Every process started here is stopped by its PID, on failure too.
 */
class ExecutorLossTest {
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);
  private static final List<String> TABLES = List.of(OutputTables.CHANNEL_CREDIT, OutputTables.CONVERSION_KPIS,
      OutputTables.PATH_SUMMARY, OutputTables.REJECTED_ROWS);
  private static final Pattern MAP_STAGE = Pattern.compile("Submitting \\d+ missing tasks from ShuffleMapStage (\\d+)");

  @TempDir Path dir;

  @Test
  void workerKilledDuringTheMainStage_jobFinishes_tablesEqualTheLocalRun() throws Exception {
    Path sample = Path.of("..", "sample-data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.exists(sample.resolve("events.csv")), "sample-data/events.csv is absent");
    List<String> args = List.of("--run-date", DATE.toString(), "--conversions", "all",
        "--events", sample.resolve("events.csv").toString(),
        "--spend", sample.resolve("spend.csv").toString(), "--identities",
        sample.resolve("identities.csv").toString(), "--consent", sample.resolve("consent.csv").toString());

    // Spark's launcher wants SPARK_HOME/jars to exist; the executors' classes come from extraClassPath instead.
    // The driver logs its stages and the executors their tasks (this module's test logging is warn-level).
    Path home = Files.createDirectories(dir.resolve("spark-home/jars")).getParent();
    Path logConfig = dir.resolve("log4j2.properties");
    Files.writeString(logConfig, String.join("\n", "rootLogger.level = warn",
        "rootLogger.appenderRef.stderr.ref = console", "appender.console.type = Console",
        "appender.console.name = console", "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = %p %c{1}: %m%n",
        "logger.dag.name = org.apache.spark.scheduler.DAGScheduler", "logger.dag.level = info",
        "logger.executor.name = org.apache.spark.executor.Executor", "logger.executor.level = info",
        "logger.tasks.name = org.apache.spark.scheduler.TaskSetManager", "logger.tasks.level = info", ""));

    int port = ChildJvm.freePort();
    String master = "spark://127.0.0.1:" + port;
    List<Process> started = new ArrayList<>();
    try {
      Process masterProc = sparkDaemon(home, "master", started, "org.apache.spark.deploy.master.Master", "--host",
          "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(ChildJvm.freePort()));
      ChildJvm.awaitPort(port, masterProc);
      Process[] workers = new Process[2];
      for (int w = 0; w < 2; w++) {
        workers[w] = sparkDaemon(home, "worker-" + w, started, "org.apache.spark.deploy.worker.Worker", master,
            "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port",
            String.valueOf(ChildJvm.freePort()), "--work-dir", dir.resolve("work-" + w).toString());
      }
      Path driverLog = dir.resolve("driver.log");
      List<String> jobArgs = new ArrayList<>(args);
      jobArgs.addAll(List.of("--output", dir.resolve("cluster").toString()));
      Process driver = ChildJvm.startJob(driverLog, Map.of(
          "spark.master", master,
          "spark.executor.extraClassPath", String.join(File.pathSeparator, ChildJvm.classpath()),
          "spark.executor.memory", "768m",
          "spark.cores.max", "2",
          "spark.sql.shuffle.partitions", "8",
          SourceReader.MIN_SPLITS, "8",
          "spark.executor.extraJavaOptions", "-Dlog4j2.configurationFile=" + logConfig,
          "log4j2.configurationFile", logConfig.toString()), jobArgs);
      started.add(driver);

      String stage = awaitMainStage(driver, driverLog);
      int victim = awaitTaskOf(stage, driver, driverLog);
      Process lost = workers[victim];
      List<ProcessHandle> executors = lost.descendants().toList();
      assertTrue(!executors.isEmpty(), "the worker runs an executor");
      ChildJvm.kill(lost); // SIGKILL of the worker and of its executor JVM, by PID
      assertTrue(executors.stream().noneMatch(ProcessHandle::isAlive));

      assertEquals(0, ChildJvm.await(driver, 240, driverLog), ChildJvm.read(driverLog));
      String log = ChildJvm.read(driverLog);
      assertTrue(log.contains("run_date " + DATE + " succeeded"), log);
      assertTrue(log.contains("Lost executor") || log.contains("Executor lost"), "the loss was seen: " + log);
      assertTrue(workers[1 - victim].isAlive(), "the other worker carried the job");
      // What the scheduler did about it, for the test report (docs/reliability.md quotes it).
      // Work was redone: a task of the main stage ran again (a later attempt of a task that died with the executor,
      // or a new attempt of the stage to rebuild the shuffle files lost with it).
      Pattern again = Pattern.compile("Finished task \\d+\\.[1-9]\\d* in stage " + stage + "\\.\\d+ "
          + "|Finished task \\d+\\.\\d+ in stage " + stage + "\\.[1-9]");
      assertTrue(again.matcher(log).find(), "a task of stage " + stage + " was run again: " + log);
      // What the scheduler did about it, for the test report (docs/reliability.md quotes it).
      log.lines().filter(l -> l.contains("Lost") || l.contains("lost") || l.contains("failed because")
          || again.matcher(l).find()).map(l -> l.length() > 200 ? l.substring(0, 200) : l)
          .forEach(System.out::println);
    } finally {
      for (int i = started.size() - 1; i >= 0; i--) {
        ChildJvm.kill(started.get(i));
      }
    }

    Path local = dir.resolve("local");
    AttributionJob.run(SharedSpark.get(), JobConfig.ofEvents(DATE, sample.resolve("events.csv").toString(),
        local.toString()).withSideInputs(sample.resolve("spend.csv").toString(),
        sample.resolve("identities.csv").toString(), sample.resolve("consent.csv").toString()));
    assertEquals(ChildJvm.kernelRead(local, TABLES), ChildJvm.kernelRead(dir.resolve("cluster"), TABLES));
  }

  /** @return the id of the job's shuffle map stage (read, parse, stitch), once the driver has submitted it */
  private static String awaitMainStage(Process driver, Path driverLog) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      Matcher m = MAP_STAGE.matcher(ChildJvm.read(driverLog));
      if (m.find()) {
        return m.group(1);
      }
      if (!driver.isAlive()) {
        throw new AssertionError("the driver ended first: " + ChildJvm.read(driverLog));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the main stage was not submitted: " + ChildJvm.read(driverLog));
  }

  /** @return the worker whose executor's log first shows a task of {@code stage} running */
  private int awaitTaskOf(String stage, Process driver, Path driverLog) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      for (int w = 0; w < 2; w++) {
        for (Path stderr : executorLogs(dir.resolve("work-" + w))) {
          if (ChildJvm.read(stderr).contains(" in stage " + stage + ".0 ")) {
            return w;
          }
        }
      }
      if (!driver.isAlive()) {
        throw new AssertionError("the driver ended first: " + ChildJvm.read(driverLog));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no task of stage " + stage + " started: " + ChildJvm.read(driverLog));
  }

  private static List<Path> executorLogs(Path workDir) throws IOException {
    if (!Files.isDirectory(workDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(workDir, 3)) {
      return s.filter(p -> p.getFileName().toString().equals("stderr")).toList();
    }
  }

  private Process sparkDaemon(Path home, String name, List<Process> started, String mainClass, String... args)
      throws IOException {
    List<String> flags = new ArrayList<>(List.of("-Xmx512m"));
    flags.addAll(ChildJvm.sparkJvmFlags());
    Process p = ChildJvm.sparkProcess(home, dir.resolve(name + ".log"), flags,
        String.join(File.pathSeparator, ChildJvm.classpath()), mainClass, List.of(args));
    started.add(p);
    return p;
  }
}
