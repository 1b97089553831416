#!/usr/bin/env bash
# HTTP service benchmark (issue 4, "Measured"): requests/s and p50/p99 latency of GET /health and
# POST /api/v1/validate (blog schema) with wrk on loopback, metrics on and off in the same run
# (observability overhead), time from start to ready, and resident memory after the load.
#
#   bench/http.sh                 # defaults: 2 wrk threads, 32 connections, 20 s per measurement
#   DURATION=30 CONNECTIONS=64 bench/http.sh
#
# Needs: wrk (Debian package `wrk`), curl, a JDK 17+. Builds the service first (offline Maven).
# Runs the server module's jar and dependencies with dev.backbone.server.BackboneServer (what
# `backbone-ai serve` calls), with an AppCDS archive made by a training run; start-to-ready is also
# measured without it. Writes bench/results/http-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-15}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
# A small instance: 256 MB heap, the serial collector (what the JVM itself picks for small containers;
# G1's own structures add ~40 MB of RSS and buy nothing on two cores).
JVM_OPTS="${JVM_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}"
ROUNDS="${ROUNDS:-3}"
SCHEMA="$ROOT/examples/blog_schema.json"
OUT_DIR="$ROOT/bench/results"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/backbone-bench.XXXXXX")"
mkdir -p "$OUT_DIR"
command -v wrk >/dev/null || { echo "bench/http.sh: wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

log() { echo "bench: $*" >&2; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "building (offline)"
./mvnw -o -q -B -DskipTests -pl backbone-server -am install >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 2; }
for v in 3.6.1 3.8.1 2.8; do
  ./mvnw -o -q -B -pl backbone-server "org.apache.maven.plugins:maven-dependency-plugin:$v:build-classpath" \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >>"$WORK/build.log" 2>&1 && break
done
[ -s "$WORK/cp.txt" ] || { echo "bench/http.sh: could not compute the server's class path" >&2; exit 2; }
for v in 3.6.1 3.8.1 2.8; do
  ./mvnw -o -q -B -pl backbone-server "org.apache.maven.plugins:maven-dependency-plugin:$v:build-classpath" \
    -Dmdep.outputFile="$WORK/cp-test.txt" -Dmdep.includeScope=test >>"$WORK/build.log" 2>&1 && break
done
log "metrics cost per request, in-process (bench/MetricsCost.java)"
METRICS_COST="$(java -cp "$ROOT/backbone-server/target/classes:$(cat "$WORK/cp-test.txt")" "$ROOT/bench/MetricsCost.java" 2>&1 | tail -1)"
# The server module's jar and its dependencies: the code `backbone-ai serve` runs, as plain jars, so that
# an application class-data-sharing archive (AppCDS) can be used (it cannot read the nested jars of the
# executable jar). The entry point is the one the CLI calls.
SERVER_JAR="$(ls "$ROOT"/backbone-server/target/backbone-server-*.jar | grep -v -e sources -e javadoc | head -1)"
CP="$SERVER_JAR:$(cat "$WORK/cp.txt")"
MAIN=dev.backbone.server.BackboneServer
CDS="$WORK/backbone.jsa"
log "AppCDS training run (start, refresh, exit)"
(cd "$WORK" && env API_HOST=127.0.0.1 API_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')" \
   java -XX:ArchiveClassesAtExit="$CDS" -Dspring.context.exit=onRefresh $JVM_OPTS -cp "$CP" "$MAIN" >"$WORK/cds.log" 2>&1) || true
START_PLAIN=(java $JVM_OPTS -cp "$CP" "$MAIN")
START=(java -XX:SharedArchiveFile="$CDS" $JVM_OPTS -cp "$CP" "$MAIN")
[ -f "$CDS" ] || START=("${START_PLAIN[@]}")
HOW="java [-XX:SharedArchiveFile=backbone.jsa] $JVM_OPTS -cp backbone-server.jar:<dependencies> $MAIN"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

PID=""
start_server() { # $1 = true|false (ENABLE_METRICS), [$2 = plain: without the CDS archive]
  PORT="$(free_port)"
  mkdir -p "$WORK/run-$1"
  local t0 t1
  t0=$(date +%s%N)
  local cmd=("${START[@]}")
  [ "${2:-}" = plain ] && cmd=("${START_PLAIN[@]}")
  # One wrk client is one address: the rate limits stay on (their cost is measured) but high enough never to refuse.
  (cd "$WORK/run-$1" && exec env API_HOST=127.0.0.1 API_PORT="$PORT" ENABLE_METRICS="$1" LOG_LEVEL=INFO \
      RATE_LIMIT_PUBLIC=1000000 RATE_LIMIT_VALIDATION=1000000 \
      OUTPUT_DIR="$WORK/run-$1/out" "${cmd[@]}" >"$WORK/run-$1/console.log" 2>&1) &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/readiness"; do
    kill -0 "$PID" 2>/dev/null || { echo "server exited:"; cat "$WORK/run-$1/console.log"; exit 2; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  READY_MS=$(( (t1 - t0) / 1000000 ))
  READY_CPU_MS=$(( $(cpu_ticks "$(java_pid)") * 1000 / $(getconf CLK_TCK) ))
}

stop_server() {
  kill -TERM "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# The JVM child of the subshell is the process whose memory counts.
java_pid() { pgrep -P "$PID" java || echo "$PID"; }

# Runs wrk and prints "rps p50_ms p99_ms non200 server_cpu_us_per_request". The last figure (the
# server process's user+system CPU over the run divided by the requests served) does not depend on
# how much of the machine the neighbours take, so it is the one to compare across runs.
measure() { # $1 = url path, $2 = duration, [$3 = lua script]
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency) jp c0 c1
  [ -n "${3:-}" ] && args+=(-s "$3")
  jp="$(java_pid)"
  c0="$(cpu_ticks "$jp")"
  BENCH_SCHEMA="$SCHEMA" wrk "${args[@]}" "http://127.0.0.1:$PORT$1" >"$WORK/wrk.txt"
  c1="$(cpu_ticks "$jp")"
  awk -v ticks="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /requests in/ { n=$1 }
    /Requests\/sec/ { rps=$2 }
    $1=="50%" { p50=ms($2) }
    $1=="99%" { p99=ms($2) }
    /Non-2xx or 3xx responses/ { bad=$5 }
    END { printf "%.0f %.2f %.2f %d %.0f\n", rps, p50, p99, bad+0, (n > 0 ? ticks * 1e6 / hz / n : 0) }' "$WORK/wrk.txt"
}

declare -A R
log "start to ready without the CDS archive (3 starts)"
PLAIN=""
for i in 1 2 3; do start_server true plain; PLAIN="$PLAIN ${READY_MS}(cpu ${READY_CPU_MS})"; stop_server; done
for round in $(seq 1 "$ROUNDS"); do
  for metrics in true false; do
    log "round $round, ENABLE_METRICS=$metrics: starting"
    start_server "$metrics"
    R[ready,$metrics,$round]="${READY_MS}(cpu ${READY_CPU_MS})"
    log "ready in ${READY_MS} ms; warming up ${WARMUP}s"
    measure /health "$WARMUP" >/dev/null
    measure /api/v1/validate "$WARMUP" "$ROOT/bench/validate.lua" >/dev/null
    R[health,$metrics,$round]="$(measure /health "$DURATION")"
    R[validate,$metrics,$round]="$(measure /api/v1/validate "$DURATION" "$ROOT/bench/validate.lua")"
    R[rss,$metrics,$round]="$(rss_mb "$(java_pid)")"
    log "health ${R[health,$metrics,$round]} | validate ${R[validate,$metrics,$round]} | rss ${R[rss,$metrics,$round]} MB"
    stop_server
  done
done

best() { # $1 = kind, $2 = metrics: the round with the highest requests/s (the table shows it)
  local b="" r
  for round in $(seq 1 "$ROUNDS"); do
    r="${R[$1,$2,$round]}"
    if [ -z "$b" ] || [ "${r%% *}" -gt "${b%% *}" ]; then b="$r"; fi
  done
  echo "$b"
}

median() { # $1 = kind, $2 = metrics, $3 = field (1 rps, 5 cpu): the median over the rounds
  for round in $(seq 1 "$ROUNDS"); do echo "${R[$1,$2,$round]}" | awk -v f="$3" '{print $f}'; done \
    | sort -n | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'
}

STAMP="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
REPORT="$OUT_DIR/http-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "### Run $STAMP"
  echo
  echo "Command: \`bench/http.sh\` (THREADS=$THREADS CONNECTIONS=$CONNECTIONS DURATION=${DURATION}s WARMUP=${WARMUP}s ROUNDS=$ROUNDS);"
  echo "server: \`$HOW\`, LOG_LEVEL=INFO; $(nproc) cores shared with the load generator; $(java -version 2>&1 | head -1);"
  echo "load average before the run: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| metrics | route | requests/s | p50 ms | p99 ms | non-2xx | server CPU µs/request |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for m in true false; do
    for k in health validate; do
      read -r rps p50 p99 bad cpu <<<"$(best "$k" "$m")"
      route=$([ "$k" = health ] && echo "GET /health" || echo "POST /api/v1/validate (blog)")
      echo "| $([ "$m" = true ] && echo on || echo off) | $route | $rps | $p50 | $p99 | $bad | $cpu |"
    done
  done
  echo
  echo "Every round (requests/s, p50 ms, p99 ms, non-2xx, server CPU µs/request):"
  echo
  for round in $(seq 1 "$ROUNDS"); do
    echo "- round $round: metrics on: health ${R[health,true,$round]}, validate ${R[validate,true,$round]};" \
      "off: health ${R[health,false,$round]}, validate ${R[validate,false,$round]}"
  done
  echo
  for k in health validate; do
    echo "- metrics overhead, $k (medians over the rounds): $(awk -v a="$(median "$k" true 1)" -v b="$(median "$k" false 1)" \
      'BEGIN { printf "%.1f%%", (b-a)*100/b }') fewer requests/s, $(awk -v a="$(median "$k" true 5)" -v b="$(median "$k" false 5)" \
      'BEGIN { printf "%.1f%%", (a-b)*100/b }') more server CPU per request with metrics on"
  done
  echo "- $METRICS_COST (one thread's CPU time, in-process; compare with the server CPU per request above)"
  echo "- start to ready (process start to first readiness 200; in brackets the CPU time the process used until then) without AppCDS, ms:$PLAIN"
  echo -n "- start to ready with AppCDS ($([ -f "$CDS" ] && echo "archive from a training run" || echo "no archive: training failed")), ms:"
  for m in true false; do for round in $(seq 1 "$ROUNDS"); do echo -n " ${R[ready,$m,$round]}"; done; done; echo
  echo -n "- resident memory after load, MB:"
  for m in true false; do for round in $(seq 1 "$ROUNDS"); do echo -n " ${R[rss,$m,$round]}"; done; done; echo
} | tee "$REPORT"
log "written $REPORT"
rm -rf "$WORK"
