package io.tributary.cli.options;

import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.PositionWeights;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which models to fit and their options; defaults are SPEC's. */
public final class ModelFlags {
  @Option(names = "--models", paramLabel = "all|a,b", defaultValue = "all",
      description = "Models to fit: all, or a comma-separated list of ${COMPLETION-CANDIDATES} "
          + "(default: ${DEFAULT-VALUE}).", completionCandidates = ModelNames.class)
  String models;

  @Option(names = "--lookback", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "30d", description = "Journey lookback window, e.g. 30d, 12h, inf (default: ${DEFAULT-VALUE}).")
  Duration lookback;

  @Option(names = "--half-life", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      defaultValue = "7d", description = "time_decay half-life (default: ${DEFAULT-VALUE}).")
  Duration halfLife;

  @Option(names = "--markov-order", paramLabel = "K", defaultValue = "1",
      description = "Markov chain order, 1 to 10 (default: ${DEFAULT-VALUE}).")
  int markovOrder;

  @Option(names = "--direct-channel", paramLabel = "NAME", defaultValue = "direct",
      description = "The channel last_non_direct skips (default: ${DEFAULT-VALUE}).")
  String directChannel;

  @Option(names = "--position-weights", paramLabel = "U|J|inverse-J|F/M/L",
      converter = Converters.PositionWeightsConverter.class, defaultValue = "U",
      description = "position_based weights: U (40/20/40), J (20/20/60), inverse-J (60/20/20) or e.g. 30/40/30 "
          + "(default: ${DEFAULT-VALUE}).")
  PositionWeights positionWeights;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
      description = "Bootstrap replicates for 95%% intervals, where a model computes them (default: none).")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of every random choice (bootstrap, sampled Shapley) (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads for building journeys (default: the number of processors).")
  Integer threads;

  /** @return the model spec as given */
  public String spec() {
    return models;
  }

  /** @return the model options */
  public ModelOptions options() {
    return ModelOptions.defaults()
        .withHalfLife(halfLife)
        .withPositionWeights(positionWeights)
        .withDirectChannel(directChannel.strip())
        .withMarkovOrder(markovOrder)
        .withBootstrap(bootstrap, seed);
  }

  /** @return the journey options */
  public JourneyOptions journeyOptions() {
    return new JourneyOptions(lookback);
  }

  /** @return worker threads, at least 1 */
  public int threads() {
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** @return the settings as label → value, for summaries and the HTML report */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("models", models);
    m.put("lookback", lookback.toString());
    m.put("half-life", halfLife.toString());
    m.put("markov-order", Integer.toString(markovOrder));
    m.put("direct-channel", directChannel);
    m.put("position-weights", positionWeights.first() + "/" + positionWeights.middle() + "/"
        + positionWeights.last());
    m.put("bootstrap", Integer.toString(bootstrap));
    m.put("seed", Long.toString(seed));
    return m;
  }

  /** The registry's model names, for help and shell completion. */
  public static final class ModelNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ModelRegistry.names().iterator();
    }
  }
}
