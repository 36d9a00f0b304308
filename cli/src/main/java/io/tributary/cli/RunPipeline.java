package io.tributary.cli;

import io.tributary.cli.csv.InputSource;
import io.tributary.cli.load.CustomerGroups;
import io.tributary.cli.load.EventLoader;
import io.tributary.cli.load.EventStore;
import io.tributary.cli.load.InputStats;
import io.tributary.cli.load.OnBadRow;
import io.tributary.cli.load.Progress;
import io.tributary.cli.load.RejectedRow;
import io.tributary.cli.load.Rejects;
import io.tributary.cli.load.SideInputs;
import io.tributary.cli.options.ReadOptions;
import io.tributary.cli.output.CsvTableWriter;
import io.tributary.cli.output.SpecTables;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.metrics.SpendTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reading half of every command that runs on an event log ({@code attribute}, {@code report}, {@code paths},
 * {@code clv}), written once: check the reading flags, read the side inputs (spend, then who the customers are), then
 * the event log, grouped by customer; each command folds the groups its own way. Rows set aside under
 * {@code --on-bad-row skip} collect here in reading order, and {@link #writeRejects} writes them. Closing it deletes
 * the event runs spilled beyond {@code --memory-budget}. Not thread-safe: one per command run.
 */
final class RunPipeline implements AutoCloseable {
  private final Streams streams;
  private final ReadOptions read;
  private final Rejects rejects;
  private final PhaseClock clock = new PhaseClock();
  private final List<InputStats> stats = new ArrayList<>();
  private final List<EventStore> stores = new ArrayList<>();

  private RunPipeline(Streams streams, ReadOptions read) {
    this.streams = streams;
    this.read = read;
    this.rejects = new Rejects(read.policy());
  }

  /**
   * @param streams where {@code -} reads from
   * @param read the reading flags
   * @param inputs every input file the command was given (null for those not given)
   * @throws IllegalArgumentException for {@code --rejects} without {@code --on-bad-row skip}, or more than one input
   *     read from stdin
   */
  static RunPipeline start(Streams streams, ReadOptions read, String... inputs) {
    RunPipeline run = new RunPipeline(streams, read);
    if (read.rejectsFile() != null && run.rejects.policy() == OnBadRow.FAIL) {
      throw new IllegalArgumentException("--rejects needs --on-bad-row skip (under fail the first bad row stops)");
    }
    int stdin = 0;
    for (String f : inputs) {
      stdin += "-".equals(f) ? 1 : 0;
    }
    if (stdin > 1) {
      throw new IllegalArgumentException("only one input can be read from stdin (-)");
    }
    return run;
  }

  /** An event log read and grouped by customer, with the side inputs that filtered it. */
  record Events(EventLoader.Result loaded, CustomerGroups grouped, CustomerFilters filters) {
    /** @return the event log's name as the user gave it */
    String source() {
      return loaded.stats().source();
    }
  }

  /** @return the spend file read (empty when {@code file} is null) */
  SpendTable spend(String file) {
    return spend(file, TouchpointLevel.CHANNEL);
  }

  /** @return the spend file read for a run at {@code level} (per campaign too at a campaign level) */
  SpendTable spend(String file, TouchpointLevel level) {
    if (file == null) {
      return SpendTable.empty();
    }
    var loaded = SideInputs.spend(new InputSource(file, streams.in()), read.settings().mapping(), rejects,
        level);
    stats.add(loaded.stats());
    return loaded.value();
  }

  /**
   * @return the spend file read per date for a run at {@code level} (empty when {@code file} is null): a windowed run
   *     credits each date with its own spend
   */
  java.util.SortedMap<LocalDate, SpendTable> spendByDate(String file, TouchpointLevel level) {
    if (file == null) {
      return new java.util.TreeMap<>();
    }
    var loaded = SideInputs.spendByDate(new InputSource(file, streams.in()), read.settings().mapping(),
        rejects, level);
    stats.add(loaded.stats());
    return loaded.value();
  }

  /**
   * The event log through the customers' files ({@code --identities}, {@code --consent}), read without a progress
   * line: {@code paths} and {@code clv}.
   */
  Events events(String file, io.tributary.cli.options.CustomerFiles customers, int threads) {
    return events(file, customers.identities(), customers.consent(), Progress.none(), threads);
  }

  /**
   * Reads the identity map and the opt-out list (either may be null), then the event log through them, and groups it
   * by customer; the clock gets a lap for the reading and one for the grouping.
   */
  Events events(String file, String identities, String consent, Progress progress, int threads) {
    return events(file, identities, consent, progress, threads, TouchpointLevel.CHANNEL);
  }

  /** Like {@link #events(String, String, String, Progress, int)}, each touch named by its key at {@code level}. */
  Events events(String file, String identities, String consent, Progress progress, int threads,
      TouchpointLevel level) {
    return events(file, identities, consent, progress, threads, level, List.of());
  }

  /** As {@link #events(String, String, String, Progress, int, TouchpointLevel)}, keeping the {@code --segment-by}
   * columns' values. */
  Events events(String file, String identities, String consent, Progress progress, int threads,
      TouchpointLevel level, List<String> segmentColumns) {
    CustomerFilters filters = CustomerFilters.load(identities, consent, read.settings().mapping(), streams,
        rejects);
    stats.addAll(filters.stats());
    EventLoader.Result loaded = EventLoader.load(new InputSource(file, streams.in()), read.settings(),
        filters.identities(), filters.consent(), rejects, progress, threads, level, segmentColumns);
    stores.add(loaded.store());
    stats.add(loaded.stats());
    clock.lap("read events");
    CustomerGroups grouped = loaded.store().group();
    clock.lap("group by customer" + spillNote(loaded.store()));
    return new Events(loaded, grouped, filters);
  }

  /** @return how the events spilled, for the timings and the summary: empty when they stayed in memory */
  static String spillNote(EventStore store) {
    long runs = store.spilledRuns();
    if (runs == 0) {
      return "";
    }
    return String.format(java.util.Locale.ROOT, " (spilled %d sorted run%s, %.1f MB, beyond --memory-budget)", runs,
        runs == 1 ? "" : "s", store.spilledBytes() / 1e6);
  }

  /** Deletes the runs the event logs spilled, if any. */
  @Override
  public void close() {
    for (EventStore s : stores) {
      s.close();
    }
  }

  /** @return the bad-row policy and the rows it set aside so far */
  Rejects rejects() {
    return rejects;
  }

  /** @return rows read per input, in reading order */
  List<InputStats> stats() {
    return stats;
  }

  /** @return the run's phase clock (for {@code --timings}) */
  PhaseClock clock() {
    return clock;
  }

  /**
   * Writes the rejected rows to {@code --rejects}, if given.
   *
   * @param runDate the run date the rows are written under, or null
   */
  void writeRejects(LocalDate runDate) {
    writeRejects(read.rejectsFile(), rejects.rows(), runDate);
  }

  /** Writes rejected rows to {@code file} (nothing when it is null) under {@code runDate} (or none). */
  static void writeRejects(String file, List<RejectedRow> rows, LocalDate runDate) {
    if (file == null) {
      return;
    }
    try (Writer w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
      CsvTableWriter.write(SpecTables.rejectedRows(rows, runDate), w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
