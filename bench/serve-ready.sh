#!/usr/bin/env bash
# Start to ready of `./backbone-ai serve` as a user sees it: from the launcher's start to the
# first 200 from /health/readiness, in a fresh folder, RUNS times (default 10); then SIGTERM and
# the exit code (0 after a clean drain), and the CPU time the JVM used until ready. Prints one line per run and a summary; the launcher's
# one-time preparation is done by a first, unmeasured start.
#   bench/serve-ready.sh            # RUNS=10
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNS="${RUNS:-10}"
port() { echo $((20000 + RANDOM % 30000)); }
once() {
  local dir p pid t0 t1 code
  dir="$(mktemp -d)"; p="$(port)"
  t0=$(date +%s%N)
  (cd "$dir" && exec env -u METRICS_PORT "$ROOT/backbone-ai" serve --host 127.0.0.1 --port "$p" >"$dir/log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$p/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited before ready:" >&2; cat "$dir/log" >&2; return 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  # CPU the process used until ready (utime + stime, clock ticks): steadier than wall time on a
  # shared machine. The launcher execs java, so $pid is the JVM.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat")
  kill -TERM "$pid"; code=0; wait "$pid" || code=$?
  rm -rf "$dir"
  echo "$(( (t1 - t0) / 1000000 )) $code $cpu"
}
once >/dev/null   # prepares the archive if this build has none yet
all=()
for i in $(seq 1 "$RUNS"); do
  read -r ms code cpu < <(once)
  all+=("$ms")
  echo "run $i: ready in $ms ms (CPU $cpu ms), exit code $code after SIGTERM"
done
printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1; s+=$1} END {printf "serve to ready: mean %d ms, min %d, median %d, max %d (%d runs)\n", s/NR, a[1], a[int((NR+1)/2)], a[NR], NR}'
