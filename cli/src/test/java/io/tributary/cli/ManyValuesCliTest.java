package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 campaigns and 1,000 values of a segment column in one run: the tables grow with the sum of what each segment
 * value holds, never with campaigns × values (no cross product, paths per segment only when asked), and markov, which
 * is not fitted beyond {@code AttributionReport.MAX_MARKOV_TOUCHPOINTS} touchpoints, is refused in one line naming
 * the count, the limit and what to do, exit 2.
 */
class ManyValuesCliTest {
  static final int CUSTOMERS = 10_000;
  static final int CAMPAIGNS = 10_000;
  static final int REGIONS = 1_000;

  @TempDir Path dir;

  /**
   * Customer i, in region i % 1000, touches email with campaign k(i) and search with campaign k(7i mod 10,000); every
   * third converts. So 20,000 channel/campaign touchpoints in all, and 10 customers (at most 20 touchpoints) per region.
   */
  static String events() {
    StringBuilder sb = new StringBuilder("customer_id,timestamp,channel,conversion,conversion_value,campaign,region\n");
    for (int i = 0; i < CUSTOMERS; i++) {
      String region = String.format("r%04d", i % REGIONS);
      sb.append('c').append(i).append(",2024-03-01T00:00:00Z,email,0,,k").append(i % CAMPAIGNS).append(',')
          .append(region).append('\n');
      sb.append('c').append(i).append(",2024-03-02T00:00:00Z,search,").append(i % 3 == 0 ? "1,10" : "0,")
          .append(",k").append(7L * i % CAMPAIGNS).append(',').append(region).append('\n');
    }
    return sb.toString();
  }

  private Path write() throws IOException {
    Path p = dir.resolve("events.csv");
    Files.writeString(p, events(), StandardCharsets.UTF_8);
    return p;
  }

  /* The expected number of touchpoints: in all, and summed over the regions (each region's own set). */
  private static long[] touchpoints() {
    Set<String> all = new HashSet<>();
    Map<Integer, Set<String>> byRegion = new HashMap<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      List<String> keys = List.of("email/k" + i % CAMPAIGNS, "search/k" + 7L * i % CAMPAIGNS);
      all.addAll(keys);
      byRegion.computeIfAbsent(i % REGIONS, r -> new HashSet<>()).addAll(keys);
    }
    return new long[] {all.size(), byRegion.values().stream().mapToLong(Set::size).sum()};
  }

  @Test
  void tenThousandCampaignsThousandRegions_tablesGrowWithTheSumNotTheProduct() throws IOException {
    Path e = write();
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("attribute", "--events", e.toString(), "--touchpoint", "channel/campaign", "--segment-by",
        "region", "--models", "first_touch,linear", "--format", "csv", "--output", out + "/", "-q");
    assertEquals(0, r.exit(), r.err());
    long[] expected = touchpoints();
    assertEquals(20_000, expected[0]);
    List<String[]> credit = SimpleCsv.file(out.resolve("channel_credit.csv"));
    // Two models, one row per touchpoint of (all) and per touchpoint each region's customers touched. Crossed, it
    // would be 2 x 20,000 x 1,000 rows.
    assertEquals(2 * (expected[0] + expected[1]), credit.size() - 1);
    assertEquals(REGIONS + 1, SimpleCsv.file(out.resolve("conversion_kpis.csv")).size() - 1);
    // path_summary per segment only with --segment-paths: every row here is an (all) row.
    List<String[]> paths = SimpleCsv.file(out.resolve("path_summary.csv"));
    assertEquals("region", paths.get(0)[0]);
    assertTrue(paths.subList(1, paths.size()).stream().allMatch(p -> p[0].equals("(all)")));
    assertEquals(CUSTOMERS, paths.size() - 1, "every customer's path is its own (distinct campaign pair)");
  }

  @Test
  void tenThousandCampaigns_markovRefusedInOneLineExit2() throws IOException {
    Path e = write();
    Cli.Result r = Cli.run("attribute", "--events", e.toString(), "--touchpoint", "channel/campaign", "--segment-by",
        "region", "--models", "linear,markov", "--format", "csv", "--output", dir.resolve("refused") + "/");
    assertEquals(2, r.exit(), r.err());
    assertEquals(List.of(expectedRefusal()), r.err().lines().toList());
  }

  /** The one line both engines print, after the CLI's "tributary: " prefix. */
  static String expectedRefusal() {
    return "tributary: --touchpoint: markov: 20,000 touchpoints at channel/campaign level, more than the 2,000 markov "
        + "is fitted on (its removal effects solve the chain once per touchpoint); leave markov out (--models) or fit "
        + "it at channel level";
  }
}
