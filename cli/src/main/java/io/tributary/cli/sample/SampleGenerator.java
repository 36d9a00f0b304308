package io.tributary.cli.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic data set, one customer at a time: memory stays flat whatever the number of events (only the
 * spend ledger, days × channels, and the truth sums are kept).
 *
 * <p>Files: {@code events.csv} (or {@code events.csv.gz}), {@code identities.csv}, {@code consent.csv},
 * {@code spend.csv} and, unless disabled, {@code truth.csv} and {@code truth_by_segment.csv}. See
 * {@code sample-data/README.md} for every column.
 */
public final class SampleGenerator {
  /** The event log ({@code .gz} appended when compressed). */
  public static final String EVENTS = "events.csv";
  /** The identity map. */
  public static final String IDENTITIES = "identities.csv";
  /** The opt-out list. */
  public static final String CONSENT = "consent.csv";
  /** The daily spend per paid channel. */
  public static final String SPEND = "spend.csv";
  /** The per-channel causal truth. */
  public static final String TRUTH = "truth.csv";
  /** The per-channel causal truth of each value of the {@code persona} and {@code loyalty} columns. */
  public static final String TRUTH_BY_SEGMENT = "truth_by_segment.csv";

  private static final int BUFFER = 1 << 16;

  private SampleGenerator() {}

  /**
   * @param spec what to generate
   * @param dir the directory to write into; created when absent; existing files of the same names are replaced, and
   *     a {@code truth.csv}, {@code truth_by_segment.csv} or an event log of the other compression left there by an
   *     earlier run is deleted, since it would describe another data set
   * @return what was written
   * @throws IOException when a file cannot be written
   */
  public static SampleSummary generate(SampleSpec spec, Path dir) throws IOException {
    Files.createDirectories(dir);
    CustomerSimulator simulator = new CustomerSimulator(spec);
    CustomerRows rows = new CustomerRows(spec);
    SpendLedger spend = new SpendLedger(spec);
    IncrementalTruth truth = new IncrementalTruth(simulator.lifts());
    SegmentTruth segmentTruth = new SegmentTruth(simulator.lifts());
    LifetimeTruth lifetime = new LifetimeTruth(spec);
    List<Path> files = new ArrayList<>();
    Path eventsFile = dir.resolve(spec.gzip() ? EVENTS + ".gz" : EVENTS);
    Files.deleteIfExists(dir.resolve(spec.gzip() ? EVENTS : EVENTS + ".gz"));
    if (!spec.truth()) {
      Files.deleteIfExists(dir.resolve(TRUTH));
      Files.deleteIfExists(dir.resolve(TRUTH_BY_SEGMENT));
    }
    long eventRows = 0;
    long conversions = 0;
    long repeats = 0;
    try (Writer events = open(eventsFile, spec.gzip());
        Writer identities = open(dir.resolve(IDENTITIES), false);
        Writer consent = open(dir.resolve(CONSENT), false)) {
      events.append(CustomerRows.EVENTS_HEADER).append('\n');
      identities.append(CustomerRows.IDENTITIES_HEADER).append('\n');
      consent.append(CustomerRows.CONSENT_HEADER).append('\n');
      for (long i = 0; i < spec.customers(); i++) {
        SimulatedCustomer c = simulator.simulate(i);
        eventRows += rows.write(c, events, identities, consent);
        spend.add(c);
        for (int t = 0; t < c.touches(); t++) {
          conversions += c.converts()[t] ? 1 : 0;
        }
        repeats += c.repeats().count();
        if (spec.truth() && !c.optedOut()) {
          IncrementalTruth.Contribution k = truth.contribution(c);
          truth.add(k);
          segmentTruth.add(c, k);
          lifetime.add(c);
        }
      }
    }
    files.add(eventsFile);
    files.add(dir.resolve(IDENTITIES));
    files.add(dir.resolve(CONSENT));
    try (Writer out = open(dir.resolve(SPEND), false)) {
      spend.write(out);
    }
    files.add(dir.resolve(SPEND));
    if (spec.truth()) {
      try (Writer out = open(dir.resolve(TRUTH), false)) {
        truth.write(out, lifetime);
      }
      files.add(dir.resolve(TRUTH));
      try (Writer out = open(dir.resolve(TRUTH_BY_SEGMENT), false)) {
        segmentTruth.write(out);
      }
      files.add(dir.resolve(TRUTH_BY_SEGMENT));
    }
    return new SampleSummary(spec.customers(), eventRows, conversions + repeats, repeats,
        spec.truth() ? truth.expectedConversions() : Double.NaN, files);
  }

  private static Writer open(Path file, boolean gzip) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    if (gzip) {
      // GZIPOutputStream writes a zero modification time, so the compressed bytes are reproducible too.
      out = new GZIPOutputStream(out, BUFFER);
    }
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }
}
