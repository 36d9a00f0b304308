package io.tributary.core.input;

import io.tributary.core.InputException;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathStats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns one row of a path file ({@code path,total_conversions,total_conversion_value,total_null}, the
 * ChannelAttribution / mta / GA export) into a path and its stats, or says exactly what is wrong with it.
 */
public final class PathRowParser {
  /** Columns every path file must have. */
  public static final List<String> REQUIRED = List.of("path", "total_conversions");
  /** Columns read when present (0 when absent). */
  public static final List<String> OPTIONAL = List.of("total_conversion_value", "total_null");
  /**
   * Most touches a path may have. No customer makes ten thousand marketing touches before one purchase; such a row is
   * a broken export (or a bot), and rejecting it keeps every model's cost bounded.
   */
  public static final int MAX_PATH_LENGTH = 10_000;

  private final Header header;
  private final ColumnMapping mapping;
  private final Pattern separator;
  private final String separatorText;

  /**
   * @param header the resolved header (see {@link #header})
   * @param mapping column renames
   * @param separator the channel separator, {@code >} by default; spaces around it are trimmed
   */
  public PathRowParser(Header header, ColumnMapping mapping, String separator) {
    this.header = Objects.requireNonNull(header, "header");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    if (separator == null || separator.isEmpty()) {
      throw new IllegalArgumentException("path separator must not be empty");
    }
    this.separatorText = separator;
    this.separator = Pattern.compile(Pattern.quote(separator));
  }

  /** Resolves a path file's header. @throws InputException when a required column is missing */
  public static Header header(String file, List<String> names, ColumnMapping mapping) {
    return Header.resolve(file, names, REQUIRED, OPTIONAL, mapping);
  }

  /** A parsed path-file row. */
  public record Row(Path path, PathStats stats) {}

  /**
   * @param fields the row's fields
   * @param line the 1-based line number (header = 1)
   * @return the path and its stats
   * @throws InputException naming file, line and column of the first problem
   */
  public Row parse(String[] fields, long line) {
    return parse(Fields.of(fields, line));
  }

  /**
   * @param fields the row's cells and line
   * @return the path and its stats
   * @throws InputException naming file, line and column of the first problem
   */
  public Row parse(Fields fields) {
    String file = header.file();
    long line = fields.line();
    if (fields.count() != header.width()) {
      throw header.widthError(fields);
    }
    String text = Objects.requireNonNullElse(header.get(fields, "path"), "").strip();
    if (text.isEmpty()) {
      throw new InputException(file, line, mapping.source("path"), "empty path");
    }
    List<String> channels = new ArrayList<>();
    for (String part : separator.split(text, -1)) {
      String c = part.strip();
      if (c.isEmpty()) {
        throw new InputException(file, line, mapping.source("path"),
            "empty channel name in path \"" + Values.clip(text) + "\" (separator \"" + separatorText + "\")");
      }
      if (Values.hasControl(c)) {
        // A line break inside a quoted path is not a second path: the row is rejected, no channel is invented.
        throw new InputException(file, line, mapping.source("path"),
            "control character in channel name \"" + Values.clip(c) + "\"");
      }
      if (c.length() > EventRowParser.MAX_CHANNEL_LENGTH) {
        throw new InputException(file, line, mapping.source("path"),
            "channel name of " + c.length() + " characters is longer than " + EventRowParser.MAX_CHANNEL_LENGTH);
      }
      if (c.indexOf(Path.MARK) >= 0) {
        // With another separator ('|') a channel "a > b" would print as the path a > b: two path_summary rows alike.
        throw new InputException(file, line, mapping.source("path"), "channel name \"" + Values.clip(c)
            + "\" contains '>', which outputs write between the channels of a path");
      }
      channels.add(c);
      if (channels.size() > MAX_PATH_LENGTH) {
        throw new InputException(file, line, mapping.source("path"),
            "path has more than " + MAX_PATH_LENGTH + " touches");
      }
    }
    long conversions = count(fields, "total_conversions", line);
    long nulls = count(fields, "total_null", line);
    BigDecimal value;
    try {
      value = Values.parseAmount(header.get(fields, "total_conversion_value"));
    } catch (IllegalArgumentException e) {
      throw new InputException(file, line, mapping.source("total_conversion_value"), e.getMessage());
    }
    if (conversions == 0 && value.signum() != 0) {
      throw new InputException(file, line, mapping.source("total_conversion_value"),
          "conversion value " + value.toPlainString() + " on a path with no conversions");
    }
    return new Row(new Path(channels), new PathStats(conversions, value, nulls));
  }

  private long count(Fields fields, String canonical, long line) {
    try {
      return Values.parseCount(header.get(fields, canonical));
    } catch (IllegalArgumentException e) {
      throw new InputException(header.file(), line, mapping.source(canonical), e.getMessage());
    }
  }
}
