package io.tributary.spark;

import static io.tributary.spark.BothEngines.assertRefusedAlike;
import static io.tributary.spark.BothEngines.cli;
import static io.tributary.spark.BothEngines.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.cli.options.CoreOptions;
import io.tributary.cli.options.CustomerFiles;
import io.tributary.cli.options.MainInput;
import io.tributary.cli.options.ReadOptions;
import io.tributary.cli.options.SideFiles;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.options.InputOptionSpec;
import io.tributary.core.options.OptionDef;
import io.tributary.spark.BothEngines.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The input options of the core's {@link InputOptionSpec} ({@code --spend}, {@code --identities}, {@code --consent},
 * {@code --map}, {@code --alias}, {@code --timezone}, {@code --path-separator}) are the same in both engines: the same
 * help, the same values read from the same command line (and from the job's config file), and the same one line for a
 * bad value, exit status 2, before any input is read or Spark starts.
 */
class InputOptionContractTest {
  @TempDir Path dir;

  /** The CLI's input mixins, as {@code attribute}, {@code report} and {@code validate} mix them in. */
  @Command(modelTransformer = CoreOptions.Generated.class)
  static final class CliInputs {
    @Mixin MainInput input;
    @Mixin SideFiles side;
    @Mixin ReadOptions read;
  }

  @Test
  void help_bothEngines_listEveryInputOptionWithTheCoresText() {
    String job = job("--help").out().replaceAll("\\s+", " ");
    for (String command : List.of("attribute", "report", "validate", "paths", "clv")) {
      String cli = cli(command, "--help").out().replaceAll("\\s+", " ");
      for (OptionDef<?> o : InputOptionSpec.ALL) {
        String text = o.description().replaceAll("\\s+", " ");
        boolean eventsOnly = command.equals("paths") || command.equals("clv");
        if (eventsOnly && (o == InputOptionSpec.SPEND || o == InputOptionSpec.PATHS)) {
          assertFalse(cli.contains(o.flag() + "="), command + " reads no spend and no path file: " + cli);
          continue;
        }
        assertTrue(cli.contains(o.flag() + "=" + o.label()), o.flag() + " in " + command + ": " + cli);
        assertTrue(cli.contains(text), o.flag() + " text in " + command + ": " + cli);
        assertTrue(job.contains(o.flag() + "=" + o.label()), o.flag() + " in the job: " + job);
        assertTrue(job.contains(text), o.flag() + " text in the job: " + job);
      }
    }
    // The repeatable ones are shown as such by both (the synopsis may wrap inside a label: compared without spaces).
    assertTrue(job.replace(" ", "").contains("[--map=COLUMN=SOURCE[,...]]..."), job);
    String attribute = cli("attribute", "--help").out().replaceAll("\\s+", "");
    assertTrue(attribute.contains("[--map=COLUMN=SOURCE[,...]]..."), attribute);
  }

  @Test
  void badValue_everyInputOption_sameOneLineInBothEnginesExit2() {
    String events = TestFiles.write(dir, "e.csv", "customer_id,timestamp,channel,conversion",
        "a,2024-03-01T00:00:00Z,search,1");
    String[][] bad = {
        {"--timezone", "Mars/Olympus"},
        {"--timezone", ""},
        {"--map", "customer_id=cookie,timestamp"},
        {"--map", "customer_id=cookie", "--map", "timestamp"},
        {"--map", "customer_id=cookie,customer_id=visitor"},
        {"--map", "customer_id=cookie,"},
        {"--alias", "event_type=touch"},
        {"--alias", "event_type:impression=touch", "--alias", "channel:"},
        {"--path-separator", ""},
        {"--spend", " "},
        {"--identities", ""},
        {"--consent", ""}};
    String[] expected = {
        "--timezone: unknown time zone \"Mars/Olympus\" (e.g. UTC, Europe/Paris, America/New_York, +02:00)",
        "--timezone: unknown time zone \"\" (e.g. UTC, Europe/Paris, America/New_York, +02:00)",
        "--map: expected SPEC_COLUMN=FILE_COLUMN such as customer_id=cookie, got \"timestamp\"",
        "--map: expected SPEC_COLUMN=FILE_COLUMN such as customer_id=cookie, got \"timestamp\"",
        "--map: column customer_id given twice (cookie, visitor)",
        "--map: expected SPEC_COLUMN=FILE_COLUMN such as customer_id=cookie, got \"\"",
        "--alias: expected COLUMN:FROM=TO such as event_type:impression=touch, got \"event_type=touch\"",
        "--alias: expected COLUMN:FROM=TO such as event_type:impression=touch, got \"channel:\"",
        "--path-separator: expected a separator of at least one character, got an empty value",
        "--spend: expected an input (a file, or none), got an empty value",
        "--identities: expected an input (a file, or none), got an empty value",
        "--consent: expected an input (a file, or none), got an empty value"};
    for (int i = 0; i < bad.length; i++) {
      List<String> cliArgs = new ArrayList<>(List.of("attribute", "--events", events));
      cliArgs.addAll(List.of(bad[i]));
      List<String> jobArgs = new ArrayList<>(List.of("--events", events, "--output", dir.resolve("out").toString()));
      jobArgs.addAll(List.of(bad[i]));
      Run c = cli(cliArgs.toArray(String[]::new));
      Run j = job(jobArgs.toArray(String[]::new));
      String what = String.join(" ", bad[i]);
      assertEquals(2, c.exit(), what + ": " + c.err());
      assertEquals(2, j.exit(), what + ": " + j.err());
      assertEquals(1, c.err().lines().count(), what + ": " + c.err());
      assertEquals(1, j.err().lines().count(), what + ": " + j.err());
      assertEquals("tributary: " + expected[i], c.err().strip(), what);
      assertEquals("error: " + expected[i], j.err().strip(), what);
    }
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @Test
  void mainInput_noneOrBoth_sameOneLineInBothEnginesExit2() {
    String events = TestFiles.write(dir, "e.csv", "customer_id,timestamp,channel,conversion",
        "a,2024-03-01T00:00:00Z,search,1");
    String out = dir.resolve("out").toString();
    String none = "--events: required: give an event log, or a path file with --paths";
    String both = "--paths: mutually exclusive with --events (give an event log or a path file)";
    assertRefusedAlike(none, List.of("attribute", "--models", "linear"), List.of("--output", out, "--models", "linear"));
    assertRefusedAlike(both, List.of("attribute", "--events", events, "--paths", events),
        List.of("--output", out, "--events", events, "--paths", events));
    // The event-log-only commands name the one input they take.
    for (String command : List.of("paths", "clv")) {
      Run r = cli(command);
      assertEquals(2, r.exit(), r.err());
      assertEquals("tributary: --events: required: give an event log", r.err().strip(), command);
    }
  }

  @Test
  void customerFilesWithAPathFile_sameOneLineInBothEnginesExit2() {
    String paths = TestFiles.write(dir, "p.csv", "path,total_conversions", "search > email,3");
    String ids = TestFiles.write(dir, "ids.csv", "alias_id,customer_id", "a,b");
    String[][] given = {{"--identities", ids}, {"--consent", ids}, {"--consent", ids, "--identities", ids}};
    String[] expected = {"--identities: needs an event log (--events): a path file has no customer ids",
        "--consent: needs an event log (--events): a path file has no customer ids",
        "--identities: needs an event log (--events): a path file has no customer ids"};
    for (int i = 0; i < given.length; i++) {
      List<String> cliArgs = new ArrayList<>(List.of("attribute", "--paths", paths));
      cliArgs.addAll(List.of(given[i]));
      List<String> jobArgs = new ArrayList<>(List.of("--paths", paths, "--output", dir.resolve("out").toString()));
      jobArgs.addAll(List.of(given[i]));
      assertRefusedAlike(expected[i], cliArgs, jobArgs);
    }
  }

  @Test
  void reportDatesOnAPathFile_sameOneLineInBothEnginesExit2() {
    String paths = TestFiles.write(dir, "p.csv", "path,total_conversions", "search > email,3");
    assertRefusedAlike(
        "report dates need an event log (--events): a path file has no dates; use --conversions all",
        List.of("attribute", "--paths", paths, "--run-date", "2024-03-01"),
        List.of("--paths", paths, "--output", dir.resolve("out").toString(), "--run-date", "2024-03-01"));
  }

  @Test
  void lifetimeValueOnAPathFileOrWithReportDates_sameOneLineInBothEnginesExit2() {
    String paths = TestFiles.write(dir, "p.csv", "path,total_conversions", "search > email,3");
    String events = TestFiles.write(dir, "e.csv", "customer_id,timestamp,event_type,channel,conversion_value",
        "c1,2024-03-01T10:00:00Z,touch,search,", "c1,2024-03-01T11:00:00Z,conversion,,10");
    String[][] given = {{"--paths", paths}, {"--events", events, "--run-date", "2024-03-01"}};
    String[] expected = {"--clv needs an event log (--events): a path file has no customers",
        "--clv values the whole input: it takes no report dates (--run-date, --from/--to); use --conversions all"};
    for (int i = 0; i < given.length; i++) {
      List<String> cliArgs = new ArrayList<>(List.of("attribute", "--clv"));
      cliArgs.addAll(List.of(given[i]));
      List<String> jobArgs = new ArrayList<>(List.of("--clv", "--output", dir.resolve("out").toString()));
      jobArgs.addAll(List.of(given[i]));
      assertRefusedAlike(expected[i], cliArgs, jobArgs);
    }
  }

  /*
   * One command line, read by the CLI's input mixins and by the job (on its command line, and from its config file):
   * the same values, and the values a user means: the --map entries of every occurrence, comma-separated or not.
   */
  @Test
  void sameCommandLine_sameCoreValues_cliJobAndConfigFile() throws IOException {
    String[] given = {"--events", "e.csv", "--spend", "spend.csv", "--identities", "ids.csv", "--consent", "optout.csv",
        "--map", "customer_id=cookie,timestamp=time", "--map", "channel=source",
        "--alias", "event_type:impression=touch", "--alias", "event_type:buy=conversion,channel:FB=social",
        "--timezone", "Europe/Paris", "--path-separator", " | "};
    List<String> expectedMaps = List.of("customer_id=cookie", "timestamp=time", "channel=source");
    List<String> expectedAliases = List.of("event_type:impression=touch", "event_type:buy=conversion",
        "channel:FB=social");

    CliInputs cli = new CliInputs();
    new CommandLine(cli).parseArgs(given);
    assertEquals("e.csv", cli.input.events());
    assertNull(cli.input.paths());
    assertEquals("spend.csv", cli.side.spend());
    assertEquals("ids.csv", cli.side.identities());
    assertEquals("optout.csv", cli.side.consent());
    assertEquals(ZoneId.of("Europe/Paris"), cli.read.settings().zone());
    assertEquals(" | ", cli.read.settings().pathSeparator());
    assertMeans(cli.read.mapping());

    List<String> jobArgs = new ArrayList<>(List.of("--output", "out"));
    jobArgs.addAll(List.of(given));
    JobConfig job = AttributionJob.parse(jobArgs.toArray(String[]::new));
    assertEquals("e.csv", job.events().location());
    assertNull(job.paths());
    assertEquals("spend.csv", job.spend().location());
    assertEquals("ids.csv", job.identities().location());
    assertEquals("optout.csv", job.consent().location());
    assertEquals("Europe/Paris", job.timezone());
    assertEquals(" | ", job.pathSeparator());
    assertEquals(expectedMaps, job.mapping().maps());
    assertEquals(expectedAliases, job.mapping().aliases());
    assertMeans(job.mapping().mapping());

    // The config file: one key per option, several entries comma-separated in one value.
    Path config = dir.resolve("nightly.properties");
    Files.writeString(config, String.join("\n", "events=e.csv", "output=out", "spend=spend.csv",
        "identities=ids.csv", "consent=optout.csv", "map=customer_id=cookie,timestamp=time,channel=source",
        "alias=event_type:impression=touch,event_type:buy=conversion,channel:FB=social", "timezone=Europe/Paris",
        "path-separator=\\ | "), StandardCharsets.UTF_8);
    JobConfig fromFile = AttributionJob.parse("--config", config.toString());
    assertEquals("spend.csv", fromFile.spend().location());
    assertEquals("ids.csv", fromFile.identities().location());
    assertEquals("optout.csv", fromFile.consent().location());
    assertEquals("Europe/Paris", fromFile.timezone());
    assertEquals(" | ", fromFile.pathSeparator());
    assertEquals(expectedMaps, fromFile.mapping().maps());
    assertEquals(expectedAliases, fromFile.mapping().aliases());

    // The command line wins over the file, a repeatable option too (its entries replace the file's), and none
    // cancels a file's input.
    JobConfig overridden = AttributionJob.parse("--config", config.toString(), "--map", "customer_id=visitor",
        "--timezone", "UTC", "--consent", "none");
    assertEquals(List.of("customer_id=visitor"), overridden.mapping().maps());
    assertEquals(expectedAliases, overridden.mapping().aliases());
    assertEquals("UTC", overridden.timezone());
    assertNull(overridden.consent());
    assertEquals("ids.csv", overridden.identities().location());
  }

  @Test
  void nothingGiven_sameDefaultsInBothEngines() {
    CliInputs cli = new CliInputs();
    new CommandLine(cli).parseArgs();
    JobConfig job = AttributionJob.parse("--events", "e.csv", "--output", "out");
    assertNull(cli.side.spend());
    assertNull(job.spend());
    assertNull(cli.side.identities());
    assertNull(job.identities());
    assertNull(cli.side.consent());
    assertNull(job.consent());
    assertEquals(ZoneId.of("UTC"), cli.read.settings().zone());
    assertEquals("UTC", job.timezone());
    assertEquals(">", cli.read.settings().pathSeparator());
    assertEquals(">", job.pathSeparator());
    assertEquals(List.of(), job.mapping().maps());
    assertEquals("customer_id", cli.read.mapping().source("customer_id"));
  }

  /** The customer files alone, as {@code paths} and {@code clv} mix them in. */
  @Command(modelTransformer = CoreOptions.Generated.class)
  static final class Customers {
    @Mixin CustomerFiles customers;
  }

  /* The paths and clv commands' customer files are the same options. */
  @Test
  void customerFiles_sameOptionsAsTheSideFiles() {
    Customers c = new Customers();
    CommandLine cmd = new CommandLine(c);
    cmd.parseArgs("--identities", "ids.csv", "--consent", "optout.csv");
    assertEquals("ids.csv", c.customers.identities());
    assertEquals("optout.csv", c.customers.consent());
    assertNull(cmd.getCommandSpec().findOption("spend"));
  }

  private static void assertMeans(ColumnMapping m) {
    assertEquals("cookie", m.source("customer_id"));
    assertEquals("time", m.source("timestamp"));
    assertEquals("source", m.source("channel"));
    assertEquals("conversion_value", m.source("conversion_value"));
    assertEquals("touch", m.translate("event_type", "Impression"));
    assertEquals("conversion", m.translate("event_type", "buy"));
    assertEquals("social", m.translate("channel", "fb"));
  }
}
