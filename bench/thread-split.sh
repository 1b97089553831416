#!/usr/bin/env bash
# Where a validate's CPU goes, per thread: four servers (tracing off and live, each with two
# heap settings) pinned to core 0, wrk and a live loopback OTLP/HTTP receiver on core 1. Per
# round and server: REWARM s of load, then DURATION s measured, reading every thread's user and
# system CPU from /proc/<pid>/task/*/stat before and after, grouped as the Tomcat request threads
# (http), the span export (BatchSpanProcessor, jdkhttp-executor, the JDK HTTP client's threads),
# the garbage collector (serial GC: the VM Thread), the JIT compilers and the rest; printed as
# user+system µs per request. At the end, each server's young and full collections (-Xlog:gc) and
# its resident memory.
#
#   bench/thread-split.sh                                  # WARMUP=90 ROUNDS=4 DURATION=20 REWARM=10
#   HEAP_A="-XX:+UseSerialGC -Xms64m -Xmx256m" HEAP_B="-XX:+UseSerialGC -Xms256m -Xmx256m -Xmn128m" bench/thread-split.sh
#
# A round whose jit figure is more than a few µs was taken before the server was warm.
# Needs: wrk, curl, python3, taskset, a JDK 17+, the executable jar (./mvnw -o -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"; JAR="$ROOT/backbone-cli/target/backbone-ai.jar"
WARMUP="${WARMUP:-90}"; ROUNDS="${ROUNDS:-4}"; DURATION="${DURATION:-20}"; REWARM="${REWARM:-10}"
HEAP_A="${HEAP_A:--XX:+UseSerialGC -Xms64m -Xmx256m}"
HEAP_B="${HEAP_B:--XX:+UseSerialGC -Xms256m -Xmx256m -Xmn128m}"
[ -f "$JAR" ] || { echo "bench/thread-split.sh: build the jar first (./mvnw -o -q -DskipTests package)" >&2; exit 2; }
for t in wrk taskset curl python3; do command -v $t >/dev/null || { echo "bench/thread-split.sh: needs $t" >&2; exit 2; }; done
W="$(mktemp -d "${TMPDIR:-/tmp}/backbone-split.XXXXXX")"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
RECV_PORT="$(free_port)"
taskset -c 1 python3 "$ROOT/bench/otlp_sink.py" "$RECV_PORT" >/dev/null 2>&1 &
RP=$!
MODES=(off-a live-a off-b live-b)
declare -A PORT PID
trap 'kill "${PID[@]}" $RP 2>/dev/null || true; rm -rf "$W"' EXIT
for m in "${MODES[@]}"; do
  PORT[$m]="$(free_port)"
  heap="$HEAP_A"; [ "${m#*-}" = b ] && heap="$HEAP_B"
  tracing=(); [ "${m%-*}" = live ] && tracing=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$RECV_PORT")
  # shellcheck disable=SC2086
  (cd "$W" && exec env API_HOST=127.0.0.1 API_PORT="${PORT[$m]}" LOG_LEVEL=INFO RATE_LIMIT_PUBLIC=1000000 \
    RATE_LIMIT_VALIDATION=1000000 OUTPUT_DIR="$W/out" LOG_DIR="$W/logs-$m" "${tracing[@]}" \
    taskset -c 0 java $heap -Xlog:gc:file="$W/gc-$m.log" -jar "$JAR" serve >"$W/console-$m.log" 2>&1) &
  PID[$m]=$!
done
for m in "${MODES[@]}"; do
  until curl -fs -o /dev/null "http://127.0.0.1:${PORT[$m]}/health/readiness"; do
    kill -0 "${PID[$m]}" 2>/dev/null || { cat "$W/console-$m.log"; exit 2; }; sleep 0.2
  done
done
load() { BENCH_SCHEMA="$ROOT/examples/blog_schema.json" taskset -c 1 wrk -t2 -c16 -d"$2"s -s "$ROOT/bench/validate.lua" "http://127.0.0.1:${PORT[$1]}/api/v1/validate"; }
snap() { for f in /proc/"$1"/task/*/stat; do cat "$f" 2>/dev/null || true; done | awk '{
  s = $0; a = index(s, "("); b = index(s, ") "); n = substr(s, a + 1, b - a - 1); split(substr(s, b + 2), g, " ")
  if (n ~ /^http-nio/) n = "http"; else if (n ~ /^C[12] Compiler/) n = "jit"; else if (n ~ /BatchSpan|jdkhttp|HttpClient/) n = "export"
  else if (n == "VM Thread") n = "gc"; else n = "other"
  u[n] += g[12]; k[n] += g[13] } END { for (n in u) print n, u[n], k[n] }'; }
echo "heap a: $HEAP_A; heap b: $HEAP_B; $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for m in "${MODES[@]}"; do load "$m" "$WARMUP" >/dev/null; done
for r in $(seq 1 "$ROUNDS"); do
  for m in "${MODES[@]}"; do
    jp="$(pgrep -P "${PID[$m]}" java || echo "${PID[$m]}")"
    [ "$REWARM" -gt 0 ] && load "$m" "$REWARM" >/dev/null
    snap "$jp" >"$W/s0"; load "$m" "$DURATION" >"$W/wrk.txt"; snap "$jp" >"$W/s1"
    n="$(awk '/requests in/ {print $1}' "$W/wrk.txt")"
    awk -v n="$n" -v m="$m" -v r="$r" -v hz="$(getconf CLK_TCK)" 'NR == FNR { u0[$1] = $2; k0[$1] = $3; next }
      { du = ($2 - u0[$1]) * 1e6 / hz / n; dk = ($3 - k0[$1]) * 1e6 / hz / n; t += du + dk; l = l sprintf(" %s %.1f+%.1f", $1, du, dk) }
      END { printf "round %d %-6s %d requests, total %.1f µs/request |%s\n", r, m, n, t, l }' "$W/s0" "$W/s1"
  done
done
for m in "${MODES[@]}"; do
  jp="$(pgrep -P "${PID[$m]}" java || echo "${PID[$m]}")"
  echo "$m: $(grep -c 'Pause Young' "$W/gc-$m.log" || true) young collections, $(grep -c 'Pause Full' "$W/gc-$m.log" || true) full; resident memory after the load $(($(awk '/VmRSS/ {print $2}' "/proc/$jp/status") / 1024)) MB"
done
