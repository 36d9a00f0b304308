package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --segment-by} through the real command: the segmented files carry one column per segment first and
 * {@code fit_scope} last, their (all) rows are the plain run's rows cell for cell, a segment's rule-model credit adds
 * up to the (all) row to the cent, and a missing column or a path file is a one-line error.
 */
class SegmentsCliTest {
  @TempDir Path dir;

  private Path events() throws IOException {
    Random rnd = new Random(5);
    StringBuilder sb = new StringBuilder("customer_id,timestamp,channel,conversion,conversion_value,loyalty\n");
    String[] channels = {"email", "search", "display", "social"};
    String[] tiers = {"gold", "silver", "bronze", ""};
    for (int c = 0; c < 600; c++) {
      String tier = tiers[rnd.nextInt(tiers.length)];
      int n = 1 + rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        boolean conv = rnd.nextInt(3) == 0;
        String value = conv ? (1 + rnd.nextInt(500)) + "." + String.format("%02d", rnd.nextInt(100)) : "";
        // A later row may name another tier: the first event's value is the customer's.
        String t = i > 0 && rnd.nextInt(5) == 0 ? "gold" : tier;
        sb.append('u').append(c).append(",2024-03-").append(String.format("%02d", 1 + rnd.nextInt(28)))
            .append('T').append(String.format("%02d", rnd.nextInt(24))).append(":00:00Z,")
            .append(channels[rnd.nextInt(4)]).append(',').append(conv ? 1 : 0).append(',').append(value).append(',')
            .append(t).append('\n');
      }
    }
    Path p = dir.resolve("events.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void segmentedFiles_allRowsArePlainRun_ruleCreditAddsUp() throws IOException {
    String e = events().toString();
    Path plain = dir.resolve("plain");
    Path seg = dir.resolve("seg");
    Cli.Result p = Cli.run("attribute", "--events", e, "--format", "csv", "--output", plain + "/", "-q");
    assertEquals(0, p.exit(), p.err());
    Cli.Result s = Cli.run("attribute", "--events", e, "--segment-by", "loyalty,new_vs_returning",
        "--min-segment-journeys", "300", "--format", "csv", "--output", seg + "/");
    assertEquals(0, s.exit(), s.err());
    assertTrue(s.err().contains("fit_scope pooled"), s.err());
    for (String table : List.of("channel_credit", "conversion_kpis", "path_summary", "markov_transitions",
        "removal_effects")) {
      List<String[]> whole = SimpleCsv.file(plain.resolve(table + ".csv"));
      List<String[]> segmented = SimpleCsv.file(seg.resolve(table + ".csv"));
      boolean credit = table.equals("channel_credit");
      List<String> header = new ArrayList<>(List.of("loyalty", "new_vs_returning"));
      header.addAll(List.of(whole.get(0)));
      if (credit) {
        header.add("fit_scope");
      }
      assertEquals(header, List.of(segmented.get(0)), table);
      List<List<String>> allRows = new ArrayList<>();
      for (String[] r : segmented.subList(1, segmented.size())) {
        if (r[0].equals("(all)") && r[1].equals("(all)")) {
          allRows.add(List.of(r).subList(2, r.length - (credit ? 1 : 0)));
        }
      }
      List<List<String>> expected = whole.subList(1, whole.size()).stream().map(List::of).toList();
      assertEquals(expected, allRows, table);
    }
    // first_touch credit per loyalty tier sums to the (all) row: conversions exactly (whole journeys), value to the
    // cent. (none) is the tier of customers whose first row had an empty cell.
    Map<String, BigDecimal[]> byChannel = new HashMap<>();
    Map<String, String[]> all = new HashMap<>();
    java.util.Set<String> tiers = new java.util.TreeSet<>();
    for (String[] r : SimpleCsv.file(seg.resolve("channel_credit.csv"))) {
      if (!r[2].equals("first_touch")) {
        continue;
      }
      if (r[0].equals("(all)") && r[1].equals("(all)")) {
        all.put(r[3], r);
      } else if (!r[0].equals("(all)")) {
        tiers.add(r[0]);
        BigDecimal[] sum = byChannel.computeIfAbsent(r[3], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sum[0] = sum[0].add(new BigDecimal(r[4]));
        sum[1] = sum[1].add(new BigDecimal(r[5]));
      }
    }
    assertEquals(List.of("(none)", "bronze", "gold", "silver"), new ArrayList<>(tiers));
    assertEquals(all.keySet(), byChannel.keySet());
    for (Map.Entry<String, String[]> w : all.entrySet()) {
      BigDecimal[] sum = byChannel.get(w.getKey());
      assertEquals(0, new BigDecimal(w.getValue()[4]).compareTo(sum[0]), w.getKey());
      assertEquals(new BigDecimal(w.getValue()[5]).setScale(2, RoundingMode.HALF_EVEN),
          sum[1].setScale(2, RoundingMode.HALF_EVEN), w.getKey());
    }
  }

  /*
   * One thread; two, which share out the aggregates ((all) on one, the segments on the other: every thread reads
   * every customer); four, which fold slices of customers and merge them: the same bytes in every table.
   */
  @Test
  void segmentedRun_sameFilesOnOneTwoAndFourThreads() throws IOException {
    String e = events().toString();
    Map<String, byte[]> first = null;
    for (String threads : List.of("1", "2", "4")) {
      Path out = dir.resolve("threads-" + threads);
      Cli.Result r = Cli.run("attribute", "--events", e, "--segment-by", "loyalty,new_vs_returning,"
          + "acquisition_channel", "--min-segment-journeys", "200", "--segment-paths", "true", "--threads", threads,
          "--slice-min-customers", "1", "--format", "csv", "--output", out + "/", "-q");
      assertEquals(0, r.exit(), r.err());
      Map<String, byte[]> files = new java.util.TreeMap<>();
      try (var list = Files.list(out)) {
        for (Path f : list.toList()) {
          files.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
      if (first == null) {
        first = files;
        continue;
      }
      assertEquals(first.keySet(), files.keySet(), threads);
      for (String f : first.keySet()) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(first.get(f), files.get(f), threads + " threads: " + f);
      }
    }
  }

  @Test
  void customerValue_isTheEarliestEventsValue_tiesTakeTheSmallestText() throws IOException {
    // Worked by hand. u1: its earliest row comes last in the file (gold, north). u2: two rows share its earliest time
    // (silver/bronze, south/east): bronze and east, each column on its own. u3: one early row (zinc, west), then rows
    // sharing a later time. Each customer one journey ending in a conversion of 10, so a value's journeys are its
    // customers.
    String csv = "customer_id,timestamp,channel,conversion,conversion_value,tier,region\n"
        + "u1,2024-03-02T10:00:00Z,email,0,,silver,south\n"
        + "u1,2024-03-03T10:00:00Z,search,1,10,silver,south\n"
        + "u2,2024-03-01T09:00:00Z,email,0,,silver,south\n"
        + "u2,2024-03-01T09:00:00Z,display,0,,bronze,east\n"
        + "u2,2024-03-04T09:00:00Z,search,1,10,aaa,aaa\n"
        + "u3,2024-03-05T09:00:00Z,search,0,,aaa,aaa\n"
        + "u3,2024-03-05T09:00:00Z,email,1,10,aaa,aaa\n"
        + "u1,2024-03-01T10:00:00Z,display,0,,gold,north\n"
        + "u3,2024-03-01T08:00:00Z,social,0,,zinc,west\n";
    Path e = dir.resolve("ties.csv");
    Files.writeString(e, csv, StandardCharsets.UTF_8);
    Path out = dir.resolve("ties");
    Cli.Result r = Cli.run("attribute", "--events", e.toString(), "--segment-by", "tier,region", "--models",
        "first_touch", "--format", "csv", "--output", out + "/", "-q");
    assertEquals(0, r.exit(), r.err());
    Map<String, String> journeys = new HashMap<>();
    List<String[]> kpis = SimpleCsv.file(out.resolve("conversion_kpis.csv"));
    int at = List.of(kpis.get(0)).indexOf("journeys");
    for (String[] row : kpis.subList(1, kpis.size())) {
      journeys.put(row[0] + "/" + row[1], row[at]);
    }
    assertEquals(Map.of("(all)/(all)", "3", "bronze/(all)", "1", "gold/(all)", "1", "zinc/(all)", "1",
        "(all)/east", "1", "(all)/north", "1", "(all)/west", "1"), journeys);
  }

  @Test
  void missingColumn_oneLineNamingFileAndColumn() throws IOException {
    String e = events().toString();
    Cli.Result r = Cli.run("attribute", "--events", e, "--segment-by", "region", "-q");
    assertEquals(2, r.exit());
    assertEquals(1, r.errLines().length, r.err());
    assertTrue(r.err().contains("events.csv:1: column region: segment column (--segment-by) is not in the header"),
        r.err());
  }

  @Test
  void reservedName_andPathFile_areOneLineErrors() throws IOException {
    String e = events().toString();
    Cli.Result r = Cli.run("attribute", "--events", e, "--segment-by", "loyalty,channel", "-q");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--segment-by") && r.err().contains("\"channel\" is an output column"), r.err());
    Path paths = dir.resolve("paths.csv");
    Files.writeString(paths, "path,total_conversions,total_conversion_value,total_null\nemail>search,1,5,0\n");
    Cli.Result q = Cli.run("attribute", "--paths", paths.toString(), "--segment-by", "new_vs_returning", "-q");
    assertEquals(2, q.exit());
    assertEquals(1, q.errLines().length, q.err());
    assertTrue(q.err().contains("--segment-by needs an event log"), q.err());
  }

  /*
   * The report's segment comparison: one table per segment, (all) first; each column's shares of the compared model
   * (markov here) add up to 100 %, and the (all) column is the plain credit's share of its conversions.
   */
  @Test
  void report_segmentComparison_sharesPerValueAddUp() throws IOException {
    String e = events().toString();
    Path html = dir.resolve("r.html");
    Cli.Result r = Cli.run("report", "--events", e, "--models", "linear,markov", "--segment-by",
        "new_vs_returning,loyalty", "--min-segment-journeys", "300", "--output", html.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("<h2>Credit share by segment (markov)</h2>"), page);
    String table = page.substring(page.indexOf("<table class=\"segments\" id=\"segment-new_vs_returning\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertTrue(table.contains("<th>(all)<br>") && table.contains("<th>new") && table.contains("<th>returning"), table);
    int columns = 3;
    double[] sums = new double[columns];
    for (String row : table.split("\n")) {
      if (!row.startsWith("<tr><td>")) {
        continue;
      }
      String[] cells = row.replace("</td></tr>", "").split("</td><td>");
      for (int c = 0; c < columns; c++) {
        String cell = cells[c + 1].replace(" %", "");
        sums[c] += cell.isEmpty() ? 0 : Double.parseDouble(cell);
      }
    }
    for (double s : sums) {
      assertEquals(100.0, s, 0.5, table);
    }
    assertTrue(page.contains("id=\"segment-loyalty\""), "one table per segment");
  }
}
