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
 * <p>Layout, version 2 (big-endian, {@link DataOutputStream}): version; settings (UTF); has-timestamps; touchless
 * conversions; touchless value; timed conversions; time to conversion (ms); duplicate conversions; the channel
 * dictionary (count, names); the paths (count, then per path: length, channel ids, conversions, value, nulls); the
 * journey models' credit (count, then per model: name, count, then per channel: name, conversions, value). A decimal is
 * its scale, then the length and bytes of its unscaled two's-complement value.
 */
public final class AggregateCodec {
  /** The format this build writes and reads. */
  public static final int VERSION = 2;

  private AggregateCodec() {}

  /** @return the aggregate's bytes */
  public static byte[] encode(JourneyAggregate a) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(VERSION);
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @param data bytes from {@link #encode}
   * @return the aggregate
   * @throws TributaryException a failure (not the input's fault) when the bytes are of another format version, i.e.
   *     written by another Tributary build: every JVM of a run must run the same build
   */
  public static JourneyAggregate decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new TributaryException(ErrorClass.FAILURE, "cannot read an aggregate of format version " + version
            + ": this build reads version " + VERSION + " only (run the same Tributary build on every JVM of a run)",
            null);
      }
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
