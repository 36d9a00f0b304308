package io.tributary.core.options;

import io.tributary.core.input.Durations;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.PositionWeights;
import java.time.Duration;
import java.util.List;

/**
 * Every model and journey option, defined once: name, value label, default, range and help. Both engines generate
 * their options from {@link #ALL} (the CLI's {@code attribute} and {@code report}, the Spark job and its config-file
 * keys), so they expose the same options with the same defaults and reject a bad value with the same one line.
 * Adding an option is one change here (and the model that reads it): {@link RunOptions} turns the values into
 * {@link ModelOptions} and {@link io.tributary.core.journey.JourneyOptions}.
 */
public final class ModelOptionSpec {
  /** Which models to fit. */
  public static final OptionDef<String> MODELS = new OptionDef<>("models", "all|a,b", "all",
      "Models to fit: all, or a comma-separated list of " + String.join(", ", ModelRegistry.names()),
      ValueReaders.nonBlank("all or model names"));

  /** The journey lookback window. */
  public static final OptionDef<Duration> LOOKBACK = new OptionDef<>("lookback", "DURATION", "30d",
      "Journey lookback window, e.g. 30d, 12h, inf", Durations::parse);

  /** time_decay's half-life. */
  public static final OptionDef<Duration> HALF_LIFE = new OptionDef<>("half-life", "DURATION", "7d",
      "time_decay half-life, more than 0, e.g. 7d, 36h", ModelOptionSpec::positiveDuration);

  /** position_based's weights. */
  public static final OptionDef<PositionWeights> POSITION_WEIGHTS = new OptionDef<>("position-weights",
      "U|J|inverse-J|F/M/L", "U", "position_based weights: U (40/20/40), J (20/20/60), inverse-J (60/20/20) or e.g. "
          + "30/40/30", PositionWeights::parse, w -> w.first() + "/" + w.middle() + "/" + w.last());

  /** The channel last_non_direct skips. */
  public static final OptionDef<String> DIRECT_CHANNEL = new OptionDef<>("direct-channel", "NAME", "direct",
      "The channel last_non_direct skips", ValueReaders.nonBlank("a channel name"));

  /** The Markov chain's order. */
  public static final OptionDef<Integer> MARKOV_ORDER = new OptionDef<>("markov-order", "K", "1",
      "Markov chain order, " + ModelOptions.MIN_MARKOV_ORDER + " to " + ModelOptions.MAX_MARKOV_ORDER,
      ValueReaders.wholeNumber(ModelOptions.MIN_MARKOV_ORDER, ModelOptions.MAX_MARKOV_ORDER));

  /** The largest channel set whose Shapley game is solved exactly. */
  public static final OptionDef<Integer> SHAPLEY_EXACT_LIMIT = new OptionDef<>("shapley-exact-limit", "N", "20",
      "Largest set of distinct channels whose Shapley values are computed exactly, 1 to "
          + ModelOptions.MAX_SHAPLEY_EXACT_LIMIT + "; larger sets are sampled and their credit states a standard "
          + "error", ValueReaders.wholeNumber(1, ModelOptions.MAX_SHAPLEY_EXACT_LIMIT));

  /** Permutations sampled per channel set beyond the exact limit. */
  public static final OptionDef<Integer> SHAPLEY_SAMPLES = new OptionDef<>("shapley-samples", "N", "20000",
      "Permutations sampled per channel set beyond the exact limit, at least " + ModelOptions.MIN_SHAPLEY_SAMPLES
          + " (the error falls as 1/sqrt(N))", ValueReaders.wholeNumber(ModelOptions.MIN_SHAPLEY_SAMPLES,
          Integer.MAX_VALUE));

  /** Bootstrap replicates. */
  public static final OptionDef<Integer> BOOTSTRAP = new OptionDef<>("bootstrap", "N", "0",
      "Bootstrap replicates for 95% intervals, where a model computes them; 0 for none",
      ValueReaders.wholeNumber(0, Integer.MAX_VALUE));

  /** The seed of every random choice. */
  public static final OptionDef<Long> SEED = new OptionDef<>("seed", "S", "42",
      "Seed of every random choice (bootstrap, sampled Shapley)", ValueReaders.anyLong());

  // --touchpoint (issue 14): what a touch is credited as.
  /** What a touch is credited as: its channel, its campaign, or the pair. */
  public static final OptionDef<TouchpointLevel> TOUCHPOINT = new OptionDef<>("touchpoint",
      "channel|campaign|channel/campaign", "channel",
      "What models credit: the channel, the campaign, or the campaign inside its channel (then channel_credit has a "
          + "campaign column and channel_rollup sums it per channel); a touch without a campaign is (none)",
      TouchpointLevel::parse, TouchpointLevel::text);

  // Segments (--segment-by): one block, read by RunOptions.segmentation().

  /** The segments every table is broken down by. */
  public static final OptionDef<List<String>> SEGMENT_BY = new OptionDef<>("segment-by", "COL[,COL]", "none",
      "Break every table down by these segments: event-log columns (the value at the customer's first event) or "
          + "new_vs_returning, acquisition_channel", io.tributary.core.segment.Segmentation::parseNames,
      names -> names.isEmpty() ? "none" : String.join(",", names));

  /** The fewest journeys a segment needs for its own data-driven fit. */
  public static final OptionDef<Integer> MIN_SEGMENT_JOURNEYS = new OptionDef<>("min-segment-journeys", "N", "1000",
      "Fewest journeys a segment needs to have markov and shapley fitted on its own journeys; smaller segments get "
          + "the all-customer fit (fit_scope pooled)", ValueReaders.wholeNumber(1, Integer.MAX_VALUE));

  /** Whether path_summary and the chain tables are broken down by segment too. */
  public static final OptionDef<Boolean> SEGMENT_PATHS = new OptionDef<>("segment-paths", "true|false", "false",
      "Also break path_summary, markov_transitions and removal_effects down by segment", ValueReaders.bool());

  /** Every option, in the order help lists them. */
  public static final List<OptionDef<?>> ALL = List.of(MODELS, LOOKBACK, HALF_LIFE, MARKOV_ORDER, DIRECT_CHANNEL,
      POSITION_WEIGHTS, SHAPLEY_EXACT_LIMIT, SHAPLEY_SAMPLES, BOOTSTRAP, SEED, TOUCHPOINT, SEGMENT_BY, MIN_SEGMENT_JOURNEYS,
      SEGMENT_PATHS);

  private ModelOptionSpec() {}

  /** @return the option named {@code name} (long name without dashes), or null */
  public static OptionDef<?> named(String name) {
    return OptionDef.named(ALL, name);
  }

  /**
   * @return the options as the Markdown table of {@code docs/options.md} (a test keeps that file equal to this, so
   *     the list is written once, here)
   */
  public static String markdown() {
    return markdown(ALL);
  }

  /**
   * @param options options of any of the core's lists (this one, {@link io.tributary.core.clv.ClvOptionSpec#ALL})
   * @return them as a Markdown table: option, value, default, meaning
   */
  public static String markdown(List<OptionDef<?>> options) {
    StringBuilder sb = new StringBuilder("| option | value | default | meaning |\n|---|---|---|---|\n");
    for (OptionDef<?> o : options) {
      sb.append("| `").append(o.flag()).append("` | `").append(o.label().replace("|", "\\|")).append("` | `")
          .append(o.defaultText()).append("` | ").append(o.help().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }

  private static Duration positiveDuration(String text) {
    Duration d = Durations.parse(text);
    if (d.isZero()) {
      throw new IllegalArgumentException("expected a duration more than 0, got \"" + text + "\"");
    }
    return d;
  }
}
