package io.tributary.core.paths;

import java.util.Arrays;

/**
 * Channel names → dense ids {@code 0..size-1} in order of first appearance, for a builder's hot loop. A name can be
 * looked up by a {@link String}, by a range of a longer text or by a range of ASCII bytes (a path file's buffer), so a
 * path is split into ids without a String per touch: only a name never seen before is copied.
 */
final class ChannelInterner {
  /*
   * Open addressing, linear probing, at most half full. The hash is String.hashCode's polynomial, so a String's cached
   * hash and a character range's computed one agree; each id keeps its hash so that probes compare ints first.
   */
  private String[] names = new String[16];
  private int[] hashes = new int[16];
  private int size;
  private int[] slots = emptySlots(32);

  /** @return the number of distinct names */
  int size() {
    return size;
  }

  /** @return the name of id {@code id} */
  String name(int id) {
    return names[id];
  }

  /**
   * @return the id of {@code name}, interning it when new
   * @throws IllegalArgumentException for an empty name
   * @throws NullPointerException for a null name
   */
  int id(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty channel name");
    }
    int h = name.hashCode();
    int mask = slots.length - 1;
    int i = mix(h) & mask;
    while (true) {
      int id = slots[i];
      if (id < 0) {
        return insert(i, name, h);
      }
      if (hashes[id] == h && names[id].equals(name)) {
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * @return the id of the name {@code text[from, to)}, interning a copy of it when new
   * @throws IllegalArgumentException for an empty range
   */
  int id(String text, int from, int to) {
    if (from >= to) {
      throw new IllegalArgumentException("empty channel name");
    }
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + text.charAt(k);
    }
    int len = to - from;
    int mask = slots.length - 1;
    int i = mix(h) & mask;
    while (true) {
      int id = slots[i];
      if (id < 0) {
        return insert(i, text.substring(from, to), h);
      }
      if (hashes[id] == h && names[id].length() == len && names[id].regionMatches(0, text, from, len)) {
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * @return the id of the name {@code b[from, to)}, printable ASCII bytes (one character a byte, so its hash and
   *     characters are those of the String it stands for), interning a String copy of it when new
   * @throws IllegalArgumentException for an empty range
   */
  int id(byte[] b, int from, int to) {
    if (from >= to) {
      throw new IllegalArgumentException("empty channel name");
    }
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + b[k];
    }
    int len = to - from;
    int mask = slots.length - 1;
    int i = mix(h) & mask;
    while (true) {
      int id = slots[i];
      if (id < 0) {
        return insert(i, new String(b, from, len, java.nio.charset.StandardCharsets.ISO_8859_1), h);
      }
      if (hashes[id] == h && sameAscii(names[id], b, from, len)) {
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  /** @return whether {@code name} is the ASCII text {@code b[from, from + len)} */
  static boolean sameAscii(String name, byte[] b, int from, int len) {
    if (name.length() != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (name.charAt(k) != b[from + k]) {
        return false;
      }
    }
    return true;
  }

  private int insert(int slot, String name, int h) {
    if (size == names.length) {
      names = Arrays.copyOf(names, 2 * size);
      hashes = Arrays.copyOf(hashes, 2 * size);
    }
    names[size] = name;
    hashes[size] = h;
    slots[slot] = size;
    int id = size++;
    if (2 * size > slots.length) {
      slots = emptySlots(2 * slots.length);
      int mask = slots.length - 1;
      for (int j = 0; j < size; j++) {
        int i = mix(hashes[j]) & mask;
        while (slots[i] >= 0) {
          i = (i + 1) & mask;
        }
        slots[i] = j;
      }
    }
    return id;
  }

  private static int[] emptySlots(int n) {
    int[] s = new int[n];
    Arrays.fill(s, -1);
    return s;
  }

  private static int mix(int h) {
    return (h * 0x9E3779B9) ^ (h >>> 16);
  }
}
