package io.tributary.core.input;

import io.tributary.core.InputException;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.paths.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** Turns one row of a spend file ({@code date,channel,spend}, optional {@code campaign}) into a value. */
public final class SpendRowParser {
  /** Columns every spend file must have. */
  public static final List<String> REQUIRED = List.of("date", "channel", "spend");
  /** Columns read when present. */
  public static final List<String> OPTIONAL = List.of("campaign");

  private final Header header;
  private final ColumnMapping mapping;
  private final boolean readCampaign;

  /** A parser for a channel-level run: the campaign column is not read. */
  public SpendRowParser(Header header, ColumnMapping mapping) {
    this(header, mapping, TouchpointLevel.CHANNEL);
  }

  /**
   * @param header the resolved header
   * @param mapping column renames
   * @param level what the run credits; at a level that uses campaigns the {@code campaign} column is read (when
   *     present) with the event log's rules for a campaign name, else it is ignored as it always was
   */
  public SpendRowParser(Header header, ColumnMapping mapping, TouchpointLevel level) {
    this.header = Objects.requireNonNull(header, "header");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.readCampaign = level.usesCampaign() && header.has("campaign");
  }

  /** Resolves a spend file's header. @throws InputException when a required column is missing */
  public static Header header(String file, List<String> names, ColumnMapping mapping) {
    return Header.resolve(file, names, REQUIRED, OPTIONAL, mapping);
  }

  /**
   * A parsed spend row.
   *
   * @param date the day
   * @param channel the channel, not empty
   * @param spend the amount, {@code >= 0}
   * @param campaign the campaign, or null: none given, or a channel-level run (which does not read it)
   */
  public record Row(LocalDate date, String channel, BigDecimal spend, String campaign) {
    /** A row without a campaign. */
    public Row(LocalDate date, String channel, BigDecimal spend) {
      this(date, channel, spend, null);
    }
  }

  /**
   * @param fields the row's fields
   * @param line the 1-based line number (header = 1)
   * @throws InputException naming file, line and column of the first problem
   */
  public Row parse(String[] fields, long line) {
    return parse(Fields.of(fields, line));
  }

  /**
   * @param fields the row's cells and line
   * @throws InputException naming file, line and column of the first problem
   */
  public Row parse(Fields fields) {
    String file = header.file();
    long line = fields.line();
    header.checkWidth(fields);
    String d = Objects.requireNonNullElse(header.get(fields, "date"), "").strip();
    LocalDate date;
    try {
      date = LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d);
    } catch (DateTimeParseException e) {
      throw new InputException(file, line, mapping.source("date"),
          "cannot parse date \"" + Values.clip(d) + "\" (ISO date such as 2024-03-01)");
    }
    String channel = Objects.requireNonNullElse(header.get(fields, "channel"), "").strip();
    if (channel.isEmpty()) {
      throw new InputException(file, line, mapping.source("channel"), "empty channel");
    }
    BigDecimal spend;
    try {
      spend = Values.parseAmount(header.get(fields, "spend"));
    } catch (IllegalArgumentException e) {
      throw new InputException(file, line, mapping.source("spend"), e.getMessage());
    }
    String campaign = null;
    if (readCampaign) {
      campaign = Objects.requireNonNullElse(header.get(fields, "campaign"), "").strip();
      if (campaign.length() > EventRowParser.MAX_CHANNEL_LENGTH) {
        throw new InputException(file, line, mapping.source("campaign"),
            "value of " + campaign.length() + " characters is longer than " + EventRowParser.MAX_CHANNEL_LENGTH);
      }
      if (Values.hasControl(campaign)) {
        throw new InputException(file, line, mapping.source("campaign"),
            "control character in campaign name \"" + Values.clip(campaign) + "\"");
      }
      if (campaign.indexOf(Path.MARK) >= 0) {
        throw new InputException(file, line, mapping.source("campaign"),
            "campaign name \"" + Values.clip(campaign) + "\" contains the path separator '>'");
      }
      campaign = campaign.isEmpty() ? null : campaign;
    }
    return new Row(date, channel, spend, campaign);
  }
}
