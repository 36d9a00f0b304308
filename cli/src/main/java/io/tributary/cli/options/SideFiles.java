package io.tributary.cli.options;

import picocli.CommandLine.Option;

/** The optional inputs beside the main one. */
public final class SideFiles {
  @Option(names = "--spend", paramLabel = "FILE", description = "Spend per channel: date,channel,spend[,campaign].")
  String spend;

  @Option(names = "--identities", paramLabel = "FILE",
      description = "Identity map alias_id,customer_id: events of an alias count for its customer.")
  String identities;

  @Option(names = "--consent", paramLabel = "FILE",
      description = "Opt-out list (column customer_id): those customers are dropped before anything is computed.")
  String consent;

  /** @return the spend file, or null */
  public String spend() {
    return spend;
  }

  /** @return the identity map, or null */
  public String identities() {
    return identities;
  }

  /** @return the consent list, or null */
  public String consent() {
    return consent;
  }
}
