package io.tributary.spark;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injection point for the crash tests, inert unless the system property {@value #PROPERTY} is set: the JVM
 * halts ({@link Runtime#halt}, like SIGKILL: no shutdown hook, no {@code finally}) right after its N-th table commit,
 * so a test can stop a real job at every commit boundary, not only at the ones it manages to catch by polling.
 */
final class CommitKillPoint {
  /** System property: the commit (1 for the first) after which the JVM halts. */
  static final String PROPERTY = "tributary.test.killAfterCommit";

  /** The status the JVM halts with: SIGKILL's, as a shell reports it. */
  static final int STATUS = 137;

  private static final int AFTER = Integer.getInteger(PROPERTY, -1);
  private static final AtomicInteger COMMITS = new AtomicInteger();

  private CommitKillPoint() {}

  /** Called once after every table commit of this JVM. */
  static void committed() {
    if (COMMITS.incrementAndGet() == AFTER) {
      System.out.flush();
      Runtime.getRuntime().halt(STATUS);
    }
  }
}
