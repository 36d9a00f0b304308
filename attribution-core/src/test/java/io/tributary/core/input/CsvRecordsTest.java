package io.tributary.core.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  /* A stream that hands out at most `chunk` bytes per read, to force records across buffer refills. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, chunk), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static CsvRecords open(String text) {
    return CsvRecords.open("t.csv", new ByteArrayInputStream(utf8(text)), CsvRecords.DETECT, Long.MAX_VALUE);
  }

  private static List<String[]> all(CsvRecords r, List<Long> lines) {
    List<String[]> out = new ArrayList<>();
    while (r.next()) {
      out.add(r.texts().clone());
      lines.add(r.line());
    }
    return out;
  }

  @Test
  void next_quotedFieldsWithDelimitersQuotesAndLineBreaks_rfc4180() {
    String text = "a,b,c\r\n1,\"x,y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\n3,,\"\"\n";
    CsvRecords r = open(text);
    List<Long> lines = new ArrayList<>();
    List<String[]> rows = all(r, lines);
    assertEquals(List.of("a", "b", "c"), r.header());
    assertArrayEquals(new String[] {"1", "x,y", "say \"hi\""}, rows.get(0));
    assertArrayEquals(new String[] {"2", "two\nlines", ""}, rows.get(1));
    assertArrayEquals(new String[] {"3", "", ""}, rows.get(2));
    // Record 2 starts on line 3 and spans lines 3-4; line 5 is blank; record 3 is on line 6.
    assertEquals(List.of(2L, 3L, 6L), lines);
  }

  @Test
  void next_anyBufferSplit_sameRecords() {
    SplittableRandom rnd = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder("h1;h2;h3\n");
    List<String[]> expected = new ArrayList<>();
    String alphabet = "ab;\"\n\r ,xé€";
    for (int i = 0; i < 300; i++) {
      String[] f = new String[3];
      for (int k = 0; k < 3; k++) {
        StringBuilder v = new StringBuilder();
        int n = rnd.nextInt(6);
        for (int j = 0; j < n; j++) {
          v.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        f[k] = v.toString().replace("\r", "");
      }
      expected.add(f);
      for (int k = 0; k < 3; k++) {
        sb.append(k == 0 ? "" : ";").append('"').append(f[k].replace("\"", "\"\"")).append('"');
      }
      sb.append(i % 2 == 0 ? "\n" : "\r\n");
    }
    for (int chunk : new int[] {1, 2, 3, 7, 4096}) {
      for (int buffer : new int[] {8, 64, 1 << 20}) {
        CsvRecords r = CsvRecords.open("t.csv", trickle(utf8(sb.toString()), chunk), CsvRecords.DETECT,
            Long.MAX_VALUE, buffer);
        assertEquals(';', r.delimiter());
        List<String[]> got = all(r, new ArrayList<>());
        assertEquals(expected.size(), got.size(), "chunk " + chunk);
        for (int i = 0; i < got.size(); i++) {
          assertArrayEquals(expected.get(i), got.get(i), "chunk " + chunk + " buffer " + buffer + " row " + i);
        }
      }
    }
  }

  @Test
  void open_delimiterDetection_picksMostFrequentOutsideQuotes() {
    assertEquals(',', open("a,b,c\n").delimiter());
    assertEquals(';', open("a;b;c\n").delimiter());
    assertEquals('\t', open("a\tb\tc\n").delimiter());
    assertEquals(';', open("\"a,b,c\";d;e\n").delimiter());
    assertEquals(',', open("single\n").delimiter());
  }

  @Test
  void open_byteOrderMark_stripped() {
    assertEquals("customer_id", open("\uFEFFcustomer_id,x\n1,2\n").header().get(0));
  }

  @Test
  void next_lastLineWithoutNewline_read() {
    CsvRecords r = open("a,b\n1,2");
    assertTrue(r.next());
    assertArrayEquals(new String[] {"1", "2"}, r.texts());
    assertFalse(r.next());
  }

  @Test
  void next_garbageAfterClosingQuote_errorNamesLineAndColumn() {
    CsvRecords r = open("a,b\n1,\"x\"y\n");
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals(2, e.line());
    assertEquals("b", e.column());
    assertTrue(e.reason().startsWith("unexpected character 'y' after a closing quote"), e.reason());
  }

  @Test
  void next_oversizedRecordWithoutQuotes_errorInsteadOfMemory() {
    byte[] huge = utf8("a\n" + "x".repeat(CsvRecords.MAX_FIELD_BYTES + 10) + "\n");
    CsvRecords r = CsvRecords.open("t.csv", trickle(huge, 5000), CsvRecords.DETECT, Long.MAX_VALUE);
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals("t.csv:2: column a: field is longer than " + CsvRecords.MAX_FIELD_BYTES + " bytes",
        e.getMessage());
  }

  @Test
  void next_cellOfAMillionBytes_read() {
    String cell = "y".repeat(CsvRecords.MAX_FIELD_BYTES);
    CsvRecords r = open("a,b\n1," + cell + "\n");
    assertTrue(r.next());
    assertEquals(cell, r.text(1));
  }

  @Test
  void next_strayQuoteRunningOn_recordLimitError() {
    StringBuilder sb = new StringBuilder("a,b\n1,\"oops\n");
    while (sb.length() < CsvRecords.MAX_RECORD_BYTES + 100) {
      sb.append("1,2\n");
    }
    CsvRecords r = CsvRecords.open("t.csv", trickle(utf8(sb.toString()), 1 << 16), CsvRecords.DETECT,
        Long.MAX_VALUE);
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals(2, e.line());
  }

  @Test
  void next_quoteNeverClosed_errorNamesRecordLineAndColumn() {
    CsvRecords r = open("a,b\n1,2\n3,\"open\n4,5\n");
    assertTrue(r.next());
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals("t.csv:3: column b: quoted field is never closed (a stray \" opens a quote that runs to the end"
        + " of the file)", e.getMessage());
  }

  @Test
  void open_emptyInput_error() {
    InputException e = assertThrows(InputException.class, () -> open(""));
    assertEquals("t.csv: empty file (expected a header line)", e.getMessage());
  }

  @Test
  void next_badUtf8ByteOnLine14_namesLine14ColumnAndByte() {
    StringBuilder sb = new StringBuilder("id,channel\n");
    for (int i = 2; i <= 13; i++) {
      sb.append("c").append(i).append(",email\n");
    }
    byte[] head = utf8(sb.toString());
    byte[] bad = {'c', '1', '4', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'};
    byte[] all = Arrays.copyOf(head, head.length + bad.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    CsvRecords r = CsvRecords.open("t.csv", new ByteArrayInputStream(all), CsvRecords.DETECT, Long.MAX_VALUE);
    for (int i = 2; i <= 13; i++) {
      assertTrue(r.next());
    }
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals("t.csv:14: column channel: not valid UTF-8 text: byte 0xE9 at byte 8 of the line (save the export"
        + " as UTF-8)", e.getMessage());
  }

  @Test
  void next_badByteInsideAQuotedLineBreak_namesTheLineOfTheByte() {
    byte[] text = utf8("a,b\n1,\"first\nsecond X\"\n");
    text[text.length - 3] = (byte) 0xFF;
    CsvRecords r = CsvRecords.open("t.csv", new ByteArrayInputStream(text), CsvRecords.DETECT, Long.MAX_VALUE);
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals(3, e.line());
    assertEquals("b", e.column());
    assertTrue(e.reason().contains("byte 0xFF at byte 8 of the line"), e.reason());
  }

  @Test
  void next_utf8Validation_rejectsWhatTheStrictDecoderRejects() {
    // Overlong '/', a lone surrogate, above U+10FFFF, a cut sequence, a stray continuation byte.
    int[][] bad = {{0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xE2, 0x82}, {0x80}};
    for (int[] seq : bad) {
      byte[] text = new byte[6 + seq.length + 1];
      System.arraycopy(utf8("a\nxy"), 0, text, 0, 4);
      for (int i = 0; i < seq.length; i++) {
        text[4 + i] = (byte) seq[i];
      }
      text[4 + seq.length] = 'z';
      text[5 + seq.length] = 'z';
      text[6 + seq.length] = '\n';
      CsvRecords r = CsvRecords.open("t.csv", new ByteArrayInputStream(text), CsvRecords.DETECT, Long.MAX_VALUE);
      InputException e = assertThrows(InputException.class, r::next, Arrays.toString(seq));
      assertTrue(e.reason().contains(String.format("byte 0x%02X at byte 3 of the line", seq[0])), e.reason());
    }
    CsvRecords ok = open("a\n\u00e9\u20ac\uD83D\uDE00\n");
    assertTrue(ok.next());
    assertEquals("\u00e9\u20ac\uD83D\uDE00", ok.text(0));
  }

  @Test
  void open_utf16File_errorOnLine1() {
    byte[] text = "customer_id,timestamp\n".getBytes(StandardCharsets.UTF_16);
    InputException e = assertThrows(InputException.class,
        () -> CsvRecords.open("t.csv", new ByteArrayInputStream(text), CsvRecords.DETECT, Long.MAX_VALUE));
    assertEquals(1, e.line());
    assertTrue(e.reason().startsWith("not valid UTF-8 text: byte 0xFE at byte 1"), e.reason());
  }

  /*
   * The word-at-a-time split of common records against an independent reading of the same text: a test-owned
   * RFC 4180 splitter that knows nothing of buffers. Random records mix plain cells with every byte the fast split
   * must hand back to the byte-by-byte one (quotes, CR, lone CR, tab, control, DEL, non-ASCII), under comma and tab
   * delimiters; cells, plain flags and lines must all agree.
   */
  @Test
  void next_wordAtATimeSplit_agreesWithAnIndependentSplitter() {
    SplittableRandom rnd = new SplittableRandom(16);
    String[] odd = {"\"q\"", "\"a,b\"", "x\ty", "\u00e9t\u00e9", "del\u007F", "ctl\u0001", "\"two\nlines\"", ""};
    for (char d : new char[] {',', '\t'}) {
      for (int round = 0; round < 30; round++) {
        StringBuilder sb = new StringBuilder("h1" + d + "h2" + d + "h3\n");
        int records = 1 + rnd.nextInt(400);
        for (int k = 0; k < records; k++) {
          int cells = 1 + rnd.nextInt(6);
          for (int c = 0; c < cells; c++) {
            if (c > 0) {
              sb.append(d);
            }
            if (rnd.nextInt(12) == 0) {
              String o = odd[rnd.nextInt(odd.length)];
              sb.append(d == '\t' ? o.replace('\t', ' ') : o);
            } else {
              int n = rnd.nextInt(rnd.nextInt(8) == 0 ? 40 : 12);
              for (int i = 0; i < n; i++) {
                char x = (char) (' ' + rnd.nextInt(95));
                sb.append(x == '"' || x == d ? 'x' : x);
              }
            }
          }
          int end = rnd.nextInt(20);
          sb.append(end == 0 ? "\r" : end == 1 ? "\r\n" : end == 2 ? "\n\n" : "\n");
        }
        if (rnd.nextBoolean()) {
          sb.setLength(sb.length() - 1); // no line end after the last record (or a lone CR left)
        }
        String text = sb.toString();
        List<String> want = reference(text, d);
        for (int buffer : new int[] {1 << 20, 64, 257}) {
          CsvRecords r = CsvRecords.open("t.csv", new ByteArrayInputStream(utf8(text)), d, Long.MAX_VALUE, buffer);
          List<String> got = new ArrayList<>();
          while (r.next()) {
            StringBuilder row = new StringBuilder(r.line() + ":");
            for (int i = 0; i < r.count(); i++) {
              row.append(r.plain(i) ? "P" : "-").append(r.text(i)).append('|');
            }
            got.add(row.toString());
          }
          assertEquals(want, got, "delimiter " + (int) d + ", buffer " + buffer + ", round " + round);
        }
      }
    }
  }

  /*
   * A plain RFC 4180 reading of `text` (records after the header), as "line:" then each cell as P (unquoted printable
   * ASCII other than the delimiter) or - and its text, then |.
   */
  private static List<String> reference(String text, char d) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int line = 1;
    boolean header = true;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
        line++;
        continue;
      }
      int recordLine = line;
      StringBuilder row = new StringBuilder(recordLine + ":");
      while (true) {
        StringBuilder cell = new StringBuilder();
        boolean plain = true;
        if (i < n && text.charAt(i) == '"') {
          plain = false;
          i++;
          while (true) {
            char q = text.charAt(i);
            if (q == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
            } else if (q == '"') {
              i++;
              break;
            } else {
              if (q == '\n' || (q == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                line++;
              }
              cell.append(q);
              i++;
            }
          }
        } else {
          while (i < n && text.charAt(i) != d && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            char x = text.charAt(i);
            if (x < 0x20 || x >= 0x7F || x == '"') {
              plain = false;
            }
            cell.append(x);
            i++;
          }
        }
        row.append(plain ? "P" : "-").append(cell).append('|');
        if (i < n && text.charAt(i) == d) {
          i++;
          continue;
        }
        break;
      }
      if (i < n) {
        i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
      }
      line++;
      if (!header) {
        out.add(row.toString());
      }
      header = false;
    }
    return out;
  }

  @Test
  void plain_unquotedPrintableAsciiOnly() {
    CsvRecords r = open("a,b,c,d\nabc,\"q\",x\ty,\u00e9\n");
    assertTrue(r.next());
    assertTrue(r.plain(0));
    assertFalse(r.plain(1));
    assertFalse(r.plain(2));
    assertFalse(r.plain(3));
    assertEquals("abc", new String(r.bytes(), r.from(0), r.to(0) - r.from(0), StandardCharsets.US_ASCII));
  }

  /* Reads `text` in ranges cut at `cuts` (the first reader reads the header), as the engines do. */
  private static List<String> inRanges(byte[] text, long[] cuts, int buffer, List<Long> firsts, List<Long> stops) {
    List<String> rows = new ArrayList<>();
    CsvRecords head = CsvRecords.open("t.csv", new ByteArrayInputStream(text), CsvRecords.DETECT,
        cuts.length > 1 ? cuts[1] : Long.MAX_VALUE, buffer);
    long base = 0;
    base = drain(head, base, rows, firsts, stops);
    for (int k = 1; k < cuts.length; k++) {
      long start = cuts[k];
      long end = k + 1 < cuts.length ? cuts[k + 1] : Long.MAX_VALUE;
      InputStream in = new ByteArrayInputStream(text, (int) start - 1, text.length - (int) start + 1);
      CsvRecords r = CsvRecords.range("t.csv", in, start, end, false, head.delimiter(), head.header(), buffer);
      base = drain(r, base, rows, firsts, stops);
    }
    return rows;
  }

  private static long drain(CsvRecords r, long base, List<String> rows, List<Long> firsts, List<Long> stops) {
    firsts.add(r.firstRecord());
    while (r.next()) {
      rows.add((base + r.line()) + ":" + String.join("|", r.texts()));
    }
    stops.add(r.stoppedAt());
    return base + r.linesRead();
  }

  @Test
  void range_everyCutOfAFileWithoutQuotedLineBreaks_sameRowsOnTheSameLines() {
    String text = "a,b\n1,\"x,y\"\r\n\n2,z\r3,\"q\"\"\"\n4,w\n5,v";
    byte[] bytes = utf8(text);
    List<String> want = inRanges(bytes, new long[] {0}, 1 << 20, new ArrayList<>(), new ArrayList<>());
    assertEquals(List.of("2:1|x,y", "4:2|z", "5:3|q\"", "6:4|w", "7:5|v"), want);
    for (int c1 = 1; c1 < bytes.length; c1++) {
      for (int c2 = c1 + 1; c2 < bytes.length; c2++) {
        List<Long> firsts = new ArrayList<>();
        List<Long> stops = new ArrayList<>();
        List<String> got = inRanges(bytes, new long[] {0, c1, c2}, 4, firsts, stops);
        long[] f = firsts.stream().mapToLong(Long::longValue).toArray();
        long[] s = stops.stream().mapToLong(Long::longValue).toArray();
        int bad = RangeCheck.firstDisagreement(f, s);
        // The bare \r ending "2,z" is no line feed: a cut after it disagrees, and then the rows are not trusted.
        if (bad < 0) {
          assertEquals(want, got, "cuts " + c1 + ", " + c2);
        }
      }
    }
  }

  @Test
  void range_cutInsideAQuotedLineBreak_detectedAsADisagreement() {
    String text = "a,b\n1,\"x\ny\",2\n3,\"p\nq\"\n4,5\n";
    byte[] bytes = utf8(text);
    int inside = text.indexOf("y\"");
    List<Long> firsts = new ArrayList<>();
    List<Long> stops = new ArrayList<>();
    inRanges(bytes, new long[] {0, inside}, 4, firsts, stops);
    assertEquals(1, RangeCheck.firstDisagreement(firsts.stream().mapToLong(Long::longValue).toArray(),
        stops.stream().mapToLong(Long::longValue).toArray()));
    // A cut at a real record start agrees.
    firsts.clear();
    stops.clear();
    int real = text.indexOf("3,");
    List<String> rows = inRanges(bytes, new long[] {0, real}, 4, firsts, stops);
    assertEquals(-1, RangeCheck.firstDisagreement(firsts.stream().mapToLong(Long::longValue).toArray(),
        stops.stream().mapToLong(Long::longValue).toArray()));
    assertEquals(List.of("2:1|x\ny|2", "4:3|p\nq", "6:4|5"), rows);
  }

  @Test
  void inputFiles_gzipByMagicBytesNotName_andWordedTruncation() throws IOException {
    byte[] text = utf8("a,b\n1,2\n".repeat(1000));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(text);
    }
    byte[] zipped = gz.toByteArray();
    assertArrayEquals(text, InputFiles.open(new ByteArrayInputStream(zipped)).readAllBytes());
    assertArrayEquals(text, InputFiles.open(new ByteArrayInputStream(text)).readAllBytes());
    byte[] cut = Arrays.copyOf(zipped, zipped.length / 2);
    InputException e = assertThrows(InputException.class, () -> {
      CsvRecords r = CsvRecords.open("t.csv.gz", InputFiles.open(new ByteArrayInputStream(cut)),
          CsvRecords.DETECT, Long.MAX_VALUE, 64);
      while (r.next()) {
        // read to the failure
      }
    });
    assertTrue(e.getMessage().startsWith("t.csv.gz:"), e.getMessage());
    assertTrue(e.getMessage().endsWith(": truncated gzip file: the stream ends before its trailer"), e.getMessage());
    byte[] noTrailer = Arrays.copyOf(zipped, zipped.length - 4);
    InputException t = assertThrows(InputException.class, () -> {
      CsvRecords q = CsvRecords.open("t.csv.gz", InputFiles.open(new ByteArrayInputStream(noTrailer)),
          CsvRecords.DETECT, Long.MAX_VALUE);
      while (q.next()) {
        // read to the failure
      }
    });
    assertTrue(t.getMessage().endsWith("truncated gzip file: the stream ends before its trailer"), t.getMessage());
  }

  @Test
  void firstByte_isTheLowestMarkedByte_forEveryWordOfMarks() {
    // Every word of 0x80 marks there is (255 of them): the lowest marked byte, counted by hand from the bottom.
    for (int marks = 1; marks < 256; marks++) {
      long w = 0;
      for (int k = 0; k < 8; k++) {
        if ((marks & (1 << k)) != 0) {
          w |= 0x80L << (8 * k);
        }
      }
      int lowest = 0;
      while ((marks & (1 << lowest)) == 0) {
        lowest++;
      }
      assertEquals(lowest, CsvRecords.firstByte(w), "marks " + Integer.toBinaryString(marks));
    }
  }
}
