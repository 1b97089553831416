#!/usr/bin/env bash
# Issue 11, "Measured": `backbone-ai generate` of all default targets (sqlalchemy, sql,
# migrations, fastapi) with `--verify none` and the default (fast), for the blog and for a
# 200-table synthetic schema, side by side in ONE hyperfine run with JHipster's `jhipster jdl` on
# the equivalent 200-entity JDL (bench/schema_to_jdl.py; --skip-install --skip-git --force).
# Commands alternate within the run; then files and lines of each output are counted.
#   bench/fastapi-vs-jhipster.sh            # RUNS=3 by default; JHIPSTER=path/to/jhipster
#   BASE_JAR=/path/to/other/backbone-ai.jar bench/fastapi-vs-jhipster.sh
#     adds that build's 200-table runs to the same hyperfine run (before/after in one run), run
#     as ./backbone-ai runs a jar: extracted, with a class-data-sharing archive from the same
#     training run and the same JVM options
# Each backbone row runs twice: through the background daemon (the launcher's default; the daemon
# warmed by WARM_CALLS calls of each generate before the measurement) and with
# BACKBONE_DAEMON=off (a JVM per command).
# Needs hyperfine, node, generator-jhipster (npm). Writes bench/results/fastapi-vs-jhipster.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
JHIPSTER="${JHIPSTER:-/work/jhipster/node_modules/.bin/jhipster}"
RUNS="${RUNS:-3}"
command -v hyperfine >/dev/null || { echo "install hyperfine" >&2; exit 2; }
[ -x "$JHIPSTER" ] || { echo "no jhipster at $JHIPSTER (npm install generator-jhipster)" >&2; exit 2; }
BACKBONE_DAEMON=off ./backbone-ai version >/dev/null  # builds and prepares the cold path; starts no daemon
W="$(mktemp -d)"; trap 'rm -rf "$W"' EXIT
# the synthetic schema generator needs only the JDK: compile its two classes
javac -d "$W/syn" backbone-core/src/main/java/dev/backbone/core/schema/SyntheticSchemas.java backbone-bench/src/main/java/dev/backbone/bench/WriteSynthetic.java
java -cp "$W/syn" dev.backbone.bench.WriteSynthetic 200 "$W/t200.json"
python3 bench/schema_to_jdl.py "$W/t200.json" > "$W/t200.jdl"
mkdir -p bench/results
BASE=()
if [ -n "${BASE_JAR:-}" ]; then
  CLI_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  java -Djarmode=tools -jar "$BASE_JAR" extract --destination "$W/base" >/dev/null
  (cd "$W" && java -XX:ArchiveClassesAtExit="$W/base/cli.jsa" $CLI_OPTS -cp "$W/base/backbone-ai.jar" \
    dev.backbone.cli.CdsTraining "$ROOT/examples/blog_schema.json" >/dev/null 2>&1) || true
  B="java $CLI_OPTS -XX:SharedArchiveFile=$W/base/cli.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar $W/base/backbone-ai.jar"
  BASE=(-n "base 200 tables --verify none" "$B generate --schema $W/t200.json -o $W/o -q --verify none"
        -n "base 200 tables (verify fast)" "$B generate --schema $W/t200.json -o $W/o -q")
fi
D="env BACKBONE_DAEMON=on ./backbone-ai"
C="env BACKBONE_DAEMON=off ./backbone-ai"
# Every output goes into a folder that does not exist yet, JHipster's too: the previous run's is
# moved aside, not deleted, until the end (bench/aside.sh says why).
WARM_CALLS="${WARM_CALLS:-3}"
for _ in $(seq "$WARM_CALLS"); do
  bench/aside.sh "$W/trash" "$W/warm"; $D generate --schema examples/blog_schema.json -o "$W/warm" >/dev/null
  bench/aside.sh "$W/trash" "$W/warm"; $D generate --schema "$W/t200.json" -o "$W/warm" >/dev/null
done
# the daemon's own warm-up (Warmup: in-memory generates while no command runs) ends first
for _ in $(seq 120); do ./backbone-ai daemon status | grep -q ", warm," && break; sleep 1; done
./backbone-ai daemon status >&2
NOTE="daemon rows: the background daemon (BACKBONE_DAEMON=on), warmed by $WARM_CALLS calls of each generate before the measurement; cold rows: BACKBONE_DAEMON=off, a JVM per command; a daemon row's User/System CPU is the client's alone (the daemon is another process)"
echo "$NOTE" >&2
echo "load before: $(uptime)" >&2
hyperfine --warmup "${WARMUP:-1}" --runs "$RUNS" --export-markdown bench/results/fastapi-vs-jhipster.md \
  --prepare "bench/aside.sh $W/trash $W/o $W/jh && mkdir $W/jh" "${BASE[@]}" \
  -n "backbone blog --verify none (daemon)" "$D generate --schema examples/blog_schema.json -o $W/o --verify none" \
  -n "backbone blog --verify none (cold)" "$C generate --schema examples/blog_schema.json -o $W/o --verify none" \
  -n "backbone blog (verify fast; daemon)" "$D generate --schema examples/blog_schema.json -o $W/o" \
  -n "backbone blog (verify fast; cold)" "$C generate --schema examples/blog_schema.json -o $W/o" \
  -n "backbone 200 tables --verify none (daemon)" "$D generate --schema $W/t200.json -o $W/o --verify none" \
  -n "backbone 200 tables --verify none (cold)" "$C generate --schema $W/t200.json -o $W/o --verify none" \
  -n "backbone 200 tables (verify fast; daemon)" "$D generate --schema $W/t200.json -o $W/o" \
  -n "backbone 200 tables (verify fast; cold)" "$C generate --schema $W/t200.json -o $W/o" \
  -n "jhipster jdl 200 entities" "cd $W/jh && $JHIPSTER jdl $W/t200.jdl --skip-install --skip-git --force --no-insight >/dev/null 2>&1"
echo "load after: $(uptime)" >&2
printf '\n%s\n' "$NOTE" >> bench/results/fastapi-vs-jhipster.md
# the daemon rows ran in the daemon (its command count), not in a JVM of their own
./backbone-ai daemon status >&2
./backbone-ai daemon stop >/dev/null
$C generate --schema examples/blog_schema.json -o "$W/blog" --verify none >/dev/null
$C generate --schema "$W/t200.json" -o "$W/b200" --verify none >/dev/null
count() { echo "$(find "$1" -type f -not -path '*/node_modules/*' | wc -l) files, $(find "$1" -type f -not -path '*/node_modules/*' -print0 | xargs -0 cat | wc -l) lines"; }
{
  echo
  echo "- backbone blog: $(count "$W/blog")"
  echo "- backbone 200 tables: $(count "$W/b200")"
  echo "- jhipster 200 entities: $(count "$W/jh")"
} | tee -a bench/results/fastapi-vs-jhipster.md
