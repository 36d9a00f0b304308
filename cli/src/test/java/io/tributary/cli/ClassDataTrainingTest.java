package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands whose classes make the launcher's class-data archive still run: an option renamed or removed would
 * otherwise fail the archive's build silently (the launcher then starts without it, slower and with no word said).
 */
class ClassDataTrainingTest {
  @TempDir Path dir;

  @Test
  void train_everyCommandSucceeds_andWritesItsOutputs() throws IOException {
    assertEquals(0, ClassDataTraining.train(dir.resolve("run")));
    Path run = dir.resolve("run");
    for (String f : new String[] {"paths.csv", "credit.csv", "all.json", "report.html", "tables/channel_credit.csv"}) {
      assertTrue(Files.size(run.resolve(f)) > 0, f);
    }
    // The path file the training wrote is the aggregate of its event log: a header and one row per distinct path.
    assertTrue(Files.readAllLines(run.resolve("paths.csv")).get(0).startsWith("path,total_conversions"));
  }
}
