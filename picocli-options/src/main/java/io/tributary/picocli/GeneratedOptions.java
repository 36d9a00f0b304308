package io.tributary.picocli;

import io.tributary.core.model.ModelRegistry;
import io.tributary.core.options.ModelOptionSpec;
import io.tributary.core.options.OptionDef;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The core's option definitions ({@link OptionDef}: name, label, help with the default) as picocli options, for both
 * engines' command lines (the CLI's commands and the Spark job). Each option keeps its value as given, as text, in a
 * map the engine hands to the core's {@link io.tributary.core.options.RunOptions}, which parses, checks and defaults
 * it: no engine restates an option's name, default, range or message, and no engine writes this adapter again.
 */
public final class GeneratedOptions {
  private GeneratedOptions() {}

  /**
   * Adds one picocli option per definition to {@code command}.
   *
   * @param given option name (without dashes) → value as given; an option not given stays absent (the core's default)
   */
  public static void add(CommandSpec command, List<OptionDef<?>> defs, Map<String, String> given) {
    for (OptionDef<?> def : defs) {
      command.addOption(option(def, given));
    }
  }

  /** @return the picocli option of {@code def}, its value kept as given in {@code given} */
  public static OptionSpec option(OptionDef<?> def, Map<String, String> given) {
    OptionSpec.Builder b = OptionSpec.builder(def.flag())
        .paramLabel(def.label())
        // picocli formats descriptions: a literal % is written %%.
        .description(def.description().replace("%", "%%"));
    if (def.repeatable()) {
      repeatable(b, def, given);
    } else {
      b.type(String.class)
          .getter(new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
              return (T) given.get(def.name());
            }
          })
          .setter(new ISetter() {
            @Override
            public <T> T set(T value) {
              if (value != null) {
                given.put(def.name(), (String) value);
              }
              return null;
            }
          });
    }
    if (def == ModelOptionSpec.MODELS) {
      // Shell completion offers the model names (the help text lists them already).
      b.completionCandidates(ModelRegistry.names());
    }
    return b.build();
  }

  /*
   * A repeatable option is a list of one value per occurrence (arity 1, so picocli words a missing value as for any
   * option). picocli fills the list it holds, occurrence by occurrence, and hands it back each time: the map then
   * keeps every value given so far joined as the core reads one value (a config-file key holds one value, the list
   * written out). Not split here: the core's parser splits, the same for a command line and a config file.
   */
  private static void repeatable(OptionSpec.Builder b, OptionDef<?> def, Map<String, String> given) {
    Object[] held = {null};
    b.type(List.class).auxiliaryTypes(String.class).arity("1")
        .getter(new IGetter() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> T get() {
            return (T) held[0];
          }
        })
        .setter(new ISetter() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> T set(T value) {
            held[0] = value;
            if (value != null && !((List<String>) value).isEmpty()) {
              given.put(def.name(), def.joined((List<String>) value));
            }
            return null;
          }
        });
  }
}
