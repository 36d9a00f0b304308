package io.tributary.core.options;

import io.tributary.core.Errors;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.Requirement;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The model and journey options of one run, as the text the user gave, checked against {@link ModelOptionSpec}: any
 * option not given has its default. Plain text, so the value travels to a cluster's executors and every JVM builds the
 * same models from it.
 */
public final class RunOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SortedMap<String, String> given;

  private RunOptions(SortedMap<String, String> given) {
    this.given = given;
  }

  /** @return every option at its default */
  public static RunOptions defaults() {
    return new RunOptions(Collections.emptySortedMap());
  }

  /**
   * @param values option name (long name without dashes) → value as given; a null value means "not given"
   * @return the options
   * @throws io.tributary.core.TributaryException bad input, one line, for an unknown option or a bad value
   */
  public static RunOptions of(Map<String, String> values) {
    RunOptions r = defaults();
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      if (e.getValue() != null) {
        r = r.with(e.getKey(), e.getValue());
      }
    }
    return r;
  }

  /**
   * @return these options with {@code name} set to {@code value}, checked now
   * @throws io.tributary.core.TributaryException bad input, one line, for an unknown option or a bad value
   */
  public RunOptions with(String name, String value) {
    OptionDef<?> def = ModelOptionSpec.named(name);
    if (def == null) {
      throw Errors.badOption(name, "no such model option");
    }
    def.parse(value);
    TreeMap<String, String> next = new TreeMap<>(given);
    next.put(name, value);
    RunOptions r = new RunOptions(Collections.unmodifiableSortedMap(next));
    r.modelOptions(); // values checked together (none today) fail here, not on an executor
    return r;
  }

  /** @return the value of {@code option}: as given, or its default */
  public <T> T get(OptionDef<T> option) {
    String text = given.get(option.name());
    return text == null ? option.defaultValue() : option.parse(text);
  }

  /** @return the model list as given: {@code all} or comma-separated names */
  public String models() {
    return get(ModelOptionSpec.MODELS);
  }

  /** @return the journey options */
  public JourneyOptions journeyOptions() {
    return new JourneyOptions(get(ModelOptionSpec.LOOKBACK));
  }

  /** @return what a touch is credited as ({@code --touchpoint}) */
  public TouchpointLevel touchpoint() {
    return get(ModelOptionSpec.TOUCHPOINT);
  }

  /** @return the typed model options */
  public ModelOptions modelOptions() {
    return new ModelOptions(get(ModelOptionSpec.HALF_LIFE), get(ModelOptionSpec.POSITION_WEIGHTS),
        get(ModelOptionSpec.DIRECT_CHANNEL), get(ModelOptionSpec.MARKOV_ORDER),
        get(ModelOptionSpec.SHAPLEY_EXACT_LIMIT), get(ModelOptionSpec.SHAPLEY_SAMPLES),
        get(ModelOptionSpec.BOOTSTRAP), get(ModelOptionSpec.SEED));
  }

  /**
   * @param available what the input provides (timestamps for an event log, nothing for a path file)
   * @return the models in registry order
   * @throws IllegalArgumentException for an unknown or unusable model name
   */
  public List<AttributionModel> resolve(Set<Requirement> available) {
    return ModelRegistry.resolve(models(), modelOptions(), available);
  }

  /** @return every option's name → value as shown in summaries and the report's settings, in help order */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    for (OptionDef<?> o : ModelOptionSpec.ALL) {
      m.put(o.name(), show(o));
    }
    return m;
  }

  private <T> String show(OptionDef<T> o) {
    return o.show(get(o));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunOptions r && r.describe().equals(describe());
  }

  @Override
  public int hashCode() {
    return describe().hashCode();
  }

  @Override
  public String toString() {
    return "RunOptions" + given;
  }
}
