package io.tributary.cli.options;

import io.tributary.cli.csv.Delimiter;
import io.tributary.core.input.Durations;
import io.tributary.core.model.PositionWeights;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli converters for the option types. Each throws {@link IllegalArgumentException} with a message naming the
 * accepted forms; picocli turns it into a usage error (exit status 2) naming the option.
 */
public final class Converters {
  private Converters() {}

  /** {@code 30d}, {@code 12h}, {@code 90m}, {@code P7D}, {@code inf}, through the core's {@link Durations}. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse(value);
    }
  }

  /** {@code canonical=source}: SPEC's column name, then the file's. */
  public static final class RenameConverter implements ITypeConverter<ColumnRename> {
    @Override
    public ColumnRename convert(String value) {
      int eq = value.indexOf('=');
      if (eq <= 0 || eq == value.length() - 1) {
        throw new IllegalArgumentException(
            "expected SPEC_COLUMN=FILE_COLUMN such as customer_id=cookie, got \"" + value + "\"");
      }
      return new ColumnRename(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
    }
  }

  /** {@code column:from=to}, e.g. {@code event_type:impression=touch}. */
  public static final class AliasConverter implements ITypeConverter<ValueAlias> {
    @Override
    public ValueAlias convert(String value) {
      int colon = value.indexOf(':');
      int eq = value.indexOf('=', colon + 1);
      if (colon <= 0 || eq <= colon + 1 || eq == value.length() - 1) {
        throw new IllegalArgumentException(
            "expected COLUMN:FROM=TO such as event_type:impression=touch, got \"" + value + "\"");
      }
      return new ValueAlias(value.substring(0, colon).strip(), value.substring(colon + 1, eq).strip(),
          value.substring(eq + 1).strip());
    }
  }

  /** {@code auto}, {@code ,}, {@code ;}, {@code tab}, {@code |}. */
  public static final class DelimiterConverter implements ITypeConverter<Delimiter> {
    @Override
    public Delimiter convert(String value) {
      return Delimiter.parse(value);
    }
  }

  /** {@code U}, {@code J}, {@code inverse-J} or {@code first/middle/last}. */
  public static final class PositionWeightsConverter implements ITypeConverter<PositionWeights> {
    @Override
    public PositionWeights convert(String value) {
      return PositionWeights.parse(value);
    }
  }

  /** A zone id such as {@code UTC}, {@code Europe/Paris} or {@code +02:00}. */
  public static final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value.strip());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "unknown time zone \"" + value + "\" (e.g. UTC, Europe/Paris, America/New_York, +02:00)");
      }
    }
  }

  /** An ISO date such as {@code 2024-03-01}. */
  public static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("expected an ISO date such as 2024-03-01, got \"" + value + "\"");
      }
    }
  }
}
