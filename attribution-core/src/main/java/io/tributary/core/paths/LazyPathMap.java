package io.tributary.core.paths;

import java.lang.ref.WeakReference;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@link PathCounts#byPath()}: an unmodifiable sorted map of paths to stats that holds the same content in two forms,
 * each made from the other on first use: the {@link PathTable} models read and the map of objects the public API
 * returns. An aggregate built from journeys or path strings never creates its 200,000 {@link Path} and
 * {@link PathStats} objects unless someone asks for the map.
 */
final class LazyPathMap extends AbstractMap<Path, PathStats> implements SortedMap<Path, PathStats> {
  /*
   * Both fields are written at most once with a value that is a pure function of the other, so a race only computes
   * it twice; volatile publishes the immutable result safely.
   */
  private volatile SortedMap<Path, PathStats> map;
  private volatile PathTable table;
  /*
   * Or neither form yet but a recipe for the table, and how many paths it has: a segmented fold's group tables
   * (TaggedJourneys) are made when a fit reads them and held only while someone does (made), so that they are not
   * alive, all of them at once, at every collection from the fold to the last segment value's fit (on 10M events
   * with two segment columns, 150 MB the collector copied into the old generation: 0.3 s).
   */
  private final Supplier<PathTable> recipe;
  // The recipe's number of paths, which may wait for what the recipe waits for (TaggedJourneys#group).
  private final java.util.function.IntSupplier recipeSize;
  private volatile WeakReference<PathTable> made;

  private LazyPathMap(SortedMap<Path, PathStats> map, PathTable table) {
    this.map = map;
    this.table = table;
    this.recipe = null;
    this.recipeSize = null;
  }

  private LazyPathMap(Supplier<PathTable> recipe, java.util.function.IntSupplier size) {
    this.recipe = recipe;
    this.recipeSize = size;
  }

  /**
   * @param recipe makes the table, the same one each time it is called (on any thread)
   * @param size the number of paths of that table
   * @return a view of the table {@code recipe} makes, made when first read and again when read after no one held it
   */
  static LazyPathMap ofRecipe(Supplier<PathTable> recipe, java.util.function.IntSupplier size) {
    return new LazyPathMap(java.util.Objects.requireNonNull(recipe, "recipe"),
        java.util.Objects.requireNonNull(size, "size"));
  }

  /** @return the view of {@code table} */
  static LazyPathMap of(PathTable table) {
    return new LazyPathMap(null, table);
  }

  /** @return {@code byPath} itself when it already is one, else a view of an unmodifiable copy of it */
  static LazyPathMap of(SortedMap<Path, PathStats> byPath) {
    if (byPath instanceof LazyPathMap lazy) {
      return lazy;
    }
    // TreeMap(SortedMap) copies a sorted map in linear time.
    return new LazyPathMap(Collections.unmodifiableSortedMap(new TreeMap<>(byPath)), null);
  }

  /** @return the primitive form */
  PathTable table() {
    PathTable t = table;
    if (t == null) {
      if (recipe != null) {
        WeakReference<PathTable> w = made;
        t = w == null ? null : w.get();
        if (t == null) {
          t = recipe.get();
          if (t.size() != recipeSize.getAsInt()) {
            throw new IllegalStateException("recipe made " + t.size() + " paths, expected " + recipeSize.getAsInt()
                + " (a bug)");
          }
          made = new WeakReference<>(t);
        }
        return t;
      }
      t = PathTable.of(map);
      table = t;
    }
    return t;
  }

  private SortedMap<Path, PathStats> map() {
    SortedMap<Path, PathStats> m = map;
    if (m == null) {
      PathTable t = table();
      List<Path> keys = new ArrayList<>(t.size());
      List<PathStats> values = new ArrayList<>(t.size());
      for (int p = 0; p < t.size(); p++) {
        keys.add(t.path(p));
        values.add(t.stats(p));
      }
      m = Collections.unmodifiableSortedMap(SortedRun.treeOf(keys, values));
      map = m;
    }
    return m;
  }

  @Override
  public int size() {
    SortedMap<Path, PathStats> m = map;
    return m != null ? m.size() : recipe != null ? recipeSize.getAsInt() : table.size();
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return map().containsKey(key);
  }

  @Override
  public PathStats get(Object key) {
    return map().get(key);
  }

  @Override
  public Set<Entry<Path, PathStats>> entrySet() {
    return map().entrySet();
  }

  @Override
  public Set<Path> keySet() {
    return map().keySet();
  }

  @Override
  public Collection<PathStats> values() {
    return map().values();
  }

  @Override
  public Comparator<? super Path> comparator() {
    SortedMap<Path, PathStats> m = map;
    return m != null ? m.comparator() : null;
  }

  @Override
  public SortedMap<Path, PathStats> subMap(Path fromKey, Path toKey) {
    return map().subMap(fromKey, toKey);
  }

  @Override
  public SortedMap<Path, PathStats> headMap(Path toKey) {
    return map().headMap(toKey);
  }

  @Override
  public SortedMap<Path, PathStats> tailMap(Path fromKey) {
    return map().tailMap(fromKey);
  }

  @Override
  public Path firstKey() {
    return map().firstKey();
  }

  @Override
  public Path lastKey() {
    return map().lastKey();
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof LazyPathMap other) {
      return table().sameAs(other.table());
    }
    return map().equals(o);
  }

  @Override
  public int hashCode() {
    return map().hashCode();
  }

  @Override
  public String toString() {
    return map().toString();
  }
}
