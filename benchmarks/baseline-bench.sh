#!/bin/sh
# Same-run comparison of this working tree against an earlier commit (issue 12: "no slower than before"): the 10M-row
# CLI run and the Spark job's 10M run, the old and the new jars alternating in one run, so both see the same machine.
#
#   benchmarks/baseline-bench.sh REV prepare       # a git worktree of REV outside this tree, its jars built
#   benchmarks/baseline-bench.sh REV cli [ROUNDS]   # CLI: old, new, old, new ... ROUNDS each (default 5)
#   benchmarks/baseline-bench.sh REV spark [ROUNDS] # Spark job: new, old, new, old ... ROUNDS each (default 2)
#   benchmarks/baseline-bench.sh REV clean         # removes the worktree
#
# This tree's jars must be built first (./mvnw -pl cli,spark-jobs,benchmarks -am package -DskipTests). `prepare`
# builds REV offline with the same command; where REV does not build, pick the nearest earlier commit that does.
# On a shared machine run each step under the build lock so that nothing else runs beside it, e.g.
# `flock /tmp/tributary-build.lock benchmarks/baseline-bench.sh 03bbd83 cli 8`.
#
# Environment: BENCH_EVENTS (default /tmp/tributary-events-10m.csv: EventLogGenerator's 10M rows, see
# results/cli.md), BENCH_BASE (the worktree, default /tmp/tributary-base-REV), BENCH_DIR (scratch, default
# target/baseline-bench). The CLI runs the command of results/cli.md (-Xmx1g, seven models, CSV to a file); the job
# runs spark-bench.sh's (local[2], -Xmx6g, fresh output folder), with --conversions all where the job has that option
# (a job from before report windows credits the whole input without it). Prints one markdown row per run and, at the
# end, the median and range of each jar; the 1-minute load average is taken when each run ends.
set -e
[ $# -ge 2 ] || { sed -n 2,20p "$0" >&2; exit 2; }
rev=$1
step=$2
root=$(cd "$(dirname "$0")/.." && pwd)
base=${BENCH_BASE:-/tmp/tributary-base-$rev}
events=${BENCH_EVENTS:-/tmp/tributary-events-10m.csv}
dir=${BENCH_DIR:-$root/target/baseline-bench}
cd "$root"

case "$step" in
  prepare)
    [ -d "$base" ] || git worktree add --detach "$base" "$rev"
    (cd "$base" && ./mvnw -B -q -ntp -o -pl cli,spark-jobs,benchmarks -am package -DskipTests)
    echo "built $(git -C "$base" log --oneline -1) in $base"
    exit 0 ;;
  clean)
    git worktree remove --force "$base"
    exit 0 ;;
  cli) rounds=${3:-5} ;;
  spark) rounds=${3:-2} ;;
  *) echo "unknown step $step (prepare, cli, spark, clean)" >&2; exit 2 ;;
esac
[ -f "$events" ] || { echo "no $events: see results/cli.md to generate it" >&2; exit 2; }
[ -d "$base" ] || { echo "no $base: run '$0 $rev prepare' first" >&2; exit 2; }
mkdir -p "$dir"

# Private copies of each tree's jars: a rebuild in either tree must not pull them away mid-run.
. "$root/benchmarks/job-lib.sh"
new_cp=$(job_classpath "$root" "$dir/lib-new")
old_cp=$(job_classpath "$base" "$dir/lib-old")
cp "$root/cli/target/tributary.jar" "$dir/lib-new/tributary.jar"
cp "$base/cli/target/tributary.jar" "$dir/lib-old/tributary.jar"
jvm=$(spark_jvm "$root" 6g 'local[2]')
export SPARK_LOCAL_IP=127.0.0.1

timed() { # label command... : runs it, appends "label seconds rssKB load status" to the results file
  label=$1; shift
  status=0
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" > "$dir/$label.log" 2>&1 || status=$?
  echo "$label $(tail -n 1 "$dir/time.txt") $(cut -d' ' -f1 /proc/loadavg) $status" >> "$dir/results.txt"
  awk -v l="$label" -v r="$round" -v t="$(tail -n 1 "$dir/time.txt")" -v ld="$(cut -d' ' -f1 /proc/loadavg)" \
    -v st="$status" 'BEGIN { split(t, a, " "); printf "| %d | %s | %.2f | %.0f | %s |%s\n", r, l, a[1], a[2] / 1024, \
      ld, st == 0 ? "" : " FAILED (exit " st ")" }'
}

cli() { # label
  timed "$1" java -Xmx1g -jar "$dir/lib-$1/tributary.jar" attribute --events "$events" \
    --models first_touch,last_touch,last_non_direct,linear,position_based,time_decay,markov --format csv \
    --output "$dir/out-$1.csv" --quiet
}

job() { # label class-path extra-args...
  label=$1; classpath=$2; shift 2
  rm -rf "$dir/out-job-$label"
  # shellcheck disable=SC2086
  timed "$label" java $jvm -cp "$classpath" io.tributary.spark.AttributionJob --run-date 2024-03-31 "$@" \
    --events "$events" --output "$dir/out-job-$label"
  grep -h "time:" "$dir/$label.log" | sed "s/^/  $label /" >&2 || true
}

all_for() { # tree -> "--conversions all" when the tree's job has the option
  if grep -qs '"conversions"' "$1/attribution-core/src/main/java/io/tributary/core/options/WindowOptionSpec.java"; then
    echo "--conversions all"
  fi
}

rm -f "$dir/results.txt"
echo "$step: $(git -C "$base" log --oneline -1 | cut -c1-60) (old) vs $(git log --oneline -1 | cut -c1-60) (new)"
echo "| round | jar | wall s | peak RSS MB | load |"
echo "|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  if [ "$step" = cli ]; then
    cli old
    cli new
  else
    # shellcheck disable=SC2046
    job new "$new_cp" $(all_for "$root")
    # shellcheck disable=SC2046
    job old "$old_cp" $(all_for "$base")
  fi
done
echo
echo "| jar | runs | median s | min-max s |"
echo "|---|---|---|---|"
for label in old new; do
  grep "^$label " "$dir/results.txt" | cut -d' ' -f2 | sort -n | awk -v l="$label" '{ a[NR] = $1 } END {
    m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "| %s | %d | %.2f | %.2f-%.2f |\n", l, NR, m, a[1], a[NR] }'
done
