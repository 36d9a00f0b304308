package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.output.Column;
import io.tributary.core.output.OutputTables;
import io.tributary.core.output.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI writes exactly the core's tables: every file's table is defined in {@link OutputTables}, its columns are the
 * definition's in order ({@code run_date} first when given; a column the core marks "when set" may be left out, no
 * other), and Parquet stores each column in the core's type.
 */
class OutputSchemaTest {
  @TempDir Path dir;

  private Path events() throws IOException {
    Path p = dir.resolve("events.csv");
    // One bad row, so that rejected_rows is written too.
    Files.writeString(p, RandomEvents.csv(300, 11L, true) + "u9999,not-a-time,c1,0,,touch\n",
        StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void attribute_csvAndJsonDirectories_onlyColumnsTheCoreDefines() throws IOException {
    String e = events().toString();
    for (String format : List.of("csv", "json")) {
      Path out = dir.resolve(format + "-out");
      Cli.Result r = Cli.run("attribute", "--events", e, "--on-bad-row", "skip", "--bootstrap", "5",
          "--conversions", "all", "--run-date",
          "2024-03-31", "--format", format, "--output", out + "/", "-q");
      assertEquals(0, r.exit(), r.err());
      List<String> names = new ArrayList<>();
      try (Stream<Path> files = Files.list(out)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString().replaceFirst("\\.(csv|json)$", "");
          names.add(name);
          List<String> header = format.equals("csv") ? csvHeader(f) : jsonKeys(f);
          assertDefined(name, header, true);
        }
      }
      assertTrue(names.containsAll(List.of("channel_credit", "conversion_kpis", "path_summary", "rejected_rows",
          "markov_transitions", "removal_effects")), names.toString());
    }
  }

  @Test
  void paths_file_onlyColumnsTheCoreDefines() throws IOException {
    Path out = dir.resolve("paths.csv");
    Cli.Result r = Cli.run("paths", "--events", events().toString(), "--on-bad-row", "skip", "--output",
        out.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    assertDefined("paths", csvHeader(out), false);
  }

  @Test
  void clv_csv_onlyColumnsTheCoreDefines() throws IOException {
    Path out = dir.resolve("clv.csv");
    Cli.Result r = Cli.run("clv", "--events", Path.of("..", "sample-data", "events.csv").toString(), "--format", "csv",
        "--output", out.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    assertDefined("clv_report", csvHeader(out), false);
  }

  @Test
  void attribute_parquet_columnsInTheCoresTypes() throws IOException, SQLException {
    Path out = dir.resolve("pq");
    Cli.Result r = Cli.run("attribute", "--events", events().toString(), "--on-bad-row", "skip", "--format",
        "parquet", "--output", out.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        Stream<Path> files = Files.list(out)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().replace(".parquet", "");
        TableSchema<?> table = OutputTables.named(name);
        assertNotNull(table, "a table the core does not define: " + name);
        List<String> header = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + f + "')")) {
          while (rs.next()) {
            String column = rs.getString("column_name");
            header.add(column);
            Column<?> col = table.column(column);
            assertNotNull(col, name + ": column " + column + " is not in the core's definition");
            String expected = switch (col.type()) {
              case TEXT, DATE, TIMESTAMP -> "VARCHAR";
              case LONG -> "BIGINT";
              case DOUBLE -> "DOUBLE";
            };
            assertEquals(expected, rs.getString("column_type"), name + "." + column);
          }
        }
        assertDefined(name, header, false);
      }
    }
  }

  /* Columns as defined, in order; "when set" columns may be missing; run_date leads when expected. */
  private static void assertDefined(String name, List<String> header, boolean runDate) {
    TableSchema<?> table = OutputTables.named(name);
    assertNotNull(table, "a table the core does not define: " + name);
    List<String> cols = new ArrayList<>(header);
    if (runDate) {
      assertEquals(TableSchema.RUN_DATE, cols.remove(0), name);
    }
    List<String> expected = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      if (!c.omittedWhenUnset(false) || cols.contains(c.name())) {
        expected.add(c.name());
      }
    }
    assertEquals(expected, cols, name + ": columns other than the core's definition");
  }

  private static List<String> csvHeader(Path f) throws IOException {
    String first = Files.readAllLines(f, StandardCharsets.UTF_8).get(0);
    return List.of(first.split(",", -1));
  }

  @SuppressWarnings("unchecked")
  private static List<String> jsonKeys(Path f) throws IOException {
    List<Object> rows = (List<Object>) SimpleJson.parse(Files.readString(f, StandardCharsets.UTF_8));
    assertTrue(!rows.isEmpty(), f + " has rows");
    return List.copyOf(((java.util.Map<String, Object>) rows.get(0)).keySet());
  }
}
