package io.tributary.core.model;

import io.tributary.core.ErrorClass;
import io.tributary.core.TributaryException;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
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
 * <p>Layout, version 3 (big-endian, {@link DataOutputStream}): version; the all-customer aggregate; the segment count,
 * then per segment its name (UTF), its value count and per value the value (UTF) and that value's aggregate
 * (version 3 added the segments; an unsegmented aggregate has a count of 0). An aggregate is: settings (UTF);
 * has-timestamps; touchless
 * conversions; touchless value; timed conversions; time to conversion (ms); duplicate conversions; the channel
 * dictionary (count, names); the paths (count, then per path: length, channel ids, conversions, value, nulls); the
 * journey models' credit (count, then per model: name, count, then per channel: name, conversions, value). A decimal is
 * its scale, then the length and bytes of its unscaled two's-complement value.
 */
public final class AggregateCodec {
  /** The format this build writes and reads. */
  public static final int VERSION = 3;

  private AggregateCodec() {}

  /** @return the aggregate's bytes */
  public static byte[] encode(JourneyAggregate a) {
    return encode(io.tributary.core.segment.SegmentedAggregate.of(a));
  }

  /** @return the segmented aggregate's bytes */
  public static byte[] encode(io.tributary.core.segment.SegmentedAggregate s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(VERSION);
      writeBody(out, s.all());
      out.writeInt(s.names().size());
      for (int d = 0; d < s.names().size(); d++) {
        out.writeUTF(s.names().get(d));
        out.writeInt(s.byValue().get(d).size());
        for (Map.Entry<String, JourneyAggregate> e : s.byValue().get(d).entrySet()) {
          out.writeUTF(e.getKey());
          writeBody(out, e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeBody(DataOutputStream out, JourneyAggregate a) throws IOException {
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
        out.writeInt(length);
        for (int k = 0; k < length; k++) {
          out.writeInt(paths.channel(p, k));
        }
        out.writeLong(paths.conversions(p));
        writeDecimal(out, paths.value(p));
        out.writeLong(paths.nulls(p));
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
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new TributaryException(ErrorClass.FAILURE, "cannot read an aggregate of format version " + version
            + ": this build reads version " + VERSION + " only (run the same Tributary build on every JVM of a run)",
            null);
      }
      JourneyAggregate all = readBody(in);
      int n = in.readInt();
      List<String> names = new java.util.ArrayList<>(n);
      List<SortedMap<String, JourneyAggregate>> byValue = new java.util.ArrayList<>(n);
      for (int d = 0; d < n; d++) {
        names.add(in.readUTF());
        TreeMap<String, JourneyAggregate> m = new TreeMap<>();
        int values = in.readInt();
        for (int v = 0; v < values; v++) {
          m.put(in.readUTF(), readBody(in));
        }
        byValue.add(m);
      }
      return new io.tributary.core.segment.SegmentedAggregate(all, names, byValue);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JourneyAggregate readBody(DataInputStream in) throws IOException {
    {
      String settings = in.readUTF();
      boolean hasTimestamps = in.readBoolean();
      long touchless = in.readLong();
      BigDecimal touchlessValue = readDecimal(in);
      long timed = in.readLong();
      long timeToConversion = in.readLong();
      long duplicates = in.readLong();
      PathCounts.Builder paths = PathCounts.builder();
      int[] ids = new int[in.readInt()];
      for (int c = 0; c < ids.length; c++) {
        ids[c] = paths.channelId(in.readUTF());
      }
      int[] path = new int[16];
      int nPaths = in.readInt();
      for (int i = 0; i < nPaths; i++) {
        int len = in.readInt();
        if (path.length < len) {
          path = new int[len];
        }
        for (int k = 0; k < len; k++) {
          path[k] = ids[in.readInt()];
        }
        paths.add(path, len, in.readLong(), readDecimal(in), in.readLong());
      }
      TreeMap<String, SortedMap<String, CreditSum>> credits = new TreeMap<>();
      int nModels = in.readInt();
      for (int i = 0; i < nModels; i++) {
        String model = in.readUTF();
        TreeMap<String, CreditSum> byChannel = new TreeMap<>();
        int n = in.readInt();
        for (int j = 0; j < n; j++) {
          byChannel.put(in.readUTF(), new CreditSum(readDecimal(in), readDecimal(in)));
        }
        credits.put(model, byChannel);
      }
      return new JourneyAggregate(settings, paths.build(), credits, touchless, touchlessValue, timed,
          timeToConversion, duplicates, hasTimestamps);
    }
  }

  private static void writeDecimal(DataOutputStream out, BigDecimal v) throws IOException {
    byte[] unscaled = v.unscaledValue().toByteArray();
    out.writeInt(v.scale());
    out.writeInt(unscaled.length);
    out.write(unscaled);
  }

  private static BigDecimal readDecimal(DataInputStream in) throws IOException {
    int scale = in.readInt();
    byte[] unscaled = new byte[in.readInt()];
    in.readFully(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }
}
