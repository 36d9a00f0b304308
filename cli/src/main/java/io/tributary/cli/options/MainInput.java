package io.tributary.cli.options;

import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.OptionDef;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The main input: an event log or a path file, exactly one. {@code --events} and {@code --paths} are generated from the
 * core's {@link InputOptionSpec#MAIN_INPUTS}, and the core's rule checks that exactly one is given, with the Spark
 * job's words.
 */
@Command // picocli takes a class as a mixin only if it carries an annotation; its options are all generated.
public final class MainInput extends CoreOptions {
  @Override
  List<OptionDef<?>> generated() {
    return InputOptionSpec.MAIN_INPUTS;
  }

  /**
   * @return the event log, or null when a path file is given
   * @throws io.tributary.core.TributaryException bad input, one line, when neither or both are given
   */
  public String events() {
    check();
    return InputOptionSpec.EVENTS.valueIn(given);
  }

  /**
   * @return the path file, or null when an event log is given
   * @throws io.tributary.core.TributaryException bad input, one line, when neither or both are given
   */
  public String paths() {
    check();
    return InputOptionSpec.PATHS.valueIn(given);
  }

  private void check() {
    InputOptionSpec.requireOneMainInput(InputOptionSpec.EVENTS.valueIn(given) != null,
        InputOptionSpec.PATHS.valueIn(given) != null);
  }
}
