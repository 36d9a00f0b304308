/**
 * The scale benchmark's yardstick: the hand-written Spark SQL job a data engineer would write instead of Tributary
 * (last-touch and linear credit with window functions). {@code benchmarks/spark-bench.sh} times it against the real
 * job on the same files in the same run.
 */
package io.tributary.bench.spark;
