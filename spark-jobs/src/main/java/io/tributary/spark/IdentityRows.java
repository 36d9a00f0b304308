package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.IdRowParser;
import java.util.List;
import java.util.Objects;

/**
 * Identity-map rows {@code alias_id,customer_id}, validated by the core's {@link IdRowParser}. Each accepted pair keeps
 * its place in the file: an alias mapped to two customers is found on the driver, which names the second pair's line
 * as the CLI does.
 */
final class IdentityRows implements RowHandler {
  private static final long serialVersionUID = 1L;

  private final MappingSpec mapping;

  IdentityRows(MappingSpec mapping) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  @Override
  public Parser open(String file, List<String> header) {
    return open(file, -1, header);
  }

  @Override
  public Parser open(String file, long split, List<String> header) {
    ColumnMapping m = mapping.mapping();
    IdRowParser p = new IdRowParser(IdRowParser.identityHeader(file, header, m), m);
    return fields -> ParsedRecords.locatedData(p.id(fields, "alias_id"), p.id(fields, "customer_id"), file, split,
        fields.line() - 1);
  }
}
