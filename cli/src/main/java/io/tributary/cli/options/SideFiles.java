package io.tributary.cli.options;

import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.OptionDef;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The optional inputs beside the main one: {@code --spend} and the customer files, generated from the core's
 * {@link InputOptionSpec#SIDE_INPUTS}, as the Spark job's are.
 */
@Command // picocli takes a class as a mixin only if it carries an annotation; its options are all generated.
public final class SideFiles extends CoreOptions {
  @Mixin CustomerFiles customers;

  @Override
  List<OptionDef<?>> generated() {
    return List.of(InputOptionSpec.SPEND); // the customer files' own mixin adds the rest, in the core's order
  }

  /** @return the spend file, or null */
  public String spend() {
    return InputOptionSpec.SPEND.valueIn(given);
  }

  /** @return the identity map, or null */
  public String identities() {
    return customers.identities();
  }

  /** @return the consent list, or null */
  public String consent() {
    return customers.consent();
  }
}
