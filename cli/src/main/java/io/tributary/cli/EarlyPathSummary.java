package io.tributary.cli;

import io.tributary.cli.options.OutputOptions;
import io.tributary.cli.output.CsvTableWriter;
import io.tributary.cli.output.OutputTarget;
import io.tributary.cli.output.SpecTables;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.output.OutputTables;
import io.tributary.core.segment.SegmentedReport;
import io.tributary.core.segment.Segmentation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * A segmented run's {@code path_summary} file, written on a thread of its own while the models are fitted: its rows
 * are every journey's paths with {@code (all)} in the segment columns ({@link SegmentedReport#pathSummaryOfAll}),
 * known once the journeys are folded, so the file need not wait for the fits of every segment value. It is written
 * under a temporary name in the output directory and given its own name when the other tables are written, so a run
 * that fails leaves no {@code path_summary} behind (the temporary file is deleted). The same bytes as writing it after
 * the fits.
 *
 * <p>Why: at a campaign level the file is the run's largest (10M events: 1.12M rows, 252 MB, about 2 s to write)
 * and the per-value fits (13 values) leave a core idle part of the time; see benchmarks/results/segments.md.
 */
final class EarlyPathSummary implements AutoCloseable {
  private static final String NAME = OutputTables.PATH_SUMMARY.name() + ".csv";

  private final OutputTarget target;
  private final LocalDate runDate;
  private final boolean directoryExisted;
  private Thread thread;
  private volatile Throwable failure;
  private boolean finished;

  private EarlyPathSummary(OutputTarget target, LocalDate runDate) {
    this.target = target;
    this.runDate = runDate;
    this.directoryExisted = Files.isDirectory(target.path());
  }

  /**
   * @return a writer for a run whose {@code path_summary} is a CSV file of a directory target and holds the (all)
   *     rows only (no per-segment paths); null for any other run, which writes its tables after the fits
   */
  static EarlyPathSummary forRun(OutputOptions output, Segmentation segmentation, LocalDate runDate,
      boolean windowed) {
    if (!segmentation.enabled() || segmentation.perSegmentPaths() || windowed
        || output.format() != OutputOptions.Format.CSV) {
      return null;
    }
    OutputTarget target = OutputTarget.resolve(output.output());
    return target.kind() == OutputTarget.Kind.DIRECTORY ? new EarlyPathSummary(target, runDate) : null;
  }

  /** Starts writing the rows of {@code all}, every segment column (all), on a thread of its own. Once. */
  void start(JourneyAggregate all, List<String> segmentNames) {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(() -> {
      try (Writer w = target.openIn(partialName())) {
        CsvTableWriter.write(SpecTables.segmented(OutputTables.PATH_SUMMARY, segmentNames,
            SegmentedReport.pathSummaryOfAll(all, segmentNames.size()), runDate), w);
      } catch (Throwable t) {
        failure = t;
      }
    }, "tributary-write");
    thread.setDaemon(true);
    thread.start();
  }

  /** @return whether {@link #start} was called: the file is then this writer's to finish */
  boolean started() {
    return thread != null;
  }

  /** Waits for the file and gives it its name, as the other tables are written. */
  void finish() throws IOException {
    join();
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    Files.move(target.path().resolve(partialName()), target.path().resolve(NAME),
        StandardCopyOption.REPLACE_EXISTING);
    finished = true;
  }

  /** After a failed run: waits for the writing thread, deletes its file, and the directory if this run made it. */
  @Override
  public void close() {
    if (thread == null || finished) {
      return;
    }
    join();
    try {
      Files.deleteIfExists(target.path().resolve(partialName()));
      if (!directoryExisted) {
        try (var left = Files.list(target.path())) {
          if (left.findAny().isEmpty()) {
            Files.delete(target.path());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void join() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static String partialName() {
    return "." + NAME + ".partial";
  }
}
