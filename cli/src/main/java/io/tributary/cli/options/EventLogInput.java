package io.tributary.cli.options;

import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.OptionDef;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The event log alone, for commands that read no path file ({@code paths}, {@code clv}): {@code --events}, generated
 * from the core's {@link InputOptionSpec#EVENTS} like {@link MainInput}'s.
 */
@Command // picocli takes a class as a mixin only if it carries an annotation; its options are all generated.
public final class EventLogInput extends CoreOptions {
  @Override
  List<OptionDef<?>> generated() {
    return List.of(InputOptionSpec.EVENTS);
  }

  /**
   * @return the event log
   * @throws io.tributary.core.TributaryException bad input, one line, when it is not given
   */
  public String events() {
    InputOptionSpec.requireEvents(InputOptionSpec.EVENTS.valueIn(given) != null);
    return InputOptionSpec.EVENTS.valueIn(given);
  }
}
