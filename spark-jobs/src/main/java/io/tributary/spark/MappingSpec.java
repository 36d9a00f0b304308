package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import java.io.Serializable;
import java.util.List;

/**
 * The {@code --map} and {@code --alias} options as given, so they can travel to the executors; the core reads them
 * ({@link ColumnMapping#parse}, the CLI's reader too), checked when the spec is made.
 *
 * @param maps {@code canonical=source} entries
 * @param aliases {@code column:value=canonical} entries
 */
public record MappingSpec(List<String> maps, List<String> aliases) implements Serializable {
  private static final long serialVersionUID = 1L;

  public MappingSpec {
    maps = List.copyOf(maps);
    aliases = List.copyOf(aliases);
    ColumnMapping.parse(maps, aliases);
  }

  /** @return no renames, no aliases */
  public static MappingSpec none() {
    return new MappingSpec(List.of(), List.of());
  }

  /**
   * @param maps {@code canonical=source} entries
   * @param aliasEntries {@code column:value=canonical} entries
   * @throws io.tributary.core.TributaryException bad input, as the core's {@link ColumnMapping#parse} words it
   */
  public static MappingSpec parse(List<String> maps, List<String> aliasEntries) {
    return new MappingSpec(List.copyOf(maps), List.copyOf(aliasEntries));
  }

  /** @return the core's mapping */
  public ColumnMapping mapping() {
    return ColumnMapping.parse(maps, aliases);
  }
}
