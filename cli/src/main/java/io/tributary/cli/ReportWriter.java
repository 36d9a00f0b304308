package io.tributary.cli;

import io.tributary.cli.load.InputStats;
import io.tributary.cli.options.MainInput;
import io.tributary.cli.options.ModelFlags;
import io.tributary.cli.options.SideFiles;
import io.tributary.cli.output.HtmlReport;
import io.tributary.core.options.InputOptionSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.tributary.core.lifetime.HoldoutCheck;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a run's HTML report with the settings it was made under; with {@code --clv}, also lifetime value by channel
 * and the lifetime-value fit's holdout check (computed here: only the report shows it).
 */
final class ReportWriter {
  private ReportWriter() {}

  static void write(Path file, AttributionJob.Outcome outcome, MainInput input, SideFiles side, ModelFlags flags) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("input", input.events() != null ? "events " + input.events() : "paths " + input.paths());
    if (side.spend() != null) {
      settings.put(InputOptionSpec.SPEND.name(), side.spend());
    }
    if (side.identities() != null) {
      settings.put(InputOptionSpec.IDENTITIES.name(), side.identities());
    }
    if (side.consent() != null) {
      settings.put(InputOptionSpec.CONSENT.name(), side.consent());
    }
    settings.putAll(flags.describe());
    settings.put("credited", outcome.window().toString());
    settings.put("models fitted", String.join(", ", outcome.models().stream().map(m -> m.name()).toList()));
    for (InputStats s : outcome.stats()) {
      settings.put("rows of " + s.source(), s.read() + " read = " + s.accepted() + " accepted + " + s.rejected()
          + " rejected");
    }
    settings.put("tributary", VersionProvider.version());
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        PrintWriter pw = new PrintWriter(w);
        HoldoutCheck holdout = outcome.lifetime() == null ? null : HoldoutCheck.of(outcome.ledger(),
            outcome.lifetime().calibrationEnd(), outcome.clvOptions());
        HtmlReport.write(outcome.report(), outcome.lifetime(), holdout, outcome.dated(), outcome.segmented(),
            settings, pw);
        pw.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
