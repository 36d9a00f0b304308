package io.tributary.cli.options;

import io.tributary.core.options.OptionDef;
import io.tributary.core.options.WindowOptionSpec;
import io.tributary.core.window.RunWindow;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The report-window options ({@code --run-date}, {@code --from}, {@code --to}, {@code --conversions},
 * {@code --fit-window}), generated from the core's {@link WindowOptionSpec} and read together by the core's
 * {@link RunWindow}, as the Spark job reads them. Without any of them a run credits every conversion of its input.
 */
@Command
public final class WindowFlags extends CoreOptions {
  @Override
  List<OptionDef<?>> generated() {
    return WindowOptionSpec.ALL;
  }

  /** @return the run's window, checked by the core */
  public RunWindow window() {
    return RunWindow.of(given);
  }
}
