package io.tributary.core.paths;

import io.tributary.core.Internal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Channel names ↔ dense ids {@code 0..size-1}, assigned in sorted name order so that every engine and every run gives
 * the same ids.
 */
@Internal
public final class ChannelDictionary {
  private final String[] names;
  private final Map<String, Integer> ids;

  /** @param names distinct, sorted; kept, not copied */
  ChannelDictionary(String[] names) {
    this.names = names;
    this.ids = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      ids.put(names[i], i);
    }
  }

  /** @return the dictionary of the given channel names (duplicates ignored) */
  public static ChannelDictionary of(Collection<String> channels) {
    return new ChannelDictionary(new TreeSet<>(channels).toArray(String[]::new));
  }

  /** @return the dictionary of every channel appearing in {@code counts} */
  public static ChannelDictionary of(PathCounts counts) {
    return counts.table().channels();
  }

  /** @return the number of channels */
  public int size() {
    return names.length;
  }

  /** @return the name of channel {@code id} */
  public String name(int id) {
    return names[id];
  }

  /** @return the names in id order (sorted) */
  public List<String> names() {
    return Arrays.asList(names.clone());
  }

  /**
   * @return the id of {@code channel}
   * @throws IllegalArgumentException for an unknown channel
   */
  public int id(String channel) {
    Integer id = ids.get(channel);
    if (id == null) {
      throw new IllegalArgumentException("unknown channel \"" + channel + "\"");
    }
    return id;
  }

  /** @return the ids of the path's touches, in order */
  public int[] encode(Path path) {
    int[] out = new int[path.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(path.channel(i));
    }
    return out;
  }
}
