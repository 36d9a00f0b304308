package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.cli.options.OutputOptions;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.segment.Segmentation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The early path_summary: only for a segmented CSV run into a directory without per-segment paths; a run that ends
 * without finishing it (a failure after the fold) leaves neither the file nor a directory it made.
 */
class EarlyPathSummaryTest {
  @TempDir Path dir;

  private static OutputOptions output(String... args) {
    OutputOptions o = new OutputOptions();
    new CommandLine(o).parseArgs(args);
    return o;
  }

  private static final Segmentation TWO = new Segmentation(List.of("region", "tier"), 1000, false);

  @Test
  void forRun_onlySegmentedCsvIntoADirectoryWithoutPerSegmentPaths() {
    String d = dir.resolve("out").toString();
    assertTrue(EarlyPathSummary.forRun(output("--format", "csv", "--output", d), TWO, null, false) != null);
    assertNull(EarlyPathSummary.forRun(output("--format", "csv", "--output", d), Segmentation.none(), null, false));
    assertNull(EarlyPathSummary.forRun(output("--format", "csv", "--output", d),
        new Segmentation(List.of("region", "tier"), 1000, true), null, false));
    assertNull(EarlyPathSummary.forRun(output("--format", "csv", "--output", d), TWO, null, true));
    assertNull(EarlyPathSummary.forRun(output("--format", "json", "--output", d), TWO, null, false));
    assertNull(EarlyPathSummary.forRun(output("--format", "csv", "--output", d + "/credit.csv"), TWO, null, false));
    assertNull(EarlyPathSummary.forRun(output("--format", "csv"), TWO, null, false));
  }

  @Test
  void closedUnfinished_deletesItsFileAndTheDirectoryItMade() throws IOException {
    Path out = dir.resolve("made");
    JourneyAggregate none = JourneyAggregate.builder(JourneyOptions.defaults(), List.of()).build();
    try (EarlyPathSummary early = EarlyPathSummary.forRun(output("--format", "csv", "--output", out.toString()),
        TWO, null, false)) {
      early.start(none, TWO.names());
    }
    assertFalse(Files.exists(out));
  }

  @Test
  void closedUnfinished_inADirectoryThatExisted_keepsTheDirectoryAndWhatWasThere() throws IOException {
    Path out = Files.createDirectory(dir.resolve("there"));
    Files.writeString(out.resolve("path_summary.csv"), "an earlier run's\n");
    JourneyAggregate none = JourneyAggregate.builder(JourneyOptions.defaults(), List.of()).build();
    try (EarlyPathSummary early = EarlyPathSummary.forRun(output("--format", "csv", "--output", out.toString()),
        TWO, null, false)) {
      early.start(none, TWO.names());
    }
    try (var files = Files.list(out)) {
      assertEquals(List.of("path_summary.csv"), files.map(f -> f.getFileName().toString()).toList());
    }
    assertEquals("an earlier run's\n", Files.readString(out.resolve("path_summary.csv")));
  }

  @Test
  void finished_isThePathSummaryOfEveryJourneyUnderItsName() throws IOException {
    Path out = dir.resolve("done");
    JourneyAggregate none = JourneyAggregate.builder(JourneyOptions.defaults(), List.of()).build();
    try (EarlyPathSummary early = EarlyPathSummary.forRun(output("--format", "csv", "--output", out.toString()),
        TWO, null, false)) {
      early.start(none, TWO.names());
      early.finish();
    }
    try (var files = Files.list(out)) {
      assertEquals(List.of("path_summary.csv"), files.map(f -> f.getFileName().toString()).toList());
    }
    assertEquals("region,tier,path,journeys,conversions,conversion_value,nulls\n",
        Files.readString(out.resolve("path_summary.csv")));
  }
}
