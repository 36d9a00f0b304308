package io.tributary.core.paths;

import java.util.Arrays;

/**
 * Channel names that lie in a byte buffer (a path file's row, already split and checked by the row parser) → channel
 * ids, without a String per touch. Not thread-safe: it reuses one id buffer.
 */
final class PathBytes {
  /*
   * As in PathText: the id last seen with the same (length, first byte, last byte) is guessed and checked byte by
   * byte against a copy of its name, right almost always since channels are few; only a wrong or missing guess hashes
   * the name and asks the interner. A guess can be slow, never wrong.
   */
  private static final int GUESSES = 1024;
  private int[] ids = new int[16];
  private final int[] guess = new int[GUESSES];
  /** Each id's name as bytes, filled as ids are met here. */
  private byte[][] names = new byte[16][];

  /** @return the buffer holding the ids of the last {@link #ids} call */
  int[] ids() {
    return ids;
  }

  /**
   * @param b the buffer
   * @param from first byte of each channel name
   * @param to one past the last byte of each
   * @param n the number of channels
   * @param interner where names get their ids
   * @return the ids buffer, {@code [0, n)} filled
   */
  int[] ids(byte[] b, int[] from, int[] to, int n, ChannelInterner interner) {
    if (n > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(n, 2 * ids.length));
    }
    for (int k = 0; k < n; k++) {
      ids[k] = channel(b, from[k], to[k], interner);
    }
    return ids;
  }

  private int channel(byte[] b, int f, int t, ChannelInterner interner) {
    int len = t - f;
    int g = ((len * 31 + b[f]) * 31 + b[t - 1]) & (GUESSES - 1);
    int id = guess[g] - 1;
    if (id >= 0) {
      byte[] name = names[id];
      if (name.length == len && same(name, b, f, len)) {
        return id;
      }
    }
    id = interner.id(b, f, t);
    if (id >= names.length) {
      names = Arrays.copyOf(names, Math.max(id + 1, 2 * names.length));
    }
    if (names[id] == null) {
      names[id] = Arrays.copyOfRange(b, f, t);
    }
    guess[g] = id + 1;
    return id;
  }

  /* A plain loop: names are a few bytes long, where it beats the vectorised Arrays.equals. */
  private static boolean same(byte[] name, byte[] b, int f, int len) {
    for (int k = 0; k < len; k++) {
      if (name[k] != b[f + k]) {
        return false;
      }
    }
    return true;
  }
}
