package io.tributary.core.journey;

import java.util.Locale;
import java.util.Objects;

/**
 * What a touch is credited as ({@code --touchpoint}): its channel, its campaign, or the pair. Models, paths and the
 * journey builder see one name per touch, the touchpoint key; this class makes the key from a row's channel and
 * campaign and reads the two back for output.
 *
 * <p>The key of a pair is {@code channel + U+001F + campaign}; at {@code campaign} level it is {@code U+001F +
 * campaign} (an empty channel part, so it can never equal a pair's key). At {@code channel} level it is the channel
 * name, as before any campaign existed.
 */
public enum TouchpointLevel {
  /** The channel alone (the default). */
  CHANNEL("channel"),
  /** The campaign alone, whatever channel carried it. */
  CAMPAIGN("campaign"),
  /** The pair: a campaign inside its channel. */
  CHANNEL_CAMPAIGN("channel/campaign");

  /*
   * Why U+001F and not a printable character (a "/" or ":"). Both row parsers refuse control characters in channel
   * and campaign names (and campaign names are checked only at the levels that read them), so:
   *  1. no collision: a key holds exactly one U+001F and the channel part holds none, so cutting at the first U+001F
   *     gives back the pair; two different pairs never make the same key, whatever "/" or ">" the names hold;
   *  2. order: U+001F sorts below every character a name may hold, so key order (String.compareTo) is the order of
   *     the pair, channel first, then campaign. The journey builder breaks timestamp ties by key order; because key
   *     order refines channel order, the channels of a journey come out in the same sequence at every level, which
   *     is what makes rule-model credit rolled up to channels equal the channel-level run exactly.
   * Outputs never show the separator: the pair goes to two columns, and a path or chain state shows "channel/campaign"
   * ({@link #display}).
   */

  /** Between the channel and the campaign of a key. */
  public static final char SEPARATOR = '\u001F';
  /** The campaign of a touch whose row has none. */
  public static final String NO_CAMPAIGN = "(none)";
  /** The channel column of a row at {@code campaign} level: the campaign over every channel. */
  public static final String ALL_CHANNELS = "(all)";

  private final String text;

  TouchpointLevel(String text) {
    this.text = text;
  }

  /** @return the level as written on a command line: {@code channel}, {@code campaign} or {@code channel/campaign} */
  public String text() {
    return text;
  }

  /** @return whether this level reads the campaign column */
  public boolean usesCampaign() {
    return this != CHANNEL;
  }

  /**
   * @param s {@code channel}, {@code campaign} or {@code channel/campaign} (case and surrounding blanks ignored)
   * @return the level
   * @throws IllegalArgumentException naming the value and the levels allowed
   */
  public static TouchpointLevel parse(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    for (TouchpointLevel l : values()) {
      if (l.text.equals(t)) {
        return l;
      }
    }
    throw new IllegalArgumentException("expected channel, campaign or channel/campaign, got \"" + s + "\"");
  }

  /**
   * The checks of a run's inputs that the level needs, the same in both engines.
   *
   * @param level the run's level
   * @param events whether the main input is an event log (not a path file)
   * @param lifetimeValue whether the run computes lifetime value by channel
   * @throws io.tributary.core.TributaryException bad input, one line: {@code --touchpoint: reason}
   */
  public static void checkInput(TouchpointLevel level, boolean events, boolean lifetimeValue) {
    if (!level.usesCampaign()) {
      return;
    }
    if (!events) {
      throw io.tributary.core.Errors.badOption("touchpoint", level.text() + " needs an event log with a campaign "
          + "column; a path file has channels only");
    }
    if (lifetimeValue) {
      throw io.tributary.core.Errors.badOption("touchpoint", "lifetime value by channel is computed at channel "
          + "level only; leave --touchpoint at channel with it");
    }
  }

  /**
   * @param channel the row's channel, not empty
   * @param campaign the row's campaign; null or empty for none, which becomes {@link #NO_CAMPAIGN}
   * @return the touchpoint key of a touch at this level
   */
  public String key(String channel, String campaign) {
    Objects.requireNonNull(channel, "channel");
    String c = campaign == null || campaign.isEmpty() ? NO_CAMPAIGN : campaign;
    return switch (this) {
      case CHANNEL -> channel;
      case CAMPAIGN -> SEPARATOR + c;
      case CHANNEL_CAMPAIGN -> channel + SEPARATOR + c;
    };
  }

  /** @return whether {@code key} is a campaign key (made at {@code campaign} or {@code channel/campaign} level) */
  public static boolean hasCampaign(String key) {
    return key.indexOf(SEPARATOR) >= 0;
  }

  /**
   * @return the channel of a key: the channel itself for a plain key, {@link #ALL_CHANNELS} for a key made at
   *     {@code campaign} level
   */
  public static String channelOf(String key) {
    int cut = key.indexOf(SEPARATOR);
    if (cut < 0) {
      return key;
    }
    return cut == 0 ? ALL_CHANNELS : key.substring(0, cut);
  }

  /** @return the channel part of a key, empty at {@code campaign} level (no channel is known) */
  public static String channelPart(String key) {
    int cut = key.indexOf(SEPARATOR);
    return cut < 0 ? key : key.substring(0, cut);
  }

  /** @return the campaign of a key, or null for a plain (channel) key */
  public static String campaignOf(String key) {
    int cut = key.indexOf(SEPARATOR);
    return cut < 0 ? null : key.substring(cut + 1);
  }

  /**
   * @return the key as paths and chain states show it: {@code channel/campaign}, the campaign alone at
   *     {@code campaign} level, the channel alone for a plain key (readable, not a key: a {@code /} inside a name is
   *     not escaped, the {@code channel} and {@code campaign} columns of the credit tables are the exact pair)
   */
  public static String display(String key) {
    int cut = key.indexOf(SEPARATOR);
    if (cut < 0) {
      return key;
    }
    return cut == 0 ? key.substring(1) : key.substring(0, cut) + '/' + key.substring(cut + 1);
  }
}
