package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejected rows keep their real file line however the file is split. */
class LineNumbersTest {
  @TempDir Path dir;

  @Test
  void run_fileCutIntoManySplits_reportsRealLines() {
    Set<Integer> bad = Set.of(2, 137, 500, 731, 999, 1001);
    List<String> lines = new ArrayList<>(List.of("customer_id,timestamp,channel"));
    for (int line = 2; line <= 1001; line++) {
      String ts = bad.contains(line) ? "bad-" + line : "2024-03-01T00:00:00Z";
      lines.add(String.format(Locale.ROOT, "c%04d,%s,search", line % 97, ts));
      if (line == 600) {
        lines.add(""); // a blank line is no row but still a line
      }
    }
    String f = TestFiles.write(dir, "e.csv", lines.toArray(String[]::new));
    SparkSession spark = SharedSpark.get();
    spark.conf().set(SourceReader.MIN_SPLITS, "7");
    try {
      JobConfig c = JobConfig.ofEvents(LocalDate.of(2024, 3, 31), f, dir.resolve("out").toString());
      JobResult r = AttributionJob.run(spark, c);
      assertEquals(1000, r.stats().read());
      assertEquals(994, r.stats().accepted());
    } finally {
      spark.conf().unset(SourceReader.MIN_SPLITS);
    }
    List<Row> rejected = spark.read().format("delta").load(dir.resolve("out/rejected_rows").toString())
        .orderBy("line").collectAsList();
    // Lines after the blank line 601 are shifted by one.
    assertEquals(List.of(2L, 137L, 500L, 732L, 1000L, 1002L),
        rejected.stream().map(x -> (Long) x.getAs("line")).toList());
    for (Row x : rejected) {
      long line = x.getAs("line");
      long original = line > 601 ? line - 1 : line;
      assertTrue(((String) x.getAs("raw")).contains("bad-" + original), x.toString());
    }
  }

  @Test
  void line_splitsOfTwoFiles_countEachFileFromItsStart() {
    List<Row> counts = List.of(
        ParsedRecords.count("a.csv", 0, 10, 9, 9, 0),
        ParsedRecords.count("a.csv", 500, 7, 7, 7, 0),
        ParsedRecords.count("b.csv", 0, 4, 3, 3, 0));
    LineNumbers n = LineNumbers.of(new ArrayList<>(counts));
    assertEquals(1, n.line(ParsedRecords.rejected("a.csv", 0, 0, "r", "x")));
    assertEquals(11, n.line(ParsedRecords.rejected("a.csv", 500, 0, "r", "x")));
    assertEquals(17, n.line(ParsedRecords.rejected("a.csv", 500, 6, "r", "x")));
    assertEquals(3, n.line(ParsedRecords.rejected("b.csv", 0, 2, "r", "x")));
  }
}
