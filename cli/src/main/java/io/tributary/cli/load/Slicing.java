package io.tributary.cli.load;

/**
 * When the CLI spreads work over threads: a plain event log of at least {@code minBytes} bytes is read in one byte
 * range per thread, and grouped customers are folded in slices of at least {@code minCustomers} customers. Below
 * these sizes starting threads costs more than it saves; tests set them low to run the sliced code on small files.
 *
 * @param minBytes least file size read in ranges
 * @param minCustomers least customers per fold slice
 */
public record Slicing(long minBytes, int minCustomers) {
  /** The defaults: 8 MB and 10,000 customers. */
  public static final Slicing DEFAULT = new Slicing(8L << 20, 10_000);

  public Slicing {
    if (minBytes < 1 || minCustomers < 1) {
      throw new IllegalArgumentException("slicing thresholds must be >= 1, got " + minBytes + " bytes, "
          + minCustomers + " customers");
    }
  }
}
