package io.tributary.cli.options;

import io.tributary.core.clv.ClvOptionSpec;
import io.tributary.core.clv.ClvOptions;
import io.tributary.core.options.OptionDef;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The lifetime-value options. Not declared here: {@link CoreOptions.Generated} adds one picocli option per entry of
 * the core's {@link ClvOptionSpec} (name, label, default and help from there), and the core reads the values, so a
 * bad value fails with the core's one-line message.
 */
@Command // picocli takes a class as a mixin only if it carries an annotation; its options are all generated.
public final class ClvFlags extends CoreOptions {
  @Override
  List<OptionDef<?>> generated() {
    return ClvOptionSpec.ALL;
  }

  /**
   * @return the options
   * @throws io.tributary.core.TributaryException bad input, one line naming the option, for a bad value
   */
  public ClvOptions options() {
    return ClvOptionSpec.options(given);
  }
}
