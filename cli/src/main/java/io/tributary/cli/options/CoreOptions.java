package io.tributary.cli.options;

import io.tributary.core.options.ModelOptionSpec;
import io.tributary.core.options.OptionDef;
import io.tributary.core.options.RunOptions;
import io.tributary.picocli.GeneratedOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A mixin whose options are generated from the core's {@link ModelOptionSpec} (or another of the core's option lists,
 * such as {@link io.tributary.core.clv.ClvOptionSpec}): picocli options built from each {@link OptionDef} by the
 * engines' one adapter ({@link GeneratedOptions}, the job's too), values kept as given and read by the core's
 * {@link RunOptions}. The CLI restates no option name, default or range.
 */
public abstract class CoreOptions {
  /** Option name (without dashes) → value as given; options not given are absent and take the core's default. */
  final Map<String, String> given = new TreeMap<>();

  /** @return the core's options this mixin adds to its command */
  abstract List<OptionDef<?>> generated();

  /** @return the options as given, checked by the core */
  public RunOptions run() {
    return RunOptions.of(given);
  }

  /**
   * Adds the core's options to a command that mixes in a {@link CoreOptions}: declare it with
   * {@code @Command(modelTransformer = CoreOptions.Generated.class)}.
   */
  public static final class Generated implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      addFrom(command, command);
      return command;
    }

    /* Mixins may hold mixins (the lifetime flags hold the lifetime-value options): every level adds its options. */
    private static void addFrom(CommandSpec command, CommandSpec holder) {
      for (CommandSpec mixin : holder.mixins().values()) {
        if (mixin.userObject() instanceof CoreOptions flags) {
          GeneratedOptions.add(command, flags.generated(), flags.given);
        }
        addFrom(command, mixin);
      }
    }
  }
}
