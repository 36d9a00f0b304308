package io.tributary.cli.options;

import picocli.CommandLine.Option;

/** The inputs that decide who the customers are: the identity map and the opt-out list (every command reads both). */
public final class CustomerFiles {
  @Option(names = "--identities", paramLabel = "FILE",
      description = "Identity map alias_id,customer_id: events of an alias count for its customer.")
  String identities;

  @Option(names = "--consent", paramLabel = "FILE",
      description = "Opt-out list (column customer_id): those customers are dropped before anything is computed.")
  String consent;

  /** @return the identity map, or null */
  public String identities() {
    return identities;
  }

  /** @return the consent list, or null */
  public String consent() {
    return consent;
  }
}
