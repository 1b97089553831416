#!/usr/bin/env bash
# The 10-minute soak (issue 14, "Measured"; a documented command, not part of CI): one server with
# the Redis rate limiter and the Redis jobs queue, driven by bench/soak.py at a fixed rate with
# validate, generate and generate jobs mixed (85 / 10 / 5 %), reporting errors, p99 per minute and
# the server's resident memory at start and end.
#   bench/soak.sh                          # measures the mix's capacity first (closed loop, 16
#                                          # clients, 30 s warm-up + 60 s), then soaks at 70% of it
#   RATE=<requests/s> bench/soak.sh        # a fixed rate instead; DURATION=600 WINDOW=60 SHARE=0.7
# Needs a Redis (BACKBONE_TEST_REDIS_URL, default redis://127.0.0.1:6379; a prefix of its own) and
# the Python venv of ../shared/tools/python-venv.sh python/requirements.txt (httpx). Writes bench/results/soak-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RATE="${RATE:-}"; SHARE="${SHARE:-0.7}"
DURATION="${DURATION:-600}"; WINDOW="${WINDOW:-60}"
REDIS="${BACKBONE_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
SHARED="${BACKBONE_SHARED:-$ROOT/../shared}"
eval "$(bash "$SHARED/tools/python-venv.sh" "$ROOT/python/requirements.txt")"
PY="${BACKBONE_PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/backbone-soak.XXXXXX")"
OUT="$ROOT/bench/results/soak-$(date -u +%Y%m%d-%H%M).md"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BACKBONE_DAEMON=off ./backbone-ai version >/dev/null  # builds and prepares the cold path; starts no daemon
(cd "$WORK" && exec env API_HOST=127.0.0.1 API_PORT="$PORT" LOG_LEVEL=WARNING DEFAULT_LLM_PROVIDER=ollama \
    REDIS_URL="$REDIS" REDIS_KEY_PREFIX="bench-soak:$$:" JOBS_RESULT_TTL=5m \
    RATE_LIMIT_PUBLIC=1000000 RATE_LIMIT_VALIDATION=1000000 RATE_LIMIT_AUTHENTICATED=1000000 \
    RATE_LIMIT_GENERATION_PER_MINUTE=1000000 RATE_LIMIT_GENERATION_PER_HOUR=1000000 \
    "$ROOT/backbone-ai" serve >"$WORK/out.log" 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/health/readiness" >/dev/null 2>&1 && break; sleep 0.1; done
CAPACITY=""
if [ -z "$RATE" ]; then
  "$PY" bench/soak.py --url "http://127.0.0.1:$PORT" --pid "$PID" --capacity "${CAPACITY_SECONDS:-60}" --warmup "${WARMUP:-30}" --out "$WORK/capacity.txt" >&2
  CAPACITY="$(cat "$WORK/capacity.txt")"
  RATE="$(awk -v s="$SHARE" '{printf "%.1f", $1 * s}' "$WORK/capacity.txt")"
fi
LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p bench/results
{
  echo "# bench/soak.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), RATE=$RATE DURATION=$DURATION, load average before: $LOAD0"
  [ -n "$CAPACITY" ] && echo && echo "capacity of the mix, measured just before (${WARMUP:-30} s warm-up, then ${CAPACITY_SECONDS:-60} s): $CAPACITY; RATE = $SHARE of it"
  echo
  "$PY" bench/soak.py --url "http://127.0.0.1:$PORT" --pid "$PID" --rate "$RATE" --duration "$DURATION" --window "$WINDOW" \
    --out "$WORK/soak.md" >/dev/null
  cat "$WORK/soak.md"
  echo
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); server ERROR lines: $(grep -c ' ERROR ' "$WORK/out.log" || true)"
  grep ' ERROR ' "$WORK/out.log" | head -5 | cut -c1-300 | sed 's/^/    /' || true
} | tee "$OUT"
