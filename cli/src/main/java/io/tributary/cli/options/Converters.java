package io.tributary.cli.options;

import io.tributary.cli.csv.Delimiter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for the read options' types. Each throws picocli's {@link TypeConversionException} with a message
 * naming the accepted forms, so that the usage error (exit status 2) is one line naming the option, with no Java class
 * name in it. Model, window and input options (a zone among them) are the core's, generated from its
 * {@code io.tributary.core.options} specs.
 */
public final class Converters {
  private Converters() {}

  /** {@code auto}, {@code ,}, {@code ;}, {@code tab}, {@code |}. */
  public static final class DelimiterConverter implements ITypeConverter<Delimiter> {
    @Override
    public Delimiter convert(String value) {
      try {
        return Delimiter.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
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
        throw new TypeConversionException("expected an ISO date such as 2024-03-01, got \"" + value + "\"");
      }
    }
  }
}
