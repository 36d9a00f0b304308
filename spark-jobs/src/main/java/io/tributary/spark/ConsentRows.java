package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.IdRowParser;
import java.util.List;
import java.util.Objects;

/** Consent (opt-out) rows: one {@code customer_id} each, validated by the core's {@link IdRowParser}. */
final class ConsentRows implements RowHandler {
  private static final long serialVersionUID = 1L;

  private final MappingSpec mapping;

  ConsentRows(MappingSpec mapping) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  @Override
  public Parser open(String file, List<String> header) {
    ColumnMapping m = mapping.mapping();
    IdRowParser p = new IdRowParser(IdRowParser.consentHeader(file, header, m), m);
    return fields -> ParsedRecords.data(p.id(fields, "customer_id"), null, null, null, null, 0);
  }
}
