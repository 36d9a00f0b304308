package io.tributary.spark;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * A BI-style reader: prints a Delta table with Delta Kernel alone (no Spark on its classpath; {@link BiReadersTest}
 * runs it in a JVM of its own). First line: the column names; then one line per row, tab-separated, doubles printed
 * with {@link Double#toString} so that they parse back to the same bits, nulls as {@code null}.
 */
public final class KernelTableDump {
  private KernelTableDump() {}

  public static void main(String[] args) throws IOException {
    Engine engine = DefaultEngine.create(new Configuration());
    lines(engine, Table.forPath(engine, args[0]).getLatestSnapshot(engine)).forEach(System.out::println);
  }

  /** @return the header line, then one line per row of {@code snapshot}, in {@link #main}'s form */
  static List<String> lines(Engine engine, Snapshot snapshot) throws IOException {
    List<String> out = new ArrayList<>();
    StructType schema = snapshot.getSchema();
    out.add(String.join("\t", schema.fieldNames()));
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            Row fileRow = fileRows.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(fileRow);
            CloseableIterator<ColumnarBatch> physicalData = engine.getParquetHandler()
                .readParquetFiles(single(status), physical, Optional.empty())
                .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> data =
                Scan.transformPhysicalData(engine, scanState, fileRow, physicalData)) {
              while (data.hasNext()) {
                try (CloseableIterator<Row> rows = data.next().getRows()) {
                  while (rows.hasNext()) {
                    out.add(format(rows.next(), schema));
                  }
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static CloseableIterator<FileStatus> single(FileStatus s) {
    List<FileStatus> one = new ArrayList<>(List.of(s));
    java.util.Iterator<FileStatus> it = one.iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public FileStatus next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }

  private static String format(Row r, StructType schema) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < schema.length(); i++) {
      DataType t = schema.at(i).getDataType();
      if (r.isNullAt(i)) {
        cells.add("null");
      } else if (t instanceof DoubleType) {
        cells.add(Double.toString(r.getDouble(i)));
      } else if (t instanceof LongType || t instanceof TimestampType) {
        // A timestamp as Delta stores it: microseconds since the epoch.
        cells.add(Long.toString(r.getLong(i)));
      } else if (t instanceof DateType) {
        cells.add(LocalDate.ofEpochDay(r.getInt(i)).toString());
      } else {
        cells.add(r.getString(i));
      }
    }
    return String.join("\t", cells);
  }
}
