package io.tributary.core.input;

/**
 * The byte rule every plain-cell fast path shares ({@link Values#plainCount}, {@link Values#plainAmount}, the path
 * splitting of {@link PathRowParser}): where a {@linkplain Fields#plain plain} cell's text starts and ends once
 * stripped. In printable ASCII, {@link String#strip} removes spaces only, so stripping the bytes this way gives the
 * bytes of the text the string route reads.
 */
final class PlainCells {
  private PlainCells() {}

  /** @return the first byte in {@code [from, to)} that is not a space, or {@code to} */
  static int strippedFrom(byte[] b, int from, int to) {
    int f = from;
    while (f < to && b[f] == ' ') {
      f++;
    }
    return f;
  }

  /** @return one past the last byte in {@code [from, to)} that is not a space, or {@code from} */
  static int strippedTo(byte[] b, int from, int to) {
    int t = to;
    while (t > from && b[t - 1] == ' ') {
      t--;
    }
    return t;
  }
}
