package io.tributary.cli.options;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.OptionDef;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code --map}, {@code --alias}, {@code --timezone} and {@code --path-separator}, generated from the core's
 * {@link InputOptionSpec#READING} and read by the core, as the Spark job reads them: same names, defaults, help and
 * one-line messages in both engines.
 */
@Command
public final class ReadingFlags extends CoreOptions {
  @Override
  List<OptionDef<?>> generated() {
    return InputOptionSpec.READING;
  }

  /** @return the column mapping of {@code --map} and {@code --alias} */
  public ColumnMapping mapping() {
    return InputOptionSpec.mapping(given);
  }

  /** @return the zone of timestamps without an offset */
  public ZoneId zone() {
    return InputOptionSpec.TIMEZONE.valueIn(given);
  }

  /** @return a path file's channel separator */
  public String pathSeparator() {
    return InputOptionSpec.PATH_SEPARATOR.valueIn(given);
  }
}
