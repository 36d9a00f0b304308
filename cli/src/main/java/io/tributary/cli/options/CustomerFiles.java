package io.tributary.cli.options;

import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.OptionDef;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The inputs that decide who the customers are: the identity map and the opt-out list (every command reads both).
 * {@code --identities} and {@code --consent} are generated from the core's {@link InputOptionSpec#CUSTOMER_INPUTS},
 * as the Spark job's are.
 */
@Command // picocli takes a class as a mixin only if it carries an annotation; its options are all generated.
public final class CustomerFiles extends CoreOptions {
  @Override
  List<OptionDef<?>> generated() {
    return InputOptionSpec.CUSTOMER_INPUTS;
  }

  /** @return the identity map, or null */
  public String identities() {
    return InputOptionSpec.IDENTITIES.valueIn(given);
  }

  /** @return the consent list, or null */
  public String consent() {
    return InputOptionSpec.CONSENT.valueIn(given);
  }
}
