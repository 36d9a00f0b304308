package io.tributary.spark;

import io.tributary.core.InputException;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.Header;
import java.util.List;
import java.util.Objects;

/** Consent (opt-out) rows: one non-empty {@code customer_id} each; other columns are ignored. */
final class ConsentRows implements RowHandler {
  private static final long serialVersionUID = 1L;
  static final List<String> REQUIRED = List.of("customer_id");

  private final MappingSpec mapping;

  ConsentRows(MappingSpec mapping) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  @Override
  public Parser open(String file, List<String> header) {
    ColumnMapping m = mapping.mapping();
    Header h = Header.resolve(file, header, REQUIRED, List.of(), m);
    return fields -> {
      if (fields.length != h.width()) {
        throw new InputException(file, 0, null, "expected " + h.width() + " fields, found " + fields.length);
      }
      return ParsedRecords.data(IdentityRows.id(h, m, fields, "customer_id", file), null, null, null, null, 0);
    };
  }
}
