package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events grouped within {@code --memory-budget}: a run whose events spill to sorted runs on disk and are merged back
 * by customer writes the same bytes as a run that holds them all in memory (which the other command tests check
 * against hand-worked and published numbers), every table of every model and the KPIs, on one thread and on four
 * (four byte ranges, four fold slices, four partitions per run: the slicing thresholds are set to 1). A budget of one
 * byte spills every few thousand rows, so even the sample data makes several runs per reading thread. The temporary
 * folder is left empty, whether the run succeeds or fails.
 */
class SpillTest {
  private static final Path SAMPLE = Path.of("..", "sample-data");
  private static final Pattern SPILLED = Pattern.compile("spilled (\\d+) sorted runs?, ([0-9.]+) MB");

  @TempDir Path dir;

  @Test
  void attribute_sampleDataSpilled_byteIdenticalToHeldInMemory() throws IOException {
    String[] inputs = {"--events", SAMPLE.resolve("events.csv").toString(), "--spend",
        SAMPLE.resolve("spend.csv").toString(), "--identities", SAMPLE.resolve("identities.csv").toString(),
        "--consent", SAMPLE.resolve("consent.csv").toString()};
    assertSameWithAndWithoutSpilling("sample", inputs);
    String[] segmented = concat(inputs, "--segment-by", "persona,loyalty", "--touchpoint", "campaign");
    assertSameWithAndWithoutSpilling("segments", segmented);
    assertSameWithAndWithoutSpilling("clv", concat(inputs, "--clv"));
  }

  @Test
  void attribute_generatedLogSpilledOnFourSlices_byteIdenticalIncludingRejects() throws IOException {
    Path events = dir.resolve("generated.csv");
    Path identities = dir.resolve("identities.csv");
    Path consent = dir.resolve("consent.csv");
    writeGenerated(events, identities, consent, 6000, true);
    assertTrue(Files.size(events) > 1 << 20, "large enough for many runs");
    String[] inputs = {"--events", events.toString(), "--identities", identities.toString(), "--consent",
        consent.toString(), "--on-bad-row", "skip"};
    assertSameWithAndWithoutSpilling("generated", inputs);
  }

  @Test
  void paths_and_clv_spilled_sameOutput() throws IOException {
    for (String command : List.of("paths", "clv")) {
      List<String> outputs = new ArrayList<>();
      for (String budget : List.of("1g", "1")) {
        Path temp = Files.createDirectories(dir.resolve(command + "-" + budget + "-tmp"));
        Path out = dir.resolve(command + "-" + budget + ".csv");
        List<String> args = new ArrayList<>(List.of(command, "--events", SAMPLE.resolve("events.csv").toString(),
            "--identities", SAMPLE.resolve("identities.csv").toString(), "--output", out.toString(),
            "--memory-budget", budget, "--temp-dir", temp.toString(), "-q"));
        if (command.equals("clv")) {
          args.addAll(List.of("--format", "csv"));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        outputs.add(Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(List.of(), list(temp), command + ": temporary folder left empty");
      }
      assertFalse(outputs.get(0).isEmpty());
      assertEquals(outputs.get(0), outputs.get(1), command);
    }
  }

  @Test
  void attribute_badRowAfterSeveralSpills_exit2AndTemporaryFolderEmpty() throws IOException {
    Path events = dir.resolve("bad.csv");
    writeGenerated(events, dir.resolve("ids.csv"), dir.resolve("optouts.csv"), 8000, false);
    // A bad timestamp on the last line: read only after several runs spilled.
    Files.writeString(events, "u1,not-a-time,c1,0,,touch\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    long lines = Files.readAllLines(events).size();
    assertTrue(lines > 8 * 4096, "the budget is checked every 4096 rows of a thread: several runs spill first");
    for (int threads : new int[] {1, 4}) {
      Path temp = Files.createDirectories(dir.resolve("bad-tmp-" + threads));
      Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--output",
          dir.resolve("bad-out-" + threads).toString(), "--format", "csv", "--memory-budget", "1", "--temp-dir",
          temp.toString(), "--threads", String.valueOf(threads), "--slice-min-bytes", "1", "--slice-min-customers",
          "1");
      assertEquals(2, r.exit(), r.err());
      assertEquals(1, r.errLines().length, r.err());
      assertTrue(r.err().contains(":" + lines + ":"), "names the bad line " + lines + ": " + r.err());
      assertEquals(List.of(), list(temp), "temporary folder left empty after the failure");
    }
  }

  @Test
  void attribute_temporaryFolderNotUsable_oneLineNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path missing = dir.resolve("no-such-folder");
    for (Path temp : List.of(file, missing)) {
      Cli.Result r = Cli.run("attribute", "--events", SAMPLE.resolve("events.csv").toString(), "--output",
          dir.resolve("unused").toString(), "--format", "csv", "--memory-budget", "1", "--temp-dir", temp.toString());
      assertEquals(1, r.exit(), r.err());
      assertEquals(1, r.errLines().length, r.err());
      String line = r.errLines()[0];
      assertTrue(line.contains("cannot spill events to the temporary folder " + temp), line);
      assertTrue(line.contains(temp == file ? "not a folder" : "no such folder"), line);
      assertTrue(line.contains("--temp-dir") && line.contains("--memory-budget"), line);
      assertFalse(line.contains("Exception"), line);
    }
  }

  /*
   * A folder that fills up: --temp-dir-limit is the run's own ceiling on the disk its runs take (the same check a full
   * disk ends in, with the system's "No space left on device" as the reason). A budget of one byte spills a run every
   * 4,096 rows; 16 KB is less than the first run, 1 GB far more than all of them.
   */
  @Test
  void attribute_temporaryFolderFull_oneLineNamingItAndRunsDeleted() throws IOException {
    Path events = dir.resolve("full.csv");
    writeGenerated(events, dir.resolve("full-ids.csv"), dir.resolve("full-optouts.csv"), 4000, false);
    for (int threads : new int[] {1, 4}) {
      for (String limit : List.of("1g", "16k")) {
        Path temp = Files.createDirectories(dir.resolve("full-tmp-" + threads + "-" + limit));
        Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--output",
            dir.resolve("full-out-" + threads + "-" + limit).toString(), "--format", "csv", "--memory-budget", "1",
            "--temp-dir", temp.toString(), "--temp-dir-limit", limit, "--threads", String.valueOf(threads),
            "--slice-min-bytes", "1", "--slice-min-customers", "1", "-q");
        if (limit.equals("1g")) {
          assertEquals(0, r.exit(), r.err());
        } else {
          assertEquals(1, r.exit(), r.err());
          assertEquals(1, r.errLines().length, r.err());
          String line = r.errLines()[0];
          assertEquals("tributary: cannot spill events to the temporary folder " + temp + ": the spilled runs would "
              + "take more than --temp-dir-limit 16k (give --temp-dir a writable folder with free space, or a larger "
              + "--memory-budget or --temp-dir-limit)", line);
        }
        assertEquals(List.of(), list(temp), threads + " threads, limit " + limit + ": no run left behind");
      }
    }
  }

  /* Root may write into a read-only folder, so this runs only where permissions hold (CI's user, not root). */
  @Test
  void attribute_temporaryFolderReadOnly_oneLineNotWritable() throws IOException {
    Path temp = Files.createDirectories(dir.resolve("read-only"));
    assumeTrue(Files.getFileStore(temp).supportsFileAttributeView("posix"), "POSIX permissions");
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(temp), "a user the permissions apply to (not root)");
      Cli.Result r = Cli.run("attribute", "--events", SAMPLE.resolve("events.csv").toString(), "--output",
          dir.resolve("ro-out").toString(), "--format", "csv", "--memory-budget", "1", "--temp-dir", temp.toString());
      assertEquals(1, r.exit(), r.err());
      assertEquals(1, r.errLines().length, r.err());
      assertTrue(r.err().contains("cannot spill events to the temporary folder " + temp + ": not writable"), r.err());
      assertEquals(List.of(), list(temp));
    } finally {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /*
   * The run's spill folder removed while events are still being read (a clean-up job sweeping /tmp): the next run
   * cannot be created, or a spilled run cannot be read back. Another thread deletes the folder as soon as its first
   * run appears; the log is large enough (about 200,000 rows, some 50 runs) that reading goes on well after that.
   */
  @Test
  void attribute_spillFolderRemovedDuringRun_oneLineNamingIt() throws Exception {
    Path events = dir.resolve("removed.csv");
    writeGenerated(events, dir.resolve("removed-ids.csv"), dir.resolve("removed-optouts.csv"), 30_000, false);
    Path temp = Files.createDirectories(dir.resolve("removed-tmp"));
    AtomicBoolean done = new AtomicBoolean();
    AtomicBoolean removed = new AtomicBoolean();
    Thread sweeper = new Thread(() -> {
      while (!done.get()) {
        try (Stream<Path> spills = Files.list(temp)) {
          for (Path folder : spills.toList()) {
            if (removed.get() || Files.exists(folder.resolve("run-00001.bin"))) {
              removed.set(true);
              deleteTree(folder);
            }
          }
          Thread.sleep(1);
        } catch (IOException e) {
          // The run writes while this deletes: try again.
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sweeper.start();
    Cli.Result r;
    try {
      r = Cli.run("attribute", "--events", events.toString(), "--output", dir.resolve("removed-out").toString(),
          "--format", "csv", "--memory-budget", "1", "--temp-dir", temp.toString(), "--threads", "1", "-q");
    } finally {
      done.set(true);
      sweeper.join();
    }
    assertTrue(removed.get(), "the folder was removed during the run");
    assertEquals(1, r.exit(), r.err());
    assertEquals(1, r.errLines().length, r.err());
    assertTrue(r.err().startsWith("tributary: cannot spill events to the temporary folder " + temp + ": "), r.err());
    assertTrue(r.err().contains("a spilled run was removed while the run was going"), r.err());
    assertEquals(List.of(), list(temp), "nothing left behind");
  }

  @Test
  void attribute_badMemoryBudget_oneLineBadInput() {
    Cli.Result r = Cli.run("attribute", "--events", SAMPLE.resolve("events.csv").toString(), "--memory-budget",
        "lots");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--memory-budget: expected auto or a size"), r.err());
  }

  /*
   * Runs attribute held in memory (a budget far above the input) and spilled (one byte), on one and four threads,
   * and compares every file, the rejected rows and the row counts.
   */
  private void assertSameWithAndWithoutSpilling(String name, String... inputs) throws IOException {
    Path want = null;
    List<String> wantCounts = null;
    for (int threads : new int[] {1, 4}) {
      for (String budget : List.of("1g", "1")) {
        String run = name + "-" + threads + "-" + budget;
        Path temp = Files.createDirectories(dir.resolve(run + "-tmp"));
        Path out = dir.resolve(run);
        List<String> args = new ArrayList<>(List.of("attribute"));
        args.addAll(Arrays.asList(inputs));
        args.addAll(List.of("--format", "csv", "--output", out.toString(), "--threads", String.valueOf(threads),
            "--slice-min-bytes", "1", "--slice-min-customers", "1", "--memory-budget", budget, "--temp-dir",
            temp.toString(), "--timings"));
        if (args.contains("skip")) {
          args.addAll(List.of("--rejects", out.resolveSibling(run + "-rejects.csv").toString()));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), run + ": " + r.err());
        assertEquals(List.of(), list(temp), run + ": temporary folder left empty");
        Matcher m = SPILLED.matcher(r.err());
        if (budget.equals("1")) {
          assertTrue(m.find(), run + " says it spilled: " + r.err());
          assertTrue(Integer.parseInt(m.group(1)) >= (threads == 1 ? 2 : 4), run + ": several runs: " + m.group());
          assertTrue(r.err().contains("timing: group by customer (spilled "), run + ": in the timings");
        } else {
          assertFalse(m.find(), run + " held its events: " + r.err());
        }
        // Rows read = accepted + rejected, customers, consent and duplicates: the same lines.
        List<String> counts = r.err().lines()
            .filter(l -> l.contains("rows read") || l.contains("customers,") || l.contains("opt-out")
                || l.startsWith("journeys:"))
            .toList();
        if (want == null) {
          want = out;
          wantCounts = counts;
          assertFalse(counts.isEmpty(), r.err());
          continue;
        }
        assertEquals(wantCounts, counts, run + ": summary lines");
        assertEquals(list(want), list(out), run);
        for (String f : list(want)) {
          assertArrayEquals(Files.readAllBytes(want.resolve(f)), Files.readAllBytes(out.resolve(f)), run + ": " + f);
        }
        Path rejects = out.resolveSibling(run + "-rejects.csv");
        if (Files.exists(rejects)) {
          Path first = want.resolveSibling(want.getFileName() + "-rejects.csv");
          assertTrue(Files.readAllLines(first).size() > 1, "the generated log has rejected rows");
          assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(rejects), run + ": rejected rows");
        }
      }
    }
  }

  /*
   * A seeded log whose rows are shuffled, so each customer's rows are spread over many runs: customers u0.., some rows
   * under a device alias (stitched through the identity map), some customers opted out, conversion values of several
   * scales, order ids (some repeated: duplicates), conversion-only rows and, when asked, a few bad rows.
   */
  private static void writeGenerated(Path events, Path identities, Path consent, int customers, boolean badRows)
      throws IOException {
    SplittableRandom rnd = new SplittableRandom(16);
    List<String> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>(List.of("alias_id,customer_id"));
    List<String> optOuts = new ArrayList<>(List.of("customer_id"));
    long start = 1_709_251_200_000L;
    String[] values = {"12.5", "7", "0.125", "199.99", "3.10", ""};
    for (int c = 0; c < customers; c++) {
      String id = "u" + c;
      String alias = "dev-" + Integer.toHexString(c * 7919 + 13);
      if (c % 3 == 0) {
        ids.add(alias + "," + id);
      }
      if (c % 97 == 5) {
        optOuts.add(id);
      }
      int touches = 1 + rnd.nextInt(12);
      long t = start + rnd.nextLong(86_400_000L * 30);
      for (int k = 0; k < touches; k++) {
        t += rnd.nextLong(86_400_000L * 5);
        String who = c % 3 == 0 && rnd.nextBoolean() ? alias : id;
        String channel = "ch" + rnd.nextInt(9);
        boolean converts = rnd.nextInt(5) == 0;
        String value = converts ? values[rnd.nextInt(values.length)] : "";
        String order = converts && rnd.nextInt(3) == 0 ? "o" + (c * 10 + rnd.nextInt(2)) : "";
        if (converts && rnd.nextInt(4) == 0) {
          rows.add(who + "," + t + ",,1," + value + ",conversion," + order);
        } else {
          rows.add(who + "," + t + "," + channel + "," + (converts ? 1 : 0) + "," + value + ",touch," + order);
        }
      }
      if (badRows && c % 500 == 7) {
        rows.add(id + ",yesterday," + "ch1,0,,touch,");
      }
    }
    Collections.shuffle(rows, new Random(16));
    List<String> all = new ArrayList<>(List.of("customer_id,timestamp,channel,conversion,conversion_value,"
        + "event_type,order_id"));
    all.addAll(rows);
    Files.write(events, all, StandardCharsets.UTF_8);
    Files.write(identities, ids, StandardCharsets.UTF_8);
    Files.write(consent, optOuts, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      for (Path f : s.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(folder);
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
