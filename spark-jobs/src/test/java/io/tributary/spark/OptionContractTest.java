package io.tributary.spark;

import static io.tributary.spark.BothEngines.cli;
import static io.tributary.spark.BothEngines.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.options.ModelOptionSpec;
import io.tributary.core.options.OptionDef;
import io.tributary.spark.BothEngines.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both engines expose every option of the core's {@link ModelOptionSpec}, and reject a bad value with the same one
 * line (after each engine's prefix), no Java class name, exit status 2, before any data is read or Spark starts.
 */
class OptionContractTest {
  @TempDir Path dir;

  @Test
  void help_bothEngines_listEveryCoreOptionWithItsDefault() {
    String cliHelp = cli("attribute", "--help").out().replaceAll("\\s+", " ");
    String jobHelp = job("--help").out().replaceAll("\\s+", " ");
    List<OptionDef<?>> all = new ArrayList<>(ModelOptionSpec.ALL);
    all.addAll(io.tributary.core.clv.ClvOptionSpec.ALL);
    assertTrue(cliHelp.contains("--clv ") && jobHelp.contains("--clv "), "--clv in both");
    for (OptionDef<?> o : all) {
      for (String help : List.of(cliHelp, jobHelp)) {
        assertTrue(help.contains(o.flag() + "=" + o.label()), o.flag() + " in " + help);
        assertTrue(help.contains("(default: " + o.defaultText() + ")"), o.flag() + " default in " + help);
      }
    }
  }

  @Test
  void badValue_everyModelOption_sameOneLineInBothEnginesExit2() {
    String events = TestFiles.write(dir, "e.csv", "customer_id,timestamp,channel,conversion",
        "a,2024-03-01T00:00:00Z,search,1");
    String[][] bad = {{"--lookback", "3q"}, {"--half-life", "0d"}, {"--markov-order", "x"}, {"--markov-order", "11"},
        {"--position-weights", "1/2"}, {"--shapley-exact-limit", "27"}, {"--shapley-samples", "1"},
        {"--bootstrap", "-1"}, {"--seed", "abc"}, {"--direct-channel", " "}, {"--map", "customer_id"},
        {"--alias", "event_type=touch"}};
    List<String> seen = new ArrayList<>();
    for (String[] b : bad) {
      Run c = cli("attribute", "--events", events, b[0], b[1]);
      Run j = job("--events", events, "--output", dir.resolve("out").toString(), b[0], b[1]);
      String what = b[0] + " " + b[1];
      assertEquals(2, c.exit(), what + ": " + c.err());
      assertEquals(2, j.exit(), what + ": " + j.err());
      assertEquals(1, c.err().lines().count(), what + ": " + c.err());
      assertEquals(1, j.err().lines().count(), what + ": " + j.err());
      String cliLine = c.err().strip().replaceFirst("^tributary: ", "");
      String jobLine = j.err().strip().replaceFirst("^error: ", "");
      assertEquals(cliLine, jobLine, what);
      assertTrue(cliLine.startsWith(b[0] + ": "), what + ": " + cliLine);
      assertFalse(cliLine.contains("java.") || cliLine.contains("Exception"), what + ": " + cliLine);
      seen.add(cliLine);
    }
    assertEquals(bad.length, seen.size());
  }

  @Test
  void badValue_everyLifetimeValueOption_sameOneLineInBothEnginesExit2() {
    String events = TestFiles.write(dir, "e.csv", "customer_id,timestamp,channel,conversion",
        "a,2024-03-01T00:00:00Z,search,1");
    String[][] bad = {{"--clv-horizon", "0d"}, {"--discount-rate", "-1"}, {"--time-unit", "month"},
        {"--calibration-end", "2024-13-01"}};
    for (String[] b : bad) {
      Run c = cli("attribute", "--events", events, "--clv", b[0], b[1]);
      Run j = job("--events", events, "--output", dir.resolve("out").toString(), "--clv", b[0], b[1]);
      String what = b[0] + " " + b[1];
      assertEquals(2, c.exit(), what + ": " + c.err());
      assertEquals(2, j.exit(), what + ": " + j.err());
      String cliLine = c.err().strip().replaceFirst("^tributary: ", "");
      String jobLine = j.err().strip().replaceFirst("^error: ", "");
      assertEquals(cliLine, jobLine, what);
      assertTrue(cliLine.startsWith(b[0] + ": "), what + ": " + cliLine);
    }
  }

  /*
   * 10,000 campaigns over 1,000 segment values: markov is not fitted on more than 2,000 touchpoints, and both engines
   * refuse it with the core's one line (after each engine's prefix), exit 2, instead of running for many minutes.
   */
  @Test
  void manyCampaigns_markovRefused_sameOneLineInBothEnginesExit2() throws java.io.IOException {
    SharedSpark.get(); // the job reads the data before it refuses: it must find the module's session, not make one
    StringBuilder sb = new StringBuilder("customer_id,timestamp,channel,conversion,conversion_value,campaign,region\n");
    for (int i = 0; i < 10_000; i++) {
      String region = String.format("r%04d", i % 1000);
      sb.append('c').append(i).append(",2024-03-01T00:00:00Z,email,0,,k").append(i).append(',').append(region)
          .append('\n');
      sb.append('c').append(i).append(",2024-03-02T00:00:00Z,search,").append(i % 3 == 0 ? "1,10" : "0,")
          .append(",k").append(7L * i % 10_000).append(',').append(region).append('\n');
    }
    Path events = dir.resolve("many.csv");
    java.nio.file.Files.writeString(events, sb.toString(), StandardCharsets.UTF_8);
    String[] common = {"--touchpoint", "channel/campaign", "--segment-by", "region", "--models", "linear,markov"};
    List<String> cliArgs = new ArrayList<>(List.of("attribute", "--events", events.toString(), "--format", "csv",
        "--output", dir.resolve("cli-out").toString() + "/"));
    cliArgs.addAll(List.of(common));
    List<String> jobArgs = new ArrayList<>(List.of("--events", events.toString(), "--run-date", "2024-03-31",
        "--conversions", "all", "--output", dir.resolve("job-out").toString()));
    jobArgs.addAll(List.of(common));
    Run c = cli(cliArgs.toArray(String[]::new));
    Run j = job(jobArgs.toArray(String[]::new));
    assertEquals(2, c.exit(), c.err());
    assertEquals(2, j.exit(), j.err());
    assertEquals(1, c.err().lines().count(), c.err());
    assertEquals(1, j.err().lines().count(), j.err());
    String expected = "--touchpoint: markov: 20,000 touchpoints at channel/campaign level, more than the 2,000 markov "
        + "is fitted on (its removal effects solve the chain once per touchpoint); leave markov out (--models) or fit "
        + "it at channel level";
    assertEquals(expected, c.err().strip().replaceFirst("^tributary: ", ""));
    assertEquals(expected, j.err().strip().replaceFirst("^error: ", ""));
  }

  @Test
  void shapleyOptions_cliHasThemFromTheSpec_sameDefaultsAsTheJob() {
    String cliHelp = cli("attribute", "--help").out();
    assertTrue(cliHelp.contains("--shapley-exact-limit") && cliHelp.contains("--shapley-samples"), cliHelp);
  }
}
