package io.tributary.cli.options;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The optional inputs beside the main one. */
public final class SideFiles {
  @Option(names = "--spend", paramLabel = "FILE", description = "Spend per channel: date,channel,spend[,campaign].")
  String spend;

  @Mixin CustomerFiles customers;

  /** @return the spend file, or null */
  public String spend() {
    return spend;
  }

  /** @return the identity map, or null */
  public String identities() {
    return customers.identities();
  }

  /** @return the consent list, or null */
  public String consent() {
    return customers.consent();
  }
}
