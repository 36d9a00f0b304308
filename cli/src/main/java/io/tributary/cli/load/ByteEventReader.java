package io.tributary.cli.load;

import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.TributaryException;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.journey.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads an event log file from bytes: an uncompressed file is cut at line ends into one slice per thread, each slice
 * split by {@link ByteRecords} and its plain rows taken by {@link PlainEventRows}; any other row goes through the
 * core's {@link EventRowParser} as a String[]. Rejected rows are reported in file order with their absolute line
 * numbers, exactly as the String reader reports them.
 *
 * <p>When the bytes hold something this reader does not read exactly as {@link io.tributary.cli.csv.CsvReader} would
 * (see {@link ByteRecords}), it throws {@link ByteRecords.Unsupported} and the caller reads the file the old way; a
 * quote in a sliced file only makes it re-read the file here in one slice, since a slice may start inside a quoted
 * line break.
 */
final class ByteEventReader {
  /** Below this size a file is read in one slice: starting threads would cost more than it saves. */
  static final long MIN_PARALLEL_BYTES = 8 << 20;
  private static final int PROGRESS_EVERY = 1 << 18;

  private final InputSource source;
  private final char delimiter;
  private final EventRowParser parser;
  private final PlainEventRows plain;
  private final boolean failFast;
  private long minParallelBytes = MIN_PARALLEL_BYTES;

  /** A bad row as read: its fields, and its line counted from the start of its slice. */
  private record Bad(String[] fields, long line) {}

  /** What one slice gave. */
  private record Slice(long read, long accepted, long lines, List<Bad> bad) {}

  /** The filled store, rows read and accepted, and the bad rows in file order with their absolute lines. */
  record Outcome(EventStore store, long read, long accepted, List<Object[]> bad) {}

  /**
   * @param source a file (not stdin)
   * @param delimiter an ASCII delimiter other than a quote or line end
   * @param header the resolved header
   * @param parser the core's parser for that header
   * @param zone zone of local date-times
   * @param plainRows whether plain rows may skip the core's parser (false when value aliases apply)
   * @param failFast whether a slice may stop at its first bad row (the fail policy)
   */
  ByteEventReader(InputSource source, char delimiter, Header header, EventRowParser parser, ZoneId zone,
      boolean plainRows, boolean failFast) {
    this.source = source;
    this.delimiter = delimiter;
    this.parser = parser;
    this.plain = plainRows ? new PlainEventRows(header, zone) : null;
    this.failFast = failFast;
  }

  /** Lets tests slice small files. */
  ByteEventReader minParallelBytes(long bytes) {
    this.minParallelBytes = bytes;
    return this;
  }

  /** @return whether this reader can read the given delimiter (every detected one is) */
  static boolean readable(char delimiter) {
    return delimiter < 0x80 && delimiter != '"' && delimiter != '\n' && delimiter != '\r';
  }

  /**
   * Reads every data row into {@code store}.
   *
   * @param store an empty store
   * @param threads slices for an uncompressed file
   * @param progress told the rows read now and then (from this thread)
   * @return the store filled (a fresh one when the file had to be read again), counts, and the bad rows, each as
   *     {@code {InputException, String[] fields}}
   * @throws ByteRecords.Unsupported when the file must be read by the String reader instead
   */
  Outcome read(EventStore store, int threads, Progress progress) {
    Path file = Path.of(source.name());
    long size;
    boolean gzip;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      ByteBuffer magic = ByteBuffer.allocate(2);
      ch.read(magic, 0);
      gzip = magic.position() == 2 && (magic.get(0) & 0xFF) == 0x1f && (magic.get(1) & 0xFF) == 0x8b;
    } catch (IOException e) {
      throw new ByteRecords.Unsupported("cannot open: " + e.getMessage(), false);
    }
    if (gzip || threads < 2 || size < minParallelBytes) {
      return sequential(store, progress);
    }
    try {
      return parallel(store, file, size, threads, progress);
    } catch (ByteRecords.Unsupported e) {
      if (!e.quote) {
        throw e;
      }
      return sequential(store.fresh(), progress);
    }
  }

  private Outcome sequential(EventStore store, Progress progress) {
    AtomicLong rows = new AtomicLong();
    try (InputStream in = source.open()) {
      Slice s = slice(new ByteRecords(in, delimiter, true, false), true, store.writer(), rows, progress);
      return outcome(store, List.of(s));
    } catch (IOException | UncheckedIOException e) {
      throw new ByteRecords.Unsupported("read error", false);
    }
  }

  private Outcome parallel(EventStore store, Path file, long size, int threads, Progress progress) {
    long[] cuts = cuts(file, size, threads);
    int n = cuts.length - 1;
    AtomicLong rows = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "tributary-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Slice>> parts = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        long from = cuts[k];
        long to = cuts[k + 1];
        boolean first = k == 0;
        EventStore.Writer w = store.writer();
        parts.add(pool.submit(() -> {
          try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return slice(new ByteRecords(new RangeStream(ch, from, to), delimiter, first, true), first, w, rows,
                null);
          }
        }));
      }
      List<Slice> slices = new ArrayList<>();
      for (Future<Slice> f : parts) {
        while (true) {
          try {
            slices.add(f.get(250, TimeUnit.MILLISECONDS));
            break;
          } catch (TimeoutException e) {
            progress.rows(source.displayName(), rows.get());
          }
        }
      }
      return outcome(store, slices);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TributaryException("interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re && !(re instanceof UncheckedIOException)) {
        throw re;
      }
      throw new ByteRecords.Unsupported("read error", false);
    } finally {
      pool.shutdownNow();
    }
  }

  /* Slice boundaries: just after the first line feed at or after each equal share of the file. */
  private static long[] cuts(Path file, long size, int threads) {
    List<Long> cuts = new ArrayList<>(List.of(0L));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer window = ByteBuffer.allocate(1 << 16);
      for (int k = 1; k < threads; k++) {
        long at = Math.max(size * k / threads, cuts.get(cuts.size() - 1));
        long cut = -1;
        while (cut < 0 && at < size) {
          window.clear();
          int n = ch.read(window, at);
          for (int i = 0; i < n && cut < 0; i++) {
            if (window.get(i) == '\n') {
              cut = at + i + 1;
            }
          }
          at += Math.max(n, 1);
        }
        if (cut > cuts.get(cuts.size() - 1) && cut < size) {
          cuts.add(cut);
        }
      }
    } catch (IOException e) {
      throw new ByteRecords.Unsupported("cannot read", false);
    }
    cuts.add(size);
    return cuts.stream().mapToLong(Long::longValue).toArray();
  }

  /* Reads one slice; the first one starts with the header, which is skipped (CsvReader has resolved it). */
  private Slice slice(ByteRecords records, boolean first, EventStore.Writer out, AtomicLong rows,
      Progress progress) {
    if (first && !records.next()) {
      return new Slice(0, 0, records.linesRead(), List.of());
    }
    long read = 0;
    long accepted = 0;
    List<Bad> bad = new ArrayList<>();
    while (records.next()) {
      read++;
      if ((read & (PROGRESS_EVERY - 1)) == 0) {
        long all = rows.addAndGet(PROGRESS_EVERY);
        if (progress != null) {
          progress.rows(source.displayName(), all);
        }
      }
      if (plain != null && plain.add(records, out)) {
        accepted++;
        continue;
      }
      String[] fields = records.strings();
      Event e;
      try {
        // The line is re-based after all slices are read; a bad row is parsed again then, for its message.
        e = parser.parse(fields, records.line() + 1);
      } catch (InputException x) {
        bad.add(new Bad(fields, records.line()));
        if (failFast) {
          break;
        }
        continue;
      }
      out.add(e);
      accepted++;
    }
    return new Slice(read, accepted, records.linesRead(), bad);
  }

  /* Counts in file order; each bad row parsed again under its absolute line for the exact message. */
  private Outcome outcome(EventStore store, List<Slice> slices) {
    long read = 0;
    long accepted = 0;
    long linesBefore = 0;
    List<Object[]> bad = new ArrayList<>();
    for (Slice s : slices) {
      read += s.read;
      accepted += s.accepted;
      for (Bad b : s.bad) {
        try {
          parser.parse(b.fields, linesBefore + b.line + 1);
          throw new IllegalStateException("a rejected row parsed on its second reading");
        } catch (InputException x) {
          bad.add(new Object[] {x, b.fields});
        }
      }
      if (failFast && !bad.isEmpty()) {
        break;
      }
      linesBefore += s.lines;
    }
    return new Outcome(store, read, accepted, bad);
  }

  /** The bytes {@code [from, to)} of a file, read by position (each slice has its own channel). */
  private static final class RangeStream extends InputStream {
    private final FileChannel ch;
    private long at;
    private final long end;

    RangeStream(FileChannel ch, long from, long to) {
      this.ch = ch;
      this.at = from;
      this.end = to;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException("read blocks");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (at >= end) {
        return -1;
      }
      int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - at)), at);
      if (n > 0) {
        at += n;
      }
      return n;
    }
  }
}
