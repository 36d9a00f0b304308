package io.tributary.core.paths;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * A journey's channel sequence, repeats kept. Parsed once at the edge; models map channels to ids through a
 * {@link ChannelDictionary}. Ordered channel by channel, then shorter first, so sorted outputs are stable.
 *
 * @param channels the channel names in touch order; not empty, no empty names
 */
public record Path(List<String> channels) implements Comparable<Path> {
  public Path {
    channels = List.copyOf(channels);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("a path has at least one channel");
    }
    for (String c : channels) {
      if (c.isEmpty()) {
        throw new IllegalArgumentException("empty channel name in path " + channels);
      }
    }
  }

  /** @return the path of the given channels */
  public static Path of(String... channels) {
    return new Path(List.of(channels));
  }

  /** @return the number of touches */
  public int length() {
    return channels.size();
  }

  /** @return the channel of touch {@code i} (0-based) */
  public String channel(int i) {
    return channels.get(i);
  }

  /** @return the number of distinct channels, without building a set for the common short paths */
  public int distinctCount() {
    int n = channels.size();
    if (n > 16) {
      return distinctChannels().size();
    }
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      String c = channels.get(i);
      boolean seen = false;
      for (int j = 0; j < i && !seen; j++) {
        seen = channels.get(j).equals(c);
      }
      if (!seen) {
        distinct++;
      }
    }
    return distinct;
  }

  /** @return the distinct channels, sorted */
  public SortedSet<String> distinctChannels() {
    return new TreeSet<>(channels);
  }

  /** @return the channels joined by {@code " > "}, as path files and reports show them */
  public String display() {
    return display(" > ");
  }

  /** @return the channels joined by {@code separator} */
  public String display(String separator) {
    return String.join(Objects.requireNonNull(separator), channels);
  }

  @Override
  public int compareTo(Path o) {
    int n = Math.min(channels.size(), o.channels.size());
    for (int i = 0; i < n; i++) {
      int c = channels.get(i).compareTo(o.channels.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(channels.size(), o.channels.size());
  }

  @Override
  public String toString() {
    return display();
  }
}
