# Sourced by the Spark benchmark scripts (spark-bench.sh, lake-bench.sh, backfill-bench.sh, baseline-bench.sh,
# segments-bench.sh; headline.sh through spark-bench.sh): what
# each needs to launch the job from a built tree, written once.

# job_classpath TREE LIB: copies TREE's job jar and the project's own jars of its class path into LIB (private copies:
# a rebuild in the tree must not pull them away mid-run) and prints the job's class path over those copies.
job_classpath() {
  jl_tree=$1
  jl_lib=$2
  mkdir -p "$jl_lib"
  cp "$(ls "$jl_tree"/spark-jobs/target/spark-jobs-*.jar | grep -v -e '-spark-submit.jar$' | head -n 1)" \
    "$jl_lib/spark-jobs.jar"
  jl_cp="$jl_lib/spark-jobs.jar"
  for jl_entry in $(cat "$jl_tree/spark-jobs/target/job-classpath.txt" \
      "$jl_tree/spark-jobs/target/job-classpath-runtime.txt" | tr ':' ' '); do
    case "$jl_entry" in
      "$jl_tree"/*) cp "$jl_entry" "$jl_lib/" && jl_cp="$jl_cp:$jl_lib/$(basename "$jl_entry")" ;;
      *) jl_cp="$jl_cp:$jl_entry" ;;
    esac
  done
  echo "$jl_cp"
}

# spark_jvm ROOT XMX MASTER: the JVM options of a local Spark run (the build's --add-opens, UTC, the job's log4j
# settings, no UI), to be expanded unquoted before -cp.
spark_jvm() {
  echo "$(sed -n 's/.*<spark.jvm.opens>\(.*\)<\/spark.jvm.opens>.*/\1/p' "$1/pom.xml") -Xmx$2 -Duser.timezone=UTC" \
    "-Dlog4j2.configurationFile=$1/spark-jobs/conf/log4j2.properties -Dspark.master=$3 -Dspark.ui.enabled=false" \
    "-Dspark.sql.session.timeZone=UTC"
}
