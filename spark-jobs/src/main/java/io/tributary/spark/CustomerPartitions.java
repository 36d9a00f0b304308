package io.tributary.spark;

import org.apache.spark.Partitioner;
import org.apache.spark.sql.Row;

/**
 * The job's one shuffle: each {@link ParsedRecords#EVENTS} batch goes to the customer partition it was packed for
 * (its index is the shuffle key); the few other records (counts, notes, rejected rows) are spread by their key and
 * pass through the fold wherever they land.
 */
final class CustomerPartitions extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int partitions;

  CustomerPartitions(int partitions) {
    this.partitions = partitions;
  }

  /** @return the shuffle key of a reading task's record: the partition it goes to */
  static int of(Row r, int partitions) {
    if (r.getInt(ParsedRecords.KIND) == ParsedRecords.EVENTS) {
      return (int) r.getLong(ParsedRecords.IDX);
    }
    Object key = r.get(ParsedRecords.KEY);
    return key == null ? 0 : Math.floorMod(key.hashCode(), partitions);
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerPartitions c && c.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return partitions;
  }
}
