package io.tributary.core.paths;

import java.util.Arrays;

/**
 * Splits a path string ({@code "search > email > store"}) into channel ids, the way SPEC reads path files: cut at every
 * occurrence of the separator, whitespace around each channel stripped ({@link Character#isWhitespace}), no channel
 * empty. Not thread-safe: it reuses one character buffer and one id buffer.
 */
final class PathText {
  /*
   * Separators are found by String.indexOf (an intrinsic that scans the compact string's bytes many at a time). A
   * channel is then recognised without hashing it: the id last seen with the same length, first and last character
   * is guessed and checked by one comparison (String.regionMatches), right almost always since channels are few; only a
   * wrong or missing guess hashes the name and asks the interner. Every id is verified character by character, so a
   * guess can be slow, never wrong. A touch allocates nothing. (Tried and slower: a trie walk per character, a chain
   * of dependent loads; hashing every channel, even four characters per step.)
   */
  private static final int GUESSES = 1024;
  private final String separator;
  private int[] ids = new int[16];
  /** The last channel id seen for a hash of (name length, first character, last character), plus 1; 0 for none. */
  private final int[] guess = new int[GUESSES];

  /** @param separator not empty */
  PathText(String separator) {
    if (separator.isEmpty()) {
      throw new IllegalArgumentException("path separator must not be empty");
    }
    this.separator = separator;
  }

  /** @return whether this splitter cuts at {@code s} */
  boolean cutsAt(String s) {
    return separator.equals(s);
  }

  /** @return the buffer holding the ids of the last {@link #split} */
  int[] ids() {
    return ids;
  }

  /**
   * @param path the path text
   * @param names where channel names get their ids
   * @return the number of channels, whose ids are {@code ids()[0, n)}
   * @throws IllegalArgumentException for an empty channel name
   */
  int split(CharSequence path, ChannelInterner names) {
    String s = path.toString(); // the String itself, or one copy per row of another CharSequence
    int n = s.length();
    int count = 0;
    int from = 0;
    while (true) {
      int cut = separator.length() == 1 ? s.indexOf(separator.charAt(0), from) : s.indexOf(separator, from);
      if (cut < 0) {
        cut = n;
      }
      int a = from;
      int b = cut;
      while (a < b && isWhitespace(s.charAt(a))) {
        a++;
      }
      while (b > a && isWhitespace(s.charAt(b - 1))) {
        b--;
      }
      if (a == b) {
        throw new IllegalArgumentException("empty channel name in path \"" + s + "\"");
      }
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, 2 * count);
      }
      ids[count++] = channel(s, a, b, names);
      if (cut == n) {
        return count;
      }
      from = cut + separator.length();
    }
  }

  /** @return the id of the name {@code s[a, b)}: the guess when it is right, else the interner's answer */
  private int channel(String s, int a, int b, ChannelInterner names) {
    int len = b - a;
    int g = ((len * 31 + s.charAt(a)) * 31 + s.charAt(b - 1)) & (GUESSES - 1);
    int id = guess[g] - 1;
    if (id >= 0) {
      String name = names.name(id);
      if (name.length() == len && name.regionMatches(0, s, a, len)) {
        return id;
      }
    }
    id = names.id(s, a, b);
    guess[g] = id + 1;
    return id;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || (c < ' ' || c >= 0x80) && Character.isWhitespace(c);
  }
}
