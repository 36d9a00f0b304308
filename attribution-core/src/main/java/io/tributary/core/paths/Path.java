package io.tributary.core.paths;

import io.tributary.core.journey.TouchpointLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A journey's channel sequence, repeats kept. Parsed once at the edge; models map channels to ids through a
 * {@link ChannelDictionary}. Ordered channel by channel, then shorter first, so sorted outputs are stable.
 *
 * <p>Immutable. Not a record because paths are hash keys and sort keys on the engines' hottest loop (hundreds of
 * thousands of distinct paths per run): the hash code and distinct-channel count are computed once and kept.
 */
public final class Path implements Comparable<Path> {
  /**
   * The character outputs write between channels ({@code " > "}). No channel name may hold it, in an event log or a
   * path file whatever its separator, or two different paths could print as the same text.
   */
  public static final char MARK = '>';

  private final String[] channels;
  private final int hash;
  private int distinct = -1;

  /**
   * @param channels the channel names in touch order; not empty, no empty names
   * @throws IllegalArgumentException on an empty path or an empty channel name
   */
  public Path(List<String> channels) {
    this(channels.toArray(String[]::new));
  }

  private Path(String[] channels) {
    this.channels = requireValid(channels);
    this.hash = Arrays.hashCode(channels);
  }

  /**
   * Checks channel names as a path's constructor does, for a caller that keeps them as names and makes its path only
   * when asked for one.
   *
   * @param channels the channel names in touch order
   * @return {@code channels}
   * @throws IllegalArgumentException on an empty path or an empty channel name
   */
  public static String[] requireValid(String[] channels) {
    if (channels.length == 0) {
      throw new IllegalArgumentException("a path has at least one channel");
    }
    for (String c : channels) {
      if (Objects.requireNonNull(c, "channel").isEmpty()) {
        throw new IllegalArgumentException("empty channel name in path " + Arrays.toString(channels));
      }
    }
    return channels;
  }

  /** @return a path over names already checked (a {@link PathTable}'s), neither copied nor checked again */
  static Path trusted(String[] channels) {
    return new Path(channels, Arrays.hashCode(channels));
  }

  private Path(String[] channels, int hash) {
    this.channels = channels;
    this.hash = hash;
  }

  /** @return the path of the given channels */
  public static Path of(String... channels) {
    return new Path(channels.clone());
  }

  /** @return the channel names in touch order, unmodifiable */
  public List<String> channels() {
    return List.of(channels);
  }

  /** @return the number of touches */
  public int length() {
    return channels.length;
  }

  /** @return the channel of touch {@code i} (0-based) */
  public String channel(int i) {
    return channels[i];
  }

  /** @return the number of distinct channels */
  public int distinctCount() {
    int d = distinct;
    if (d < 0) {
      d = channels.length <= 16 ? smallDistinct() : distinctChannels().size();
      distinct = d;
    }
    return d;
  }

  private int smallDistinct() {
    int d = 0;
    for (int i = 0; i < channels.length; i++) {
      boolean seen = false;
      for (int j = 0; j < i && !seen; j++) {
        seen = channels[j].equals(channels[i]);
      }
      if (!seen) {
        d++;
      }
    }
    return d;
  }

  /** @return the distinct channels, sorted */
  public SortedSet<String> distinctChannels() {
    return new TreeSet<>(distinctChannels(channels));
  }

  /**
   * @param channels channel names
   * @return their distinct names, sorted ({@link #distinctChannels()} of their path), without a sorted set: a caller
   *     with a path per customer makes one small array
   */
  public static List<String> distinctChannels(String[] channels) {
    String[] sorted = channels.clone();
    Arrays.sort(sorted);
    int d = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (d == 0 || !sorted[i].equals(sorted[d - 1])) {
        sorted[d++] = sorted[i];
      }
    }
    return List.of(d == sorted.length ? sorted : Arrays.copyOf(sorted, d));
  }

  /** @return the channels joined by {@code " > "}, as path files and reports show them */
  public String display() {
    return display(" " + MARK + " ");
  }

  /**
   * @return the channels joined by {@code separator}; a touchpoint key of a campaign level shows as
   *     {@code channel/campaign} ({@link TouchpointLevel#display})
   */
  public String display(String separator) {
    Objects.requireNonNull(separator);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < channels.length; i++) {
      if (i > 0) {
        sb.append(separator);
      }
      sb.append(TouchpointLevel.display(channels[i]));
    }
    return sb.toString();
  }

  @Override
  public int compareTo(Path o) {
    String[] a = channels;
    String[] b = o.channels;
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      // Engines intern channel names, so equal channels are usually the same instance.
      if (a[i] != b[i]) {
        int c = a[i].compareTo(b[i]);
        if (c != 0) {
          return c;
        }
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Path p && hash == p.hash && Arrays.equals(channels, p.channels));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return display();
  }
}
