package io.tributary.cli.load;

/**
 * Interns the byte strings of a column with few distinct values (channel names) like {@link ByteKeys}, the ids
 * being its table's, with a small direct-mapped cache in front: a key is looked up by a cheap hash of its length and
 * three of its bytes and checked with one comparison, instead of hashing every byte and probing the table. Keys that
 * share a cache slot take turns in it and fall back to the table; the ids are the same either way.
 *
 * <p>Not thread-safe: one per reading thread.
 */
final class FewKeys {
  /*
   * A cache of 256 slots put 16 of the 96 campaign-level keys of a 10M-row run (email/email_c3, ...) in slots shared
   * with another key, so about a sixth of the rows went to the table, taking turns; 1,024 slots hold them apart.
   */
  private static final int SLOT_BITS = 10;
  private static final int SLOTS = 1 << SLOT_BITS;
  private final ByteKeys keys = new ByteKeys();
  // Slot -> id + 1 (0 = empty).
  private final int[] cache = new int[SLOTS];

  /** @return the key's id, assigned now when the key is new (see {@link ByteKeys#intern(byte[], int, int)}) */
  int intern(byte[] b, int from, int to) {
    int len = to - from;
    int slot = len == 0 ? 0 : slot(len, b[from], b[from + (len >>> 1)], b[to - 1]);
    int id = cache[slot] - 1;
    if (id >= 0 && ByteKeys.same(keys.bytes(), keys.start(id), keys.length(id), b, from, to)) {
      return id;
    }
    id = keys.intern(b, from, to);
    cache[slot] = id + 1;
    return id;
  }

  /** @return the number of distinct keys */
  int size() {
    return keys.size();
  }

  /** @return key {@code id} decoded as UTF-8 */
  String name(int id) {
    return keys.name(id);
  }

  private static int slot(int len, byte first, byte middle, byte last) {
    int h = (len * 31 + first) * 31 + middle;
    h = (h * 31 + last) * 0x9E3779B9;
    return h >>> (32 - SLOT_BITS);
  }
}
