package io.tributary.spark;

import io.tributary.core.model.CreditSum;
import io.tributary.core.model.JourneyAggregate;
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
 * {@link JourneyAggregate} to bytes and back, exactly: counts as longs, amounts as unscaled value and scale, so an
 * aggregate decoded on the driver equals the one built on the executor. The core stays free of any serialization
 * concern; this is the job's wire format, versioned by its first int.
 */
final class AggregateCodec {
  private static final int VERSION = 2;

  private AggregateCodec() {}

  static byte[] encode(JourneyAggregate a) {
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

  static JourneyAggregate decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalStateException("aggregate encoded by format " + version + ", expected " + VERSION);
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
