package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.SpendRowParser;
import java.util.List;
import java.util.Objects;

/** Spend rows {@code date,channel,spend}, parsed by the core's {@link SpendRowParser}. */
final class SpendRows implements RowHandler {
  private static final long serialVersionUID = 1L;

  private final MappingSpec mapping;

  SpendRows(MappingSpec mapping) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  @Override
  public Parser open(String file, List<String> header) {
    ColumnMapping m = mapping.mapping();
    SpendRowParser parser = new SpendRowParser(SpendRowParser.header(file, header, m), m);
    return fields -> {
      SpendRowParser.Row r = parser.parse(fields);
      return ParsedRecords.data(r.date().toString(), null, r.channel(), r.spend().toPlainString(), null, 0);
    };
  }
}
