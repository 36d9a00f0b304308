package io.tributary.cli.load;

/**
 * What reading one input gave: every data row read is either accepted or rejected.
 *
 * @param source the input's name
 * @param read data rows read (the header and blank lines not counted)
 * @param accepted rows that passed validation (including those later dropped by consent)
 * @param rejected rows set aside with a reason
 */
public record InputStats(String source, long read, long accepted, long rejected) {
  public InputStats {
    if (read != accepted + rejected) {
      throw new IllegalArgumentException(
          source + ": rows read " + read + " != accepted " + accepted + " + rejected " + rejected);
    }
  }

  /** @return the summary line: rows read = accepted + rejected */
  public String describe() {
    return source + ": " + read + " rows read = " + accepted + " accepted + " + rejected + " rejected";
  }
}
