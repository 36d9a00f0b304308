package io.tributary.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.metrics.PathSummaryRow;
import io.tributary.core.metrics.PathSummaryView;
import io.tributary.core.output.ColumnType;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {
  private static final List<ColumnType> TYPES = List.of(ColumnType.TEXT, ColumnType.LONG, ColumnType.DOUBLE);

  @Test
  void write_cellsOfEveryKind_asWorkedOutByHand() throws IOException {
    List<List<Object>> rows = List.of(
        row("email", 3L, 0.5),
        row("a,b", -42L, null),
        row("say \"hi\"", Long.MIN_VALUE, 1e20),
        row("=SUM(A1)", 0L, -0.25),
        row("-x,y", Long.MAX_VALUE, 0.1 + 0.2),
        row("line\nbreak", 7L, new BigDecimal("12.3400")),
        row("café > 東京", 10L, 3.0),
        row("", null, null),
        row(null, 1L, 2.0));
    String expected = "path,journeys,value\n"
        + "email,3,0.5\n"
        + "\"a,b\",-42,\n"
        + "\"say \"\"hi\"\"\",-9223372036854775808,100000000000000000000\n"
        + "'=SUM(A1),0,-0.25\n"
        + "\"'-x,y\",9223372036854775807,0.30000000000000004\n"
        + "\"line\nbreak\",7,12.34\n"
        + "café > 東京,10,3\n"
        + ",,\n"
        + ",1,2\n";
    assertEquals(expected, bytes(table(rows)));
    assertEquals(expected, text(table(rows)));
  }

  @Test
  void write_headerOfNonAsciiColumnName_utf8() throws IOException {
    // --segment-by names a column of the event log, and the output's column is named after it.
    Table t = new Table("t", List.of("région", "journeys"), List.of(ColumnType.TEXT, ColumnType.LONG),
        List.of(row("île", 1L)));
    assertEquals("région,journeys\nîle,1\n", bytes(t));
    assertEquals("région,journeys\nîle,1\n", text(t));
  }

  @Test
  void write_manyBlocks_rowsInOrder() throws IOException {
    // Blocks of 2,048 rows encoded on every core in windows of 16: 70,001 rows cross both boundaries.
    int n = 70_001;
    List<List<Object>> rows = new ArrayList<>(n);
    StringBuilder expected = new StringBuilder("path,journeys,value\n");
    for (int i = 0; i < n; i++) {
      String path = "c" + (i % 97) + (i % 5 == 0 ? " > ünï,code" : " > d");
      rows.add(row(path, (long) i - 35_000, i / 4.0));
      String shownPath = i % 5 == 0 ? "\"" + path + "\"" : path;
      String value = i % 4 == 0 ? Integer.toString(i / 4) : (i / 4) + (i % 4 == 1 ? ".25" : i % 4 == 2 ? ".5" : ".75");
      expected.append(shownPath).append(',').append(i - 35_000).append(',').append(value).append('\n');
    }
    assertEquals(expected.toString(), bytes(table(rows)));
    assertEquals(expected.toString(), text(table(rows)));
  }

  @Test
  void write_sameTextRepeatedInAColumn_eachRowAsWorkedOutByHand() throws IOException {
    // A column's text that repeats (the same String) is copied from its bytes earlier in the block: quoted and
    // neutralised as when it was first written, in every block, also after a row with another text.
    String[] texts = {"north", "a,b", "=x", ""};
    String[] shown = {"north", "\"a,b\"", "'=x", ""};
    int n = 10_000;
    List<List<Object>> rows = new ArrayList<>(n);
    StringBuilder expected = new StringBuilder("path,journeys,value\n");
    for (int i = 0; i < n; i++) {
      int t = (i / 3) % texts.length;
      rows.add(row(texts[t], (long) i, null));
      expected.append(shown[t]).append(',').append(i).append(",\n");
    }
    assertEquals(expected.toString(), bytes(table(rows)));
  }

  @Test
  void write_lazyRows_sameBytesAsHeldRows() throws IOException {
    int n = 5_000;
    List<List<Object>> held = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      held.add(row("p" + i, (long) i, i * 0.1));
    }
    Table lazy = new Table("t", List.of("path", "journeys", "value"), TYPES,
        new Table.LazyRows(n, i -> row("p" + i, (long) i, i * 0.1)));
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    CsvTableWriter.write(table(held), a);
    CsvTableWriter.write(lazy, b);
    assertArrayEquals(a.toByteArray(), b.toByteArray());
  }

  @Test
  void write_shownPaths_quotedAndNeutralisedAsTheirText() throws IOException {
    // Paths are written from their names' bytes: a path is quoted when any name holds a comma or a quote, and
    // neutralised when its first name starts like a formula; the separator changes neither.
    PathCounts pc = PathCounts.builder()
        .add(Path.of("email", "café"), 1, BigDecimal.ONE, 0)
        .add(Path.of("=cmd", "email"), 1, BigDecimal.ONE, 0)
        .add(Path.of("email", "a,b"), 1, BigDecimal.ONE, 0)
        .add(Path.of("-x", "a,b", "東京"), 1, BigDecimal.ONE, 0)
        .add(Path.of("say \"hi\""), 1, BigDecimal.ONE, 0)
        .add(Path.of("email", "-x"), 1, BigDecimal.ONE, 0)
        .build();
    String csv = bytes(SpecTables.pathSummary(new PathSummaryView(pc.table()), null));
    List<String> lines = new ArrayList<>(List.of(csv.split("\n")));
    assertEquals("path,journeys,conversions,conversion_value,nulls", lines.remove(0));
    java.util.Collections.sort(lines);
    List<String> expected = new ArrayList<>(List.of(
        "email > café,1,1,1,0",
        "'=cmd > email,1,1,1,0",
        "\"email > a,b\",1,1,1,0",
        "\"'-x > a,b > 東京\",1,1,1,0",
        "\"say \"\"hi\"\"\",1,1,1,0",
        "email > -x,1,1,1,0"));
    java.util.Collections.sort(expected);
    assertEquals(expected, lines);
  }

  @Test
  void write_shownPathsOfTwoTablesInterleaved_eachWithItsNames() throws IOException {
    // A segmented path_summary's rows come from one table per segment value; a block may hold rows of several, each
    // table's names (ids mean different names in each) prepared when its rows come.
    PathCounts.Builder a = PathCounts.builder();
    PathCounts.Builder b = PathCounts.builder();
    int n = 3_000;
    for (int i = 0; i < n; i++) {
      a.add(Path.of("a" + i % 7, "x,y", "a" + i), 0, BigDecimal.ZERO, 1);
      b.add(Path.of("b" + i, "=b" + i % 5), 0, BigDecimal.ZERO, 1);
    }
    PathSummaryView va = new PathSummaryView(a.build().table());
    PathSummaryView vb = new PathSummaryView(b.build().table());
    Table t = SpecTables.pathSummary(new java.util.AbstractList<>() {
      @Override
      public PathSummaryRow get(int i) {
        return (i % 2 == 0 ? va : vb).get(i / 2);
      }

      @Override
      public int size() {
        return 2 * n;
      }
    }, null);
    String[] lines = bytes(t).split("\n");
    assertEquals(2 * n + 1, lines.length);
    for (int i = 0; i < 2 * n; i++) {
      String path = (i % 2 == 0 ? va : vb).get(i / 2).path();
      String cell = path.contains(",") ? "\"" + path + "\"" : path;
      assertEquals(cell + ",1,0,0,1", lines[i + 1], "row " + i);
    }
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  private static Table table(List<List<Object>> rows) {
    return new Table("t", List.of("path", "journeys", "value"), TYPES, rows);
  }

  private static String bytes(Table t) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvTableWriter.write(t, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String text(Table t) throws IOException {
    StringWriter out = new StringWriter();
    CsvTableWriter.write(t, out);
    return out.toString();
  }
}
