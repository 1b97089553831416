#!/usr/bin/env bash
# Scale-out benchmark (issue 14, "Measured"), in one run on loopback:
#   1. POST /api/v1/validate (blog schema) with the in-memory rate limiter and with the Redis one,
#      two servers up side by side, measured alternately (A, B, A, B, ...): requests/s, p99 and the
#      server's CPU per request (the figure the neighbours on a shared machine blur least), and the
#      part of it the JIT compiler threads took (not zero: not warm yet); each round at CONNECTIONS
#      (saturating 2 cores) and at LIGHT_CONNECTIONS (a lighter load);
#   2. one replica against two sharing the Redis limiter: wrk on one port, then two wrk at once
#      (half the connections each) on two ports, alternately; requests/s summed;
#   3. one rate-limit decision in-process, memory against Redis (bench/LimiterCost.java): the CPU a
#      request spends on the limiter, which a crowded machine blurs least.
#   bench/scale-out.sh                     # ROUNDS=3 DURATION=15 WARMUP=60 CONNECTIONS=32 LIGHT_CONNECTIONS=4
#   BASELINE=/tmp/old bench/scale-out.sh   # also another checkout's Redis limiter, in the same rounds
#   PIN=1 bench/scale-out.sh               # servers on core 0; wrk and Redis on core 1 (below)
# PIN=1 keeps Redis and wrk off the servers' core (taskset), as in production, where Redis is
# another host: unpinned, Redis's own work preempts the server's threads on the same 2 cores and
# is counted as the server's (its involuntary context switches double). Needs taskset (util-linux);
# Redis must run on this machine (its process is re-pinned for the run and set back after).
# BASELINE is the root of another checkout of this repository, built (its ./backbone-ai runs): its
# server with the Redis limiter is measured in part 1 alternately with this one's, and its
# LimiterCost in part 3, so a change to the limiter is compared before/after in one run.
# Needs wrk, curl, a JDK 17+ and a Redis (BACKBONE_TEST_REDIS_URL, default redis://127.0.0.1:6379;
# keys under a prefix of this run's own). Builds the jar via ./backbone-ai. Limits are raised so
# that nothing is refused, but the limiter runs on every request. Writes bench/results/scale-out-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# WARMUP is per server: the JIT needs about a minute of load on 2 busy cores before the CPU per
# request settles (it falls three- to four-fold from the first seconds).
ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-15}"; WARMUP="${WARMUP:-60}"; CONNECTIONS="${CONNECTIONS:-32}"
LIGHT="${LIGHT_CONNECTIONS:-4}"
PARTS="${PARTS:-1 2 3}"   # e.g. PARTS="1 3": the limiter only
has_part() { [[ " $PARTS " == *" $1 "* ]]; }
REDIS="${BACKBONE_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
BASELINE="${BASELINE:-}"
PREFIX="bench-scale-out:$$:"
SCHEMA="$ROOT/examples/blog_schema.json"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/backbone-scale.XXXXXX")"
OUT="$ROOT/bench/results/scale-out-$(date -u +%Y%m%d-%H%M).md"
command -v wrk >/dev/null || { echo "bench/scale-out.sh: install wrk" >&2; exit 2; }
log() { echo "bench: $*" >&2; }
PIDS=()
SERVER_CPU=(); CLIENT_CPU=(); REDIS_PID=""; REDIS_AFFINITY=""
if [ -n "${PIN:-}" ]; then
  command -v taskset >/dev/null || { echo "bench/scale-out.sh: PIN=1 needs taskset" >&2; exit 2; }
  REDIS_PID="$(pgrep -x redis-server | head -1 || true)"
  [ -n "$REDIS_PID" ] || { echo "bench/scale-out.sh: PIN=1 needs a local redis-server process" >&2; exit 2; }
  REDIS_AFFINITY="$(taskset -pc "$REDIS_PID" | awk -F': ' '{print $2}')"
  taskset -a -pc 1 "$REDIS_PID" >/dev/null
  SERVER_CPU=(taskset -c 0); CLIENT_CPU=(taskset -c 1)
fi
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"
  if [ -n "$REDIS_PID" ]; then taskset -a -pc "$REDIS_AFFINITY" "$REDIS_PID" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
BACKBONE_DAEMON=off ./backbone-ai version >/dev/null  # builds and prepares the cold path; starts no daemon

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The CPU ticks of the JVM's JIT compiler threads (C1, C2) of process $1.
jit_ticks() {
  local pid="$1" t=0 f s comm rest
  for f in /proc/"$pid"/task/*/stat; do
    s="$(cat "$f" 2>/dev/null)" || continue
    comm="${s#*(}"; comm="${comm%%)*}"
    case "$comm" in
      C1\ Compiler*|C2\ Compiler*) rest="${s##*) }"; read -r -a a <<<"$rest"; t=$((t + a[11] + a[12])) ;;
    esac
  done
  echo "$t"
}
# The voluntary and the involuntary context switches of every thread of process $1, as "V N": a
# request thread that blocks for Redis's answer switches voluntarily once more per request.
ctx_switches() {
  cat /proc/"$1"/task/*/status 2>/dev/null \
    | awk '/^voluntary_ctxt_switches:/ { v += $2 } /^nonvoluntary_ctxt_switches:/ { n += $2 } END { print v + 0, n + 0 }'
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start NAME [VAR=value ...]: a server in the background; sets PORT_<NAME> and PID_<NAME>.
# LAUNCHER (default this checkout's ./backbone-ai) is the launcher that runs it.
start() {
  local name="$1"; shift
  local launcher="${LAUNCHER:-$ROOT/backbone-ai}"
  local port; port="$(free_port)"
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec env API_HOST=127.0.0.1 API_PORT="$port" LOG_LEVEL=WARNING DEFAULT_LLM_PROVIDER=ollama \
      RATE_LIMIT_PUBLIC=1000000 RATE_LIMIT_VALIDATION=1000000 RATE_LIMIT_AUTHENTICATED=1000000 \
      RATE_LIMIT_GENERATION_PER_MINUTE=1000000 RATE_LIMIT_GENERATION_PER_HOUR=1000000 "$@" \
      "${SERVER_CPU[@]}" "$launcher" serve >"$WORK/$name/out.log" 2>&1) &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/health/readiness" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fs "http://127.0.0.1:$port/health/readiness" >/dev/null || { cat "$WORK/$name/out.log" >&2; exit 2; }
  printf -v "PORT_$name" '%s' "$port"; printf -v "PID_$name" '%s' "$pid"
}

# wrk on one port; prints "rps p99_ms non2xx requests".
run_wrk() { # port connections duration
  BENCH_SCHEMA="$SCHEMA" "${CLIENT_CPU[@]}" wrk -t2 -c"$2" -d"$3"s --latency -s bench/validate.lua "http://127.0.0.1:$1/api/v1/validate" >"$WORK/wrk-$1.txt"
  awk 'function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /requests in/ { n=$1 } /Requests\/sec/ { rps=$2 } $1=="99%" { p99=ms($2) } /Non-2xx/ { bad=$5 }
    END { printf "%.0f %.2f %d %d\n", rps, p99, bad+0, n }' "$WORK/wrk-$1.txt"
}

# measure NAME CONNECTIONS: warm-up excluded; prints "rps p99 non2xx cpu_us_per_request jit_us_per_request
# context_switches_per_request".
measure() {
  local port pid c0 c1 j0 j1 s0 s1 r
  port="PORT_$1"; pid="PID_$1"; port="${!port}"; pid="${!pid}"
  c0="$(cpu_ticks "$pid")"; j0="$(jit_ticks "$pid")"; read -r v0 i0 <<<"$(ctx_switches "$pid")"
  r="$(run_wrk "$port" "$2" "$DURATION")"
  c1="$(cpu_ticks "$pid")"; j1="$(jit_ticks "$pid")"; read -r v1 i1 <<<"$(ctx_switches "$pid")"
  read -r rps p99 bad n <<<"$r"
  awk -v rps="$rps" -v p99="$p99" -v bad="$bad" -v n="$n" -v t="$((c1 - c0))" -v j="$((j1 - j0))" -v v="$((v1 - v0))" \
    -v i="$((i1 - i0))" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%s %s %s %.0f %.0f %.2f+%.2f\n", rps, p99, bad, (n > 0 ? t * 1e6 / hz / n : 0), (n > 0 ? j * 1e6 / hz / n : 0),
      (n > 0 ? v / n : 0), (n > 0 ? i / n : 0) }'
}

LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"; LOAD1="-"; LOAD2="-"; COST=""
declare -A R
KINDS="mem redis"
if has_part 1; then
log "1. in-memory vs Redis limiter"
start mem
start redis RATE_LIMIT_REDIS_URL="$REDIS" REDIS_KEY_PREFIX="$PREFIX"
if [ -n "$BASELINE" ]; then
  LAUNCHER="$BASELINE/backbone-ai" start base RATE_LIMIT_REDIS_URL="$REDIS" REDIS_KEY_PREFIX="${PREFIX}base:"
  KINDS="mem redis base"
fi
for k in $KINDS; do p="PORT_$k"; run_wrk "${!p}" "$CONNECTIONS" "$WARMUP" >/dev/null; done
for i in $(seq 1 "$ROUNDS"); do
  for c in "$CONNECTIONS" "$LIGHT"; do
    for k in $KINDS; do R[$k,$c,$i]="$(measure "$k" "$c")"; log "round $i, $c connections, $k: ${R[$k,$c,$i]}"; done
  done
done
LOAD1="$(cut -d' ' -f1-3 /proc/loadavg)"
for k in $KINDS; do p="PID_$k"; kill "${!p}"; wait "${!p}" 2>/dev/null || true; done
fi

if has_part 2; then
log "2. one replica vs two (Redis limiter shared)"
start r1 RATE_LIMIT_REDIS_URL="$REDIS" REDIS_KEY_PREFIX="$PREFIX"
start r2 RATE_LIMIT_REDIS_URL="$REDIS" REDIS_KEY_PREFIX="$PREFIX"
run_wrk "$PORT_r1" "$CONNECTIONS" "$WARMUP" >/dev/null; run_wrk "$PORT_r2" "$CONNECTIONS" "$WARMUP" >/dev/null
for i in $(seq 1 "$ROUNDS"); do
  R[one,$i]="$(run_wrk "$PORT_r1" "$CONNECTIONS" "$DURATION")"; log "round $i one replica: ${R[one,$i]}"
  run_wrk "$PORT_r1" "$((CONNECTIONS / 2))" "$DURATION" >"$WORK/two-a" &
  a=$!
  run_wrk "$PORT_r2" "$((CONNECTIONS / 2))" "$DURATION" >"$WORK/two-b"
  wait "$a"
  R[two,$i]="$(paste -d' ' "$WORK/two-a" "$WORK/two-b" | awk '{ printf "%d %s/%s %d %d\n", $1+$5, $2, $6, $3+$7, $4+$8 }')"
  log "round $i two replicas: ${R[two,$i]}"
done
LOAD2="$(cut -d' ' -f1-3 /proc/loadavg)"
kill "$PID_r1" "$PID_r2"; wait "$PID_r1" "$PID_r2" 2>/dev/null || true
fi

if has_part 3; then
log "3. one rate-limit decision in-process, memory vs Redis (bench/LimiterCost.java)"
COST="$(java -cp "$ROOT/backbone-cli/target/app/lib/*" bench/LimiterCost.java "$REDIS" 50000 2>/dev/null | grep '^round')"
if [ -n "$BASELINE" ]; then
  COST="$COST
$(cd "$BASELINE" && java -cp "$BASELINE/backbone-cli/target/app/lib/*" bench/LimiterCost.java "$REDIS" 50000 2>/dev/null \
    | grep '^round' | sed 's/redis:/redis (baseline):/')"
fi
fi

mkdir -p bench/results
{
  echo "# bench/scale-out.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(java -version 2>&1 | head -1)"
  echo
  echo "ROUNDS=$ROUNDS DURATION=${DURATION}s WARMUP=${WARMUP}s CONNECTIONS=$CONNECTIONS LIGHT_CONNECTIONS=$LIGHT PARTS=\"$PARTS\" PIN=${PIN:-}, $(nproc) cores; load average before $LOAD0, after part 1 $LOAD1, after part 2 $LOAD2"
  if has_part 1; then
  echo
  echo "| round | connections | limiter | requests/s | p99 ms | non-2xx | server CPU µs/request | vs memory | of which JIT µs | context switches/request (voluntary+involuntary) |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for i in $(seq 1 "$ROUNDS"); do
    for c in "$CONNECTIONS" "$LIGHT"; do
      read -r _ _ _ memcpu _ <<<"${R[mem,$c,$i]}"
      for k in $KINDS; do
        read -r rps p99 bad cpu jit cs <<<"${R[$k,$c,$i]}"
        case $k in mem) what=memory ;; redis) what=Redis ;; *) what="Redis (baseline $(git -C "$BASELINE" rev-parse --short HEAD 2>/dev/null || echo "$BASELINE"))" ;; esac
        vs="$(awk -v a="$cpu" -v m="$memcpu" -v k="$k" 'BEGIN { if (k == "mem" || m == 0) print "-"; else printf "%+.0f%%", (a - m) * 100 / m }')"
        echo "| $i | $c | $what | $rps | $p99 | $bad | $cpu | $vs | $jit | $cs |"
      done
    done
  done
  fi
  if has_part 2; then
  echo
  echo "| round | replicas | requests/s (sum) | p99 ms | non-2xx |"
  echo "|---|---|---:|---:|---:|"
  for i in $(seq 1 "$ROUNDS"); do
    read -r rps p99 bad n <<<"${R[one,$i]}"; echo "| $i | 1 | $rps | $p99 | $bad |"
    read -r rps p99 bad n <<<"${R[two,$i]}"; echo "| $i | 2 | $rps | $p99 | $bad |"
  done
  fi
  if has_part 3; then
  echo
  echo "In-process, one rate-limit decision of a validate request (the process's CPU, every thread included):"
  echo
  echo "$COST" | sed 's/^/- /'
  fi
} | tee "$OUT"
log "written to $OUT"
