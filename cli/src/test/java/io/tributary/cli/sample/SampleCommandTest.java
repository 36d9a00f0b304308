package io.tributary.cli.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new SampleCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void call_validOptions_writesEveryFileAndExitsZero(@TempDir Path tmp) {
    assertEquals(0, run("--customers", "50", "--days", "10", "--seed", "3", "--out", tmp.toString()));
    for (String f : new String[] {"events.csv", "identities.csv", "consent.csv", "spend.csv", "truth.csv",
        "truth_by_segment.csv"}) {
      assertTrue(Files.isRegularFile(tmp.resolve(f)), f);
    }
    assertTrue(out.toString().startsWith("50 customers, "), out.toString());
  }

  @Test
  void call_noTruthAndGzip_skipsTruthAndCompresses(@TempDir Path tmp) {
    assertEquals(0, run("--customers", "20", "--days", "5", "--out", tmp.toString(), "--no-truth", "--gzip"));
    assertFalse(Files.exists(tmp.resolve("truth.csv")));
    assertFalse(Files.exists(tmp.resolve("truth_by_segment.csv")));
    assertTrue(Files.isRegularFile(tmp.resolve("events.csv.gz")));
  }

  @Test
  void call_rerunIntoSameDirectory_removesFilesOfTheEarlierDataSet(@TempDir Path tmp) {
    assertEquals(0, run("--customers", "20", "--days", "5", "--out", tmp.toString()));
    assertTrue(Files.isRegularFile(tmp.resolve("truth.csv")));
    assertEquals(0, run("--customers", "30", "--days", "5", "--out", tmp.toString(), "--no-truth", "--gzip"));
    assertFalse(Files.exists(tmp.resolve("truth.csv")), "a stale truth would describe the other data set");
    assertFalse(Files.exists(tmp.resolve("truth_by_segment.csv")), "so would a stale segment truth");
    assertFalse(Files.exists(tmp.resolve("events.csv")));
    assertTrue(Files.isRegularFile(tmp.resolve("events.csv.gz")));
  }

  @Test
  void call_zeroCustomers_exitsTwoNamingTheOption(@TempDir Path tmp) {
    assertEquals(2, run("--customers", "0", "--out", tmp.toString()));
    assertTrue(err.toString().contains("--customers must be 1 to"), err.toString());
  }

  @Test
  void call_tooManyDays_exitsTwoNamingTheOption(@TempDir Path tmp) {
    assertEquals(2, run("--days", "4000", "--out", tmp.toString()));
    assertTrue(err.toString().contains("--days must be 1 to 3660"), err.toString());
  }

  @Test
  void call_badStartDate_exitsTwoNamingTheValue(@TempDir Path tmp) {
    assertEquals(2, run("--start-date", "2024-13-01", "--out", tmp.toString()));
    assertTrue(err.toString().contains("--start-date: cannot parse \"2024-13-01\""), err.toString());
  }

  @Test
  void call_missingOut_exitsTwo() {
    assertEquals(2, run("--customers", "5"));
    assertTrue(err.toString().contains("--out"), err.toString());
  }

  @Test
  void call_outIsAFile_exitsOne(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    assertEquals(1, run("--customers", "5", "--out", file.toString()));
    assertTrue(err.toString().startsWith("tributary sample: cannot write to "), err.toString());
  }

  @Test
  void call_help_exitsZeroAndListsOptions() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("--customers"));
    assertTrue(out.toString().contains("--seed"));
  }
}
