package io.tributary.core.input;

import io.tributary.core.InputException;
import java.util.List;
import java.util.Objects;

/**
 * Validates the id cells of the side inputs — the identity map ({@code alias_id,customer_id}) and the opt-out list
 * ({@code customer_id}) — the same way in every engine: the row has the header's width, each id is non-empty, at
 * most {@link EventRowParser#MAX_ID_LENGTH} characters and free of control characters. No reason quotes an id back:
 * reasons are written to {@code rejected_rows}, which holds no customer id.
 */
public final class IdRowParser {
  /** Columns of an identity map. */
  public static final List<String> IDENTITY_COLUMNS = List.of("alias_id", "customer_id");
  /** Columns of an opt-out list. */
  public static final List<String> CONSENT_COLUMNS = List.of("customer_id");

  private final Header header;
  private final ColumnMapping mapping;

  /** @param header the resolved header; @param mapping column renames */
  public IdRowParser(Header header, ColumnMapping mapping) {
    this.header = Objects.requireNonNull(header, "header");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  /** Resolves an identity map's header. @throws InputException when a column is missing */
  public static Header identityHeader(String file, List<String> names, ColumnMapping mapping) {
    return Header.resolve(file, names, IDENTITY_COLUMNS, List.of(), mapping);
  }

  /** Resolves an opt-out list's header. @throws InputException when the column is missing */
  public static Header consentHeader(String file, List<String> names, ColumnMapping mapping) {
    return Header.resolve(file, names, CONSENT_COLUMNS, List.of(), mapping);
  }

  /**
   * @param fields the row's fields
   * @param line the 1-based line number (header = 1), or 0 when the engine numbers lines later
   * @param canonical {@code alias_id} or {@code customer_id}
   * @return the id, stripped
   * @throws InputException naming file, line and column of the problem
   */
  public String id(String[] fields, long line, String canonical) {
    return id(Fields.of(fields, line), canonical);
  }

  /**
   * @param fields the row's cells and line
   * @param canonical {@code alias_id} or {@code customer_id}
   * @return the id, stripped
   * @throws InputException naming file, line and column of the problem
   */
  public String id(Fields fields, String canonical) {
    long line = fields.line();
    header.checkWidth(fields);
    String v = Objects.requireNonNullElse(header.get(fields, canonical), "").strip();
    if (v.isEmpty()) {
      throw new InputException(header.file(), line, mapping.source(canonical), "empty id");
    }
    if (v.length() > EventRowParser.MAX_ID_LENGTH) {
      throw new InputException(header.file(), line, mapping.source(canonical),
          "value of " + v.length() + " characters is longer than " + EventRowParser.MAX_ID_LENGTH);
    }
    if (Values.hasControl(v)) {
      throw new InputException(header.file(), line, mapping.source(canonical), "control character in id");
    }
    return v;
  }
}
