package io.tributary.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Processes the fault tests start and kill: the job's driver in a JVM of its own (as {@code bin/tributary-job} runs
 * it), and a Delta Kernel reader without Spark. The child gets this test JVM's classpath and the same
 * {@code --add-opens} flags surefire gave it (the parent pom's {@code spark.jvm.opens}), so nothing is listed twice.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** @return the test classpath entries (surefire runs tests from a manifest-only jar) */
  static List<String> classpath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(cp.split(File.pathSeparator));
  }

  /** @return the module opens and netty flag this JVM was started with, which Spark needs on Java 17 */
  static List<String> sparkJvmFlags() {
    List<String> flags = new ArrayList<>();
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Dio.netty.")) {
        flags.add(a);
      }
    }
    return flags;
  }

  /**
   * Starts a Spark class (master, worker, spark-submit) in a new JVM as Spark's own scripts would, with
   * {@code SPARK_HOME} {@code home} and the local IP pinned to 127.0.0.1; stdout and stderr go to {@code log}.
   */
  static Process sparkProcess(Path home, Path log, List<String> jvmFlags, String classpath, String mainClass,
      List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Starts {@link AttributionJob#main} in a new JVM with system properties {@code props} (a {@code spark.*} one is a
   * Spark setting; {@code log4j2.configurationFile} replaces the module's warn-level logging); stdout and stderr go
   * to {@code log}.
   */
  static Process startJob(Path log, Map<String, String> props, List<String> jobArgs) {
    return startJob(log, props, List.of(), jobArgs);
  }

  /** {@link #startJob(Path, Map, List)} with more JVM flags ({@code jvmFlags}, e.g. to start faster). */
  static Process startJob(Path log, Map<String, String> props, List<String> jvmFlags, List<String> jobArgs) {
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx1g", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
        "-Dlog4j2.configurationFile=" + Path.of("conf", "log4j2.properties").toAbsolutePath()));
    cmd.addAll(jvmFlags);
    cmd.addAll(sparkJvmFlags());
    Map<String, String> conf = new LinkedHashMap<>(Map.of("spark.ui.enabled", "false",
        "spark.driver.host", "127.0.0.1", "spark.sql.session.timeZone", "UTC"));
    conf.putAll(props);
    conf.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classpath()));
    cmd.add(AttributionJob.class.getName());
    cmd.addAll(jobArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for {@code p} and returns its exit status; kills it (SIGKILL) when it takes longer than {@code seconds}. */
  static int await(Process p, long seconds, Path log) throws InterruptedException {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      kill(p);
      throw new AssertionError("timed out after " + seconds + " s: " + read(log));
    }
    return p.exitValue();
  }

  /** SIGKILL of {@code p} and of every process it started (their PIDs only), then waits for them to be gone. */
  static void kill(Process p) throws InterruptedException {
    if (p == null) {
      return;
    }
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    p.waitFor(30, TimeUnit.SECONDS);
    for (ProcessHandle c : children) {
      c.onExit().join();
    }
  }

  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log " + log + ")";
    } catch (IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }

  /** Waits until something listens on {@code port} of 127.0.0.1 (the server {@code p} started). */
  static void awaitPort(int port, Process p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        if (!p.isAlive()) {
          throw new AssertionError("the server exited with " + p.exitValue() + " before opening port " + port);
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("nothing opened port " + port);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads Delta tables the way a BI tool does, with Delta Kernel in a fresh JVM without Spark ({@link KernelTableDump}):
   * per table its header line, then its rows sorted, so that two reads compare as text whatever the file order.
   */
  static Map<String, List<String>> kernelRead(Path root, List<String> tables)
      throws IOException, InterruptedException {
    return kernel(KernelDumps.class.getName(), root, tables);
  }

  /**
   * Reads Delta tables with Delta Kernel in a fresh JVM without Spark as {@link KernelPublishedRead} does: each at
   * the version the last published run names in {@code run_log}, in {@link #kernelRead}'s form; a table the record
   * does not name is left out.
   */
  static Map<String, List<String>> kernelPublishedRead(Path root, List<String> tables)
      throws IOException, InterruptedException {
    return kernel(KernelPublishedRead.class.getName(), root, tables);
  }

  private static Map<String, List<String>> kernel(String mainClass, Path root, List<String> tables)
      throws IOException, InterruptedException {
    List<String> kept = new ArrayList<>();
    for (String entry : classpath()) {
      String e = entry.replace('\\', '/');
      if (!e.contains("/org/apache/spark/") && !e.contains("/org/scala-lang/") && !e.contains("/delta-spark")) {
        kept.add(entry);
      }
    }
    List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", String.join(File.pathSeparator, kept),
        mainClass));
    tables.forEach(t -> cmd.add(root.resolve(t).toString()));
    Path out = Files.createTempFile(root.getParent(), "kernel", ".tsv");
    Path err = Files.createTempFile(root.getParent(), "kernel", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (await(p, 120, err) != 0) {
      throw new AssertionError("Delta Kernel reader failed: " + read(err));
    }
    Map<String, List<String>> byTable = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      if (line.startsWith(KernelDumps.TABLE)) {
        current = new ArrayList<>();
        byTable.put(Path.of(line.substring(KernelDumps.TABLE.length())).getFileName().toString(), current);
      } else {
        current.add(line);
      }
    }
    for (List<String> rows : byTable.values()) {
      if (rows.size() > 1) {
        rows.subList(1, rows.size()).sort(null);
      }
    }
    return byTable;
  }

  /** {@link KernelTableDump} over several tables in one JVM, each after a line naming it. */
  public static final class KernelDumps {
    static final String TABLE = "== ";

    private KernelDumps() {}

    public static void main(String[] args) throws IOException {
      for (String table : args) {
        System.out.println(TABLE + table);
        KernelTableDump.main(new String[] {table});
      }
    }
  }
}
