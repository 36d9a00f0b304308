package io.tributary.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Wall-clock time of each phase of a run, for {@code --timings}. Not thread-safe. */
final class PhaseClock {
  private final List<String> laps = new ArrayList<>();
  private long last = System.nanoTime();

  /** Ends the current phase under {@code name}. */
  void lap(String name) {
    long now = System.nanoTime();
    laps.add(String.format(Locale.ROOT, "timing: %s: %.3f s", name, (now - last) / 1e9));
    last = now;
  }

  /** @return one line per phase */
  List<String> laps() {
    return List.copyOf(laps);
  }
}
