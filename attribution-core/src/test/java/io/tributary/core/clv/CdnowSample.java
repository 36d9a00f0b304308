package io.tributary.core.clv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW 1/10 sample of Fader, Hardie &amp; Lee (2005), {@code ../shared/datasets/cdnow_sample.txt} beside the
 * repository: whitespace-separated, no header, columns full-data id, sample id, date {@code YYYYMMDD}, CDs, dollars.
 */
final class CdnowSample {
  static final Path FILE = Path.of("..", "..", "shared", "datasets", "cdnow_sample.txt");
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  private CdnowSample() {}

  /** @return the purchases of the file; the test is skipped, saying why, when the file is absent */
  static List<Purchase> purchases() {
    assumeTrue(Files.isRegularFile(FILE), FILE + " is absent: the CDNOW reproduction is skipped "
        + "(see /work/shared/datasets/README.md for where the file comes from)");
    try {
      List<Purchase> out = new ArrayList<>();
      for (String line : Files.readAllLines(FILE)) {
        String[] f = line.strip().split("\\s+");
        if (f.length == 5) {
          out.add(new Purchase(f[1], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), new BigDecimal(f[4])));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
