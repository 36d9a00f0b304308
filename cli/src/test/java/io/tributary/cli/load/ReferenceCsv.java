package io.tributary.cli.load;

import io.tributary.core.input.Delimiters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A deliberately plain CSV reader for tests, written apart from the core's reader: the whole file in memory,
 * gunzipped, decoded strictly, then split character by character by RFC 4180 (blank lines skipped, a line counted at
 * every {@code \n}, {@code \r\n} or {@code \r}). Slow and simple, so that it can be the reference.
 */
record ReferenceCsv(List<String> header, char delimiter, List<Rec> records) {
  /** A record's cells and the line it starts on. */
  record Rec(String[] cells, long line) {}

  static ReferenceCsv read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length > 1 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b) {
      bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
    }
    String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes)).toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int eol = 0;
    boolean q = false;
    while (eol < text.length() && (q || (text.charAt(eol) != '\n' && text.charAt(eol) != '\r'))) {
      q ^= text.charAt(eol) == '"';
      eol++;
    }
    char d = Delimiters.detect(text.substring(0, eol));
    List<Rec> all = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    long line = 1;
    long start = 1;
    boolean inRecord = false;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
            line++;
          }
          cell.append(c);
        }
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (inRecord) {
          cells.add(cell.toString());
          all.add(new Rec(cells.toArray(String[]::new), start));
        }
        cells.clear();
        cell.setLength(0);
        inRecord = false;
        line++;
        continue;
      }
      if (!inRecord) {
        inRecord = true;
        start = line;
      }
      if (c == '"' && cell.length() == 0) {
        quoted = true;
      } else if (c == d) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (inRecord) {
      cells.add(cell.toString());
      all.add(new Rec(cells.toArray(String[]::new), start));
    }
    List<String> header = List.of(all.get(0).cells());
    return new ReferenceCsv(header, d, all.subList(1, all.size()));
  }
}
