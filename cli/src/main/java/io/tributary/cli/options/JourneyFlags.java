package io.tributary.cli.options;

import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.options.ModelOptionSpec;
import io.tributary.core.options.OptionDef;
import java.util.List;
import picocli.CommandLine.Command;

/** The journey options alone (the lookback), for commands that build journeys but fit no model. */
@Command
public final class JourneyFlags extends CoreOptions {
  @Override
  List<OptionDef<?>> generated() {
    return List.of(ModelOptionSpec.LOOKBACK);
  }

  /** @return the journey options */
  public JourneyOptions journeyOptions() {
    return run().journeyOptions();
  }
}
