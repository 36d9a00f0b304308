package io.tributary.cli.options;

import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.options.ModelOptionSpec;
import io.tributary.core.options.OptionDef;
import io.tributary.core.options.RunOptions;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which models to fit and their options. The options are not declared here: {@link CoreOptions.Generated} adds one
 * picocli option per entry of the core's {@link ModelOptionSpec} (name, label, default and help from there), and the
 * values are read by the core's {@link RunOptions}, so a bad value fails with the core's one-line message. Only
 * {@code --threads}, which is how this engine runs and not what it computes, is the CLI's own.
 */
public final class ModelFlags extends CoreOptions {

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads for building journeys (default: the number of processors).")
  Integer threads;

  @Override
  List<OptionDef<?>> generated() {
    return ModelOptionSpec.ALL;
  }

  /** @return the model spec as given */
  public String spec() {
    return run().models();
  }

  /** @return the model options */
  public ModelOptions options() {
    return run().modelOptions();
  }

  /** @return the segments ({@code --segment-by} and its options) */
  public io.tributary.core.segment.Segmentation segmentation() {
    return run().segmentation();
  }

  /** @return the journey options */
  public JourneyOptions journeyOptions() {
    return run().journeyOptions();
  }

  /** @return worker threads, at least 1 */
  public int threads() {
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** @return the settings as name → value, for summaries and the HTML report */
  public Map<String, String> describe() {
    return run().describe();
  }
}
