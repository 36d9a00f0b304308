package io.tributary.cli.load;

import io.tributary.core.options.MemoryOptionSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * When the CLI's event store spills: once the events it holds would take more than {@code budgetBytes}, they are
 * sorted by customer and written as runs under {@code tempDir}, then merged back by customer (the core's
 * {@link MemoryOptionSpec}: {@code --memory-budget}, {@code --temp-dir}, {@code --temp-dir-limit}).
 *
 * @param budgetBytes bytes the held events may take, {@code >= 1}
 * @param tempDir the folder the runs go to (a folder of the run's own is made in it on the first spill)
 * @param diskLimitBytes bytes the runs may take on disk, {@code >= 1} ({@link MemoryOptionSpec#NO_LIMIT}: no limit)
 */
public record Spilling(long budgetBytes, Path tempDir, long diskLimitBytes) {
  public Spilling {
    if (budgetBytes < 1) {
      throw new IllegalArgumentException("memory budget must be >= 1 byte, got " + budgetBytes);
    }
    Objects.requireNonNull(tempDir, "tempDir");
    if (diskLimitBytes < 1) {
      throw new IllegalArgumentException("temp dir limit must be >= 1 byte, got " + diskLimitBytes);
    }
  }

  /**
   * @return the core's defaults: {@code auto} budget (a share of the maximum heap), the JVM's temporary folder, no
   *     disk limit
   */
  public static Spilling defaults() {
    return new Spilling(MemoryOptionSpec.MEMORY_BUDGET.defaultValue(), MemoryOptionSpec.TEMP_DIR.defaultValue(),
        MemoryOptionSpec.TEMP_DIR_LIMIT.defaultValue());
  }
}
