package io.tributary.core.options;

import io.tributary.core.Errors;
import io.tributary.core.input.ColumnMapping;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The input options both engines offer, defined once: the main input ({@code --events} or {@code --paths}), the side
 * inputs ({@code --spend}, {@code --identities}, {@code --consent}), how the inputs' columns and values are named
 * ({@code --map}, {@code --alias}), the zone of local times ({@code --timezone}) and a path file's channel separator
 * ({@code --path-separator}). The CLI and the Spark job generate their options from these lists, so both show the same name, label, help and default and reject a bad value
 * with the same one line. An input is named as each engine reads it: a CSV file in the CLI (gzip too, {@code -} for
 * standard input), a path or table name in the job.
 *
 * <p>{@code --map} and {@code --alias} are repeatable and comma-separated in both engines: {@code --map a=b --map c=d}
 * and {@code --map a=b,c=d} are the same, which is also how one config-file key of the job holds several entries. A
 * comma can therefore not be part of a mapped column name or an aliased value.
 */
public final class InputOptionSpec {
  /** The event log, one of the two main inputs. */
  public static final OptionDef<String> EVENTS = new OptionDef<>("events", "INPUT", "none",
      "Touch-level event log: one row per touch or conversion, with customer_id and timestamp (channel, conversion, "
          + "conversion_value, event_type, ... when present); give it or --paths", InputOptionSpec::optionalInput);

  /** The path file, the other main input. */
  public static final OptionDef<String> PATHS = new OptionDef<>("paths", "INPUT", "none",
      "Path-level file: one row per path, with path and total_conversions (total_conversion_value, total_null when "
          + "present); instead of --events",
      InputOptionSpec::optionalInput);

  /** Spend per channel (and campaign). */
  public static final OptionDef<String> SPEND = new OptionDef<>("spend", "INPUT", "none",
      "Spend per channel: date,channel,spend[,campaign]; adds spend, ROAS, ROI and CPA to channel_credit",
      InputOptionSpec::optionalInput);

  /** The identity map. */
  public static final OptionDef<String> IDENTITIES = new OptionDef<>("identities", "INPUT", "none",
      "Identity map alias_id,customer_id: events of an alias count for its customer; chains are followed, a cycle or "
          + "an alias mapped to two customers is an error (event logs only)", InputOptionSpec::optionalInput);

  /** The opt-out list. */
  public static final OptionDef<String> CONSENT = new OptionDef<>("consent", "INPUT", "none",
      "Opt-out list (column customer_id): those customers, under any of their aliases, are dropped before anything is "
          + "computed; ids match exactly, case included (event logs only)", InputOptionSpec::optionalInput);

  /** Column renames of the main input. */
  public static final OptionDef<List<String>> MAP = new OptionDef<>("map", "COLUMN=SOURCE[,...]", "none",
      "Read SPEC column COLUMN from the input's column SOURCE, e.g. customer_id=cookie (case-insensitive), in the "
          + "--events/--paths input; side inputs may use either name. Repeatable; entries may also be "
          + "comma-separated", InputOptionSpec::mapEntries, InputOptionSpec::showEntries, true);

  /** Value aliases of the main input. */
  public static final OptionDef<List<String>> ALIAS = new OptionDef<>("alias", "COLUMN:FROM=TO[,...]", "none",
      "Read value FROM of column COLUMN as TO, e.g. event_type:impression=touch (case-insensitive), in the "
          + "--events/--paths input. Repeatable; entries may also be comma-separated", InputOptionSpec::aliasEntries,
      InputOptionSpec::showEntries, true);

  /** The zone of local times. */
  public static final OptionDef<ZoneId> TIMEZONE = new OptionDef<>("timezone", "ZONE", "UTC",
      "Zone of timestamps without an offset and of dates (report and event dates), e.g. UTC, Europe/Paris, +02:00",
      InputOptionSpec::zone, ZoneId::getId);

  /** A path file's channel separator. */
  public static final OptionDef<String> PATH_SEPARATOR = new OptionDef<>("path-separator", "SEP", ">",
      "Channel separator in a path file; spaces around a channel are trimmed, and no channel may contain > whatever "
          + "the separator", InputOptionSpec::separator);

  /** The main inputs: a run reads exactly one. */
  public static final List<OptionDef<?>> MAIN_INPUTS = List.of(EVENTS, PATHS);

  /** The side inputs that decide who the customers are (commands that read no spend take only these). */
  public static final List<OptionDef<?>> CUSTOMER_INPUTS = List.of(IDENTITIES, CONSENT);

  /** How the inputs are read. */
  public static final List<OptionDef<?>> READING = List.of(MAP, ALIAS, TIMEZONE, PATH_SEPARATOR);

  /** Every option, in the order help lists them. */
  public static final List<OptionDef<?>> ALL = List.of(EVENTS, PATHS, SPEND, IDENTITIES, CONSENT, MAP, ALIAS,
      TIMEZONE, PATH_SEPARATOR);

  private InputOptionSpec() {}

  /** @return the option named {@code name} (long name without dashes), or null */
  public static OptionDef<?> named(String name) {
    return OptionDef.named(ALL, name);
  }

  /**
   * @param given option name (without dashes) → value as given; {@code map} and {@code alias} absent when not given
   * @return the column mapping of {@code --map} and {@code --alias}, read by the core's {@link ColumnMapping#parse}
   * @throws io.tributary.core.TributaryException bad input, one line naming the option and the entry
   */
  public static ColumnMapping mapping(java.util.Map<String, String> given) {
    return ColumnMapping.parse(MAP.valueIn(given), ALIAS.valueIn(given));
  }

  /**
   * The one rule of both engines for the main input: exactly one of {@code --events} and {@code --paths}.
   *
   * @param events whether {@code --events} is given
   * @param paths whether {@code --paths} is given
   * @throws io.tributary.core.TributaryException bad input, one line, for none or both
   */
  public static void requireOneMainInput(boolean events, boolean paths) {
    if (events && paths) {
      throw Errors.badOption(PATHS.name(), "mutually exclusive with " + EVENTS.flag() + " (give an event log or a path "
          + "file)");
    }
    if (!events && !paths) {
      throw Errors.badOption(EVENTS.name(), "required: give an event log, or a path file with " + PATHS.flag());
    }
  }

  /**
   * The rule of a command that reads an event log and never a path file (the CLI's {@code paths} and {@code clv}).
   *
   * @param events whether {@code --events} is given
   * @throws io.tributary.core.TributaryException bad input, one line, when it is not
   */
  public static void requireEvents(boolean events) {
    if (!events) {
      throw Errors.badOption(EVENTS.name(), "required: give an event log");
    }
  }

  /**
   * The one rule of both engines for the customer files: they need an event log, since a path file has no customer ids.
   *
   * @param eventLog whether the main input is an event log ({@code --events}) rather than a path file
   * @param identities whether {@code --identities} is given
   * @param consent whether {@code --consent} is given
   * @throws io.tributary.core.TributaryException bad input, one line naming the option given
   */
  public static void requireEventLog(boolean eventLog, boolean identities, boolean consent) {
    if (!eventLog && (identities || consent)) {
      throw Errors.badOption((identities ? IDENTITIES : CONSENT).name(),
          "needs an event log (" + EVENTS.flag() + "): a path file has no customer ids");
    }
  }

  /* An input as given; "none" (the default) is no input, so a command line can also cancel a config file's input. */
  private static String optionalInput(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("expected an input (a file, or none), got an empty value");
    }
    return s.equals("none") ? null : s;
  }

  private static List<String> mapEntries(String text) {
    List<String> entries = entries(text);
    ColumnMapping.parse(entries, List.of()); // one line naming --map and the entry
    return entries;
  }

  private static List<String> aliasEntries(String text) {
    List<String> entries = entries(text);
    ColumnMapping.parse(List.of(), entries); // one line naming --alias and the entry
    return entries;
  }

  /* "none" or nothing: no entry; else the comma-separated entries, stripped (an empty one is checked as bad). */
  private static List<String> entries(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.equals("none")) {
      return List.of();
    }
    List<String> entries = new ArrayList<>();
    for (String e : s.split(OptionDef.LIST_SEPARATOR, -1)) {
      entries.add(e.strip());
    }
    return List.copyOf(entries);
  }

  private static String showEntries(List<String> entries) {
    return entries.isEmpty() ? "none" : String.join(OptionDef.LIST_SEPARATOR, entries);
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "unknown time zone \"" + text + "\" (e.g. UTC, Europe/Paris, America/New_York, +02:00)");
    }
  }

  /* Not stripped: a separator may be a space or a tab. */
  private static String separator(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("expected a separator of at least one character, got an empty value");
    }
    return text;
  }
}
