package io.tributary.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns rows computed on the driver (the report tables) into a Dataset cheaply. Neither obvious route scales to a
 * path summary of a million paths: a local list becomes a LocalRelation whose rows every analyzer and optimizer rule
 * walks, and a parallelized list of {@link Row}s ships each row through Java serialization (a 135 MB task, seconds of
 * driver time). Here the rows are packed into a few byte arrays by the schema's column types, shipped as such, and
 * unpacked into rows on the executors.
 *
 * <p>Supports the column types of {@link OutputTables}: date, string, long, int, double, each nullable.
 */
final class ShippedRows {
  /* Rows per packed slice: small enough that no single task is huge, large enough that a small table is one slice. */
  private static final int SLICE_ROWS = 250_000;

  private ShippedRows() {}

  /**
   * @param rows rows matching {@code schema}
   * @return the rows as a Dataset, in the given order, in one partition per {@value #SLICE_ROWS} rows
   */
  static Dataset<Row> of(SparkSession spark, List<Row> rows, StructType schema) {
    List<byte[]> slices = new ArrayList<>();
    for (int from = 0; from < rows.size() || slices.isEmpty(); from += SLICE_ROWS) {
      slices.add(pack(rows.subList(from, Math.min(rows.size(), from + SLICE_ROWS)), schema));
    }
    String types = typeCodes(schema);
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(slices, slices.size())
        .flatMap(b -> unpack(b, types)), schema);
  }

  static byte[] pack(List<Row> rows, StructType schema) {
    String types = typeCodes(schema);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows.size() * 48);
    // A table's rows share a few dates (mostly the run date's): each Date is turned into its day once, not per row.
    java.util.Map<Object, Long> days = new java.util.IdentityHashMap<>();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(rows.size());
      for (Row r : rows) {
        for (int i = 0; i < types.length(); i++) {
          if (r.isNullAt(i)) {
            out.writeBoolean(false);
            continue;
          }
          out.writeBoolean(true);
          switch (types.charAt(i)) {
            case 'D' -> out.writeLong(
                days.computeIfAbsent(r.getDate(i), d -> ((Date) d).toLocalDate().toEpochDay()));
            case 'S' -> {
              // Not writeUTF: it stops at 64 KB, and a rejected row's raw text may be longer.
              byte[] s = r.getString(i).getBytes(StandardCharsets.UTF_8);
              out.writeInt(s.length);
              out.write(s);
            }
            case 'J' -> out.writeLong(r.getLong(i));
            case 'I' -> out.writeInt(r.getInt(i));
            case 'F' -> out.writeDouble(r.getDouble(i));
            default -> throw new IllegalStateException("unsupported column type " + types.charAt(i));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Iterator<Row> unpack(byte[] packed, String types) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed));
    int n = in.readInt();
    List<Row> rows = new ArrayList<>(n);
    Object[] values = new Object[types.length()];
    // One Date per distinct day (Date.valueOf per row was a tenth of a path summary's unpacking).
    java.util.Map<Long, Date> dates = new java.util.HashMap<>();
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < values.length; i++) {
        if (!in.readBoolean()) {
          values[i] = null;
          continue;
        }
        values[i] = switch (types.charAt(i)) {
          case 'D' -> dates.computeIfAbsent(in.readLong(), d -> Date.valueOf(java.time.LocalDate.ofEpochDay(d)));
          case 'S' -> {
            byte[] s = new byte[in.readInt()];
            in.readFully(s);
            yield new String(s, StandardCharsets.UTF_8);
          }
          case 'J' -> in.readLong();
          case 'I' -> in.readInt();
          case 'F' -> in.readDouble();
          default -> throw new IllegalStateException("unsupported column type " + types.charAt(i));
        };
      }
      rows.add(RowFactory.create(values.clone()));
    }
    return rows.iterator();
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
