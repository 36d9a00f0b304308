package io.tributary.cli;

import io.tributary.cli.csv.InputSource;
import io.tributary.cli.load.EventLoader;
import io.tributary.cli.load.InputStats;
import io.tributary.cli.load.OnBadRow;
import io.tributary.cli.load.PathLoader;
import io.tributary.cli.load.Progress;
import io.tributary.cli.load.RejectedRow;
import io.tributary.cli.load.Rejects;
import io.tributary.cli.load.SideInputs;
import io.tributary.cli.options.MainInput;
import io.tributary.cli.options.ReadOptions;
import io.tributary.cli.options.SideFiles;
import io.tributary.core.InputException;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.IdentityMap;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tributary validate}: reads every input with the same rules as {@code attribute}, prints the row counts and
 * the first problems with file, line and column, and exits 0 when every row is valid, 2 otherwise.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    modelTransformer = io.tributary.cli.options.CoreOptions.Generated.class,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Check inputs: row counts and the first problems with line and column; exit 0 if all rows are "
        + "valid, 2 if not.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  tributary validate --events events.csv --spend spend.csv",
      "  tributary validate --paths paths.csv --max-problems 50",
      "",
      "Exit status: 0 every row valid, 1 failure, 2 bad rows or usage."
    })
final class ValidateCommand implements Callable<Integer> {
  private final Streams streams;

  /** @param streams the run's standard streams (given by {@link Main}'s command factory) */
  ValidateCommand(Streams streams) {
    this.streams = streams;
  }

  @Mixin MainInput input;

  @Mixin SideFiles side;

  @Option(names = "--max-problems", paramLabel = "N", defaultValue = "10",
      description = "How many problems to list (default: ${DEFAULT-VALUE}).")
  int maxProblems;

  @Mixin ReadOptions read;

  @Override
  public Integer call() {
    PrintStream out = streams.out();
    // Every row is checked whatever --on-bad-row says: validation lists problems, it does not stop at the first.
    Rejects rejects = new Rejects(OnBadRow.SKIP);
    List<InputStats> stats = new ArrayList<>();
    if (side.spend() != null) {
      stats.add(SideInputs.spend(new InputSource(side.spend(), streams.in()), read.settings().mapping(), rejects,
          io.tributary.core.journey.TouchpointLevel.CHANNEL).stats());
    }
    CustomerFilters filters = CustomerFilters.load(side.identities(), side.consent(),
        read.settings().mapping(), streams, rejects);
    stats.addAll(filters.stats());
    IdentityMap ids = filters.identities();
    ConsentList consent = filters.consent();
    try {
      if (input.events() != null) {
        EventLoader.Result events = EventLoader.load(new InputSource(input.events(), streams.in()), read.settings(),
            ids, consent, rejects, Progress.none(), Runtime.getRuntime().availableProcessors());
        // Validation never groups the events: runs spilled while reading go now.
        events.store().close();
        stats.add(events.stats());
      } else {
        stats.add(PathLoader.load(new InputSource(input.paths(), streams.in()), read.settings(), rejects).stats());
      }
    } catch (InputException e) {
      // A file whose every row is bad still gets its problems listed before the verdict.
      if (rejects.count() == 0) {
        throw e;
      }
      printProblems(out, rejects.rows());
      throw e;
    }
    for (InputStats s : stats) {
      out.println(s.describe());
    }
    if (rejects.count() == 0) {
      out.println("ok: every row is valid");
      return Failures.OK;
    }
    printProblems(out, rejects.rows());
    return Failures.BAD_INPUT;
  }

  private void printProblems(PrintStream out, List<RejectedRow> rows) {
    out.println(rows.size() + " problem" + (rows.size() == 1 ? "" : "s") + (rows.size() > maxProblems
        ? ", the first " + maxProblems + ":" : ":"));
    for (int i = 0; i < Math.min(maxProblems, rows.size()); i++) {
      RejectedRow r = rows.get(i);
      out.println("  " + r.source() + ":" + r.line() + ": " + r.reason());
    }
  }
}
