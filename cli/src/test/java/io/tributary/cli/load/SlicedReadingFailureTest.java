package io.tributary.cli.load;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tributary.cli.csv.Delimiter;
import io.tributary.cli.csv.InputSource;
import io.tributary.core.input.CsvRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which failure a sliced read reports when its ranges fail in different ways: out of heap in one range shows in the
 * others as other errors (a JDK class whose initialisation ran out of memory is then missing), and the user must get
 * the out-of-memory line, not a consequence's stack trace (the CLI's MemoryBoundsTest met this at 24 MB).
 */
class SlicedReadingFailureTest {
  @TempDir Path dir;

  private static CompletableFuture<Object> failed(Throwable t) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }

  @Test
  void reported_anErrorFirst_anotherRangeOutOfHeap_theOutOfHeap() {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    NoClassDefFoundError missing = new NoClassDefFoundError("Could not initialize class java.util.Formatter");
    List<Future<?>> parts = List.of(failed(missing), CompletableFuture.completedFuture(null), failed(oom));
    assertSame(oom, SlicedReading.reported(parts, missing));
  }

  @Test
  void reported_anErrorFirst_noRangeOutOfHeap_theFirst() {
    NoClassDefFoundError missing = new NoClassDefFoundError("Could not initialize class x.Y");
    List<Future<?>> parts = List.of(failed(missing), failed(new StackOverflowError()),
        CompletableFuture.completedFuture(null));
    assertSame(missing, SlicedReading.reported(parts, missing));
  }

  @Test
  void reported_anExceptionOrOutOfHeapFirst_atOnce_withoutWaitingForTheOtherRanges() {
    CompletableFuture<Object> neverEnds = new CompletableFuture<>();
    IllegalStateException bug = new IllegalStateException("a bug");
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertSame(bug, SlicedReading.reported(List.of(failed(bug), neverEnds, failed(oom)), bug));
      assertSame(oom, SlicedReading.reported(List.of(failed(oom), neverEnds), oom));
    });
  }

  @Test
  void readAll_theFirstRangeFailsWithAMissingClass_aLaterOneOutOfHeap_throwsTheOutOfHeap() throws Exception {
    Path file = dir.resolve("events.csv");
    StringBuilder csv = new StringBuilder("customer_id,timestamp,channel\n");
    for (int i = 0; i < 2000; i++) {
      csv.append("c").append(i).append(",2024-03-01T10:00:00Z,email\n");
    }
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    InputSource source = new InputSource(file.toString(), null);
    long size = Files.size(file);
    long[] cuts = {0, size / 2, Long.MAX_VALUE};
    try (CsvRecords head = source.records(Delimiter.AUTO, cuts[1])) {
      OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> SlicedReading.readAll(source, head, cuts,
          r -> {
            if (r == head) {
              // The first range fails at once, as a consequence; the later range's cause comes after it.
              throw new NoClassDefFoundError("Could not initialize class java.util.stream.FindOps$FindSink$OfInt");
            }
            try {
              Thread.sleep(200);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new OutOfMemoryError("Java heap space");
          }, () -> { }));
      assertSame(OutOfMemoryError.class, thrown.getClass());
    }
  }
}
