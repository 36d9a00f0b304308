package io.tributary.core.lifetime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Joins work run beside the caller so that its failure reaches the caller as it was thrown, not wrapped. */
final class Joined {
  private Joined() {}

  /**
   * @param future work started on another thread
   * @return its result
   * @throws RuntimeException or Error: the work's own, unwrapped (the run's one-line errors depend on their class)
   */
  static <T> T value(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw e;
    }
  }
}
