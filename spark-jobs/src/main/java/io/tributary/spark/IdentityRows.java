package io.tributary.spark;

import io.tributary.core.InputException;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import java.util.List;
import java.util.Objects;

/** Identity-map rows {@code alias_id,customer_id}: both ids non-empty and no longer than an event's customer id. */
final class IdentityRows implements RowHandler {
  private static final long serialVersionUID = 1L;
  static final List<String> REQUIRED = List.of("alias_id", "customer_id");

  private final MappingSpec mapping;

  IdentityRows(MappingSpec mapping) {
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
      String alias = id(h, m, fields, "alias_id", file);
      String customer = id(h, m, fields, "customer_id", file);
      return ParsedRecords.data(alias, null, customer, null, null, 0);
    };
  }

  static String id(Header h, ColumnMapping m, String[] fields, String canonical, String file) {
    String v = h.get(fields, canonical);
    v = v == null ? "" : v.strip();
    if (v.isEmpty()) {
      throw new InputException(file, 0, m.source(canonical), "empty id");
    }
    if (v.length() > EventRowParser.MAX_ID_LENGTH) {
      throw new InputException(file, 0, m.source(canonical),
          "value of " + v.length() + " characters is longer than " + EventRowParser.MAX_ID_LENGTH);
    }
    return v;
  }
}
