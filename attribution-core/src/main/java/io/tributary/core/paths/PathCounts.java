package io.tributary.core.paths;

import io.tributary.core.journey.Journey;
import io.tributary.core.journey.Touch;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Distinct paths with their stats: the sufficient statistic of every path-based model. A mergeable aggregate:
 * {@link #empty()} is the identity and {@link #merge} is associative and commutative, so engines build it per slice
 * of customers and merge the slices in any order with the same result, bit for bit (counts are integers, values exact
 * decimals).
 *
 * <p>Two equal views of the same content: {@link #byPath()}, a map of {@link Path} objects, and {@link #table()}, the
 * same paths as channel-id sequences in primitive arrays, which models read. An aggregate from the {@link Builder}
 * holds only the table until someone asks for the map, so folding and fitting 200,000 distinct paths creates no
 * object per path.
 *
 * @param byPath distinct paths in {@link Path} order; stats are never all zero
 */
public record PathCounts(SortedMap<Path, PathStats> byPath) {
  private static final PathCounts EMPTY = new PathCounts(new TreeMap<>());

  public PathCounts {
    byPath = LazyPathMap.of(byPath);
  }

  /** @return the aggregate of no journeys */
  public static PathCounts empty() {
    return EMPTY;
  }

  /** @return a builder that folds journeys or path rows */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the distinct paths as channel-id sequences with their stats, in {@link Path} order */
  public PathTable table() {
    return ((LazyPathMap) byPath).table();
  }

  /** @return this and {@code other} added path by path; neither is changed */
  public PathCounts merge(PathCounts other) {
    if (other.byPath.isEmpty()) {
      return this;
    }
    if (byPath.isEmpty()) {
      return other;
    }
    return new PathCounts(LazyPathMap.of(PathTable.merge(table(), other.table())));
  }

  /**
   * The same paths with other stats, e.g. a bootstrap replicate: nothing is looked up, sorted or made again.
   *
   * @param conversions per path of {@link #table()}, in its order, {@code >= 0}
   * @param values per path, exact, {@code >= 0}; {@code null} for none
   * @param nulls per path, {@code >= 0}
   * @return the aggregate of the paths whose new stats are not all zero (their value as given,
   *     {@link BigDecimal#ZERO} for {@code null})
   * @throws IllegalArgumentException when an array's length is not {@link #size()} or a stat is negative
   */
  public PathCounts withStats(long[] conversions, BigDecimal[] values, long[] nulls) {
    return new PathCounts(LazyPathMap.of(table().withStats(conversions, values, nulls)));
  }

  /** @return the number of distinct paths */
  public int size() {
    return byPath.size();
  }

  /** @return total converting journeys */
  public long conversions() {
    PathTable t = table();
    long n = 0;
    for (int p = 0; p < t.size(); p++) {
      n = Math.addExact(n, t.conversions(p));
    }
    return n;
  }

  /** @return total non-converting journeys */
  public long nulls() {
    PathTable t = table();
    long n = 0;
    for (int p = 0; p < t.size(); p++) {
      n = Math.addExact(n, t.nulls(p));
    }
    return n;
  }

  /** @return total conversion value, exact */
  public BigDecimal value() {
    return table().totalValue();
  }

  /**
   * Folds journeys or path rows. Not thread-safe: one per slice, then {@link #build()} and merge.
   *
   * <p>Three ways in, all giving the same aggregate for the same journeys: objects ({@link #add(Journey)},
   * {@link #add(Path, long, BigDecimal, long)}), path strings ({@link #addPath}) and, for engines with their own
   * fast fold, channel ids ({@link #channelId} once per channel name, then {@link #add(int[], int, long, BigDecimal,
   * long)} or {@link #addJourney} per journey), which allocate nothing per journey but the value's sum.
   */
  public static final class Builder {
    private final ChannelInterner channels = new ChannelInterner();
    private final PathInterner paths = new PathInterner();
    private int[] scratch = new int[16];
    private PathText text;
    private PathBytes bytes;
    // When not null, paths go to another thread that interns them (internOn).
    private PathHandoff handoff;
    // internOn's executor: once the interning is done, build() gives its thread half of the sort.
    private java.util.concurrent.Executor helper;
    // When not null, every journey's tag (tagJourneys), in the order they reach the interner.
    private TaggedJourneys tagged;
    private boolean tagging;
    // Set by buildGroups, which releases the interner's paths: nothing may be added or built afterwards.
    private boolean ended;

    private Builder() {}

    /**
     * Records a tag with every journey from now on ({@link #addJourney(int[], int, boolean, BigDecimal, int)}, the
     * only way in afterwards), so that {@link #buildGroups} can make the path table of any group of tags from the
     * all-journey table without interning or sorting a path again (a segmented fold's cells: region x tier, rolled up
     * into every region, every tier and all customers). Call before {@link #internOn} and before adding anything.
     *
     * @return this builder
     */
    public Builder tagJourneys() {
      if (handoff != null || paths.size() > 0) {
        throw new IllegalStateException("tagJourneys must be called first, before internOn and anything added");
      }
      paths.logIndexes();
      tagged = new TaggedJourneys();
      return this;
    }

    /**
     * {@link #addJourney(int[], int, boolean, BigDecimal)} of a journey with a tag, after {@link #tagJourneys()}.
     *
     * @param tag the journey's tag, {@code >= 0}
     * @return this builder
     */
    public Builder addJourney(int[] channelIds, int length, boolean converted, BigDecimal value, int tag) {
      if (tagged == null) {
        throw new IllegalStateException("tagJourneys was not called");
      }
      tagging = true;
      try {
        add(channelIds, length, converted ? 1 : 0, value, converted ? 0 : 1);
      } finally {
        tagging = false;
      }
      tagged.add(tag, converted, value); // after add: a journey it refused has no tag
      return this;
    }

    /**
     * The tables of a tagged fold: every journey's, and each group of tags': the aggregates a builder fed only the
     * journeys of those tags would have built, bit for bit. Ends this builder, as {@link #build()} does.
     *
     * @param groups the number of groups
     * @param groupsOfTag per tag, the groups (each below {@code groups}) its journeys belong to, a group at the same
     *     position in every list it is in (a cell's list: its value of each segment, in segment order)
     * @return every journey's paths first, then each group's, whose table is made when it is read (and made again
     *     when read after no one held it: the same table), not held from here to the fits
     * @throws IllegalArgumentException when a group is at two positions of the lists
     */
    public List<PathCounts> buildGroups(int groups, int[][] groupsOfTag) {
      if (tagged == null) {
        throw new IllegalStateException("tagJourneys was not called");
      }
      requireOpen();
      finishHandoff();
      PathTable.Ordered all = paths.toOrderedTable(channels, helper);
      // The table holds the paths now: the interner's arrays (a hundred MB or more at a million campaign paths) go,
      // so that a collection during the grouping below does not copy them (one that fell there took 0.6-0.8 s on
      // 10M events with two segment columns, benchmarks/results/segments.md).
      ended = true;
      List<PathCounts> out = new java.util.ArrayList<>(groups + 1);
      out.add(new PathCounts(LazyPathMap.of(all.table())));
      for (LazyPathMap group : tagged.group(all, paths.releaseAllButLog(), groups, groupsOfTag)) {
        out.add(new PathCounts(group));
      }
      return out;
    }

    private void requireOpen() {
      if (ended) {
        throw new IllegalStateException("buildGroups ended this builder");
      }
    }

    private void finishHandoff() {
      if (handoff != null) {
        PathHandoff h = handoff;
        handoff = null; // from here on (even when the interning failed) the interner is this thread's again
        h.finish();
      }
    }

    /**
     * Interns this builder's paths on a thread of {@code executor} from now on, while the caller goes on adding: a
     * pipeline for a large fold, where looking each path up costs about as much as building it. The aggregate is the
     * same, bit for bit. Call before adding anything; {@link #build()} waits for the interning. The executor's thread
     * is busy until then (or until the executor is shut down, should the caller fail before building); {@link #build()}
     * then hands it half of the paths' sort, a few short tasks, and returns when they are done.
     *
     * @param executor runs one long task, then the sort's halves
     * @return this builder
     */
    public Builder internOn(java.util.concurrent.Executor executor) {
      if (handoff != null || paths.size() > 0) {
        throw new IllegalStateException("internOn must be called once, before anything is added");
      }
      handoff = new PathHandoff(paths, executor);
      helper = executor;
      return this;
    }

    /**
     * Runs {@code task} on the thread that interns this builder's paths ({@link #internOn}), after the paths added so
     * far, or now on this thread when there is none. A task's failure is rethrown when the paths are built, as an
     * interning failure is; everything the tasks did is visible to the thread that built them.
     *
     * @param task work that may wait until the paths before it are interned, and touches nothing this thread does
     *     meanwhile
     */
    public void runWhereInterned(Runnable task) {
      requireOpen();
      if (handoff != null) {
        handoff.run(task);
      } else {
        task.run();
      }
    }

    /** @return whether this builder's paths are interned on another thread ({@link #internOn}) until built */
    public boolean internsElsewhere() {
      return handoff != null;
    }

    /* Every path reaches the interner here: directly, or through the hand-off. */
    private void intern(int[] ids, int length, long conversions, BigDecimal value, long nulls, boolean append) {
      requireOpen();
      if (tagged != null && !tagging) {
        throw new IllegalStateException("a builder that tags its journeys takes them with their tag only");
      }
      if (handoff != null) {
        handoff.add(ids, 0, length, conversions, value, nulls, append);
      } else if (append) {
        paths.append(ids, 0, length, conversions, value, nulls);
      } else {
        paths.add(ids, 0, length, conversions, value, nulls);
      }
    }

    /** Adds one journey with touches; touchless conversions are not paths and are ignored here. */
    public Builder add(Journey journey) {
      if (journey.touchless()) {
        return this;
      }
      List<Touch> touches = journey.touches();
      int n = touches.size();
      int[] ids = scratch(n);
      for (int k = 0; k < n; k++) {
        ids[k] = channels.id(touches.get(k).channel());
      }
      return addJourney(ids, n, journey.converted(), journey.value());
    }

    /** Adds {@code conversions} and {@code nulls} journeys of {@code path} with total revenue {@code value}. */
    public Builder add(Path path, long conversions, BigDecimal value, long nulls) {
      if (!check(conversions, value, nulls)) {
        return this;
      }
      int n = path.length();
      int[] ids = scratch(n);
      for (int k = 0; k < n; k++) {
        ids[k] = channels.id(path.channel(k));
      }
      intern(ids, n, conversions, value, nulls, false);
      return this;
    }

    /**
     * The id under which this builder knows a channel, for {@link #add(int[], int, long, BigDecimal, long)}. Ids are
     * this builder's own (dense from 0, in order of first request or first appearance), stable for its lifetime and
     * meaningless elsewhere; the built aggregate renumbers channels by name.
     *
     * @param channel a channel name, not empty
     * @return its id, assigned now when the name is new
     * @throws IllegalArgumentException for an empty name
     */
    public int channelId(String channel) {
      return channels.id(Objects.requireNonNull(channel, "channel"));
    }

    /**
     * Adds {@code conversions} and {@code nulls} journeys of the path whose touches are the channels
     * {@code channelIds[0, length)}, with total revenue {@code value}. The array is read, not kept: callers reuse it.
     *
     * @param channelIds ids from {@link #channelId}, in touch order, repeats kept
     * @param length the number of touches, {@code >= 1}
     * @param conversions converting journeys, {@code >= 0}
     * @param value their total revenue, exact, {@code >= 0}
     * @param nulls non-converting journeys, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException for a length below 1 or beyond the array, an id this builder did not assign,
     *     or a negative count or value
     */
    public Builder add(int[] channelIds, int length, long conversions, BigDecimal value, long nulls) {
      if (length < 1 || length > channelIds.length) {
        throw new IllegalArgumentException(
            "a path has at least one channel and at most the array's " + channelIds.length + "; got " + length);
      }
      for (int k = 0; k < length; k++) {
        if (channelIds[k] < 0 || channelIds[k] >= channels.size()) {
          throw new IllegalArgumentException("channel id " + channelIds[k] + " at touch " + k
              + " was not assigned by this builder (it knows " + channels.size() + " channels)");
        }
      }
      if (check(conversions, value, nulls)) {
        intern(channelIds, length, conversions, value, nulls, false);
      }
      return this;
    }

    /**
     * Adds one journey with touches: {@link #add(int[], int, long, BigDecimal, long)} with one conversion or one
     * null.
     *
     * @param channelIds ids from {@link #channelId}, in touch order
     * @param length the number of touches, {@code >= 1}
     * @param converted whether the journey ended in a conversion
     * @param value its revenue, {@code >= 0}; zero when not converted
     * @return this builder
     */
    public Builder addJourney(int[] channelIds, int length, boolean converted, BigDecimal value) {
      return add(channelIds, length, converted ? 1 : 0, value, converted ? 0 : 1);
    }

    /**
     * Adds the journeys of one path-file row from its path text, without a String per touch: channel names are
     * recognised in place and only a name never seen before is copied. Splits on every occurrence of
     * {@code separator} and strips whitespace around each channel, as SPEC's path files are read
     * ({@code "search > email > store"} with separator {@code ">"}).
     *
     * @param path the channels joined by {@code separator}
     * @param separator not empty
     * @return this builder
     * @throws IllegalArgumentException for an empty channel name, an empty separator or negative counts
     */
    public Builder addPath(CharSequence path, String separator, long conversions, BigDecimal value, long nulls) {
      PathText splitter = text;
      if (splitter == null || !splitter.cutsAt(separator)) {
        splitter = new PathText(separator);
        text = splitter;
      }
      int n = splitter.split(path, channels);
      if (check(conversions, value, nulls)) {
        intern(splitter.ids(), n, conversions, value, nulls, true); // file rows are mostly distinct: no lookup
      }
      return this;
    }

    /**
     * Adds the journeys of one path-file row whose channel names lie in a byte buffer, as a row parser found them:
     * {@code b[from[k], to[k])} is the name of touch {@code k}, printable ASCII (one character a byte), already
     * stripped and checked. No String is made per touch; only a name never seen before is copied. The same aggregate
     * as {@link #add(Path, long, BigDecimal, long)} with those names.
     *
     * @param b the buffer (read during this call only)
     * @param from first byte of each name
     * @param to one past the last byte of each
     * @param length the number of touches, {@code >= 1}
     * @param conversions converting journeys, {@code >= 0}
     * @param value their total revenue, exact, {@code >= 0}
     * @param nulls non-converting journeys, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException for no touch, an empty name or negative counts
     */
    public Builder addPath(byte[] b, int[] from, int[] to, int length, long conversions, BigDecimal value,
        long nulls) {
      if (length < 1) {
        throw new IllegalArgumentException("a path has at least one channel");
      }
      PathBytes splitter = bytes;
      if (splitter == null) {
        splitter = new PathBytes();
        bytes = splitter;
      }
      int[] ids = splitter.ids(b, from, to, length, channels);
      if (check(conversions, value, nulls)) {
        intern(ids, length, conversions, value, nulls, true); // file rows are mostly distinct: no lookup
      }
      return this;
    }

    /**
     * Adds every path {@code other} was given (journeys apart from this builder's: the cells of a segmented fold
     * rolled up into a segment value), without a lookup: repeats are summed when this builder is built, as
     * {@link #addPath} rows are. {@code other} is read, never changed, so several threads may add the same builder.
     *
     * @return this builder
     */
    public Builder addAll(Builder other) {
      if (handoff != null || other.handoff != null) {
        throw new IllegalStateException("addAll of a builder that interns on another thread (internOn)");
      }
      int[] map = new int[other.channels.size()];
      for (int c = 0; c < map.length; c++) {
        map[c] = channels.id(other.channels.name(c));
      }
      paths.appendAll(other.paths, map);
      return this;
    }

    /** @return room for {@code n} ids, keeping those already written */
    private int[] scratch(int n) {
      if (n > scratch.length) {
        scratch = Arrays.copyOf(scratch, Math.max(n, 2 * scratch.length));
      }
      return scratch;
    }

    /** @return whether there is anything to add; throws on negative stats */
    private static boolean check(long conversions, BigDecimal value, long nulls) {
      if (conversions < 0 || nulls < 0 || value.signum() < 0) {
        throw new IllegalArgumentException("path counts must be >= 0");
      }
      return conversions != 0 || nulls != 0 || value.signum() != 0;
    }

    /** @return the immutable aggregate of everything added so far */
    public PathCounts build() {
      requireOpen();
      finishHandoff();
      return new PathCounts(LazyPathMap.of(paths.toTable(channels, helper)));
    }
  }
}
