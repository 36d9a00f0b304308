package io.tributary.cli.load;

import java.io.PrintStream;

/** Tells the user how far a long read has come. Implementations must be cheap; they are called every ~1M rows. */
public interface Progress {
  /** @param file the input; @param rows data rows read so far */
  void rows(String file, long rows);

  /** The read finished: clear whatever was shown. */
  void done();

  /** @return progress that shows nothing */
  static Progress none() {
    return new Progress() {
      @Override
      public void rows(String file, long rows) {}

      @Override
      public void done() {}
    };
  }

  /**
   * @param err where to draw
   * @return a one-line counter redrawn with a carriage return, meant for a terminal only
   */
  static Progress onTerminal(PrintStream err) {
    return new Progress() {
      private boolean shown;

      @Override
      public void rows(String file, long rows) {
        err.print("\r" + file + ": " + rows / 1_000_000 + "M rows read");
        err.flush();
        shown = true;
      }

      @Override
      public void done() {
        if (shown) {
          err.print("\r\033[K");
          err.flush();
          shown = false;
        }
      }
    };
  }
}
