package io.tributary.core.options;

import io.tributary.core.Errors;
import java.util.Objects;
import java.util.function.Function;

/**
 * One option, defined once for every engine: its name, how its value is written in help, its default, its help text
 * and how a value is read. The CLI's picocli options and the Spark job's options and config-file keys are generated
 * from these.
 *
 * @param name the long name without dashes, e.g. {@code lookback}; also the job's config-file key
 * @param label how a value is shown in help, e.g. {@code DURATION}
 * @param defaultText the default, as a user would write it
 * @param help what the option does and which values it takes, one sentence without the default
 * @param parser reads a value; throws {@link IllegalArgumentException} whose message names the value and what is
 *     allowed
 * @param display how a read value is shown in run summaries and the report's settings
 * @param repeatable whether the option may be given more than once: its value is then a list separated by
 *     {@link #LIST_SEPARATOR}, and each time it is given adds entries ({@link #joined}), on a command line as in one
 *     config-file key
 * @param <T> the value's type
 */
public record OptionDef<T>(String name, String label, String defaultText, String help, Function<String, T> parser,
    Function<T, String> display, boolean repeatable) {
  /** What separates the entries of a repeatable option's value, e.g. {@code customer_id=cookie,timestamp=time}. */
  public static final String LIST_SEPARATOR = ",";

  public OptionDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(defaultText, "defaultText");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(display, "display");
  }

  /** An option given at most once. */
  public OptionDef(String name, String label, String defaultText, String help, Function<String, T> parser,
      Function<T, String> display) {
    this(name, label, defaultText, help, parser, display, false);
  }

  /** An option given at most once, shown in summaries as {@link String#valueOf}. */
  public OptionDef(String name, String label, String defaultText, String help, Function<String, T> parser) {
    this(name, label, defaultText, help, parser, String::valueOf);
  }

  /** @return the option as typed on a command line, e.g. {@code --lookback} */
  public String flag() {
    return "--" + name;
  }

  /** @return the help text with the default, e.g. {@code Markov chain order, 1 to 10 (default: 1).} */
  public String description() {
    return help + " (default: " + defaultText + ").";
  }

  /**
   * @param text the value as given
   * @return the value
   * @throws io.tributary.core.TributaryException bad input, one line: {@code --NAME: reason}
   */
  public T parse(String text) {
    try {
      return parser.apply(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      throw Errors.badOption(name, e.getMessage());
    }
  }

  /** @return the default value */
  public T defaultValue() {
    return parse(defaultText);
  }

  /**
   * @param given option name (without dashes) → value as given, as engines keep them; an option not given is absent
   * @return this option's value in {@code given}, or its default
   * @throws io.tributary.core.TributaryException bad input, one line: {@code --NAME: reason}
   */
  public T valueIn(java.util.Map<String, String> given) {
    String text = given.get(name);
    return text == null ? defaultValue() : parse(text);
  }

  /**
   * @param values the values of a repeatable option, one per time it was given
   * @return them as one value, the text {@link #parse} reads (each value may itself hold several entries)
   */
  public String joined(java.util.List<String> values) {
    return String.join(LIST_SEPARATOR, values);
  }

  /** @return {@code value} as shown in summaries */
  public String show(T value) {
    return display.apply(value);
  }

  /**
   * @param options a spec's options
   * @param name a long name without dashes
   * @return the option of {@code options} named {@code name}, or null
   */
  public static OptionDef<?> named(java.util.List<OptionDef<?>> options, String name) {
    for (OptionDef<?> o : options) {
      if (o.name().equals(name)) {
        return o;
      }
    }
    return null;
  }
}
