package io.tributary.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader of the command's CSV output for tests: comma-separated, RFC 4180 quotes, {@code \n} line ends.
 * Independent of the production reader, so a reader bug cannot hide a writer bug.
 */
final class SimpleCsv {
  private SimpleCsv() {}

  static List<List<String>> records(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> rec = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        rec.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        rec.add(field.toString());
        field.setLength(0);
        out.add(rec);
        rec = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !rec.isEmpty()) {
      rec.add(field.toString());
      out.add(rec);
    }
    return out;
  }

  /** @return the file's records as arrays, the header first */
  static List<String[]> file(Path f) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (List<String> r : records(Files.readString(f, StandardCharsets.UTF_8))) {
      rows.add(r.toArray(String[]::new));
    }
    return rows;
  }

  static List<Map<String, String>> parse(String text) {
    List<List<String>> records = records(text);
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> f = records.get(i);
      if (f.size() != header.size()) {
        throw new AssertionError("record " + (i + 1) + " has " + f.size() + " fields: " + f);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < header.size(); k++) {
        row.put(header.get(k), f.get(k));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<Map<String, String>> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** @return the row of (model, channel) */
  static Map<String, String> row(List<Map<String, String>> rows, String model, String channel) {
    for (Map<String, String> r : rows) {
      if (r.get("model").equals(model) && r.get("channel").equals(channel)) {
        return r;
      }
    }
    throw new AssertionError("no row for " + model + "/" + channel + " in " + rows);
  }
}
