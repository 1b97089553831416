#!/usr/bin/env bash
# Issue 11, "Measured": the generated blog app under wrk on PostgreSQL (a fresh database):
# GET /posts?limit=50 (after 200 posts are created) and POST /posts, requests/s and p99.
# uvicorn runs the app with WORKERS processes (default 2, the machine's cores).
#   bench/fastapi-wrk.sh        # DURATION=20 CONNECTIONS=16 WORKERS=2 (BLOG_DIR=an already generated blog)
# Needs wrk, psql, the Python toolchain (python-venv.sh python/requirements.txt).
# Writes bench/results/fastapi-wrk.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
DURATION="${DURATION:-20}"; CONNECTIONS="${CONNECTIONS:-16}"; WORKERS="${WORKERS:-2}"
eval "$(bash "${BACKBONE_SHARED:-$ROOT/../shared}/tools/python-venv.sh" "$ROOT/python/requirements.txt")"
W="$(mktemp -d)"; DB="bb_wrk_$RANDOM$RANDOM"; PORT=$((20000 + RANDOM % 20000))
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null; rm -rf "$W"; }
trap cleanup EXIT
if [ -n "${BLOG_DIR:-}" ]; then cp -r "$BLOG_DIR" "$W/blog"; else ./backbone-ai generate --schema examples/blog_schema.json -o "$W/blog" --verify none >/dev/null; fi
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
export DATABASE_URL="postgresql+psycopg2://postgres@127.0.0.1:5432/$DB"
(cd "$W/blog" && alembic upgrade head >/dev/null 2>&1)
(cd "$W/blog" && exec uvicorn app.main:app --host 127.0.0.1 --port "$PORT" --workers "$WORKERS" --log-level warning) &
PID=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
B="http://127.0.0.1:$PORT"
curl -sf -X POST "$B/users" -H 'content-type: application/json' -d '{"username": "bench", "email": "bench@example.com"}' >/dev/null
for i in $(seq 200); do
  curl -sf -X POST "$B/posts" -H 'content-type: application/json' \
    -d "{\"title\": \"Post $i\", \"content\": \"Text $i\", \"slug\": \"seed-$i\", \"author_id\": 1}" >/dev/null
done
mkdir -p bench/results
OUT=bench/results/fastapi-wrk.md
{
  echo "# generated blog app under wrk ($(date -u +%FT%TZ))"
  echo "load before: $(uptime)"
  echo '```'
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$B/posts?limit=50"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/fastapi-post.lua "$B"
  echo '```'
  echo "load after: $(uptime)"
} | tee "$OUT"
