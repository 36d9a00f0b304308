package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a BI tool sees: the Delta output read by Delta Kernel in a JVM without Spark, the Parquet output read by DuckDB,
 * both giving back exactly the numbers of the report the job computed.
 */
class BiReadersTest {
  private static final LocalDate DATE = LocalDate.of(2024, 3, 31);

  @TempDir Path dir;

  private JobResult runJob(OutputFormat format) {
    List<List<String>> files = EventLogGenerator.generate(11, 150);
    String events = TestFiles.write(dir, "events.csv", files.get(0).toArray(String[]::new));
    String spend = TestFiles.write(dir, "spend.csv", files.get(3).toArray(String[]::new));
    JobConfig cfg = JobConfig.ofEvents(DATE, events, dir.resolve("out").toString())
        .withSideInputs(spend, null, null).withFormat(format);
    return AttributionJob.run(SharedSpark.get(), cfg);
  }

  private static Map<String, ChannelCreditRow> expected(JobResult r) {
    Map<String, ChannelCreditRow> m = new HashMap<>();
    r.report().channelCredit().forEach(c -> m.put(c.model() + "/" + c.channel(), c));
    return m;
  }

  @Test
  void deltaKernel_withoutSpark_readsTheReportsNumbers() throws Exception {
    JobResult r = runJob(OutputFormat.DELTA);
    List<String> lines = kernelDump(dir.resolve("out/channel_credit"));
    List<String> header = List.of(lines.get(0).split("\t"));
    Map<String, ChannelCreditRow> want = expected(r);
    assertEquals(want.size(), lines.size() - 1);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      assertEquals(DATE.toString(), f[header.indexOf("run_date")]);
      ChannelCreditRow c = want.get(f[header.indexOf("model")] + "/" + f[header.indexOf("channel")]);
      assertNotNull(c, line);
      assertEquals(c.attributedConversions(), Double.parseDouble(f[header.indexOf("attributed_conversions")]));
      assertEquals(c.attributedValue(), Double.parseDouble(f[header.indexOf("attributed_value")]));
      assertEquals(String.valueOf(c.roi()), f[header.indexOf("roi")]);
      assertEquals(String.valueOf(c.cpa()), f[header.indexOf("cpa")]);
    }
    List<String> kpis = kernelDump(dir.resolve("out/conversion_kpis"));
    List<String> kh = List.of(kpis.get(0).split("\t"));
    String[] k = kpis.get(1).split("\t", -1);
    ConversionKpis x = r.report().kpis();
    assertEquals(String.valueOf(x.journeys()), k[kh.indexOf("journeys")]);
    assertEquals(String.valueOf(x.conversionRate()), k[kh.indexOf("conversion_rate")]);
    assertEquals(String.valueOf(x.avgDaysToConversion()), k[kh.indexOf("avg_days_to_conversion")]);
    assertEquals(String.valueOf(x.omnichannelRoi()), k[kh.indexOf("omnichannel_roi")]);
  }

  @Test
  void duckDb_parquetOutput_readsTheReportsNumbers() throws Exception {
    JobResult r = runJob(OutputFormat.PARQUET);
    Map<String, ChannelCreditRow> want = expected(r);
    String glob = dir.resolve("out/channel_credit").toString().replace("'", "''") + "/**/*.parquet";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(run_date AS VARCHAR) AS d, model, channel, "
            + "attributed_conversions, attributed_value, roas FROM read_parquet('" + glob
            + "', hive_partitioning = true)")) {
      int n = 0;
      while (rs.next()) {
        n++;
        assertEquals(DATE.toString(), rs.getString("d"));
        ChannelCreditRow e = want.get(rs.getString("model") + "/" + rs.getString("channel"));
        assertNotNull(e);
        assertEquals(e.attributedConversions(), rs.getDouble("attributed_conversions"));
        assertEquals(e.attributedValue(), rs.getDouble("attributed_value"));
        double roas = rs.getDouble("roas");
        assertEquals(e.roas(), rs.wasNull() ? null : roas);
      }
      assertEquals(want.size(), n);
    }
  }

  /** Runs {@link KernelTableDump} in a fresh JVM whose classpath is this test's minus every Spark and Scala jar. */
  private static List<String> kernelDump(Path table) throws IOException, InterruptedException {
    List<String> kept = new ArrayList<>();
    String testPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : testPath.split(File.pathSeparator)) {
      String e = entry.replace('\\', '/');
      if (!e.contains("/org/apache/spark/") && !e.contains("/org/scala-lang/") && !e.contains("/delta-spark")) {
        kept.add(entry);
      }
    }
    Path out = Files.createTempFile("kernel-dump", ".tsv");
    Path err = Files.createTempFile("kernel-dump", ".err");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", String.join(File.pathSeparator, kept), KernelTableDump.class.getName(), table.toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertFalse(!p.waitFor(120, TimeUnit.SECONDS), "Delta Kernel reader timed out");
    assertEquals(0, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    assertFalse(kept.stream().anyMatch(e -> e.contains("spark-sql")), "Spark must not be on the reader's classpath");
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }
}
