#!/usr/bin/env bash
# Issue 11's 200-table `generate`, this tree's CLI against another build's (A/B in ONE hyperfine
# run, commands alternating), with --verify none and the default (fast), then the CPU time
# (user+sys) of each from a few more alternating runs. Each jar runs as ./backbone-ai runs it:
# extracted, with a class-data-sharing archive from the same training run, the same JVM options.
#   bench/generate-ab.sh /path/to/other/backbone-ai.jar     # RUNS=5 by default; TABLES=200
# Needs hyperfine. Writes bench/results/generate-ab.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OTHER="${1:?usage: bench/generate-ab.sh OTHER_JAR}"
RUNS="${RUNS:-5}"
TABLES="${TABLES:-200}"
command -v hyperfine >/dev/null || { echo "install hyperfine" >&2; exit 2; }
BACKBONE_DAEMON=off ./backbone-ai version >/dev/null  # builds and prepares the cold path; starts no daemon
W="$(mktemp -d)"; trap 'rm -rf "$W"' EXIT
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLI_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# prepare NAME JAR: extracted jar and CDS archive under $W/NAME, as the launcher makes them
prepare() {
  "$JAVA" -Djarmode=tools -jar "$2" extract --destination "$W/$1" >/dev/null
  (cd "$W" && "$JAVA" -XX:ArchiveClassesAtExit="$W/$1/cli.jsa" $CLI_OPTS -cp "$W/$1/backbone-ai.jar" \
    dev.backbone.cli.CdsTraining "$PWD/examples/blog_schema.json" >/dev/null 2>&1) || true
}
prepare a "$OTHER"
prepare b backbone-cli/target/backbone-ai.jar
run() { echo "$JAVA $CLI_OPTS -XX:SharedArchiveFile=$W/$1/cli.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar $W/$1/backbone-ai.jar"; }
javac -d "$W/syn" backbone-core/src/main/java/dev/backbone/core/schema/SyntheticSchemas.java backbone-bench/src/main/java/dev/backbone/bench/WriteSynthetic.java
java -cp "$W/syn" dev.backbone.bench.WriteSynthetic "$TABLES" "$W/t.json"
G="generate --schema $W/t.json -o $W/o -q"
mkdir -p bench/results
echo "load before: $(uptime)" >&2
hyperfine --warmup 1 --runs "$RUNS" --export-markdown bench/results/generate-ab.md --prepare "rm -rf $W/o" \
  -n "other --verify none" "$(run a) $G --verify none" \
  -n "this --verify none" "$(run b) $G --verify none" \
  -n "other (verify fast)" "$(run a) $G" \
  -n "this (verify fast)" "$(run b) $G"
echo "load after: $(uptime)" >&2
# CPU seconds (user+sys) per command, alternating, RUNS rounds
cpu() { rm -rf "$W/o"; /usr/bin/time -o "$W/t" -f "%U %S" $1 >/dev/null 2>&1; awk '{print $1+$2}' "$W/t"; }
declare -A C
for ((i = 0; i < RUNS; i++)); do
  for k in "a --verify none" "b --verify none" "a" "b"; do
    set -- $k; C[$k]+="$(cpu "$(run "$1") $G ${*:2}") "
  done
done
{
  echo
  echo "CPU (user+sys, s), $RUNS alternating runs each, median: other --verify none $(tr ' ' '\n' <<<"${C[a --verify none]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'),"\
    "this --verify none $(tr ' ' '\n' <<<"${C[b --verify none]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'),"\
    "other fast $(tr ' ' '\n' <<<"${C[a]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'),"\
    "this fast $(tr ' ' '\n' <<<"${C[b]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
} | tee -a bench/results/generate-ab.md
echo "load at the end: $(uptime)" >&2
