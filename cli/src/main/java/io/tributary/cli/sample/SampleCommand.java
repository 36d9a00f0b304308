package io.tributary.cli.sample;

import io.tributary.cli.VersionProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tributary sample}: writes a reproducible synthetic omnichannel data set with a known causal truth.
 * Returns 0 on success, 2 for bad options.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Write a reproducible synthetic omnichannel data set (events, identities, consent, spend) "
        + "with the known incremental conversions and the lifetime value of the customers of every channel "
        + "(truth.csv), also per persona and loyalty value (truth_by_segment.csv).",
    footer = {"", "Example:", "  tributary sample --customers 5000 --days 60 --seed 42 --out sample-data",
        "      the committed sample-data set",
        "  tributary sample --customers 10000000 --days 365 --no-truth --gzip --out bench",
        "      about 60 M events for benchmarks, written in constant memory",
        "", "Exit codes: 0 ok, 1 failure, 2 bad options."})
public final class SampleCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--customers", paramLabel = "N", description = "Number of customers, 1 to 1e9 (default: ${DEFAULT-VALUE}).",
      defaultValue = "5000")
  long customers;

  @Option(names = "--days", paramLabel = "D", description = "Length of the period in days, 1 to 3660 (default: ${DEFAULT-VALUE}).",
      defaultValue = "60")
  int days;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed; the same seed gives byte-identical files "
      + "(default: ${DEFAULT-VALUE}).", defaultValue = "42")
  long seed;

  @Option(names = "--start-date", paramLabel = "DATE", description = "First day, ISO date, UTC (default: ${DEFAULT-VALUE}).",
      defaultValue = "2024-01-01")
  String startDate;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write the files into (created if absent).")
  Path out;

  @Option(names = "--gzip", description = "Write events.csv.gz instead of events.csv.")
  boolean gzip;

  @Option(names = "--no-truth",
      description = "Skip truth.csv and truth_by_segment.csv (their exact expectations add a little time per "
          + "customer).")
  boolean noTruth;

  @Option(names = "--no-repeats", description = "No repeat purchases after the first: every purchase is decided at "
      + "a touch (the world the attribution truth describes on its own).")
  boolean noRepeats;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    SampleSpec sample;
    try {
      sample = new SampleSpec(customers, days, seed, LocalDate.parse(startDate), gzip, !noTruth, !noRepeats);
    } catch (DateTimeParseException e) {
      err.println("tributary sample: --start-date: cannot parse \"" + startDate + "\" (ISO date such as 2024-01-01)");
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("tributary sample: " + e.getMessage());
      return 2;
    }
    SampleSummary summary;
    try {
      summary = SampleGenerator.generate(sample, out);
    } catch (IOException | UncheckedIOException e) {
      err.println("tributary sample: cannot write to " + out + ": " + e.getMessage());
      return 1;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(String.format(Locale.ROOT, "%d customers, %d event rows, %d conversions drawn (%d of them repeat "
        + "purchases)%s", summary.customers(), summary.eventRows(), summary.conversions(), summary.repeatPurchases(),
        Double.isNaN(summary.expectedConversions()) ? ""
            : String.format(Locale.ROOT, " (%.1f expected at touches among consenting customers)",
                summary.expectedConversions())));
    for (Path f : summary.files()) {
      o.println("  " + f);
    }
    o.flush();
    return 0;
  }
}
