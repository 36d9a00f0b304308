package io.tributary.core.model.markov;

import java.util.List;
import java.util.Objects;

/**
 * A state of a fitted Markov chain: {@code (start)}, {@code (conversion)}, {@code (null)}, or a window of up to k
 * consecutive channels of a path.
 *
 * @param label {@code (start)}, {@code (conversion)}, {@code (null)}, or the window's channels joined by {@code " > "}
 * @param channels the window's channels in touch order; empty for the three special states
 */
public record MarkovState(String label, List<String> channels) {
  /** The state every journey starts in. */
  public static final MarkovState START = new MarkovState("(start)", List.of());
  /** The absorbing state of converting journeys. */
  public static final MarkovState CONVERSION = new MarkovState("(conversion)", List.of());
  /** The absorbing state of non-converting journeys, and of every transition into a removed channel's state. */
  public static final MarkovState NULL = new MarkovState("(null)", List.of());

  public MarkovState {
    Objects.requireNonNull(label, "label");
    channels = List.copyOf(channels);
  }

  /** @return the transient state of the given window */
  public static MarkovState window(List<String> channels) {
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a window state holds at least one channel");
    }
    return new MarkovState(String.join(" > ", channels), channels);
  }

  /** @return whether this is a window state (neither start nor an absorbing state) */
  public boolean isTransient() {
    return !channels.isEmpty();
  }
}
