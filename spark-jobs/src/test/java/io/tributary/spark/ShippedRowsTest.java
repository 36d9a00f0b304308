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
  void everyValueComesBackAsItWas() throws Exception {
    String longText = "é".repeat(70_000); // past DataOutputStream.writeUTF's 64 KB limit
    List<Row> rows = List.of(
        RowFactory.create(Date.valueOf(LocalDate.of(2024, 3, 31)), "search > email", 7L, 3, 0.1 + 0.2),
        RowFactory.create(null, null, null, null, null),
        RowFactory.create(Date.valueOf(LocalDate.of(1970, 1, 1)), longText, Long.MIN_VALUE, Integer.MAX_VALUE,
            Double.NaN),
        RowFactory.create(Date.valueOf(LocalDate.of(9999, 12, 31)), "", -1L, -1, -0.0));
    List<Row> back = new ArrayList<>();
    Iterator<Row> it = ShippedRows.unpack(ShippedRows.pack(rows, SCHEMA), "DSJIF");
    it.forEachRemaining(back::add);
    assertEquals(rows.size(), back.size());
    for (int k = 0; k < rows.size(); k++) {
      for (int i = 0; i < SCHEMA.size(); i++) {
        Object want = rows.get(k).get(i);
        Object got = back.get(k).get(i);
        if (want instanceof Double d) {
          assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) got), "row " + k);
        } else {
          assertEquals(want, got, "row " + k + " column " + i);
        }
      }
    }
  }

  @Test
  void anUnsupportedColumnTypeIsRefusedUpFront() {
    StructType odd = new StructType().add("b", DataTypes.BinaryType);
    assertThrows(IllegalArgumentException.class, () -> ShippedRows.of(null, List.of(), odd));
  }
}
