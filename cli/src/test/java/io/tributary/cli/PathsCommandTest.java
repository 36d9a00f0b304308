package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary paths}, and the equivalence of an event log with the path file made from it. */
class PathsCommandTest {
  @TempDir Path dir;

  @Test
  void paths_workedExample_listsEachDistinctPathExactly() throws IOException {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, AttributeCommandTest.EVENTS);
    Cli.Result r = Cli.run("paths", "--events", events.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    // See AttributeCommandTest: a -> search > email converts (100), b -> social (50), c -> search > search null,
    // e's old display touch -> display null; d's and e's touchless conversions are no paths.
    assertEquals(String.join("\n",
        "path,total_conversions,total_conversion_value,total_null",
        "display,0,0,1",
        "search > email,1,100,0",
        "search > search,0,0,1",
        "social,1,50,0",
        ""), r.out());
  }

  @Test
  void everyEventCommand_refusesTwoInputsOnStdin_andRejectsWithoutSkip() throws IOException {
    // The one reading pipeline checks the reading flags for every command that reads an event log.
    Path ids = dir.resolve("ids.csv");
    Files.writeString(ids, "alias_id,customer_id\n");
    for (String command : List.of("attribute", "paths", "clv")) {
      Cli.Result two = Cli.runWithStdin(new byte[0], command, "--events", "-", "--consent", "-");
      assertEquals(2, two.exit(), command + ": " + two.err());
      assertEquals("tributary: only one input can be read from stdin (-)", two.err().strip(), command);
      Cli.Result fail = Cli.run(command, "--events", ids.toString(), "--rejects", dir.resolve("r.csv").toString());
      assertEquals(2, fail.exit(), command + ": " + fail.err());
      assertEquals("tributary: --rejects needs --on-bad-row skip (under fail the first bad row stops)",
          fail.err().strip(), command);
    }
  }

  @Test
  void attribute_pathFileMadeFromLog_equalsAttributeOnLog() throws IOException {
    // No conversion-only rows: no touchless conversions, so even share and the journey count must agree.
    Path events = dir.resolve("events.csv");
    Files.writeString(events, RandomEvents.csv(600, 11L, false));
    Path paths = dir.resolve("paths.csv");
    Cli.Result p = Cli.run("paths", "--events", events.toString(), "--output", paths.toString(), "-q");
    assertEquals(0, p.exit(), p.err());
    String models = "first_touch,last_touch,last_non_direct,linear,position_based,markov";
    Cli.Result fromEvents = Cli.run("attribute", "--events", events.toString(), "--models", models, "--format",
        "csv", "-q");
    Cli.Result fromPaths = Cli.run("attribute", "--paths", paths.toString(), "--models", models, "--format", "csv",
        "-q");
    assertEquals(0, fromEvents.exit(), fromEvents.err());
    assertEquals(0, fromPaths.exit(), fromPaths.err());
    assertTrue(fromEvents.out().split("\n").length > 30);
    assertEquals(fromEvents.out(), fromPaths.out());
  }

  @Test
  void attribute_gzippedLogOnStdin_equalsPlainFile() throws IOException {
    String csv = RandomEvents.csv(200, 5L, true);
    Path events = dir.resolve("events.csv");
    Files.writeString(events, csv);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(("\uFEFF" + csv.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
    }
    Cli.Result plain = Cli.run("attribute", "--events", events.toString(), "--format", "csv", "-q");
    Cli.Result piped = Cli.runWithStdin(gz.toByteArray(), "attribute", "--events", "-", "--format", "csv", "-q");
    assertEquals(0, piped.exit(), piped.err());
    assertEquals(plain.out(), piped.out());
  }

  @Test
  void attribute_mappedColumnsAndIdentities_stitchAndRename() throws IOException {
    Path events = dir.resolve("export.csv");
    Files.writeString(events, "Cookie;Time;Source;Bought;Revenue\n"
        + "dev1;2024-03-01 10:00:00;search;0;\n"
        + "dev2;2024-03-02 10:00:00;email;1;30\n"
        + "x;2024-03-02 10:00:00;email;0;\n");
    Path ids = dir.resolve("ids.csv");
    Files.writeString(ids, "alias_id,customer_id\ndev1,anna\ndev2,anna\n");
    Path consent = dir.resolve("consent.csv");
    Files.writeString(consent, "customer_id\nx\n");
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--map", "customer_id=cookie",
        "--map", "timestamp=time", "--map", "channel=source", "--map", "conversion=bought",
        "--map", "conversion_value=revenue", "--identities", ids.toString(), "--consent", consent.toString(),
        "--models", "first_touch,linear", "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    // dev1 and dev2 are anna: one journey search > email worth 30; x opted out.
    List<Map<String, String>> rows = SimpleCsv.parse(r.out());
    assertEquals("30", SimpleCsv.row(rows, "first_touch", "search").get("attributed_value"));
    assertEquals("15", SimpleCsv.row(rows, "linear", "email").get("attributed_value"));
    assertTrue(r.err().contains("1 rows excluded by consent"), r.err());
  }

  @Test
  void attribute_optOutUnderAlias_excludesWholePerson() throws IOException {
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "customer_id,timestamp,channel,conversion,conversion_value\n"
        + "dev1,2024-03-01T10:00:00Z,search,0,\n"
        + "dev2,2024-03-02T10:00:00Z,email,1,30\n"
        + "bob,2024-03-02T10:00:00Z,social,1,7\n");
    Path ids = dir.resolve("ids.csv");
    Files.writeString(ids, "alias_id,customer_id\ndev1,anna\ndev2,anna\n");
    Path consent = dir.resolve("consent.csv");
    // Anna opted out under her second device: both devices' rows go.
    Files.writeString(consent, "customer_id\ndev2\n");
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--identities", ids.toString(),
        "--consent", consent.toString(), "--models", "linear", "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    assertEquals(String.join("\n",
        "model,channel,attributed_conversions,attributed_value,share,spend,roas,roi,cpa",
        "linear,social,1,7,1,,,,",
        ""), r.out());
    assertTrue(r.err().contains("2 rows excluded by consent"), r.err());
  }
}
