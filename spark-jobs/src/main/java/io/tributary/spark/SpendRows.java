package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.SpendRowParser;
import io.tributary.core.journey.TouchpointLevel;
import java.util.List;
import java.util.Objects;

/**
 * Spend rows {@code date,channel,spend}, parsed by the core's {@link SpendRowParser} and read with the core's
 * side-input mapping ({@link ColumnMapping#forSideInput}), as the CLI reads them.
 */
final class SpendRows implements RowHandler {
  private static final long serialVersionUID = 1L;

  private final MappingSpec mapping;
  private final TouchpointLevel level;

  SpendRows(MappingSpec mapping) {
    this(mapping, TouchpointLevel.CHANNEL);
  }

  /** @param level at a campaign level the rows' campaigns are read too (in the record's third text field) */
  SpendRows(MappingSpec mapping, TouchpointLevel level) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.level = Objects.requireNonNull(level, "level");
  }

  @Override
  public Parser open(String file, List<String> header) {
    ColumnMapping m = mapping.mapping().forSideInput(header);
    SpendRowParser parser = new SpendRowParser(SpendRowParser.header(file, header, m), m, level);
    return fields -> {
      SpendRowParser.Row r = parser.parse(fields);
      return ParsedRecords.data(r.date().toString(), null, r.channel(), r.spend().toPlainString(), r.campaign(), 0);
    };
  }
}
