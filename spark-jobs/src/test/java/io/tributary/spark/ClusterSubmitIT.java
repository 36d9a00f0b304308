package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.model.Requirement;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on this machine: a Spark standalone master and worker started from the Maven jars on 127.0.0.1, the
 * shaded job jar submitted with spark-submit, its tables checked against the core run in this JVM, and both
 * processes stopped by PID. Runs in the {@code integration-test} phase (it needs the packaged jar) with
 * {@code ./mvnw -pl spark-jobs -am verify} (the {@code cluster-submit} execution of surefire, after {@code package}).
 */
class ClusterSubmitIT {
  private static final List<String> OPENS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true");

  @TempDir Path dir;

  @Test
  void sparkSubmit_standaloneCluster_writesTheCoresNumbers() throws Exception {
    Path jar = shadedJar();
    Path home = sparkHome();
    List<List<String>> files = EventLogGenerator.generate(3, 300);
    String events = TestFiles.write(dir, "events.csv", files.get(0).toArray(String[]::new));
    String spend = TestFiles.write(dir, "spend.csv", files.get(3).toArray(String[]::new));
    String ids = TestFiles.write(dir, "identities.csv", files.get(1).toArray(String[]::new));
    String output = dir.resolve("tables").toString();

    int port = ChildJvm.freePort();
    String master = "spark://127.0.0.1:" + port;
    Process masterProc = null;
    Process workerProc = null;
    try {
      masterProc = start(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          String.valueOf(port), "--webui-port", String.valueOf(ChildJvm.freePort()));
      ChildJvm.awaitPort(port, masterProc);
      workerProc = start(home, "worker", "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1",
          "--cores", "2", "--memory", "2g", "--webui-port", String.valueOf(ChildJvm.freePort()), "--work-dir",
          dir.resolve("work").toString());
      Process submit = start(home, "submit", "org.apache.spark.deploy.SparkSubmit", "--master", master,
          "--class", AttributionJob.class.getName(), "--conf", "spark.ui.enabled=false",
          "--conf", "spark.executor.memory=1g", "--conf", "spark.sql.shuffle.partitions=4",
          jar.toString(), "--run-date", "2024-03-31", "--conversions", "all", "--events", events, "--spend", spend,
          "--identities", ids,
          "--output", output);
      assertTrue(submit.waitFor(5, TimeUnit.MINUTES), "spark-submit timed out");
      assertEquals(0, submit.exitValue(), log("submit"));
      assertTrue(Files.readString(dir.resolve("submit.log")).contains("run_date 2024-03-31 succeeded"),
          log("submit"));
    } finally {
      stop(workerProc);
      stop(masterProc);
    }

    JobConfig cfg = JobConfig.ofEvents(LocalDate.of(2024, 3, 31), events, output).withSideInputs(spend, ids, null);
    AttributionReport expected = CoreReference.compute(events, spend, ids, null,
        cfg.models().resolve(Set.of(Requirement.TIMESTAMPS)), cfg.models());
    Map<String, Row> got = new HashMap<>();
    for (Row r : SharedSpark.get().read().format("delta").load(output + "/channel_credit").collectAsList()) {
      got.put(r.getAs("model") + "/" + r.getAs("channel"), r);
    }
    assertEquals(expected.channelCredit().size(), got.size());
    for (ChannelCreditRow e : expected.channelCredit()) {
      Row r = got.get(e.model() + "/" + e.channel());
      double a = r.getAs("attributed_conversions");
      assertTrue(Math.abs(a - e.attributedConversions()) <= 1e-9 * Math.max(1, Math.abs(a)), e + " vs " + r);
    }
  }

  private Process start(Path home, String name, String mainClass, String... args) throws IOException {
    List<String> flags = new ArrayList<>(List.of("-Xmx1g"));
    flags.addAll(OPENS);
    return ChildJvm.sparkProcess(home, dir.resolve(name + ".log"), flags, home.resolve("jars") + File.separator + "*",
        mainClass, List.of(args));
  }

  private static void stop(Process p) throws InterruptedException {
    if (p == null) {
      return;
    }
    // Only the process this test started, by its PID: SIGTERM lets a worker stop its executors first.
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static Path shadedJar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().endsWith("-spark-submit.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no target/*-spark-submit.jar: run the package phase first"))
          .toAbsolutePath();
    }
  }

  /** A SPARK_HOME whose {@code jars/} links Spark's own jars from this test's classpath (not the job's). */
  private static Path sparkHome() {
    Path home = Path.of("target", "cluster-it", "spark-home").toAbsolutePath();
    Path jars = home.resolve("jars");
    try {
      Files.createDirectories(jars);
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      for (String entry : cp.split(File.pathSeparator)) {
        String e = entry.replace('\\', '/');
        if (!e.endsWith(".jar") || e.contains("/target/") || e.contains("/io/tributary/") || e.contains("/io/delta/")
            || e.contains("/io/unitycatalog/") || e.contains("/info/picocli/") || e.contains("/org/junit/")
            || e.contains("/org/duckdb/") || e.contains("/org/opentest4j/") || e.contains("/org/apiguardian/")) {
          continue;
        }
        Path jar = Path.of(entry);
        Path link = jars.resolve(jar.getFileName());
        if (Files.notExists(link)) {
          Files.createSymbolicLink(link, jar);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return home;
  }
}
