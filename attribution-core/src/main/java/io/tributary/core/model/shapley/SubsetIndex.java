package io.tributary.core.model.shapley;

import java.util.Arrays;

/**
 * Finds a channel set among chosen sets of a {@link ChannelSets} by its Zobrist hash: an open-addressing table of
 * hash → set, linear probing. Two sets with the same hash (about one chance in 2^64 per pair) both stay in the table
 * and are told apart by comparing members, so a look-up never returns a wrong set.
 *
 * <p>A look-up first reads one bit of a small filter of the indexed hashes ({@value #FILTER_BITS_PER_SET} bits per
 * set: 128 KB for 100,000 sets): most look-ups of an exact game are subsets never seen, and at a campaign level
 * (tens of thousands of sets) the table itself is several MB, so a miss answered by the filter saves a cache miss.
 * The filter only answers "not indexed" for a hash no indexed set has, so every answer is the table's.
 */
final class SubsetIndex {
  private final ChannelSets sets;
  private final long[] slotHash;
  /** Set index + 1; 0 marks an empty slot. */
  private final int[] slotSet;
  private final int mask;
  private final int size;
  static final int FILTER_BITS_PER_SET = 8;
  /** Bit {@code filterBit(h)} set for the hash h of every indexed set. */
  private final long[] filter;
  private final int filterMask;

  /** @param chosen indices of the sets to index, each once */
  SubsetIndex(ChannelSets sets, int[] chosen) {
    this.sets = sets;
    int capacity = Integer.highestOneBit(Math.max(4, chosen.length * 2 - 1)) << 1;
    slotHash = new long[capacity];
    slotSet = new int[capacity];
    mask = capacity - 1;
    size = chosen.length;
    int filterBits = Integer.highestOneBit(Math.max(64, chosen.length * FILTER_BITS_PER_SET - 1)) << 1;
    filter = new long[filterBits >>> 6];
    filterMask = filterBits - 1;
    for (int s : chosen) {
      int bit = filterBit(sets.hash[s]);
      filter[bit >>> 6] |= 1L << bit;
      int slot = (int) mix(sets.hash[s]) & mask;
      while (slotSet[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slotHash[slot] = sets.hash[s];
      slotSet[slot] = s + 1;
    }
  }

  /** @return the number of indexed sets */
  int size() {
    return size;
  }

  /** @return the indexed set with hash {@code h} and exactly the bits {@code words}, or −1 */
  int find(long h, long[] words) {
    int bit = filterBit(h);
    if ((filter[bit >>> 6] & (1L << bit)) == 0) {
      return -1;
    }
    for (int slot = (int) mix(h) & mask; slotSet[slot] != 0; slot = (slot + 1) & mask) {
      if (slotHash[slot] == h && Arrays.equals(sets.words[slotSet[slot] - 1], words)) {
        return slotSet[slot] - 1;
      }
    }
    return -1;
  }

  /**
   * @param h the hash of the first {@code k} players of a permutation
   * @param position per channel id, its position in that permutation ({@code Integer.MAX_VALUE} when not in it)
   * @return the indexed set that is exactly those {@code k} players, or −1
   */
  int findPrefix(long h, int k, int[] position) {
    for (int slot = (int) mix(h) & mask; slotSet[slot] != 0; slot = (slot + 1) & mask) {
      if (slotHash[slot] == h && isPrefix(sets.ids[slotSet[slot] - 1], k, position)) {
        return slotSet[slot] - 1;
      }
    }
    return -1;
  }

  private static boolean isPrefix(int[] members, int k, int[] position) {
    if (members.length != k) {
      return false;
    }
    for (int id : members) {
      if (position[id] >= k) {
        return false;
      }
    }
    return true;
  }

  /* The top bits of the (uniform) Zobrist hash: up to 24 bits, a filter of up to 16M bits. */
  private int filterBit(long h) {
    return (int) (h >>> 40) & filterMask;
  }

  /* Zobrist hashes are already uniform; folding the high half in keeps the low bits used for slots just as good. */
  private static long mix(long h) {
    return h ^ (h >>> 32);
  }
}
