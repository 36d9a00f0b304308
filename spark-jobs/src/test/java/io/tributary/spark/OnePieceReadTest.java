package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.input.RangeCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose every row holds a quoted line break, cut into eight splits: most cuts fall inside a quoted cell, the
 * splits disagree on where records start, and the job reads the file again in one piece and says so. Rows, the
 * rejected row and its line are what the file holds (worked out by hand below), not what a split guessed.
 */
class OnePieceReadTest {
  @TempDir Path dir;

  @Test
  void run_quotedLineBreaksAcrossSplits_readInOnePieceSameRowsAndLines() {
    List<String> lines = new ArrayList<>(List.of("customer_id,timestamp,channel,conversion,conversion_value,note"));
    for (int i = 0; i < 200; i++) {
      // Each row spans two lines; row i starts on line 2 + 2i. Row 150 (line 302) has a bad flag.
      lines.add("c" + (i % 7) + ",2024-03-" + String.format("%02d", 1 + i % 28) + "T10:00:00Z,email,"
          + (i == 150 ? "maybe" : i % 10 == 9 ? "1" : "0") + ",,\"line a\nline b, \"\"quoted\"\"\"");
    }
    String f = TestFiles.write(dir, "events.csv", lines.toArray(String[]::new));
    JobConfig c = JobConfig.ofEvents(java.time.LocalDate.of(2024, 3, 31), f, dir.resolve("out").toString());
    JobConfig lenient = new JobConfig(c.runDate(), c.events(), null, null, null, null, c.mapping(), "UTC", ">",
        c.models(), null, null, c.output(), c.format(), 1.0);
    SparkSession spark = SharedSpark.get();
    spark.conf().set(SourceReader.MIN_SPLITS, "8");
    JobResult r;
    try {
      r = AttributionJob.run(spark, lenient);
    } finally {
      spark.conf().unset(SourceReader.MIN_SPLITS);
    }
    assertEquals(List.of(RangeCheck.onePieceNote(f)), r.notes());
    assertEquals(200, r.stats().read());
    assertEquals(199, r.stats().accepted());
    List<Row> rejected = spark.read().format("delta").load(dir.resolve("out/rejected_rows").toString())
        .collectAsList();
    assertEquals(1, rejected.size());
    assertEquals(302L, (long) rejected.get(0).getAs("line"));
    assertEquals("column conversion: expected 0/1 or true/false, got \"maybe\"", rejected.get(0).getAs("reason"));
    // 20 converting rows (i = 9, 19, ..., 199), none rejected.
    assertEquals(20, r.report().kpis().conversions());
  }
}
