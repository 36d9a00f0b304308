package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --map customer_id=cookie} reaches the identity map and the opt-out list by the core's side-input rule, the
 * same in both engines: an id file may name its column as the export does ({@code cookie}) or as SPEC does
 * ({@code customer_id}). The expectation is worked by hand, not taken from either engine:
 *
 * <pre>
 *   a1 (alias of c1) 03-30 email      c1 03-31 search  converts 100   -> c1's journey email > search
 *   c2 03-31 display, social converts 50                               -> c2 opted out: dropped
 *   c3 03-31 affiliate converts 20                                     -> affiliate
 * </pre>
 *
 * first_touch credits email 1 conversion / 100 and affiliate 1 / 20, nothing to search, display or social. Without
 * the stitching search would get c1's conversion; without the opt-out display would get c2's.
 */
class MappedSideInputsTest {
  @TempDir Path dir;

  private static final Map<String, String> TRUTH = new TreeMap<>(Map.of("email", "1|100", "affiliate", "1|20"));

  @Test
  void mappedIdFiles_bothEnginesStitchAndDropAsWorkedByHand() throws IOException {
    String events = TestFiles.write(dir, "events.csv", "cookie,timestamp,channel,conversion,conversion_value",
        "a1,2024-03-30T10:00:00Z,email,0,", "c1,2024-03-31T09:00:00Z,search,1,100",
        "c2,2024-03-31T08:00:00Z,display,0,", "c2,2024-03-31T10:00:00Z,social,1,50",
        "c3,2024-03-31T11:00:00Z,affiliate,1,20");
    // The export's column name in both id files ...
    check(events, TestFiles.write(dir, "ids-mapped.csv", "alias_id,cookie", "a1,c1"),
        TestFiles.write(dir, "consent-mapped.csv", "cookie", "c2"), "mapped");
    // ... or SPEC's: both read the same.
    check(events, TestFiles.write(dir, "ids-spec.csv", "alias_id,customer_id", "a1,c1"),
        TestFiles.write(dir, "consent-spec.csv", "customer_id", "c2"), "spec");
  }

  private void check(String events, String ids, String consent, String label) throws IOException {
    List<String> common = List.of("--events", events, "--identities", ids, "--consent", consent, "--map",
        "customer_id=cookie", "--models", "first_touch");
    assertEquals(TRUTH, cli(common, dir.resolve("cli-" + label)), "CLI, id files with " + label + " names");
    assertEquals(TRUTH, job(common, dir.resolve("job-" + label)), "job, id files with " + label + " names");
  }

  private static Map<String, String> cli(List<String> common, Path out) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new java.util.ArrayList<>(List.of("attribute"));
    args.addAll(common);
    args.addAll(List.of("--format", "csv", "--output", out + "/", "-q"));
    int code = io.tributary.cli.Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    List<String> lines = Files.readAllLines(out.resolve("channel_credit.csv"));
    List<String> h = List.of(lines.get(0).split(","));
    Map<String, String> credit = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      credit(credit, f[h.indexOf("channel")], Double.parseDouble(f[h.indexOf("attributed_conversions")]),
          Double.parseDouble(f[h.indexOf("attributed_value")]));
    }
    return credit;
  }

  private static Map<String, String> job(List<String> common, Path out) {
    SharedSpark.get();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new java.util.ArrayList<>(common);
    args.addAll(List.of("--run-date", "2024-03-31", "--conversions", "all", "--output", out.toString()));
    int code = AttributionJob.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    Map<String, String> credit = new TreeMap<>();
    for (Row r : SharedSpark.get().read().format("delta").load(out.resolve("channel_credit").toString())
        .collectAsList()) {
      credit(credit, r.getAs("channel"), ((Number) r.getAs("attributed_conversions")).doubleValue(),
          ((Number) r.getAs("attributed_value")).doubleValue());
    }
    return credit;
  }

  /* Channels with credit, as "conversions|value" (whole numbers here); the unattributed row and zeros left out. */
  private static void credit(Map<String, String> credit, String channel, double conversions, double value) {
    if (conversions != 0 || value != 0) {
      credit.put(channel, Math.round(conversions) + "|" + Math.round(value));
    }
  }
}
