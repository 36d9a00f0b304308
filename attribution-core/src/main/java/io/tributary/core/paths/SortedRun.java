package io.tributary.core.paths;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns parallel lists of strictly ascending keys and their values into a {@link TreeMap} in linear time. TreeMap
 * builds itself from a {@link SortedMap} without comparing keys; this read-once view is that source. Not a general
 * map: only what {@code new TreeMap<>(SortedMap)} reads is implemented.
 */
final class SortedRun<K extends Comparable<K>, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
  private final List<K> keys;
  private final List<V> values;

  private SortedRun(List<K> keys, List<V> values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * @param keys strictly ascending in natural order (checked)
   * @param values one per key
   * @return a new TreeMap holding the pairs
   */
  static <K extends Comparable<K>, V> TreeMap<K, V> treeOf(List<K> keys, List<V> values) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException("keys and values differ in size");
    }
    for (int i = 1; i < keys.size(); i++) {
      if (keys.get(i - 1).compareTo(keys.get(i)) >= 0) {
        throw new IllegalArgumentException("keys are not strictly ascending at " + i);
      }
    }
    return new TreeMap<>(new SortedRun<>(keys, values));
  }

  @Override
  public int size() {
    return keys.size();
  }

  @Override
  public Comparator<? super K> comparator() {
    return null;
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.size();
      }

      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < keys.size();
          }

          @Override
          public Map.Entry<K, V> next() {
            Map.Entry<K, V> e = new AbstractMap.SimpleImmutableEntry<>(keys.get(i), values.get(i));
            i++;
            return e;
          }
        };
      }
    };
  }

  @Override
  public SortedMap<K, V> subMap(K fromKey, K toKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SortedMap<K, V> headMap(K toKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SortedMap<K, V> tailMap(K fromKey) {
    throw new UnsupportedOperationException();
  }

  @Override
  public K firstKey() {
    return keys.get(0);
  }

  @Override
  public K lastKey() {
    return keys.get(keys.size() - 1);
  }
}
