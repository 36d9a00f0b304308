package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.IdRowParser;
import java.util.List;
import java.util.Objects;

/** Identity-map rows {@code alias_id,customer_id}, validated by the core's {@link IdRowParser}. */
final class IdentityRows implements RowHandler {
  private static final long serialVersionUID = 1L;

  private final MappingSpec mapping;

  IdentityRows(MappingSpec mapping) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  @Override
  public Parser open(String file, List<String> header) {
    ColumnMapping m = mapping.mapping();
    IdRowParser p = new IdRowParser(IdRowParser.identityHeader(file, header, m), m);
    return fields -> ParsedRecords.data(p.id(fields, "alias_id"), null, p.id(fields, "customer_id"), null,
        null, 0);
  }
}
