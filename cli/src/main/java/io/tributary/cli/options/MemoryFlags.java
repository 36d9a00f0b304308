package io.tributary.cli.options;

import io.tributary.cli.load.Spilling;
import io.tributary.core.options.MemoryOptionSpec;
import io.tributary.core.options.OptionDef;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code --memory-budget}, {@code --temp-dir} and {@code --temp-dir-limit}, generated from the core's
 * {@link MemoryOptionSpec}: how much of the heap the grouped events may take before they spill to sorted runs on
 * disk, where the runs go and how much disk they may take.
 */
@Command
public final class MemoryFlags extends CoreOptions {
  @Override
  List<OptionDef<?>> generated() {
    return MemoryOptionSpec.ALL;
  }

  /** @return the budget, folder and disk limit, parsed and defaulted by the core */
  public Spilling spilling() {
    return new Spilling(MemoryOptionSpec.MEMORY_BUDGET.valueIn(given), MemoryOptionSpec.TEMP_DIR.valueIn(given),
        MemoryOptionSpec.TEMP_DIR_LIMIT.valueIn(given));
  }
}
