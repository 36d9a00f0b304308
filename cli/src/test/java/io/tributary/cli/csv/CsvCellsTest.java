package io.tributary.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {
  @Test
  void text_formulaPrefixes_neutralisedWithApostrophe() {
    assertEquals("'=SUM(A1)", CsvCells.text("=SUM(A1)", ','));
    assertEquals("'+1", CsvCells.text("+1", ','));
    assertEquals("'-x", CsvCells.text("-x", ','));
    assertEquals("'@cmd", CsvCells.text("@cmd", ','));
    assertEquals("'\tx", CsvCells.text("\tx", ','));
    assertEquals("\"'\rx\"", CsvCells.text("\rx", ','));
  }

  @Test
  void text_plainAndSafeText_unchanged() {
    assertEquals("search", CsvCells.text("search", ','));
    assertEquals("a > b", CsvCells.text("a > b", ','));
    assertEquals("x=1", CsvCells.text("x=1", ','));
    assertEquals("", CsvCells.text("", ','));
  }

  @Test
  void text_delimiterQuoteOrNewline_quoted() {
    assertEquals("\"a,b\"", CsvCells.text("a,b", ','));
    assertEquals("\"say \"\"hi\"\"\"", CsvCells.text("say \"hi\"", ','));
    assertEquals("\"'=1,2\"", CsvCells.text("=1,2", ','));
    assertEquals("a,b", CsvCells.text("a,b", ';'));
  }
}
