package io.tributary.core.model.markov;

/**
 * Sums integer transition weights per (from, to) pair of state ids. Weights are journey counts, kept as exact longs
 * so that the chain does not depend on the order in which paths are folded.
 */
final class EdgeTable {
  private long[] keys = new long[256];
  private long[] weights = new long[256];
  private boolean[] used = new boolean[256];
  private int size;

  /** Adds {@code weight} to the transition {@code from → to}. */
  void add(int from, int to, long weight) {
    long key = ((long) from << 32) | (to & 0xFFFF_FFFFL);
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        weights[i] = Math.addExact(weights[i], weight);
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    weights[i] = weight;
    if (2 * ++size > keys.length) {
      grow();
    }
  }

  /** @return the summed weight of {@code from → to}, 0 when never added */
  long get(int from, int to) {
    long key = ((long) from << 32) | (to & 0xFFFF_FFFFL);
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return weights[i];
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** @return the number of distinct transitions */
  int size() {
    return size;
  }

  /**
   * Visits every transition, in no particular order.
   *
   * @param visitor receives from, to, weight
   */
  void forEach(EdgeVisitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        visitor.accept((int) (keys[i] >>> 32), (int) keys[i], weights[i]);
      }
    }
  }

  /** Receives one transition. */
  interface EdgeVisitor {
    void accept(int from, int to, long weight);
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldWeights = weights;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    weights = new long[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j]) {
        int i = mix(oldKeys[j]) & mask;
        while (used[i]) {
          i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = oldKeys[j];
        weights[i] = oldWeights[j];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }
}
