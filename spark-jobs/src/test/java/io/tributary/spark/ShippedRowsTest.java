package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ShippedRowsTest {
  private static final StructType SCHEMA = new StructType()
      .add("d", DataTypes.DateType)
      .add("s", DataTypes.StringType)
      .add("j", DataTypes.LongType)
      .add("i", DataTypes.IntegerType)
      .add("f", DataTypes.DoubleType);

  @Test
  void everyValueComesBackAsItWas() {
    String longText = "é".repeat(70_000); // past DataOutputStream.writeUTF's 64 KB limit
    List<Row> rows = List.of(
        RowFactory.create(Date.valueOf(LocalDate.of(2024, 3, 31)), "search > email", 7L, 3, 0.1 + 0.2),
        RowFactory.create(null, null, null, null, null),
        RowFactory.create(Date.valueOf(LocalDate.of(1970, 1, 1)), longText, Long.MIN_VALUE, Integer.MAX_VALUE,
            Double.NaN),
        RowFactory.create(Date.valueOf(LocalDate.of(9999, 12, 31)), "", -1L, -1, -0.0));
    assertComeBack(rows);
  }

  @Test
  void repeatedStringsComeBackAsTheirOwnText() {
    // A slice keeps each distinct string once: repeats refer to the first occurrence, whatever lies between.
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < 1000; k++) {
      rows.add(RowFactory.create(Date.valueOf(LocalDate.of(2024, 3, 1 + k % 31)), "channel " + (k % 7), (long) k,
          k % 3, k / 8.0));
      rows.add(RowFactory.create(null, k % 5 == 0 ? null : "path " + k, null, null, null));
    }
    assertComeBack(rows);
  }

  @Test
  void textsThatDoNotRepeat_areForgotten_andEveryTextStillComesBack() {
    // Two string columns: labels that repeat, and unique paths that stop being remembered after
    // REMEMBER_UNTIL texts; a label first seen after that must still get the right number, and a path text equal to
    // a remembered label is written whole.
    StructType two = new StructType().add("label", DataTypes.StringType).add("path", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < 3 * ShippedRows.REMEMBER_UNTIL; k++) {
      String label = k < 2 * ShippedRows.REMEMBER_UNTIL ? "label " + (k % 7) : "late label " + (k % 3);
      rows.add(RowFactory.create(label, k % 100 == 0 ? "label 1" : "p" + k + " > é"));
    }
    List<InternalRow> back = new ArrayList<>();
    ShippedRows.unpack(ShippedRows.pack(rows, two), "SS").forEachRemaining(back::add);
    assertEquals(rows.size(), back.size());
    for (int k = 0; k < rows.size(); k++) {
      assertEquals(rows.get(k).getString(0), back.get(k).getUTF8String(0).toString(), "row " + k);
      assertEquals(rows.get(k).getString(1), back.get(k).getUTF8String(1).toString(), "row " + k);
    }
  }

  @Test
  void unpack_givesRowsOneAtATime_thenNoMore() {
    List<Row> rows = List.of(RowFactory.create(null, "a", 1L, 1, 1.0), RowFactory.create(null, "a", 2L, 2, 2.0));
    Iterator<InternalRow> it = ShippedRows.unpack(ShippedRows.pack(rows, SCHEMA), "DSJIF");
    assertEquals(true, it.hasNext());
    assertEquals(true, it.hasNext(), "asking again reads nothing");
    assertEquals(1L, it.next().getLong(2));
    InternalRow second = it.next();
    assertEquals(2L, second.getLong(2));
    assertEquals("a", second.getUTF8String(1).toString(), "a repeat refers back to the first row's text");
    assertEquals(false, it.hasNext());
    assertThrows(java.util.NoSuchElementException.class, it::next);
  }

  /* Every value of rows packed and unpacked, in Spark's internal form (a date as its epoch day), equals the original. */
  private static void assertComeBack(List<Row> rows) {
    List<InternalRow> back = new ArrayList<>();
    Iterator<InternalRow> it = ShippedRows.unpack(ShippedRows.pack(rows, SCHEMA), "DSJIF");
    it.forEachRemaining(back::add);
    assertEquals(rows.size(), back.size());
    for (int k = 0; k < rows.size(); k++) {
      Row want = rows.get(k);
      InternalRow got = back.get(k);
      for (int i = 0; i < SCHEMA.size(); i++) {
        assertEquals(want.isNullAt(i), got.isNullAt(i), "row " + k + " column " + i + " null");
      }
      if (!want.isNullAt(0)) {
        assertEquals(want.getDate(0).toLocalDate().toEpochDay(), got.getInt(0), "row " + k);
      }
      if (!want.isNullAt(1)) {
        assertEquals(want.getString(1), got.getUTF8String(1).toString(), "row " + k);
      }
      if (!want.isNullAt(2)) {
        assertEquals(want.getLong(2), got.getLong(2), "row " + k);
      }
      if (!want.isNullAt(3)) {
        assertEquals(want.getInt(3), got.getInt(3), "row " + k);
      }
      if (!want.isNullAt(4)) {
        assertEquals(Double.doubleToRawLongBits(want.getDouble(4)), Double.doubleToRawLongBits(got.getDouble(4)),
            "row " + k);
      }
    }
  }

  @Test
  void anUnsupportedColumnTypeIsRefusedUpFront() {
    StructType odd = new StructType().add("b", DataTypes.BinaryType);
    assertThrows(IllegalArgumentException.class, () -> ShippedRows.of(null, List.of(), odd));
  }
}
