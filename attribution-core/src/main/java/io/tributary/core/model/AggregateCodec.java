package io.tributary.core.model;

import io.tributary.core.ErrorClass;
import io.tributary.core.TributaryException;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The binary form of a {@link JourneyAggregate}, exactly: counts as longs, amounts as unscaled value and scale, so an
 * aggregate decoded on one JVM equals the one encoded on another (the Spark job ships each partition's aggregate to
 * the driver this way). The first int is the format's {@link #VERSION}; {@link #decode} refuses any other, since the
 * layout after it may differ.
 *
 * <p>Layout, version 4 (big-endian, {@link DataOutputStream}): version; the all-customer aggregate; the segment count,
 * then per segment its name (UTF), its value count and per value the value (UTF) and that value's aggregate
 * (version 3 added the segments; an unsegmented aggregate has a count of 0). An aggregate is: settings (UTF);
 * has-timestamps; touchless
 * conversions; touchless value; timed conversions; time to conversion (ms); duplicate conversions; the channel
 * dictionary (count, names); the paths (count, then per path: length, channel ids, conversions, value, nulls); the
 * journey models' credit (count, then per model: name, count, then per channel: name, conversions, value). A decimal is
 * its scale, then the length and bytes of its unscaled two's-complement value. Version 4 writes each path's numbers in
 * a few bytes (variable-length, {@link CodecBytes.Out#writeVarLong} and {@link CodecBytes.Out#writeSmallDecimal}):
 * a path row was about 40 bytes, mostly zeros, and a segmented partition ships millions of them (issue 14).
 */
public final class AggregateCodec {
  /** The format this build writes and reads. */
  public static final int VERSION = 4;

  private AggregateCodec() {}

  /** @return the aggregate's bytes */
  public static byte[] encode(JourneyAggregate a) {
    return encode(io.tributary.core.segment.SegmentedAggregate.of(a));
  }

  /** @return the segmented aggregate's bytes */
  public static byte[] encode(io.tributary.core.segment.SegmentedAggregate s) {
    long expected = 64 + expectedBody(s.all());
    for (int d = 0; d < s.names().size(); d++) {
      for (Map.Entry<String, JourneyAggregate> e : s.byValue().get(d).entrySet()) {
        expected += 2 + 3L * e.getKey().length() + expectedBody(e.getValue());
      }
    }
    CodecBytes.Out bytes = new CodecBytes.Out((int) Math.min(expected, Integer.MAX_VALUE - 16));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(VERSION);
      writeBody(out, bytes, s.all());
      out.writeInt(s.names().size());
      for (int d = 0; d < s.names().size(); d++) {
        out.writeUTF(s.names().get(d));
        out.writeInt(s.byValue().get(d).size());
        for (Map.Entry<String, JourneyAggregate> e : s.byValue().get(d).entrySet()) {
          out.writeUTF(e.getKey());
          writeBody(out, bytes, e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /*
   * About the bytes writeBody writes for a: exact for the paths whose values fit a long (nearly all), so the buffer
   * is made once at its size instead of doubled and copied a dozen times; the rest is a generous guess.
   */
  private static long expectedBody(JourneyAggregate a) {
    PathTable paths = a.paths().table();
    long n = 1024;
    for (int c = 0; c < paths.channels().size(); c++) {
      n += 2 + 3L * paths.channels().name(c).length();
    }
    for (int p = 0; p < paths.size(); p++) {
      // length, channel ids (at most 16,383: 2 bytes), conversions, the value (most often 2 bytes), nulls
      n += 12 + 2L * paths.length(p);
    }
    for (SortedMap<String, CreditSum> byChannel : a.journeyCredits().values()) {
      n += 64 + 96L * byChannel.size();
    }
    return n;
  }

  /* out writes straight through to bytes (no buffer between them), so the two may take turns. */
  private static void writeBody(DataOutputStream out, CodecBytes.Out bytes, JourneyAggregate a) throws IOException {
    {
      out.writeUTF(a.settings());
      out.writeBoolean(a.hasTimestamps());
      out.writeLong(a.touchlessConversions());
      writeDecimal(out, a.touchlessValue());
      out.writeLong(a.timedConversions());
      out.writeLong(a.timeToConversionMillis());
      out.writeLong(a.duplicateConversions());
      // Paths as channel ids into a dictionary written once: no Path object on either side, and a tenth of the bytes.
      PathTable paths = a.paths().table();
      List<String> names = paths.channels().names();
      out.writeInt(names.size());
      for (String c : names) {
        out.writeUTF(c);
      }
      out.writeInt(paths.size());
      for (int p = 0; p < paths.size(); p++) {
        int length = paths.length(p);
        bytes.writeVarLong(length);
        for (int k = 0; k < length; k++) {
          bytes.writeVarLong(paths.channel(p, k));
        }
        bytes.writeVarLong(paths.conversions(p));
        bytes.writeSmallDecimal(paths.value(p));
        bytes.writeVarLong(paths.nulls(p));
      }
      out.writeInt(a.journeyCredits().size());
      for (Map.Entry<String, SortedMap<String, CreditSum>> m : a.journeyCredits().entrySet()) {
        out.writeUTF(m.getKey());
        out.writeInt(m.getValue().size());
        for (Map.Entry<String, CreditSum> c : m.getValue().entrySet()) {
          out.writeUTF(c.getKey());
          writeDecimal(out, c.getValue().conversions());
          writeDecimal(out, c.getValue().value());
        }
      }
    }
  }

  /**
   * @param data bytes from {@link #encode}
   * @return the aggregate
   * @throws TributaryException a failure (not the input's fault) when the bytes are of another format version, i.e.
   *     written by another Tributary build: every JVM of a run must run the same build
   */
  public static JourneyAggregate decode(byte[] data) {
    return decodeSegmented(data).all();
  }

  /**
   * @param data bytes from {@link #encode}
   * @return the segmented aggregate (without segments when an unsegmented one was encoded)
   * @throws TributaryException as {@link #decode}
   */
  public static io.tributary.core.segment.SegmentedAggregate decodeSegmented(byte[] data) {
    return decodeMerged(List.of(data));
  }

  /**
   * The merge of many encoded aggregates, as {@link io.tributary.core.segment.SegmentedAggregate#merge} of each one's
   * {@link #decodeSegmented} gives it, made without the intermediate aggregates: each payload is first indexed (where
   * each segment value's part lies), then each segment value's parts from all payloads are read into one aggregate
   * ({@link BodyMerge}), the values on the machine's cores at once. A segmented run of 1,000 segment values over P
   * partitions then sorts each value's paths once, and merges nothing pairwise.
   *
   * @param payloads bytes from {@link #encode}, at least one
   * @return the merged aggregate
   * @throws TributaryException as {@link #decode}
   * @throws IllegalArgumentException when the payloads hold different segments or were built under different settings
   */
  public static io.tributary.core.segment.SegmentedAggregate decodeMerged(List<byte[]> payloads) {
    if (payloads.isEmpty()) {
      throw new IllegalArgumentException("nothing to decode");
    }
    List<Index> indexes = payloads.parallelStream().map(Index::of).toList();
    Index first = indexes.get(0);
    List<Part> all = new ArrayList<>();
    List<TreeMap<String, List<Part>>> byValue = new ArrayList<>();
    for (int d = 0; d < first.names.size(); d++) {
      byValue.add(new TreeMap<>());
    }
    for (int i = 0; i < indexes.size(); i++) {
      Index x = indexes.get(i);
      if (!x.names.equals(first.names)) {
        throw new IllegalArgumentException(
            "cannot merge aggregates of different segments: " + first.names + " vs " + x.names);
      }
      byte[] data = payloads.get(i);
      all.add(new Part(data, x.all));
      for (int d = 0; d < x.names.size(); d++) {
        for (int v = 0; v < x.values.get(d).size(); v++) {
          byValue.get(d).computeIfAbsent(x.values.get(d).get(v), k -> new ArrayList<>())
              .add(new Part(data, x.at.get(d)[v]));
        }
      }
    }
    // One task per aggregate to build, (all) and every segment value: sizes vary, the pool balances them.
    List<List<Part>> tasks = new ArrayList<>();
    tasks.add(all);
    byValue.forEach(m -> tasks.addAll(m.values()));
    List<JourneyAggregate> merged = tasks.parallelStream().map(AggregateCodec::merge).toList();
    List<SortedMap<String, JourneyAggregate>> segments = new ArrayList<>();
    int at = 1;
    for (TreeMap<String, List<Part>> m : byValue) {
      TreeMap<String, JourneyAggregate> out = new TreeMap<>();
      for (String v : m.keySet()) {
        out.put(v, merged.get(at++));
      }
      segments.add(out);
    }
    return new io.tributary.core.segment.SegmentedAggregate(merged.get(0), first.names, segments);
  }

  /** One aggregate's bytes: the body starting at {@code from} in {@code data}. */
  private record Part(byte[] data, int from) {}

  /** Where a payload's bodies start: (all)'s, and per segment each value's, values in payload order. */
  private static final class Index {
    int all;
    final List<String> names = new ArrayList<>();
    final List<List<String>> values = new ArrayList<>();
    final List<int[]> at = new ArrayList<>();

    static Index of(byte[] data) {
      CodecBytes.In in = new CodecBytes.In(data, 0);
      checkVersion(in.readInt());
      Index x = new Index();
      x.all = in.position();
      skipBody(in);
      int n = in.readInt();
      for (int d = 0; d < n; d++) {
        x.names.add(in.readUTF());
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        int[] at = new int[count];
        for (int v = 0; v < count; v++) {
          values.add(in.readUTF());
          at[v] = in.position();
          skipBody(in);
        }
        x.values.add(values);
        x.at.add(at);
      }
      return x;
    }
  }

  private static void checkVersion(int version) {
    if (version != VERSION) {
      throw new TributaryException(ErrorClass.FAILURE, "cannot read an aggregate of format version " + version
          + ": this build reads version " + VERSION + " only (run the same Tributary build on every JVM of a run)",
          null);
    }
  }

  /* Past one body, reading only the lengths (the layout is in the class comment). */
  private static void skipBody(CodecBytes.In in) {
    in.skipUTF();
    in.skip(1 + 8);
    in.skipDecimal();
    in.skip(8 + 8 + 8);
    int names = in.readInt();
    for (int c = 0; c < names; c++) {
      in.skipUTF();
    }
    int paths = in.readInt();
    for (int p = 0; p < paths; p++) {
      int length = in.readVarInt();
      for (int k = 0; k < length; k++) {
        in.readVarLong();
      }
      in.readVarLong();
      in.skipSmallDecimal();
      in.readVarLong();
    }
    int models = in.readInt();
    for (int m = 0; m < models; m++) {
      in.skipUTF();
      int n = in.readInt();
      for (int c = 0; c < n; c++) {
        in.skipUTF();
        in.skipDecimal();
        in.skipDecimal();
      }
    }
  }

  private static JourneyAggregate merge(List<Part> parts) {
    BodyMerge m = new BodyMerge();
    for (Part p : parts) {
      m.read(new CodecBytes.In(p.data(), p.from()));
    }
    return m.build();
  }

  /**
   * Bodies read into one aggregate: paths into one builder (equal paths' stats summed, as {@link PathCounts#merge}
   * sums them; sorted once), counters added exactly, credit sums added as exact decimals and made canonical once by
   * {@link CreditSum}: {@link JourneyAggregate#merge}'s result, for any order of merges.
   */
  private static final class BodyMerge {
    private String settings;
    private boolean hasTimestamps;
    private long touchless;
    private BigDecimal touchlessValue;
    private long timed;
    private long timeToConversion;
    private long duplicates;
    private final PathCounts.Builder paths = PathCounts.builder();
    private final TreeMap<String, TreeMap<String, BigDecimal[]>> credits = new TreeMap<>();
    private int[] path = new int[16];
    private int bodies;

    void read(CodecBytes.In in) {
      String s = in.readUTF();
      boolean timestamps = in.readBoolean();
      if (bodies++ == 0) {
        settings = s;
        hasTimestamps = timestamps;
      } else if (!settings.equals(s) || hasTimestamps != timestamps) {
        throw new IllegalArgumentException(
            "cannot merge aggregates built under different settings: [" + settings + "] vs [" + s + "]");
      }
      touchless = Math.addExact(touchless, in.readLong());
      BigDecimal touchlessPart = in.readDecimal();
      touchlessValue = touchlessValue == null ? touchlessPart : touchlessValue.add(touchlessPart);
      timed = Math.addExact(timed, in.readLong());
      timeToConversion = Math.addExact(timeToConversion, in.readLong());
      duplicates = Math.addExact(duplicates, in.readLong());
      int[] ids = new int[in.readInt()];
      for (int c = 0; c < ids.length; c++) {
        ids[c] = paths.channelId(in.readUTF());
      }
      int nPaths = in.readInt();
      for (int i = 0; i < nPaths; i++) {
        int len = in.readVarInt();
        if (path.length < len) {
          path = new int[len];
        }
        for (int k = 0; k < len; k++) {
          path[k] = ids[in.readVarInt()];
        }
        long conversions = in.readVarLong();
        BigDecimal value = in.readSmallDecimal();
        paths.add(path, len, conversions, value, in.readVarLong());
      }
      int nModels = in.readInt();
      for (int i = 0; i < nModels; i++) {
        TreeMap<String, BigDecimal[]> byChannel = credits.computeIfAbsent(in.readUTF(), k -> new TreeMap<>());
        int n = in.readInt();
        for (int j = 0; j < n; j++) {
          BigDecimal[] sum = byChannel.computeIfAbsent(in.readUTF(), k -> new BigDecimal[2]);
          BigDecimal conversions = in.readDecimal();
          BigDecimal value = in.readDecimal();
          sum[0] = sum[0] == null ? conversions : sum[0].add(conversions);
          sum[1] = sum[1] == null ? value : sum[1].add(value);
        }
      }
    }

    JourneyAggregate build() {
      TreeMap<String, SortedMap<String, CreditSum>> out = new TreeMap<>();
      credits.forEach((model, byChannel) -> {
        TreeMap<String, CreditSum> t = new TreeMap<>();
        byChannel.forEach((c, sum) -> t.put(c, new CreditSum(sum[0], sum[1])));
        out.put(model, t);
      });
      return new JourneyAggregate(settings, paths.build(), out, touchless, touchlessValue, timed, timeToConversion,
          duplicates, hasTimestamps);
    }
  }

  private static void writeDecimal(DataOutputStream out, BigDecimal v) throws IOException {
    CodecBytes.writeDecimal(out, v);
  }
}
