package io.tributary.cli.load;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns byte strings (UTF-8 ids and names as they lie in the input buffer) to dense ids {@code 0..size-1} in order
 * of first appearance, copying a key only the first time it is seen: ten million rows of a million customers make a
 * million copies, not ten million Strings. Open addressing with linear probing over a power-of-two table whose slots
 * hold a key's hash beside its id: a probe that meets another key tells it apart without reading anything else. A
 * file's customer ids are mostly new when looked up (a customer's rows come together), so the lookup is one read of
 * a slot that is rarely in cache; reading each met key's hash from an array by id was a second cache miss for a third
 * of the keys, at 13 % of a read.
 *
 * <p>Not thread-safe: one per reading thread.
 */
final class ByteKeys {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private byte[] bytes = new byte[1 << 12];
  private int used;
  private int[] start = new int[256];
  private int size;
  // Slot -> the key's hash in the high half, its id + 1 in the low half (0 = empty).
  private long[] table = new long[512];

  /** @return the number of distinct keys */
  int size() {
    return size;
  }

  /** The hash every caller uses for a key: the same as {@link #hash(byte[], int, int)} of the key's bytes. */
  static int hash(byte[] b, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  /**
   * @param b bytes holding the key
   * @param from first byte of the key
   * @param to one past its last byte
   * @return the key's id, assigned now when the key is new
   */
  int intern(byte[] b, int from, int to) {
    int h = hash(b, from, to);
    long[] t = table;
    int mask = t.length - 1;
    int slot = mix(h) & mask;
    while (true) {
      long e = t[slot];
      if (e == 0) {
        return add(b, from, to, h, slot);
      }
      if ((int) (e >>> 32) == h && equals((int) e - 1, b, from, to)) {
        return (int) e - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** @return the id of key {@code id} of {@code other} in this table, assigned now when new */
  int intern(ByteKeys other, int id) {
    return intern(other.bytes, other.start[id], other.start[id] + other.length(id));
  }

  /** @return key {@code id} decoded as UTF-8 (keys are whole UTF-8 cells, so decoding never fails) */
  String name(int id) {
    return new String(bytes, start[id], length(id), StandardCharsets.UTF_8);
  }

  /** @return the bytes all keys lie in (key {@code id} at {@link #start}, {@link #length} bytes) */
  byte[] bytes() {
    return bytes;
  }

  /** @return where key {@code id} starts in {@link #bytes()} */
  int start(int id) {
    return start[id];
  }

  /** @return the heap this table takes, roughly: its arrays */
  long memoryBytes() {
    return bytes.length + 4L * start.length + 8L * table.length;
  }

  /** @return key {@code id}'s length in bytes */
  int length(int id) {
    return (id + 1 < size ? start[id + 1] : used) - start[id];
  }

  private boolean equals(int id, byte[] b, int from, int to) {
    return same(bytes, start[id], length(id), b, from, to);
  }

  /**
   * Whether {@code a[aFrom, aFrom + aLength)} equals {@code b[from, to)}. Keys of eight bytes or more are compared a
   * long at a time (the last long overlapping the one before it); shorter ones in a plain loop, which beats the
   * vectorised {@link Arrays#equals} on keys of a few bytes, which is what ids and channel names are.
   */
  static boolean same(byte[] a, int aFrom, int aLength, byte[] b, int from, int to) {
    if (aLength != to - from) {
      return false;
    }
    if (aLength >= Long.BYTES) {
      int last = aLength - Long.BYTES;
      for (int i = 0; i < last; i += Long.BYTES) {
        if ((long) LONGS.get(a, aFrom + i) != (long) LONGS.get(b, from + i)) {
          return false;
        }
      }
      return (long) LONGS.get(a, aFrom + last) == (long) LONGS.get(b, from + last);
    }
    for (int i = 0; i < aLength; i++) {
      if (a[aFrom + i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  private int add(byte[] b, int from, int to, int h, int slot) {
    int len = to - from;
    if (used + len > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(used + len, bytes.length * 2));
    }
    System.arraycopy(b, from, bytes, used, len);
    if (size == start.length) {
      start = Arrays.copyOf(start, size * 2);
    }
    int id = size++;
    start[id] = used;
    used += len;
    table[slot] = entry(h, id);
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  /* The slots move in table order, not id order: both tables are then walked front to back, not at random. */
  private void rehash() {
    long[] t = new long[table.length * 2];
    int mask = t.length - 1;
    for (long e : table) {
      if (e != 0) {
        int slot = mix((int) (e >>> 32)) & mask;
        while (t[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        t[slot] = e;
      }
    }
    table = t;
  }

  /* A slot's content: the hash high, the id + 1 low (never 0). */
  private static long entry(int h, int id) {
    return (long) h << 32 | (id + 1L);
  }

  /* Spreads the polynomial hash so that ids like c0000001, c0000002 do not cluster in neighbouring slots. */
  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
