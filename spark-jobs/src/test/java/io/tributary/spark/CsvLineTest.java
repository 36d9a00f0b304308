package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CsvLineTest {
  @Test
  void split_plainAndQuotedFields_followsRfc4180() throws Exception {
    assertArrayEquals(new String[] {"a", "", "c d", ""}, CsvLine.split("a,,c d,", ','));
    assertArrayEquals(new String[] {"x,y", "say \"hi\"", ""}, CsvLine.split("\"x,y\",\"say \"\"hi\"\"\",\"\"", ','));
    assertArrayEquals(new String[] {""}, CsvLine.split("", ','));
    assertArrayEquals(new String[] {"a;b", "c"}, CsvLine.split("\"a;b\";c", ';'));
    // A quote inside an unquoted field is an ordinary character.
    assertArrayEquals(new String[] {"5\" screen", "x"}, CsvLine.split("5\" screen,x", ','));
  }

  @Test
  void split_unterminatedQuote_isMalformedNamingColumn() {
    CsvLine.MalformedException e =
        assertThrows(CsvLine.MalformedException.class, () -> CsvLine.split("a,\"b,c", ','));
    assertEquals("unterminated quoted field in column 2 (quoted fields spanning lines are not supported by the "
        + "Spark job)", e.getMessage());
    assertThrows(CsvLine.MalformedException.class, () -> CsvLine.split("\"a\"b,c", ','));
  }

  @Test
  void detectDelimiter_header_picksMostFrequentOutsideQuotes() {
    assertEquals(',', CsvLine.detectDelimiter("a,b,c"));
    assertEquals(';', CsvLine.detectDelimiter("a;b;c"));
    assertEquals('\t', CsvLine.detectDelimiter("a\tb\tc"));
    assertEquals(';', CsvLine.detectDelimiter("\"a,b,c\";d"));
    assertEquals(',', CsvLine.detectDelimiter("single"));
  }
}
