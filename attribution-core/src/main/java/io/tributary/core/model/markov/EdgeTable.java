package io.tributary.core.model.markov;

import java.util.Arrays;

/**
 * Sums integer transition weights per (from, to) pair of state ids. Weights are journey counts, kept as exact longs
 * so that the chain does not depend on the order in which paths are folded.
 */
final class EdgeTable {
  /*
   * Open addressing, linear probing, key and weight interleaved in one array so that a probe touches one cache line;
   * a slot is empty when its key is -1 (real keys are >= 0). Every transition of every path lands here, so this is on
   * the fit's hot path.
   */
  private long[] slots = emptySlots(256);
  private int size;
  /*
   * Or, for transitions between the first `states` ids, a matrix (weight 0: none): a chain of order 1 has one state per
   * channel, known before the paths are read, and a lookup in a matrix of a hundred campaign touchpoints' states is an
   * index where the table probes (its probes were a third of building a campaign-level chain).
   */
  private final int states;
  private final long[] matrix;
  private int matrixSize;

  /** The largest number of states kept in a matrix: 256 x 256 weights are 512 KB. */
  static final int MATRIX_LIMIT = 256;

  /** A table of transitions between any ids. */
  EdgeTable() {
    this(0);
  }

  /**
   * @param states how many ids (0 .. states - 1) the transitions between which are kept in a matrix: the chain's
   *     number of states when it is known beforehand and at most {@link #MATRIX_LIMIT}, else 0
   */
  EdgeTable(int states) {
    this.states = states <= MATRIX_LIMIT ? states : 0;
    this.matrix = this.states > 0 ? new long[this.states * this.states] : null;
  }

  /** Adds {@code weight} ({@code > 0}: the journeys of a transition) to the transition {@code from → to}. */
  void add(int from, int to, long weight) {
    if (weight <= 0) {
      throw new IllegalArgumentException("a transition's weight is at least 1 journey, got " + weight);
    }
    if (from < states && to < states) {
      int i = from * states + to;
      long w = matrix[i];
      if (w == 0) {
        matrixSize++;
      }
      matrix[i] = w + weight; // journeys times path lengths: within a long (PathTotals.MAX_JOURNEYS)
      return;
    }
    long key = key(from, to);
    int mask = slots.length / 2 - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = slots[2 * i];
      if (k == key) {
        slots[2 * i + 1] = Math.addExact(slots[2 * i + 1], weight);
        return;
      }
      if (k < 0) {
        break;
      }
      i = (i + 1) & mask;
    }
    slots[2 * i] = key;
    slots[2 * i + 1] = weight;
    if (4 * ++size > slots.length) {
      grow();
    }
  }

  /** @return the summed weight of {@code from → to}, 0 when never added */
  long get(int from, int to) {
    if (from < states && to < states) {
      return matrix[from * states + to];
    }
    long key = key(from, to);
    int mask = slots.length / 2 - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = slots[2 * i];
      if (k == key) {
        return slots[2 * i + 1];
      }
      if (k < 0) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  /** @return the number of distinct transitions */
  int size() {
    return matrixSize + size;
  }

  /**
   * Visits every transition, in no particular order.
   *
   * @param visitor receives from, to, weight
   */
  void forEach(EdgeVisitor visitor) {
    if (matrixSize > 0) {
      for (int i = 0; i < matrix.length; i++) {
        if (matrix[i] != 0) {
          visitor.accept(i / states, i % states, matrix[i]);
        }
      }
    }
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] >= 0) {
        visitor.accept((int) (slots[i] >>> 32), (int) slots[i], slots[i + 1]);
      }
    }
  }

  /** Receives one transition. */
  interface EdgeVisitor {
    void accept(int from, int to, long weight);
  }

  private void grow() {
    long[] old = slots;
    slots = emptySlots(old.length);
    int mask = slots.length / 2 - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j] >= 0) {
        int i = mix(old[j]) & mask;
        while (slots[2 * i] >= 0) {
          i = (i + 1) & mask;
        }
        slots[2 * i] = old[j];
        slots[2 * i + 1] = old[j + 1];
      }
    }
  }

  /** @return room for {@code capacity} transitions, all empty (twice as many longs) */
  private static long[] emptySlots(int capacity) {
    long[] s = new long[2 * capacity];
    Arrays.fill(s, -1);
    return s;
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | to;
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }
}
