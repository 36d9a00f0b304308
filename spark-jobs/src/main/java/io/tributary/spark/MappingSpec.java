package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --map} and {@code --alias} options as plain maps, so they can travel to the executors; {@link #mapping()}
 * gives the core's {@link ColumnMapping}.
 *
 * @param columns canonical column → the file's column name
 * @param aliases canonical column → (file value → canonical value)
 */
public record MappingSpec(Map<String, String> columns, Map<String, Map<String, String>> aliases) implements Serializable {
  private static final long serialVersionUID = 1L;

  public MappingSpec {
    columns = Map.copyOf(columns);
    Map<String, Map<String, String>> copy = new HashMap<>();
    aliases.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    aliases = Map.copyOf(copy);
  }

  /** @return no renames, no aliases */
  public static MappingSpec none() {
    return new MappingSpec(Map.of(), Map.of());
  }

  /**
   * @param maps {@code canonical=source} entries
   * @param aliasEntries {@code column:value=canonical} entries
   * @throws IllegalArgumentException for a malformed entry
   */
  public static MappingSpec parse(Iterable<String> maps, Iterable<String> aliasEntries) {
    Map<String, String> columns = new HashMap<>();
    for (String m : maps) {
      int eq = m.indexOf('=');
      if (eq <= 0 || eq == m.length() - 1) {
        throw new IllegalArgumentException("invalid --map \"" + m + "\" (expected canonical=source, e.g. "
            + "customer_id=cookie)");
      }
      columns.put(m.substring(0, eq).strip(), m.substring(eq + 1).strip());
    }
    Map<String, Map<String, String>> aliases = new HashMap<>();
    for (String a : aliasEntries) {
      int colon = a.indexOf(':');
      int eq = a.indexOf('=', Math.max(colon, 0));
      if (colon <= 0 || eq <= colon + 1 || eq == a.length() - 1) {
        throw new IllegalArgumentException("invalid --alias \"" + a + "\" (expected column:value=canonical, e.g. "
            + "event_type:impression=touch)");
      }
      aliases.computeIfAbsent(a.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new HashMap<>())
          .put(a.substring(colon + 1, eq), a.substring(eq + 1));
    }
    return new MappingSpec(columns, aliases);
  }

  /** @return the core's mapping */
  public ColumnMapping mapping() {
    return ColumnMapping.of(columns, aliases);
  }
}
