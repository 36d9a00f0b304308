package io.tributary.core.lifetime;

import io.tributary.core.clv.ClvTimeUnit;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.paths.Path;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The buyers of a run in a compact, mergeable form: what {@link ChannelLifetimeValue} and {@link HoldoutCheck} need of
 * each customer, with the shared parts stored once. An engine that reads its customers in slices (the Spark job's
 * partitions) tallies each slice, {@link #encode}s it, and merges the slices on one machine; the tables computed from
 * a tally do not depend on the order of its customers or slices.
 *
 * <p>Memory: a buyer's purchase pattern ({@link Purchases}: first day, summary in days, repeat days) and acquisition
 * path are kept once per distinct value (every one-time buyer of a day shares one pattern; paths repeat), so a
 * customer costs three ints plus their acquisition journey's time-decay weights, about 20-30 bytes, instead of the
 * objects of a {@link CustomerLifetime}: 10 million buyers fit in a few hundred megabytes.
 *
 * <p>Not thread-safe.
 */
public final class LifetimeTally {
  /**
   * A buyer's purchases, without the calibration end (known only once every customer is read).
   *
   * @param firstDay the first purchase's day, as an epoch day
   * @param inDays the summary in days up to the last purchase day (x, t_x and the Gamma-Gamma inputs)
   * @param repeatDays the repeat purchase days, as days after the first, ascending and distinct
   */
  public record Purchases(long firstDay, CustomerSummary inDays, int[] repeatDays) {
    public Purchases {
      Objects.requireNonNull(inDays, "inDays");
      repeatDays = repeatDays.clone();
    }

    /**
     * @param calibrationEnd the calibration end, as an epoch day, on or after every purchase day
     * @param unit the time unit of t_x and T
     * @return the models' input for these purchases
     */
    public CustomerSummary summary(long calibrationEnd, ClvTimeUnit unit) {
      double d = unit.days();
      return new CustomerSummary(inDays.frequency(), inDays.recency() / d, (calibrationEnd - firstDay) / d,
          inDays.valuedRepeats(), inDays.meanRepeatValue());
    }

    /** @return the last purchase's day, as an epoch day */
    public long lastDay() {
      return firstDay + (long) inDays.recency();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Purchases p && firstDay == p.firstDay && inDays.equals(p.inDays)
          && Arrays.equals(repeatDays, p.repeatDays);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * Long.hashCode(firstDay) + inDays.hashCode()) + Arrays.hashCode(repeatDays);
    }
  }

  /* The summary in days of a buyer without a repeat purchase. */
  private static final CustomerSummary NO_REPEAT = CustomerSummary.of(0, 0, 0);
  private final List<Purchases> patterns = new ArrayList<>();
  private final Map<Purchases, Integer> patternIds = new HashMap<>();
  private final List<List<String>> pathChannels = new ArrayList<>();
  /*
   * Speed (the recorder runs inside the fold, once per buyer): acquisition paths are looked up by their channel names
   * in an open-addressing table, hashed as Path hashes them, and kept as their names: a Path is made only when one is
   * asked for (a run has up to one distinct acquisition path per buyer, and a Path with its sorted set of channels
   * was about a fifth of what the 10M-event run's tally allocated). The patterns of buyers without a repeat (most of them) are
   * looked up by their day in a primitive table. Ids are still handed out in first-seen order, so the tally is the
   * same whichever way a buyer came in.
   */
  private String[][] pathNames = new String[16][];
  private Path[] pathObjects = new Path[16];
  private int[] pathHash = new int[16];
  private int[] pathSlots = emptySlots(1024);
  private long[] dayKeys = new long[1024];
  private int[] daySlots = emptySlots(1024);
  private int singleDays;
  private int[] patternOf = new int[16];
  private int[] pathOf = new int[16];
  private int[] weightStart = new int[17];
  private double[] weights = new double[16];
  private int size;
  private int journeyModels = -1;
  private long lastEventMillis = Long.MIN_VALUE;

  /**
   * @param ledger an engine's record of its buyers
   * @return the ledger's buyers and last event: the tally the fold recorded, not a copy (do not add to it)
   */
  public static LifetimeTally of(LifetimeLedger ledger) {
    return ledger.tally();
  }

  /** Adds one buyer. */
  public void add(CustomerLifetime c) {
    Purchases p = new Purchases(c.firstDay(), c.inDays(), c.repeatDays());
    int[] w = null;
    int path = -1;
    double[] flat = new double[0];
    if (c.acquisitionPath() != null) {
      path = pathId(c.acquisitionPath());
      List<double[]> byModel = c.journeyModelWeights();
      if (journeyModels < 0) {
        journeyModels = byModel.size();
      } else if (journeyModels != byModel.size()) {
        throw new IllegalArgumentException("customers weighed by " + byModel.size() + " and " + journeyModels
            + " journey models in one tally");
      }
      int channels = pathChannels.get(path).size();
      flat = new double[byModel.size() * channels];
      for (int m = 0; m < byModel.size(); m++) {
        System.arraycopy(byModel.get(m), 0, flat, m * channels, channels);
      }
    }
    add(patternId(p), path, flat, 0, flat.length);
  }

  /** Notes an event time; the tally keeps the latest. */
  public void lastEvent(long epochMillis) {
    lastEventMillis = Math.max(lastEventMillis, epochMillis);
  }

  /** @return epoch ms of the last event seen; {@link Long#MIN_VALUE} when none */
  public long lastEventMillis() {
    return lastEventMillis;
  }

  /** @return the number of journey models whose weights each buyer with a path carries (0 when unknown) */
  public int journeyModels() {
    return Math.max(0, journeyModels);
  }

  /** @return the number of buyers */
  public int size() {
    return size;
  }

  /** @return buyer {@code i}'s purchases */
  public Purchases purchases(int i) {
    return patterns.get(patternOf[i]);
  }

  /** @return buyer {@code i}'s pattern id: buyers with equal {@link #purchases} share one, ids are 0..patterns-1 */
  public int patternId(int i) {
    return patternOf[i];
  }

  /** @return the number of distinct purchase patterns */
  public int patterns() {
    return patterns.size();
  }

  /** @return pattern {@code id}'s purchases */
  public Purchases pattern(int id) {
    return patterns.get(id);
  }

  /** @return buyer {@code i}'s acquisition path, or null when their first purchase had no touch in its window */
  public Path acquisitionPath(int i) {
    return pathOf[i] < 0 ? null : distinctPath(pathOf[i]);
  }

  /** @return the number of distinct acquisition paths among the buyers */
  int distinctPaths() {
    return pathChannels.size();
  }

  /** @return distinct acquisition path {@code id} (0..{@link #distinctPaths()}-1), made when first asked for */
  Path distinctPath(int id) {
    Path p = pathObjects[id];
    if (p == null) {
      p = new Path(Arrays.asList(pathNames[id]));
      pathObjects[id] = p; // a reader racing another makes an equal path: either is right
    }
    return p;
  }

  /** @return distinct acquisition path {@code id}'s channel names in touch order: the tally's own array, not a copy */
  String[] distinctPathNames(int id) {
    return pathNames[id];
  }

  /** @return buyer {@code i}'s distinct acquisition path id, or -1 without a path */
  int distinctPathId(int i) {
    return pathOf[i];
  }

  /** @return buyer {@code i}'s acquisition path's distinct channels in name order; empty without a path */
  public List<String> acquisitionChannels(int i) {
    return pathOf[i] < 0 ? List.of() : pathChannels.get(pathOf[i]);
  }

  /**
   * @param i a buyer with an acquisition path
   * @param model a journey model's index, in the recorder's model order
   * @param k a channel's index in {@link #acquisitionChannels}
   * @return that model's weight of the channel in the buyer's acquisition journey
   */
  public double weight(int i, int model, int k) {
    return weights[weightStart[i] + model * pathChannels.get(pathOf[i]).size() + k];
  }

  /** Adds every buyer of {@code other} to this one, and its last event. */
  public void addAll(LifetimeTally other) {
    int[] patternMap = new int[other.patterns.size()];
    for (int p = 0; p < patternMap.length; p++) {
      patternMap[p] = patternId(other.patterns.get(p));
    }
    int[] pathMap = new int[other.distinctPaths()];
    for (int p = 0; p < pathMap.length; p++) {
      pathMap[p] = pathId(other.pathNames[p]);
    }
    if (other.journeyModels >= 0) {
      if (journeyModels >= 0 && journeyModels != other.journeyModels) {
        throw new IllegalArgumentException("tallies weighed by " + other.journeyModels + " and " + journeyModels
            + " journey models");
      }
      journeyModels = other.journeyModels;
    }
    for (int i = 0; i < other.size; i++) {
      add(patternMap[other.patternOf[i]], other.pathOf[i] < 0 ? -1 : pathMap[other.pathOf[i]], other.weights,
          other.weightStart[i], other.weightStart[i + 1] - other.weightStart[i]);
    }
    lastEvent(other.lastEventMillis);
  }

  /**
   * Adds one buyer as {@link AcquisitionRecorder} records them, without a {@link CustomerLifetime}.
   *
   * @param purchases their purchases
   * @param path their acquisition path's id ({@link #distinctPathId(List, int[], int, int)}), or -1 without one
   * @param weights per journey model, the acquisition journey's weight per channel of the path's distinct channels
   *     (name order), model after model; ignored without a path
   * @param journeyModelCount the number of journey models
   */
  void add(Purchases purchases, int path, double[] weights, int journeyModelCount) {
    add(patternId(purchases), path, weights, journeyModelCount);
  }

  /**
   * Adds a buyer with one purchase day (no repeat): the same as {@link #add(Purchases, int, double[], int)} with
   * {@code new Purchases(day, CustomerSummary.of(0, 0, 0), new int[0])}, without making it when the day is known.
   */
  void addSingle(long day, int path, double[] weights, int journeyModelCount) {
    add(singleDayPattern(day, null), path, weights, journeyModelCount);
  }

  private void add(int pattern, int path, double[] weights, int journeyModelCount) {
    int length = 0;
    if (path >= 0) {
      if (journeyModels < 0) {
        journeyModels = journeyModelCount;
      } else if (journeyModels != journeyModelCount) {
        throw new IllegalArgumentException("customers weighed by " + journeyModelCount + " and " + journeyModels
            + " journey models in one tally");
      }
      length = journeyModelCount * pathChannels.get(path).size();
    }
    add(pattern, path, weights, 0, length);
  }

  /**
   * @param names the names of the channel ids
   * @param channels channel ids: a path's touches in {@code [from, to)}, {@code to > from}
   * @return the id of that path among the distinct acquisition paths, added when new
   */
  int distinctPathId(List<String> names, int[] channels, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + names.get(channels[i]).hashCode();
    }
    int mask = pathSlots.length - 1;
    for (int at = mix(h) & mask; ; at = (at + 1) & mask) {
      int id = pathSlots[at];
      if (id < 0) {
        String[] ch = new String[to - from];
        for (int i = from; i < to; i++) {
          ch[i - from] = names.get(channels[i]);
        }
        return newPath(Path.requireValid(ch), h);
      }
      if (pathHash[id] == h && sameNames(pathNames[id], names, channels, from, to)) {
        return id;
      }
    }
  }

  private static boolean sameNames(String[] known, List<String> names, int[] channels, int from, int to) {
    if (known.length != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      String c = names.get(channels[i]);
      String k = known[i - from];
      if (c != k && !c.equals(k)) {
        return false;
      }
    }
    return true;
  }

  /** @return distinct acquisition path {@code id}'s distinct channels, in name order */
  List<String> distinctPathChannels(int id) {
    return pathChannels.get(id);
  }

  private void add(int pattern, int path, double[] w, int from, int length) {
    if (size == patternOf.length) {
      patternOf = Arrays.copyOf(patternOf, 2 * size);
      pathOf = Arrays.copyOf(pathOf, 2 * size);
      weightStart = Arrays.copyOf(weightStart, 2 * size + 1);
    }
    int start = weightStart[size];
    if (start + length > weights.length) {
      weights = Arrays.copyOf(weights, Math.max(2 * weights.length, start + length));
    }
    System.arraycopy(w, from, weights, start, length);
    patternOf[size] = pattern;
    pathOf[size] = path;
    weightStart[++size] = start + length;
  }

  private int patternId(Purchases p) {
    if (p.repeatDays().length == 0 && p.inDays().equals(NO_REPEAT)) {
      return singleDayPattern(p.firstDay(), p);
    }
    Integer id = patternIds.get(p);
    if (id == null) {
      id = patterns.size();
      patterns.add(p);
      patternIds.put(p, id);
    }
    return id;
  }

  /* The id of the pattern of one purchase on this day (made from the day when p is null), added when new. */
  private int singleDayPattern(long day, Purchases p) {
    int mask = daySlots.length - 1;
    int at = mix(Long.hashCode(day)) & mask;
    for (; daySlots[at] >= 0; at = (at + 1) & mask) {
      if (dayKeys[at] == day) {
        return daySlots[at];
      }
    }
    int id = patterns.size();
    patterns.add(p != null ? p : new Purchases(day, NO_REPEAT, new int[0]));
    dayKeys[at] = day;
    daySlots[at] = id;
    if (2 * ++singleDays > daySlots.length) {
      long[] keys = dayKeys;
      int[] slots = daySlots;
      dayKeys = new long[2 * keys.length];
      daySlots = emptySlots(2 * slots.length);
      for (int i = 0; i < slots.length; i++) {
        if (slots[i] >= 0) {
          int to = mix(Long.hashCode(keys[i])) & (daySlots.length - 1);
          while (daySlots[to] >= 0) {
            to = (to + 1) & (daySlots.length - 1);
          }
          dayKeys[to] = keys[i];
          daySlots[to] = slots[i];
        }
      }
    }
    return id;
  }

  private int pathId(Path p) {
    return pathId(p.channels().toArray(String[]::new));
  }

  private int pathId(String[] channels) {
    List<String> names = Arrays.asList(channels);
    int[] ids = new int[channels.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i;
    }
    return distinctPathId(names, ids, 0, ids.length);
  }

  /* Adds a path not seen before. */
  private int newPath(String[] channels, int hash) {
    int id = pathChannels.size();
    pathChannels.add(Path.distinctChannels(channels));
    if (id == pathNames.length) {
      pathNames = Arrays.copyOf(pathNames, 2 * id);
      pathHash = Arrays.copyOf(pathHash, 2 * id);
      pathObjects = Arrays.copyOf(pathObjects, 2 * id);
    }
    pathNames[id] = channels;
    pathHash[id] = hash;
    if (2 * (id + 1) > pathSlots.length) {
      pathSlots = emptySlots(2 * pathSlots.length);
      for (int k = 0; k < id; k++) {
        insertPath(k);
      }
    }
    insertPath(id);
    return id;
  }

  private void insertPath(int id) {
    int mask = pathSlots.length - 1;
    int at = mix(pathHash[id]) & mask;
    while (pathSlots[at] >= 0) {
      at = (at + 1) & mask;
    }
    pathSlots[at] = id;
  }

  private static int[] emptySlots(int capacity) {
    int[] slots = new int[capacity];
    Arrays.fill(slots, -1);
    return slots;
  }

  /* Spreads a hash over the low bits the tables use. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    return h ^ (h >>> 13);
  }

  /** @return the tally as bytes, for {@link #decode} on another machine */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(lastEventMillis);
      out.writeInt(journeyModels);
      out.writeInt(patterns.size());
      for (Purchases p : patterns) {
        CustomerSummary s = p.inDays();
        out.writeLong(p.firstDay());
        out.writeInt(s.frequency());
        out.writeDouble(s.recency());
        out.writeDouble(s.age());
        out.writeInt(s.valuedRepeats());
        out.writeDouble(s.meanRepeatValue());
        out.writeInt(p.repeatDays().length);
        for (int d : p.repeatDays()) {
          out.writeInt(d);
        }
      }
      out.writeInt(distinctPaths());
      for (int p = 0; p < distinctPaths(); p++) {
        out.writeInt(pathNames[p].length);
        for (String c : pathNames[p]) {
          out.writeUTF(c);
        }
      }
      out.writeInt(size);
      for (int i = 0; i < size; i++) {
        out.writeInt(patternOf[i]);
        out.writeInt(pathOf[i]);
        int n = weightStart[i + 1] - weightStart[i];
        for (int k = 0; k < n; k++) {
          out.writeDouble(weights[weightStart[i] + k]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** @return the tally {@link #encode} wrote */
  public static LifetimeTally decode(byte[] bytes) {
    LifetimeTally t = new LifetimeTally();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      t.lastEventMillis = in.readLong();
      t.journeyModels = in.readInt();
      int patterns = in.readInt();
      for (int p = 0; p < patterns; p++) {
        long first = in.readLong();
        CustomerSummary s = new CustomerSummary(in.readInt(), in.readDouble(), in.readDouble(), in.readInt(),
            in.readDouble());
        int[] days = new int[in.readInt()];
        for (int k = 0; k < days.length; k++) {
          days[k] = in.readInt();
        }
        t.patternId(new Purchases(first, s, days));
      }
      int paths = in.readInt();
      for (int p = 0; p < paths; p++) {
        List<String> channels = new ArrayList<>();
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
          channels.add(in.readUTF());
        }
        t.pathId(new Path(channels));
      }
      int size = in.readInt();
      for (int i = 0; i < size; i++) {
        int pattern = in.readInt();
        int path = in.readInt();
        double[] w = new double[path < 0 ? 0 : t.journeyModels * t.pathChannels.get(path).size()];
        for (int k = 0; k < w.length; k++) {
          w[k] = in.readDouble();
        }
        t.add(pattern, path, w, 0, w.length);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }
}
