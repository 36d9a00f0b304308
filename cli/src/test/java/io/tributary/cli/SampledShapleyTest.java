package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC: Shapley beyond its exact limit is "sampled with a stated error". A journey of 25 distinct channels is sampled:
 * the CSV and JSON carry the standard error, stderr and the HTML report say so, and the error covers the exact credit
 * worked out by hand (see the core's ShapleySamplingErrorTest for the working). With the limit raised to 25 the same
 * input is exact, and the output is SPEC's columns alone.
 */
class SampledShapleyTest {
  @TempDir Path dir;

  private Path paths() throws IOException {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      all.append(i == 0 ? "" : " > ").append(String.format(Locale.ROOT, "c%02d", i));
    }
    Path p = dir.resolve("paths.csv");
    Files.writeString(p, "path,total_conversions,total_conversion_value,total_null\n" + all + ",1,100,0\n"
        + "c00,1,10,1\nc00 > c01,1,10,0\n", StandardCharsets.UTF_8);
    return p;
  }

  private static Map<String, Double> truth() {
    Map<String, Double> m = new HashMap<>();
    for (int i = 2; i < 25; i++) {
      m.put(String.format(Locale.ROOT, "c%02d", i), (24 - 2.0 / 23 - 0.5) / 600);
    }
    m.put("c00", 1 + 0.75 + 37.0 / 600);
    m.put("c01", 0.25 + 24.5 / 600);
    return m;
  }

  @Test
  void attribute_25Channels_csvStatesTheErrorAndItCoversTheExactCredit() throws IOException {
    Path report = dir.resolve("report.html");
    Cli.Result r = Cli.run("attribute", "--paths", paths().toString(), "--models", "shapley", "--format", "csv",
        "--output", "-", "--report", report.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("note: shapley sampled") && r.err().contains("sampling_se"), r.err());
    List<Map<String, String>> rows = SimpleCsv.parse(r.out());
    assertEquals(25, rows.size());
    Map<String, Double> truth = truth();
    for (Map<String, String> row : rows) {
      double se = Double.parseDouble(row.get("sampling_se"));
      assertTrue(se > 0 && Double.parseDouble(row.get("sampling_se_value")) > 0, row.toString());
      double z = (Double.parseDouble(row.get("attributed_conversions")) - truth.get(row.get("channel"))) / se;
      assertTrue(Math.abs(z) < 4, row + " z " + z);
    }
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(html.contains(" ± ") && html.contains("id=\"sampling\""), "the report states the error");
  }

  @Test
  void attribute_limitRaisedTo25_exactSpecColumnsNoNote() throws IOException {
    Cli.Result r = Cli.run("attribute", "--paths", paths().toString(), "--models", "shapley",
        "--shapley-exact-limit", "25", "--format", "csv", "--output", "-");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("sampled"), r.err());
    assertEquals("model,channel,attributed_conversions,attributed_value,share,spend,roas,roi,cpa",
        r.out().lines().findFirst().orElseThrow());
    for (Map<String, String> row : SimpleCsv.parse(r.out())) {
      assertEquals(truth().get(row.get("channel")), Double.parseDouble(row.get("attributed_conversions")), 1e-12);
    }
  }
}
