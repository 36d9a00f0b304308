#!/bin/sh
# One-pass backfill against nightly runs (issue 13, item 3): over one generated Delta lake (LakeGenerator, partitioned
# by event_date), a backfill of DAYS report dates (`--from A --to B`, one spark-submit) against DAYS nightly runs of the
# same dates (`--run-date D`, one after the other), then a check that both wrote the same channel_credit and
# conversion_kpis partitions (every row, 1e-9).
#
#   benchmarks/backfill-bench.sh 90          # the issue's table: 90 dates, 3,000 events a day
#   BENCH_NIGHTLY=30 benchmarks/backfill-bench.sh 90   # the nightly runs of the last 30 dates only (one lock hold)
#
# DAYS separate spark-submits would take over an hour on a 2-core machine, so the nightly runs are launched through
# the job's entry point (io.tributary.bench.spark.NightlyRuns -> AttributionJob.execute) one after another in one JVM
# and one Spark session per BENCH_CHUNK dates: that leaves out the JVM and Spark start of all but one run a chunk, which
# favours the nightly runs (the start is measured on its own, the backfill's own first lines). The backfill runs in its
# own JVM, timed end to end and inside the JVM.
#
# Environment: BENCH_DIR (default target/backfill-bench), BENCH_PER_DAY (events a day, default 3000), BENCH_LAST (the
# last report date and the lake's last date, default 2024-12-31), BENCH_HISTORY (days of lake before the first report
# date, default 60: more than the 30-day lookback), BENCH_CHUNK (nightly runs per JVM, default 30), BENCH_XMX
# (default 4g), BENCH_MASTER (default local[2]), BENCH_LOCK (a lock file: when set, each timed step takes it with
# flock, so that nothing else runs beside it while other work may run between steps), BENCH_NIGHTLY (run the nightly
# runs of only the last N report dates, default all; the comparison then covers those dates).
set -e
[ $# -ge 1 ] || { sed -n 2,20p "$0" >&2; exit 2; }
days=$1
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-$root/target/backfill-bench}
per_day=${BENCH_PER_DAY:-3000}
last=${BENCH_LAST:-2024-12-31}
history=${BENCH_HISTORY:-60}
chunk=${BENCH_CHUNK:-30}
xmx=${BENCH_XMX:-4g}
master=${BENCH_MASTER:-local[2]}
mkdir -p "$dir"
cd "$root"
if [ ! -f spark-jobs/target/job-classpath.txt ] || [ ! -f benchmarks/target/benchmarks.jar ]; then
  echo "build first: ./mvnw -pl spark-jobs,benchmarks -am package -DskipTests" >&2
  exit 2
fi
. "$root/benchmarks/job-lib.sh"
mkdir -p "$dir/lib"
cp "benchmarks/target/benchmarks.jar" "$dir/lib/benchmarks.jar"
cp="$(job_classpath "$root" "$dir/lib"):$dir/lib/benchmarks.jar"
jvm=$(spark_jvm "$root" "$xmx" "$master")
export SPARK_LOCAL_IP=127.0.0.1
first=$(date -u -d "$last - $((days - 1)) days" +%F)
lake="$dir/lake-$((days + history))-$per_day-$last"

locked() { # command... : under BENCH_LOCK when set
  if [ -n "$BENCH_LOCK" ]; then flock "$BENCH_LOCK" "$@"; else "$@"; fi
}
if [ ! -d "$lake/_delta_log" ]; then
  # shellcheck disable=SC2086
  locked java $jvm -cp "$cp" io.tributary.bench.spark.LakeGenerator "$lake" $((days + history)) "$per_day" "$last" \
    > "$dir/generate.log" 2>&1 || { cat "$dir/generate.log" >&2; exit 1; }
fi
echo "lake: $((days + history)) days to $last, $per_day events a day; report dates $first..$last ($days)"

# The backfill: one JVM, end to end (and its run alone, inside the JVM).
rm -rf "$dir/out-range"
start_load=$(cut -d' ' -f1 /proc/loadavg)
# shellcheck disable=SC2086
locked /usr/bin/time -f "%e" -o "$dir/time.txt" java $jvm -cp "$cp" io.tributary.bench.spark.NightlyRuns range \
  "$dir/out-range" "$first" "$last" --events "delta:$lake" > "$dir/range.log" 2>&1 \
  || { cat "$dir/range.log" >&2; exit 1; }
range_wall=$(tail -n 1 "$dir/time.txt")
range_run=$(sed -n 's/^total 1 runs: \([0-9.]*\) s$/\1/p' "$dir/range.log")
echo "backfill --from $first --to $last: wall $range_wall s, run $range_run s (load $start_load-$(cut -d' ' -f1 /proc/loadavg))"
grep -h "^run" "$dir/range.log" | sed 's/^/  /'

# The nightly runs: BENCH_CHUNK dates a JVM, each chunk its own step (and lock).
rm -rf "$dir/out-nightly" "$dir/nightly.log"
d=$(date -u -d "$last - $((${BENCH_NIGHTLY:-$days} - 1)) days" +%F)
nightly_wall=0
while [ "$(date -u -d "$d" +%s)" -le "$(date -u -d "$last" +%s)" ]; do
  end=$(date -u -d "$d + $((chunk - 1)) days" +%F)
  [ "$(date -u -d "$end" +%s)" -gt "$(date -u -d "$last" +%s)" ] && end=$last
  start_load=$(cut -d' ' -f1 /proc/loadavg)
  # shellcheck disable=SC2086
  locked /usr/bin/time -f "%e" -o "$dir/time.txt" java $jvm -cp "$cp" io.tributary.bench.spark.NightlyRuns nightly \
    "$dir/out-nightly" "$d" "$end" --events "delta:$lake" > "$dir/chunk.log" 2>&1 \
    || { cat "$dir/chunk.log" >&2; exit 1; }
  cat "$dir/chunk.log" >> "$dir/nightly.log"
  wall=$(tail -n 1 "$dir/time.txt")
  nightly_wall=$(awk -v a="$nightly_wall" -v b="$wall" 'BEGIN { print a + b }')
  echo "nightly $d..$end: wall $wall s, runs $(sed -n 's/^total \([0-9]*\) runs: \([0-9.]*\) s$/\1 runs \2 s/p' \
    "$dir/chunk.log") (load $start_load-$(cut -d' ' -f1 /proc/loadavg))"
  d=$(date -u -d "$end + 1 day" +%F)
done
runs=$(grep -h "^run " "$dir/nightly.log" | sed 's/^run --run-date [0-9-]*: \([0-9.]*\) s.*/\1/' | sort -n)
nightly_run=$(echo "$runs" | awk '{ s += $1 } END { printf "%.1f", s }')
median=$(echo "$runs" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "nightly runs: $(echo "$runs" | wc -l) runs, $nightly_run s in all inside the JVMs (median $median s, range" \
  "$(echo "$runs" | head -n 1)-$(echo "$runs" | tail -n 1) s), $nightly_wall s wall"
# Fewer nightly runs than dates (BENCH_NIGHTLY): their sums scaled to all the dates, and said so.
awk -v r="$range_run" -v n="$nightly_run" -v rw="$range_wall" -v nw="$nightly_wall" -v k="$(echo "$runs" | wc -l)" \
  -v d="$days" 'BEGIN { f = d / k; printf "nightly / backfill%s: %.1fx inside the JVMs, %.1fx wall\n", \
    k == d ? "" : sprintf(" (%d nightly runs scaled to %d)", k, d), n * f / r, nw * f / rw }'

# The same partitions: every channel_credit and conversion_kpis row of the backfill is a nightly run's, to 1e-9.
# shellcheck disable=SC2086
locked java $jvm -cp "$cp" io.tributary.bench.spark.NightlyRuns compare "$dir/out-range" "$dir/out-nightly" \
  2>"$dir/compare.log" \
  || { cat "$dir/compare.log" >&2; echo "the backfill's partitions differ from the nightly runs'" >&2; exit 1; }
