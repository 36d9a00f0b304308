package io.tributary.spark;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns rows computed on the driver (the report tables) into a Dataset cheaply. Neither obvious route scales to a
 * path summary of a million paths: a local list becomes a LocalRelation whose rows every analyzer and optimizer rule
 * walks, and a parallelized list of {@link Row}s ships each row through Java serialization (a 135 MB task, seconds of
 * driver time). Here the rows are packed into a few byte arrays by the schema's column types, shipped as such, and
 * unpacked on the executors straight into Spark's internal rows (no {@link Row} encoder, which would turn every string
 * into UTF-8 a second time).
 *
 * <p>A slice's strings are kept once each: a segmented run's credit table repeats the same model, channel, campaign
 * and segment texts on hundreds of thousands of rows, so a repeat is written as the number of its first occurrence,
 * and unpacked rows share one internal string per distinct text (issue 14: the segmented write spent more time
 * encoding, growing and copying those bytes than Parquet spent writing them). A column whose texts do not repeat
 * (path_summary's paths: a million distinct texts) stops being remembered once that shows ({@link #REMEMBER_UNTIL}):
 * each of its texts is written whole and marked as one to forget, so neither side keeps a map or list entry for it
 * (those held every path text of a slice through its packing and its write, for the collector to copy).
 *
 * <p>Supports the column types of {@link OutputTables}: date, string, long, int, double, each nullable.
 */
final class ShippedRows {
  /* Rows per packed slice: small enough that no single task is huge, large enough that a small table is one slice. */
  private static final int SLICE_ROWS = 250_000;

  /**
   * A string column's texts are remembered until this many of them were packed, and on while at least a quarter of
   * them are repeats; then its texts are written whole, not remembered. Labels (models, channels, segment values)
   * repeat from the first rows on; unique texts (paths, raw rejected rows) show within these.
   */
  static final int REMEMBER_UNTIL = 1024;

  /* A string's length field: -(length + 1) for a text to remember, minus FORGET for one that is not remembered. */
  private static final int FORGET = 1 << 30;

  private ShippedRows() {}

  /**
   * @param rows rows matching {@code schema}
   * @return the rows as a Dataset, in the given order, in one partition per {@value #SLICE_ROWS} rows
   */
  static Dataset<Row> of(SparkSession spark, List<Row> rows, StructType schema) {
    String types = typeCodes(schema);
    List<byte[]> slices = new ArrayList<>();
    for (int from = 0; from < rows.size() || slices.isEmpty(); from += SLICE_ROWS) {
      slices.add(pack(rows.subList(from, Math.min(rows.size(), from + SLICE_ROWS)), schema));
    }
    JavaRDD<InternalRow> internal = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(slices, slices.size())
        .flatMap(b -> unpack(b, types));
    // The session's own entry for rows already in internal form (as Spark's CSV and JSON readers of a Dataset use).
    return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(internal.rdd(), schema, false);
  }

  static byte[] pack(List<Row> rows, StructType schema) {
    String types = typeCodes(schema);
    Packer out = new Packer(64 + rows.size() * 16 * types.length());
    // A table's rows share a few dates (mostly the run date's): each Date is turned into its day once, not per row.
    Map<Object, Integer> days = new IdentityHashMap<>();
    // Each remembered string's number, in order of first occurrence within the slice.
    Map<String, Integer> strings = new HashMap<>();
    // Per column: texts packed and repeats among them, and whether its texts are still remembered.
    int[] packed = new int[types.length()];
    int[] repeats = new int[types.length()];
    boolean[] forget = new boolean[types.length()];
    out.writeInt(rows.size());
    int sized = Math.min(rows.size(), REMEMBER_UNTIL);
    for (int row = 0; row < rows.size(); row++) {
      if (row == sized && sized < rows.size()) {
        // The first rows tell the slice's size well enough: the buffer grows once to it, not doubling from a guess.
        out.ensure((long) out.size() / sized * rows.size() * 9 / 8);
      }
      Row r = rows.get(row);
      for (int i = 0; i < types.length(); i++) {
        if (r.isNullAt(i)) {
          out.writeByte(0);
          continue;
        }
        out.writeByte(1);
        switch (types.charAt(i)) {
          case 'D' -> out.writeInt(
              days.computeIfAbsent(r.getDate(i), d -> Math.toIntExact(((Date) d).toLocalDate().toEpochDay())));
          case 'S' -> {
            String text = r.getString(i);
            if (forget[i]) {
              byte[] s = utf8(text);
              out.writeInt(-s.length - 1 - FORGET);
              out.write(s);
              continue;
            }
            Integer seen = strings.putIfAbsent(text, strings.size());
            if (seen != null) {
              out.writeInt(seen); // a repeat: the number of its first occurrence
              repeats[i]++;
            } else {
              // New: its UTF-8 length as -(length + 1), then the bytes (no 64 KB limit: a raw row may be longer).
              byte[] s = utf8(text);
              out.writeInt(-s.length - 1);
              out.write(s);
            }
            if (++packed[i] >= REMEMBER_UNTIL && repeats[i] * 4 < packed[i]) {
              forget[i] = true;
            }
          }
          case 'J' -> out.writeLong(r.getLong(i));
          case 'I' -> out.writeInt(r.getInt(i));
          case 'F' -> out.writeLong(Double.doubleToRawLongBits(r.getDouble(i)));
          default -> throw new IllegalStateException("unsupported column type " + types.charAt(i));
        }
      }
    }
    return out.toByteArray();
  }

  /**
   * @return the rows of {@code packed} in Spark's internal form, decoded one at a time as they are asked for (a
   *     slice's rows are not held at once: a path summary slice of 250,000 rows would otherwise live through its whole
   *     write and be copied into the old generation by the collector); a date as its epoch day, a string as one
   *     shared {@link UTF8String} per distinct text
   */
  static Iterator<InternalRow> unpack(byte[] packed, String types) {
    ByteBuffer in = ByteBuffer.wrap(packed);
    int n = in.getInt();
    List<UTF8String> strings = new ArrayList<>();
    return new Iterator<>() {
      private int left = n;

      @Override
      public boolean hasNext() {
        return left > 0;
      }

      @Override
      public InternalRow next() {
        if (left == 0) {
          throw new java.util.NoSuchElementException();
        }
        left--;
        Object[] values = new Object[types.length()];
        for (int i = 0; i < values.length; i++) {
          if (in.get() == 0) {
            continue;
          }
          values[i] = switch (types.charAt(i)) {
            case 'D', 'I' -> in.getInt();
            case 'S' -> {
              int ref = in.getInt();
              if (ref >= 0) {
                yield strings.get(ref);
              }
              boolean remember = ref >= -FORGET;
              byte[] s = new byte[remember ? -ref - 1 : -ref - 1 - FORGET];
              in.get(s);
              UTF8String text = UTF8String.fromBytes(s);
              if (remember) {
                strings.add(text);
              }
              yield text;
            }
            case 'J' -> in.getLong();
            case 'F' -> Double.longBitsToDouble(in.getLong());
            default -> throw new IllegalStateException("unsupported column type " + types.charAt(i));
          };
        }
        return new GenericInternalRow(values);
      }
    };
  }

  /* A growable big-endian byte buffer: DataOutputStream over ByteArrayOutputStream locks and bounds-checks per byte. */
  private static final class Packer {
    private ByteBuffer buf;

    Packer(int capacity) {
      buf = ByteBuffer.allocate(Math.max(64, capacity));
    }

    private ByteBuffer room(int n) {
      if (buf.remaining() < n) {
        ensure(Math.max(buf.capacity() * 2L, (long) buf.position() + n));
      }
      return buf;
    }

    /** Makes the buffer hold at least {@code capacity} bytes (at most the largest array). */
    void ensure(long capacity) {
      int c = (int) Math.min(capacity, Integer.MAX_VALUE - 16);
      if (c > buf.capacity()) {
        ByteBuffer bigger = ByteBuffer.allocate(c);
        bigger.put(buf.flip());
        buf = bigger;
      }
    }

    int size() {
      return buf.position();
    }

    void writeByte(int b) {
      room(1).put((byte) b);
    }

    void writeInt(int v) {
      room(4).putInt(v);
    }

    void writeLong(long v) {
      room(8).putLong(v);
    }

    void write(byte[] b) {
      room(b.length).put(b);
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf.array(), buf.position());
    }
  }

  /* A text's UTF-8 bytes, short enough for either length field. */
  private static byte[] utf8(String text) {
    byte[] s = text.getBytes(StandardCharsets.UTF_8);
    if (s.length >= FORGET - 1) {
      throw new IllegalArgumentException("a text of " + s.length + " bytes cannot be shipped");
    }
    return s;
  }

  private static String typeCodes(StructType schema) {
    StringBuilder codes = new StringBuilder();
    for (var f : schema.fields()) {
      DataType t = f.dataType();
      codes.append(t.equals(DataTypes.DateType) ? 'D'
          : t.equals(DataTypes.StringType) ? 'S'
          : t.equals(DataTypes.LongType) ? 'J'
          : t.equals(DataTypes.IntegerType) ? 'I'
          : t.equals(DataTypes.DoubleType) ? 'F'
          : '?');
      if (codes.charAt(codes.length() - 1) == '?') {
        throw new IllegalArgumentException("column " + f.name() + ": type " + t + " cannot be shipped");
      }
    }
    return codes.toString();
  }
}
