package io.tributary.cli.load;

import java.nio.file.Path;

/**
 * One spilled run: a file of customers in (partition, customer id) order, each with its events, written by
 * {@link SortedRunWriter} and read by {@link RunReader}. Channel ids and segment tuples in it are its writer's own,
 * mapped to the store's when read.
 *
 * @param file the run's file
 * @param partitionStarts byte offset where each partition's customers start, and the file's length last
 *     ({@code partitions + 1} entries; an empty partition starts where the next does)
 * @param owner the store writer whose events these are (its channel and segment dictionaries)
 * @param events events written (opted-out customers' events are not)
 * @param excluded events left out because their customer opted out
 */
record SortedRun(Path file, long[] partitionStarts, EventStore.Writer owner, long events, long excluded) {
  /** @return the run's size in bytes */
  long bytes() {
    return partitionStarts[partitionStarts.length - 1];
  }

  /** @return the number of partitions */
  int partitions() {
    return partitionStarts.length - 1;
  }
}
