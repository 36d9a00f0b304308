#!/bin/sh
# Same-run cost of segments and campaign touchpoints (issue 14): each engine on one event log, plain and with
# `--segment-by region,tier --touchpoint channel/campaign`, alternating, end to end (JVM start included).
#
#   benchmarks/segments-bench.sh cli 3 /tmp/ev10m-seg.csv     # the CLI, 3 rounds
#   benchmarks/segments-bench.sh job 1 /tmp/ev10m-seg.csv     # the Spark job, 1 round
#
# The file: java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.EventLogGenerator /tmp/ev10m-seg.csv \
#   10000000 1000000 20240301 8 --segments 1000   (8 campaigns per channel, 1,000 regions, 3 tiers)
# Environment: BENCH_DIR (default target/segments-bench), BENCH_XMX (default 6g), BENCH_MASTER (default local[2]),
# BENCH_JOB_JVM_FLAGS (default: spark-jobs/conf/jvm.options and cli/bin/page-flags, the flags the job's launcher
# starts it with, as spark-bench.sh; rows measured before 2026-12-05 01:55 UTC ran the job without them, on the JVM's
# defaults, and rows before 2026-12-06 03:20 UTC without page-flags).
# BENCH_CLI (default launcher): how the CLI runs. `launcher` runs cli/bin/tributary, the product's command, with the
# jar's class-data archive built beforehand (in a clean environment, as a user's first run would); for this 678 MB log
# the launcher picks -XX:TieredStopAtLevel=1, the parallel collector and an initial heap of about twice the input.
# `java` runs `java -Xmx$BENCH_XMX -jar` on the JVM's defaults (G1), as every CLI row before 2026-12-05 14:40 UTC did;
# the two give different seconds and ratios, so compare rows of one form only (benchmarks/results/segments.md).
# Each run is preceded and followed by `sync` (outside the timing): the next run must not pay for the last one's
# write-back of a 100-250 MB output.
# Prints one markdown row per run: engine, variant, wall s, peak RSS, load average, the MD5 of the output's CSVs; the
# phase lines go to stderr.
set -e
engine=$1; rounds=${2:-1}; events=$3
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-$root/target/segments-bench}
xmx=${BENCH_XMX:-6g}
master=${BENCH_MASTER:-local[2]}
mkdir -p "$dir/lib"
cd "$root"
models=first_touch,last_touch,last_non_direct,linear,position_based,time_decay,markov
segmented="--segment-by region,tier --touchpoint channel/campaign"
if [ "$engine" = job ]; then
  # Private copies of the jars and the JVM options of a local Spark run: job-lib.sh, as spark-bench.sh.
  . "$root/benchmarks/job-lib.sh"
  cp=$(job_classpath "$root" "$dir/lib")
  default_flags="$(grep -v -e '^#' -e '^ *$' spark-jobs/conf/jvm.options | tr '\n' ' ') $(cli/bin/page-flags)"
  jvm="${BENCH_JOB_JVM_FLAGS-$default_flags}"
  jvm="$jvm $(spark_jvm "$root" "$xmx" "$master")"
  export SPARK_LOCAL_IP=127.0.0.1
else
  cp cli/target/tributary.jar "$dir/lib/tributary.jar"
  rm -f "$dir/lib/tributary.jsa"
  if [ "${BENCH_CLI:-launcher}" = launcher ]; then
    env -i PATH="$PATH" HOME="$HOME" TRIBUTARY_JAR="$dir/lib/tributary.jar" cli/bin/build-class-data \
      "$dir/lib/tributary.jsa" > /dev/null 2>&1 || true
  fi
fi

run() { # variant extra-args...
  variant=$1; shift
  out="$dir/out-$engine-$variant"
  rm -rf "$out"
  sync
  if [ "$engine" = job ]; then
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" java $jvm -cp "$cp" io.tributary.spark.AttributionJob \
      --run-date 2024-03-31 --conversions all --events "$events" --output "$out" "$@" > "$dir/$variant.log" 2>&1
    grep -h "time:" "$dir/$variant.log" >&2 || tail -n 5 "$dir/$variant.log" >&2
  else
    if [ "${BENCH_CLI:-launcher}" = launcher ]; then
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %M" -o "$dir/time.txt" env TRIBUTARY_JAR="$dir/lib/tributary.jar" cli/bin/tributary \
        attribute --events "$events" --models $models --format csv --output "$out" --timings --quiet "$@" \
        2> "$dir/$variant.log"
    else
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %M" -o "$dir/time.txt" java -Xmx$xmx -jar "$dir/lib/tributary.jar" attribute \
        --events "$events" --models $models --format csv --output "$out" --timings --quiet "$@" 2> "$dir/$variant.log"
    fi
    cat "$dir/$variant.log" >&2
  fi
  if [ "$engine" = job ]; then # the job writes a folder of parts per table
    md5=$(cd "$out" && find . -name '*.csv' | sort | xargs md5sum | md5sum | cut -c1-8)
  else # as benchmarks/results/segments.md gives it: `md5sum *.csv | md5sum` in the output folder
    md5=$(cd "$out" && md5sum ./*.csv | sed 's| \./| |' | md5sum | cut -c1-8)
  fi
  sync
  awk -v e="$engine" -v v="$variant" -v ld="$(cut -d' ' -f1-3 /proc/loadavg)" -v m="$md5" \
    '{ printf "| %s | %s | %.2f | %.2f | %s | %s |\n", e, v, $1, $2 / 1048576, ld, m }' "$dir/time.txt"
}

echo "| engine | variant | wall s | peak RSS GB | load avg (1/5/15 min) | md5 of the CSVs |"
echo "|---|---|---|---|---|---|"
i=0
while [ "$i" -lt "$rounds" ]; do
  run plain
  # shellcheck disable=SC2086
  run segmented $segmented
  i=$((i + 1))
done
