package io.tributary.core.input;

import io.tributary.core.InputException;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathStats;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
  /** The separator's bytes when it is printable ASCII (then plain rows are read on bytes), else null. */
  private final byte[] separatorBytes;
  private final int pathIx;
  private final int conversionsIx;
  private final int valueIx;
  private final int nullsIx;
  // The last plain row read by plainRow: its channel names as byte ranges, and its stats.
  private int[] nameFrom = new int[16];
  private int[] nameTo = new int[16];
  private int names;
  private long plainConversions;
  private long plainNulls;
  private BigDecimal plainValue;

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
    this.separatorBytes = printableAscii(separator) ? separator.getBytes(StandardCharsets.US_ASCII) : null;
    this.pathIx = header.index("path");
    this.conversionsIx = header.index("total_conversions");
    this.valueIx = header.index("total_conversion_value");
    this.nullsIx = header.index("total_null");
  }

  private static boolean printableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7E) {
        return false;
      }
    }
    return true;
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
    header.checkWidth(fields);
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

  /**
   * Reads a row straight from the reader's bytes when every cell it uses is {@linkplain Fields#plain plain} and in
   * the commonest form: the channel names become byte ranges ({@link #names}, {@link #nameFrom}, {@link #nameTo}),
   * the counts and the value are read by {@link Values#plainCount} and {@link Values#plainAmount}. This applies
   * {@link #parse(Fields)}'s rules to the bytes and never words a reason: a row it cannot accept as it stands (a bad
   * row, a quoted or non-ASCII cell, a count in another form) returns false and is left to {@code parse}, which
   * decides it. So both routes accept the same rows with the same paths and stats, and reject the same rows for the
   * same reasons.
   *
   * @return whether the row was read here (then its channels and stats are held until the next call)
   */
  boolean plainRow(Fields r) {
    if (separatorBytes == null || r.count() != header.width() || !r.plain(pathIx)) {
      return false;
    }
    byte[] b = r.bytes();
    long conversions = 0;
    if (conversionsIx >= 0) {
      if (!r.plain(conversionsIx) || (conversions = Values.plainCount(b, r.from(conversionsIx),
          r.to(conversionsIx))) < 0) {
        return false;
      }
    }
    long nulls = 0;
    if (nullsIx >= 0) {
      if (!r.plain(nullsIx) || (nulls = Values.plainCount(b, r.from(nullsIx), r.to(nullsIx))) < 0) {
        return false;
      }
    }
    BigDecimal value = BigDecimal.ZERO;
    if (valueIx >= 0) {
      if (!r.plain(valueIx) || (value = Values.plainAmount(b, r.from(valueIx), r.to(valueIx))) == null) {
        return false;
      }
      if (conversions == 0 && value.signum() != 0) {
        return false;
      }
    }
    if (!splitPlain(b, r.from(pathIx), r.to(pathIx))) {
      return false;
    }
    plainConversions = conversions;
    plainNulls = nulls;
    plainValue = value;
    return true;
  }

  /*
   * The path cell split as parse splits it: the cell stripped (in printable ASCII only spaces are stripped), cut at
   * every occurrence of the separator, each channel stripped; false for anything parse would reject (an empty path or
   * channel, a channel too long or holding '>', too many touches).
   */
  private boolean splitPlain(byte[] b, int from, int to) {
    int f = PlainCells.strippedFrom(b, from, to);
    int t = PlainCells.strippedTo(b, f, to);
    if (f == t) {
      return false;
    }
    byte[] sep = separatorBytes;
    byte first = sep[0];
    int n = 0;
    int start = f;
    int i = f;
    while (true) {
      int cut = t;
      for (; i <= t - sep.length; i++) {
        if (b[i] == first && matches(b, i, sep)) {
          cut = i;
          break;
        }
      }
      int a = PlainCells.strippedFrom(b, start, cut);
      int z = PlainCells.strippedTo(b, a, cut);
      if (a == z || z - a > EventRowParser.MAX_CHANNEL_LENGTH || n == MAX_PATH_LENGTH) {
        return false;
      }
      for (int k = a; k < z; k++) {
        if (b[k] == Path.MARK) {
          return false;
        }
      }
      if (n == nameFrom.length) {
        nameFrom = Arrays.copyOf(nameFrom, 2 * n);
        nameTo = Arrays.copyOf(nameTo, 2 * n);
      }
      nameFrom[n] = a;
      nameTo[n++] = z;
      if (cut == t) {
        names = n;
        return true;
      }
      start = cut + sep.length;
      i = start;
    }
  }

  private static boolean matches(byte[] b, int at, byte[] sep) {
    for (int k = 1; k < sep.length; k++) {
      if (b[at + k] != sep[k]) {
        return false;
      }
    }
    return true;
  }

  /** @return the channels of the last {@link #plainRow}: their count */
  int names() {
    return names;
  }

  /** @return the first byte of each channel name of the last {@link #plainRow} */
  int[] nameFrom() {
    return nameFrom;
  }

  /** @return one past the last byte of each channel name of the last {@link #plainRow} */
  int[] nameTo() {
    return nameTo;
  }

  /** @return the last {@link #plainRow}'s converting journeys */
  long plainConversions() {
    return plainConversions;
  }

  /** @return the last {@link #plainRow}'s non-converting journeys */
  long plainNulls() {
    return plainNulls;
  }

  /** @return the last {@link #plainRow}'s conversion value */
  BigDecimal plainValue() {
    return plainValue;
  }

  private long count(Fields fields, String canonical, long line) {
    try {
      return Values.parseCount(header.get(fields, canonical));
    } catch (IllegalArgumentException e) {
      throw new InputException(header.file(), line, mapping.source(canonical), e.getMessage());
    }
  }
}
