package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.IdRowParser;
import java.util.List;
import java.util.Objects;

/**
 * The id files beside an event log, validated by the core's {@link IdRowParser} and read with the core's side-input
 * mapping ({@link ColumnMapping#forSideInput}), as the CLI reads them: the identity map ({@code alias_id,customer_id})
 * and the opt-out list ({@code customer_id}). Each accepted identity pair keeps its place in the file: an alias mapped
 * to two customers is found on the driver, which names the second pair's line as the CLI does.
 */
final class IdRows implements RowHandler {
  private static final long serialVersionUID = 1L;

  private final MappingSpec mapping;
  private final boolean identities;

  private IdRows(MappingSpec mapping, boolean identities) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.identities = identities;
  }

  /** @return the handler of an identity map */
  static IdRows identities(MappingSpec mapping) {
    return new IdRows(mapping, true);
  }

  /** @return the handler of an opt-out list */
  static IdRows consent(MappingSpec mapping) {
    return new IdRows(mapping, false);
  }

  @Override
  public Parser open(String file, List<String> header) {
    return open(file, -1, header);
  }

  @Override
  public Parser open(String file, long split, List<String> header) {
    ColumnMapping m = mapping.mapping().forSideInput(header);
    if (!identities) {
      IdRowParser p = new IdRowParser(IdRowParser.consentHeader(file, header, m), m);
      return fields -> ParsedRecords.data(p.id(fields, "customer_id"), null, null, null, null, 0);
    }
    IdRowParser p = new IdRowParser(IdRowParser.identityHeader(file, header, m), m);
    return fields -> ParsedRecords.locatedData(p.id(fields, "alias_id"), p.id(fields, "customer_id"), file, split,
        fields.line() - 1);
  }
}
