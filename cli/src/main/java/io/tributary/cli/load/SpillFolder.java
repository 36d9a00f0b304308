package io.tributary.cli.load;

import io.tributary.core.Errors;
import io.tributary.core.TributaryException;
import io.tributary.core.options.MemoryOptionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The run's own folder of spilled runs, made inside the temporary folder on the first spill and deleted with every
 * file in it by {@link #close} (the run's end, success or failure) or, should the JVM be stopped first, by a shutdown
 * hook. It counts the bytes the runs take against {@code --temp-dir-limit}. An I/O failure here is the environment's,
 * never the input's: one line naming the folder ({@link Errors#cannotSpill}), for a full disk or folder as for a
 * missing one. Thread-safe: reading threads spill at once.
 */
final class SpillFolder implements AutoCloseable {
  private final Path parent;
  private final long limit;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private Path folder;
  private Thread hook;

  /**
   * @param parent the temporary folder ({@code --temp-dir})
   * @param limit bytes the runs may take ({@code --temp-dir-limit}; {@link MemoryOptionSpec#NO_LIMIT} for none)
   */
  SpillFolder(Path parent, long limit) {
    this.parent = parent;
    this.limit = limit;
  }

  /** @return a new file name in the run's folder, making the folder on first use */
  synchronized Path newRun() {
    if (folder == null) {
      try {
        folder = Files.createTempDirectory(parent, "tributary-spill-");
      } catch (IOException | SecurityException | UnsupportedOperationException e) {
        throw failure(e);
      }
      hook = new Thread(this::deleteQuietly, "tributary-spill-cleanup");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    return folder.resolve(String.format(java.util.Locale.ROOT, "run-%05d.bin", files.incrementAndGet()));
  }

  /**
   * Counts {@code size} bytes about to be written to a run, for the disk limit and the run's summary.
   *
   * @throws IOException when they would take the runs past the limit (nothing is written then)
   */
  void take(long size) throws IOException {
    long after = bytes.addAndGet(size);
    if (after > limit) {
      bytes.addAndGet(-size);
      throw new IOException("the spilled runs would take more than --temp-dir-limit "
          + MemoryOptionSpec.TEMP_DIR_LIMIT.show(limit));
    }
  }

  /** @return runs written so far */
  long runs() {
    return files.get();
  }

  /** @return bytes written so far */
  long bytes() {
    return bytes.get();
  }

  /** @return a one-line failure naming the temporary folder and what went wrong */
  TributaryException failure(Exception e) {
    return Errors.cannotSpill(parent.toString(), new IOException(reason(e), e));
  }

  /* The JDK's messages for these are the bare path; say what is wrong with it. */
  private String reason(Exception e) {
    if (!Files.exists(parent)) {
      return "no such folder";
    }
    if (!Files.isDirectory(parent)) {
      return "not a folder";
    }
    if (!Files.isWritable(parent) || e instanceof java.nio.file.AccessDeniedException) {
      return "not writable";
    }
    if (e instanceof NoSuchFileException) {
      return "a spilled run was removed while the run was going";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /** Deletes the run's folder and everything in it. */
  @Override
  public synchronized void close() {
    deleteQuietly();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook runs (and finds nothing left).
      }
      hook = null;
    }
  }

  /** Deletes one run file now (a run whose range was read on a wrong guess and discarded). */
  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The folder goes at close; a file left here goes with it.
    }
  }

  private synchronized void deleteQuietly() {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> s = Files.list(folder)) {
      s.forEach(SpillFolder::delete);
    } catch (IOException e) {
      // Best effort: nothing else to do at the end of a run.
    }
    delete(folder);
  }
}
