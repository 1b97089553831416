#!/usr/bin/env bash
# Tracing overhead (issue 13, "Measured"): requests/s and server CPU per request of
# POST /api/v1/validate (blog schema) with wrk on loopback, tracing off, on with an unreachable
# collector (a closed loopback port) and on with a live loopback OTLP/HTTP receiver, alternated
# in one run: a server per mode, all started together, each warmed once, then measured in turn, the
# order reversed every other round (off, down, live, live, down, off, ...) so a load that rises or
# falls during the run does not favour one mode.
#
#   bench/tracing.sh                    # 2 wrk threads, 16 connections, 60 s warm-up, 20 s measured, 3 rounds
#   ROUNDS=5 DURATION=30 bench/tracing.sh
#   PIN=1 bench/tracing.sh              # server on core 0; wrk and the receiver on core 1
#   MODES="off down live sampled" bench/tracing.sh   # sampled: live, OTEL_TRACES_SAMPLER=parentbased_traceidratio
#                                                    # with OTEL_TRACES_SAMPLER_ARG=$SAMPLE_RATIO (default 0.25)
#   JVM_OPTS_B="-XX:+UseSerialGC -Xms256m -Xmx256m -Xmn128m" MODES="off live off+b live+b" bench/tracing.sh
#                                       # a mode ending in +b runs its server with JVM_OPTS_B instead of JVM_OPTS
#
# The warm-up is long on purpose: the JIT compilers take tens of seconds of CPU to compile the
# service's hot paths (longer while neighbours load the machine), and compilation still running
# during the measurement is counted as CPU per request (tracing on has more code to compile). The
# share of the JIT compiler threads is reported beside each figure, so a measurement taken before
# the server was warm shows as one.
#
# Needs: wrk, curl, python3, a JDK 17+. Builds the executable jar (offline Maven, package only).
# Server CPU per request = the server process's user+system CPU over the measurement divided by
# the requests served: it does not depend on how much of the machine the neighbours take.
# Writes bench/results/tracing-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-60}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
ROUNDS="${ROUNDS:-3}"
SAMPLE_RATIO="${SAMPLE_RATIO:-0.25}"
# Load just before each measurement: a server left idle while the others were measured showed
# its JIT compiling again in its next round (presumably JDK 17's code cache sweeper).
REWARM="${REWARM:-10}"
read -r -a MODES <<<"${MODES:-off down live}"
JVM_OPTS="${JVM_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}"
JVM_OPTS_B="${JVM_OPTS_B:-$JVM_OPTS}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/backbone-tracing-bench.XXXXXX")"
mkdir -p bench/results
command -v wrk >/dev/null || { echo "bench/tracing.sh: wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
log() { echo "bench: $*" >&2; }
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
JAR="$ROOT/backbone-cli/target/backbone-ai.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT"/backbone-*/src/main -newer "$JAR" -print -quit)" ]; then
  log "building the executable jar (offline)"
  ./mvnw -o -q -B -DskipTests -pl backbone-cli -am package >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 2; }
fi
# PIN=1: the server on core 0, wrk and the receiver on core 1 (taskset), as in production, where
# the collector is another host or has cores of its own: unpinned, the receiver's and wrk's work
# preempts the server's threads on the same 2 cores and counts as the server's.
SERVER_CPU=(); CLIENT_CPU=()
if [ -n "${PIN:-}" ]; then
  command -v taskset >/dev/null || { echo "bench/tracing.sh: PIN=1 needs taskset" >&2; exit 2; }
  SERVER_CPU=(taskset -c 0); CLIENT_CPU=(taskset -c 1)
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of the JIT compiler threads (C1/C2 CompilerThreadN) of process $1.
jit_ticks() { cat /proc/"$1"/task/*/stat 2>/dev/null | awk '/\(C[12] CompilerThre/ { n = split($0, f, ") "); split(f[n], g, " "); t += g[12] + g[13] } END { print t + 0 }'; }

# A live OTLP/HTTP receiver (bench/otlp_sink.py), as a collector answers.
RECV_PORT="$(free_port)"
"${CLIENT_CPU[@]}" python3 "$ROOT/bench/otlp_sink.py" "$RECV_PORT" >"$WORK/receiver.log" 2>&1 &
RECV_PID=$!
DOWN_PORT="$(free_port)"   # nothing listens there
declare -A PIDS PORTS
stop_servers() { for m in "${!PIDS[@]}"; do kill -TERM "${PIDS[$m]}" 2>/dev/null || true; wait "${PIDS[$m]}" 2>/dev/null || true; done; }
trap 'stop_servers; kill $RECV_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

start_server() { # $1 = a mode: off|down|live|sampled, optionally ending in +b (JVM_OPTS_B)
  local port; port="$(free_port)"
  local opts="$JVM_OPTS"; [ "${1%+b}" != "$1" ] && opts="$JVM_OPTS_B"
  local env=(API_HOST=127.0.0.1 API_PORT="$port" LOG_LEVEL=INFO RATE_LIMIT_PUBLIC=1000000 RATE_LIMIT_VALIDATION=1000000
    OUTPUT_DIR="$WORK/out" LOG_DIR="$WORK/logs-$1")
  case "${1%+b}" in
    off) ;;
    down) env+=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$DOWN_PORT") ;;
    live) env+=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$RECV_PORT") ;;
    sampled) env+=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$RECV_PORT" OTEL_TRACES_SAMPLER=parentbased_traceidratio
      OTEL_TRACES_SAMPLER_ARG="$SAMPLE_RATIO") ;;
    *) echo "bench/tracing.sh: unknown mode $1 (off, down, live, sampled)" >&2; exit 2 ;;
  esac
  (cd "$WORK" && exec env "${env[@]}" "${SERVER_CPU[@]}" java $opts -jar "$JAR" serve >"$WORK/console-$1.log" 2>&1) &
  PIDS[$1]=$!; PORTS[$1]=$port
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health/readiness"; do
    kill -0 "${PIDS[$1]}" 2>/dev/null || { echo "server exited:"; cat "$WORK/console-$1.log"; exit 2; }
    sleep 0.05
  done
}
java_pid() { pgrep -P "${PIDS[$1]}" java || echo "${PIDS[$1]}"; }
measure() { # $1 = mode, $2 = duration -> "rps p50_ms p99_ms non200 cpu_us_per_request jit_us_per_request"
  local jp c0 c1 j0 j1
  jp="$(java_pid "$1")"; c0="$(cpu_ticks "$jp")"; j0="$(jit_ticks "$jp")"
  BENCH_SCHEMA="$ROOT/examples/blog_schema.json" "${CLIENT_CPU[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -s "$ROOT/bench/validate.lua" \
    "http://127.0.0.1:${PORTS[$1]}/api/v1/validate" >"$WORK/wrk.txt"
  c1="$(cpu_ticks "$jp")"; j1="$(jit_ticks "$jp")"
  awk -v ticks="$((c1 - c0))" -v jit="$((j1 - j0))" -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /requests in/ { n=$1 } /Requests\/sec/ { rps=$2 } $1=="50%" { p50=ms($2) } $1=="99%" { p99=ms($2) }
    /Non-2xx or 3xx responses/ { bad=$5 }
    END { printf "%.0f %.2f %.2f %d %.1f %.1f\n", rps, p50, p99, bad+0, (n > 0 ? ticks * 1e6 / hz / n : 0), (n > 0 ? jit * 1e6 / hz / n : 0) }' "$WORK/wrk.txt"
}
# Spans exported and dropped so far by mode $1's server, from /health/detailed.
spans() { curl -fs "http://127.0.0.1:${PORTS[$1]}/health/detailed" | python3 -c 'import json,sys; t=json.load(sys.stdin)["details"]["tracing"]; print(t["spans_exported"], t["spans_dropped"])'; }
declare -A R
REVERSED=(); for ((i = ${#MODES[@]} - 1; i >= 0; i--)); do REVERSED+=("${MODES[$i]}"); done
# Every mode's server up at once (idle ones cost nothing measurable), each warmed once, then
# measured alternately: every round compares the same warm JVMs.
for m in "${MODES[@]}"; do
  start_server "$m"
  log "warming $m for ${WARMUP}s"
  measure "$m" "$WARMUP" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  order=("${MODES[@]}")
  [ $((round % 2)) -eq 0 ] && order=("${REVERSED[@]}")
  for m in "${order[@]}"; do
    [ "$REWARM" -gt 0 ] && measure "$m" "$REWARM" >/dev/null
    e0="$(spans "$m")"
    R[$m,$round]="$(measure "$m" "$DURATION")"
    e1="$(spans "$m")"
    R[health,$m,$round]="$(awk -v a="$e0" -v b="$e1" 'BEGIN { split(a, x, " "); split(b, y, " "); print y[1] - x[1], y[2] - x[2] }')"
    log "round $round, $m: ${R[$m,$round]} (spans exported/dropped in the round: ${R[health,$m,$round]})"
  done
done
median() { # $1 = mode, $2 = field
  for round in $(seq 1 "$ROUNDS"); do echo "${R[$1,$round]}" | awk -v f="$2" '{print $f}'; done \
    | sort -n | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'
}
REPORT="bench/results/tracing-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "### Run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Command: \`bench/tracing.sh\` (MODES=\"${MODES[*]}\" SAMPLE_RATIO=$SAMPLE_RATIO THREADS=$THREADS CONNECTIONS=$CONNECTIONS DURATION=${DURATION}s WARMUP=${WARMUP}s REWARM=${REWARM}s ROUNDS=$ROUNDS);"
  echo "server: \`java $JVM_OPTS -jar backbone-ai.jar serve\`$([ "$JVM_OPTS_B" != "$JVM_OPTS" ] && echo " (modes ending in +b: \`$JVM_OPTS_B\`)"), LOG_LEVEL=INFO; $(nproc) cores shared with wrk and the receiver$([ -n "${PIN:-}" ] && echo " (PIN=1: server on core 0, wrk and the receiver on core 1)"); $(java -version 2>&1 | head -1);"
  echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| tracing | requests/s (median) | server CPU µs/request (median) | CPU vs ${MODES[0]} | of which JIT compiler threads µs/request (median) |"
  echo "|---|---:|---:|---:|---:|"
  OFF_CPU="$(median "${MODES[0]}" 5)"
  for m in "${MODES[@]}"; do
    c="$(median "$m" 5)"
    echo "| $m | $(median "$m" 1) | $c | $(awk -v a="$c" -v b="$OFF_CPU" 'BEGIN { printf "%+.1f%%", (a-b)*100/b }') | $(median "$m" 6) |"
  done
  echo
  echo "Every round (requests/s, p50 ms, p99 ms, non-2xx, server CPU µs/request, of which JIT µs/request; spans exported/dropped during the round):"
  echo
  for round in $(seq 1 "$ROUNDS"); do
    line="- round $round:"
    for m in "${MODES[@]}"; do line+=" $m ${R[$m,$round]} (${R[health,$m,$round]});"; done
    echo "${line%;}"
  done
} | tee "$REPORT"
log "written $REPORT"
