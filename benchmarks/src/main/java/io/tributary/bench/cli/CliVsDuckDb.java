package io.tributary.bench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole-job benchmark of issue 4, in one run: the DuckDB baseline query ({@link DuckDbAttribution}, 2 threads)
 * and {@code cli/bin/tributary attribute --events ...} (with {@code TRIBUTARY_JAVA_OPTS=-Xmx1g}: the launcher a user
 * runs, so its class-data archive and its choice of collector count) through every rule model and Markov,
 * each in its own JVM under {@code /usr/bin/time -v} (wall time and peak RSS), alternating for the given rounds.
 * It then checks that both computed the same last-touch and linear credit and prints a Markdown table with the
 * ratio CLI / DuckDB.
 *
 * <p>Run from the repository root after {@code ./mvnw -q package -DskipTests}:
 * {@code java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.CliVsDuckDb /tmp/tributary-events-10m.csv
 * [rounds]} (generate the file first with {@link EventLogGenerator}).
 *
 * <p>For a log larger than memory (issue 16): {@code -Dbench.heap=2g} gives the CLI that heap (its default memory
 * budget is a share of it) and {@code -Dbench.duckdbMemory=2GB -Dbench.duckdbTemp=/tmp/duck-spill} gives DuckDB the
 * same limit and a folder to spill to; {@code -Dbench.cliArgs="--temp-dir /tmp"} adds flags to the CLI's command.
 * {@code -Dbench.models=all} runs every registered model instead of {@link #MODELS} (the headline's "all models" row,
 * {@code benchmarks/headline.sh cli}). The launcher picks the CLI's JVM flags as for any user;
 * {@code -Dbench.cliJavaOpts="..."} adds to them (through {@code TRIBUTARY_JAVA_OPTS}). The class-data archive is
 * built before the first round, untimed, as a user's first run builds it once. Each round prints one line,
 * {@code round N: duckdb S s M MB, cli S s M MB}, which the headline script reads.
 */
public final class CliVsDuckDb {
  static final String MODELS = "first_touch,last_touch,last_non_direct,linear,position_based,time_decay,markov";
  private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time.*: (?:(\\d+):)?(\\d+):(\\d+\\.\\d+)");
  private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

  private CliVsDuckDb() {}

  /** A timed child process: wall seconds, peak RSS in MB, its stdout. */
  record Timed(double seconds, double rssMb, String out) {}

  static Timed time(List<String> command, Path stdout) throws IOException, InterruptedException {
    return time(command, Map.of(), stdout);
  }

  /** Times {@code command} with {@code env} added to this process's environment. */
  static Timed time(List<String> command, Map<String, String> env, Path stdout)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v"));
    cmd.addAll(command);
    Path err = Files.createTempFile("bench", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    int exit = p.waitFor();
    String e = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    if (exit != 0) {
      throw new IllegalStateException("exit " + exit + " from " + command + "\n" + e);
    }
    Matcher w = WALL.matcher(e);
    Matcher r = RSS.matcher(e);
    if (!w.find() || !r.find()) {
      throw new IllegalStateException("no /usr/bin/time output:\n" + e);
    }
    double s = (w.group(1) == null ? 0 : Integer.parseInt(w.group(1)) * 3600) + Integer.parseInt(w.group(2)) * 60
        + Double.parseDouble(w.group(3));
    return new Timed(s, Long.parseLong(r.group(1)) / 1024.0, Files.readString(stdout, StandardCharsets.UTF_8));
  }

  /* Builds the launcher's class-data archive once, untimed: otherwise the first timed round would build it. */
  private static void buildClassData(String java) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("cli/bin/build-class-data").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("JAVA", java);
    int exit = pb.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("exit " + exit + " from cli/bin/build-class-data");
    }
  }

  /** Runs the benchmark; arguments: events.csv [rounds]. */
  public static void main(String[] args) throws Exception {
    Path events = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    String heap = System.getProperty("bench.heap", "1g");
    List<String> duck = new ArrayList<>(List.of(java, "-cp", cp, DuckDbAttribution.class.getName(),
        events.toString(), "2"));
    if (System.getProperty("bench.duckdbMemory") != null) {
      duck.add(System.getProperty("bench.duckdbMemory"));
      duck.add(System.getProperty("bench.duckdbTemp", System.getProperty("java.io.tmpdir")));
    }
    Path cliOut = Files.createTempFile("cli", ".csv");
    Path duckOut = Files.createTempFile("duck", ".out");
    String models = System.getProperty("bench.models", MODELS);
    // The launcher a user runs: it maps the class-data archive and picks the collector for the input's size.
    Map<String, String> cliEnv = Map.of("JAVA", java, "TRIBUTARY_JAVA_OPTS",
        ("-Xmx" + heap + " " + System.getProperty("bench.cliJavaOpts", "")).strip());
    List<String> cli = new ArrayList<>(List.of("cli/bin/tributary", "attribute",
        "--events", events.toString(), "--models", models, "--format", "csv", "--output", "-", "--quiet"));
    buildClassData(java);
    String extra = System.getProperty("bench.cliArgs", "").strip();
    if (!extra.isEmpty()) {
      cli.addAll(List.of(extra.split("\\s+")));
    }
    List<Timed> d = new ArrayList<>();
    List<Timed> c = new ArrayList<>();
    // -Dbench.cliFirst=true starts each round with the CLI (the headline script alternates it between one-round runs).
    boolean cliFirst = Boolean.getBoolean("bench.cliFirst");
    for (int i = 0; i < rounds; i++) {
      if (cliFirst) {
        c.add(time(cli, cliEnv, cliOut));
        d.add(time(duck, duckOut));
      } else {
        d.add(time(duck, duckOut));
        c.add(time(cli, cliEnv, cliOut));
      }
      System.out.printf(Locale.ROOT, "round %d: duckdb %.2f s %.0f MB, cli %.2f s %.0f MB%n", i + 1,
          d.get(i).seconds(), d.get(i).rssMb(), c.get(i).seconds(), c.get(i).rssMb());
    }
    System.out.println("agreement (last_touch, linear): " + compare(d.get(0).out(), c.get(0).out()));
    Files.delete(cliOut);
    Files.delete(duckOut);
    double bestD = d.stream().mapToDouble(Timed::seconds).min().orElseThrow();
    double bestC = c.stream().mapToDouble(Timed::seconds).min().orElseThrow();
    System.out.println();
    System.out.println("| run | wall (best of " + rounds + ") | peak RSS |");
    System.out.println("|---|---|---|");
    System.out.printf(Locale.ROOT, "| DuckDB query (last_touch + linear, 2 threads%s) | %.2f s | %.0f MB |%n",
        System.getProperty("bench.duckdbMemory") == null ? "" : ", memory_limit " + System.getProperty(
            "bench.duckdbMemory"), bestD, d.stream().mapToDouble(Timed::rssMb).max().orElseThrow());
    System.out.printf(Locale.ROOT, "| tributary attribute (%s, -Xmx%s) | %.2f s | %.0f MB |%n", models, heap, bestC,
        c.stream().mapToDouble(Timed::rssMb).max().orElseThrow());
    System.out.printf(Locale.ROOT, "%nratio tributary / DuckDB = %.2f%n", bestC / bestD);
  }

  /* Largest relative difference between DuckDB's and the CLI's last-touch and linear credit, over all channels. */
  static String compare(String duckOut, String cliCsv) {
    Map<String, Double> cli = new HashMap<>();
    for (String line : cliCsv.split("\n")) {
      String[] f = line.split(",", -1);
      if (f.length > 3 && (f[0].equals("last_touch") || f[0].equals("linear"))) {
        cli.put(f[0] + "|" + f[1] + "|c", Double.parseDouble(f[2]));
        cli.put(f[0] + "|" + f[1] + "|v", Double.parseDouble(f[3]));
      }
    }
    double worst = 0;
    int n = 0;
    for (String line : duckOut.split("\n")) {
      String[] f = line.split(",");
      if (f.length != 5 || line.startsWith("duckdb")) {
        continue;
      }
      String[] keys = {"last_touch|" + f[0] + "|c", "last_touch|" + f[0] + "|v", "linear|" + f[0] + "|c",
        "linear|" + f[0] + "|v"};
      for (int k = 0; k < 4; k++) {
        double a = Double.parseDouble(f[k + 1]);
        Double b = cli.get(keys[k]);
        if (b == null) {
          return "channel " + f[0] + " missing from the CLI output";
        }
        worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(a)));
        n++;
      }
    }
    return String.format(Locale.ROOT, "%d numbers, largest relative difference %.1e", n, worst);
  }
}
