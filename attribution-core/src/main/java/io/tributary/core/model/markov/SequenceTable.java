package io.tributary.core.model.markov;

import java.util.Arrays;

/**
 * Interns short sequences of channel ids (the chain's window states) to dense ids {@code 0..size-1}, in order of first
 * appearance. Open addressing over a flat store, so a window costs one hash of its k ids and no allocation: the fit
 * touches every window of every path.
 */
final class SequenceTable {
  private int[] store = new int[64];
  private int stored;
  private int[] offset = new int[16];
  private int[] length = new int[16];
  private int size;
  private int hashed;
  private int[] slots = new int[64];
  /** Id of the one-channel sequence of each channel id, -1 when not yet seen: order 1 needs no hashing at all. */
  private int[] single = new int[0];

  SequenceTable() {
    Arrays.fill(slots, -1);
  }

  /** @return the number of distinct sequences */
  int size() {
    return size;
  }

  /** @return the id of {@code ids[from..from+len)}, interning it when new */
  int intern(int[] ids, int from, int len) {
    if (len == 1) {
      return internSingle(ids[from]);
    }
    int h = hash(ids, from, len);
    int mask = slots.length - 1;
    int i = h & mask;
    while (true) {
      int id = slots[i];
      if (id < 0) {
        break;
      }
      if (equalsAt(id, ids, from, len)) {
        return id;
      }
      i = (i + 1) & mask;
    }
    int id = add(ids, from, len);
    slots[i] = id;
    if (2 * ++hashed > slots.length) {
      rehash();
    }
    return id;
  }

  private int internSingle(int channel) {
    if (channel >= single.length) {
      int old = single.length;
      single = Arrays.copyOf(single, Math.max(channel + 1, 2 * old));
      Arrays.fill(single, old, single.length, -1);
    }
    int id = single[channel];
    if (id < 0) {
      id = add(new int[] {channel}, 0, 1);
      single[channel] = id;
    }
    return id;
  }

  /** @return a copy of sequence {@code id} */
  int[] sequence(int id) {
    return Arrays.copyOfRange(store, offset[id], offset[id] + length[id]);
  }

  private int add(int[] ids, int from, int len) {
    if (size == offset.length) {
      offset = Arrays.copyOf(offset, 2 * size);
      length = Arrays.copyOf(length, 2 * size);
    }
    while (stored + len > store.length) {
      store = Arrays.copyOf(store, 2 * store.length);
    }
    System.arraycopy(ids, from, store, stored, len);
    offset[size] = stored;
    length[size] = len;
    stored += len;
    return size++;
  }

  private boolean equalsAt(int id, int[] ids, int from, int len) {
    if (length[id] != len) {
      return false;
    }
    int o = offset[id];
    for (int j = 0; j < len; j++) {
      if (store[o + j] != ids[from + j]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    Arrays.fill(slots, -1);
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      if (length[id] == 1) {
        continue; // one-channel sequences live in `single`
      }
      int i = hash(store, offset[id], length[id]) & mask;
      while (slots[i] >= 0) {
        i = (i + 1) & mask;
      }
      slots[i] = id;
    }
  }

  private static int hash(int[] ids, int from, int len) {
    int h = len;
    for (int j = 0; j < len; j++) {
      h = 31 * h + ids[from + j];
    }
    return h ^ (h >>> 16) ^ (h * 0x9E3779B9 >>> 7);
  }
}
