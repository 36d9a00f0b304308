package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code tributary attribute} on every file of the hostile-input corpus ({@code sample-data/hostile},
 * expectations in its {@code MANIFEST.tsv}), under {@code --on-bad-row fail} and {@code skip}: each case ends in
 * exactly the manifest's outcome — exit 2 and one line naming file, line and column, or exit 0 — never a stack trace
 * or a hang, and in lenient mode rows read = accepted + rejected, with the rejects file holding exactly the rejected
 * lines and reasons the manifest lists (the Spark job's test checks the same manifest).
 */
class HostileInputTest {
  /** The corpus, relative to this module (surefire runs in {@code cli/}). */
  static final Path CORPUS = Path.of("..", "sample-data", "hostile");
  /*
   * Every case takes well under a second; 20 s leaves room for a busy machine and still catches a quadratic path
   * (the 60,000-link alias chain took 33 s before identity stitching was made linear).
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;

  /** One line of MANIFEST.tsv. */
  record Case(String file, String kind, String hostile, String strict, String lenient, List<Long> lines,
      String reason, List<String> options, String notice) {
    Path path() {
      return CORPUS.resolve(file);
    }

    @Override
    public String toString() {
      return file + " (" + hostile + ")";
    }
  }

  static List<Case> manifest() {
    try {
      List<String> lines = Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"));
      List<String> header = Arrays.asList(lines.get(0).split("\t"));
      List<Case> cases = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        cases.add(new Case(f[header.indexOf("file")], f[header.indexOf("kind")], f[header.indexOf("hostile")],
            f[header.indexOf("strict")], f[header.indexOf("lenient")],
            parseLines(f[header.indexOf("rejected_lines")]), f[header.indexOf("first_reason")],
            options(header, f), optional(header, f, "notice")));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /* The optional column `options`: more options for both engines, space-separated ("-" or absent: none). */
  static List<String> options(List<String> header, String[] f) {
    String cell = optional(header, f, "options");
    return cell == null ? List.of() : Arrays.asList(cell.split(" "));
  }

  /* An optional trailing column's cell, null when absent or "-". */
  static String optional(List<String> header, String[] f, String column) {
    int i = header.indexOf(column);
    return i < 0 || i >= f.length || f[i].equals("-") ? null : f[i];
  }

  static List<Long> parseLines(String cell) {
    return cell.equals("-") ? List.of() : Arrays.stream(cell.split(" ")).map(Long::valueOf).toList();
  }

  @TestFactory
  Stream<DynamicTest> manifest_listsEveryFileOfTheCorpus() throws IOException {
    List<String> listed = manifest().stream().map(Case::file).sorted().toList();
    List<String> present;
    try (Stream<Path> files = Files.list(CORPUS)) {
      present = files.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("MANIFEST.tsv") && !n.equals("README.md") && !n.equals("generate.py")
              && !n.equals("base"))
          .sorted().toList();
    }
    return Stream.of(DynamicTest.dynamicTest("manifest = folder, at least 30 cases", () -> {
      assertEquals(present, listed);
      assertTrue(listed.size() >= 30, listed.size() + " cases");
    }));
  }

  @TestFactory
  Stream<DynamicTest> strict_eachCaseEndsAsTheManifestSays() {
    return manifest().stream().map(c -> DynamicTest.dynamicTest("strict " + c, () -> {
      Cli.Result r = assertTimeoutPreemptively(TIMEOUT, () -> Cli.run(args(c, false)));
      assertNoStackTrace(r);
      if (c.strict().equals("ok")) {
        assertEquals(0, r.exit(), r.err());
        assertNotice(c, r);
      } else {
        assertOneLineError(c, c.strict(), r);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> lenient_eachCaseAccountsForEveryRow() {
    return manifest().stream().map(c -> DynamicTest.dynamicTest("lenient " + c, () -> {
      Cli.Result r = assertTimeoutPreemptively(TIMEOUT, () -> Cli.run(args(c, true)));
      assertNoStackTrace(r);
      if (c.lenient().startsWith("error: ")) {
        assertOneLineError(c, c.lenient(), r);
        return;
      }
      assertEquals(0, r.exit(), r.err());
      assertNotice(c, r);
      String[] counts = c.lenient().substring("ok ".length()).split("/");
      long read = Long.parseLong(counts[0]);
      long rejected = Long.parseLong(counts[1]);
      assertTrue(r.err().contains(c.path() + ": " + read + " rows read = " + (read - rejected) + " accepted + "
          + rejected + " rejected"), r.err());
      List<Map<String, String>> rows = SimpleCsv.read(dir.resolve("rejects.csv")).stream()
          .filter(x -> x.get("source").equals(c.path().toString())).toList();
      assertEquals(rejected, rows.size(), rows.toString());
      assertEquals(c.lines(), rows.stream().map(x -> Long.valueOf(x.get("line"))).toList());
      if (!rows.isEmpty()) {
        assertTrue(rows.get(0).get("reason").startsWith(c.reason()), rows.get(0).get("reason"));
      }
    }));
  }

  /* The command line of a case: the hostile file in its place, a clean event log beside a side input. */
  private String[] args(Case c, boolean lenient) {
    List<String> a = new ArrayList<>(List.of("attribute"));
    switch (c.kind()) {
      case "events" -> a.addAll(List.of("--events", c.path().toString()));
      case "paths" -> a.addAll(List.of("--paths", c.path().toString()));
      default -> a.addAll(List.of("--events", CORPUS.resolve("base/events.csv").toString(), "--" + c.kind(),
          c.path().toString()));
    }
    a.addAll(c.options());
    a.addAll(List.of("--format", "csv", "--output", dir.resolve("out").toString()));
    if (lenient) {
      a.addAll(List.of("--on-bad-row", "skip", "--rejects", dir.resolve("rejects.csv").toString()));
    }
    return a.toArray(String[]::new);
  }

  private static void assertOneLineError(Case c, String expected, Cli.Result r) {
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.errLines().length, r.err());
    String line = r.errLines()[0];
    assertTrue(line.startsWith(c.path().toString()), line);
    assertTrue(line.contains(expected.substring("error: ".length())), line);
  }

  /* The manifest's `notice`: a run summary line on stderr naming the file at fault. */
  private static void assertNotice(Case c, Cli.Result r) {
    if (c.notice() != null) {
      assertTrue(r.err().lines().anyMatch(l -> l.startsWith(c.path() + ": ") && l.contains(c.notice())), r.err());
    }
  }

  private static void assertNoStackTrace(Cli.Result r) {
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("Error:"),
        r.err());
  }
}
