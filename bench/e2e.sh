#!/usr/bin/env bash
# End-to-end wall time of the commands a user types, through the launcher, JVM start included
# (issue 15, "Measured"), side by side in one hyperfine run with `java -version` as the floor:
# `--help`, `validate` of the blog, `generate` of the blog (default verification and
# --verify none); then `serve` to ready (bench/serve-ready.sh). The launcher's build and one-time
# preparation happen before the measured runs (a fresh clone's second run). For comparison, the
# same validate and generate with `java -jar` on the executable jar (no launcher, no archive).
#   bench/e2e.sh            # RUNS=10; needs hyperfine (Debian package); writes bench/results/e2e.md
#   JDK25_HOME=/usr/lib/jvm/<jdk-25> bench/e2e.sh   # also the cold commands on JDK 25 (AOT cache)
#   LARGE=1 bench/e2e.sh    # also the 1,000-table generate against the write-only floor (issue 3)
# The short commands run twice: through the background daemon (the launcher's default; the
# daemon warmed by WARM_CALLS calls of each command before the measurement) and with
# BACKBONE_DAEMON=off (a JVM per command), side by side in the same hyperfine run.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench/e2e.sh: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
RUNS="${RUNS:-10}"
BACKBONE_DAEMON=off ./backbone-ai version >/dev/null  # builds and prepares the cold path; starts no daemon
W="$(mktemp -d)"; trap 'rm -rf "$W"' EXIT
mkdir -p bench/results
# For comparison: the executable jar as `java -jar` users run it (nested jars, no archive).
JAR_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
D="env BACKBONE_DAEMON=on ./backbone-ai"
C="env BACKBONE_DAEMON=off ./backbone-ai"
# Outputs go into folders that do not exist yet: the previous run's is moved aside (bench/aside.sh).
WARM_CALLS="${WARM_CALLS:-5}"
for _ in $(seq "$WARM_CALLS"); do
  $D validate examples/blog_schema.json >/dev/null
  bench/aside.sh "$W/trash" "$W/warm"; $D generate --schema examples/blog_schema.json -o "$W/warm" >/dev/null
done
# the daemon's own warm-up (in-memory generates while no command runs) ends first
for _ in $(seq 120); do ./backbone-ai daemon status | grep -q ", warm," && break; sleep 1; done
NOTE="daemon rows: the background daemon (BACKBONE_DAEMON=on), warmed by $WARM_CALLS calls of validate and generate before the measurement; cold rows: BACKBONE_DAEMON=off, a JVM per command; a daemon row's User/System CPU is the client's alone (the daemon is another process)"
echo "$NOTE" >&2
echo "load before: $(uptime)" >&2
# JDK25_HOME=<a JDK 25+>: also the cold commands on it (the launcher's AOT cache), in the same run.
JDK25=()
if [ -n "${JDK25_HOME:-}" ]; then
  C25="env BACKBONE_DAEMON=off JAVA_HOME=$JDK25_HOME ./backbone-ai"
  $C25 validate examples/blog_schema.json >/dev/null  # makes its AOT cache (once per build)
  JDK25=(-n "validate blog (cold, JDK 25 AOT cache)" "$C25 validate examples/blog_schema.json"
         -n "generate blog (default: verify fast; cold, JDK 25 AOT cache)" "$C25 generate --schema examples/blog_schema.json -o $W/o")
fi
hyperfine -N --warmup 2 --runs "$RUNS" --export-markdown bench/results/e2e.md \
  --prepare "bench/aside.sh $W/trash $W/o" "${JDK25[@]}" \
  -n "java -version (floor)" "java -version" \
  -n "backbone-ai --help (daemon)" "$D --help" \
  -n "backbone-ai --help (cold)" "$C --help" \
  -n "validate blog (daemon)" "$D validate examples/blog_schema.json" \
  -n "validate blog (cold)" "$C validate examples/blog_schema.json" \
  -n "generate blog --verify none (daemon)" "$D generate --schema examples/blog_schema.json -o $W/o --verify none" \
  -n "generate blog --verify none (cold)" "$C generate --schema examples/blog_schema.json -o $W/o --verify none" \
  -n "generate blog (default: verify fast; daemon)" "$D generate --schema examples/blog_schema.json -o $W/o" \
  -n "generate blog (default: verify fast; cold)" "$C generate --schema examples/blog_schema.json -o $W/o" \
  -n "validate blog, java -jar (no launcher)" "java $JAR_OPTS -jar backbone-cli/target/backbone-ai.jar validate examples/blog_schema.json" \
  -n "generate blog, java -jar (no launcher)" "java $JAR_OPTS -jar backbone-cli/target/backbone-ai.jar generate --schema examples/blog_schema.json -o $W/o"
echo "load after: $(uptime)" >&2
printf '\n%s\n' "$NOTE" >> bench/results/e2e.md
# the daemon rows ran in the daemon (its command count), not in a JVM of their own
./backbone-ai daemon status >&2
RUNS="$RUNS" bench/serve-ready.sh | tee bench/results/serve-ready.txt
if [ -n "${LARGE:-}" ]; then
  [ -f backbone-bench/target/benchmarks.jar ] || ./mvnw -q -B -o -pl backbone-bench -am package -DskipTests
  java -cp backbone-bench/target/benchmarks.jar dev.backbone.bench.WriteSynthetic 1000 "$W/t1000.json"
  ./backbone-ai generate --schema "$W/t1000.json" -o "$W/ref-1000" --verify none >/dev/null
  hyperfine --warmup 2 --runs "$RUNS" --export-markdown bench/results/e2e-large.md --prepare "rm -rf $W/o" \
    -n "write 1000-table bytes (cp -r)" "cp -r $W/ref-1000 $W/o" \
    -n "generate 1000 tables --verify none" "$C generate --schema $W/t1000.json -o $W/o --verify none" \
    -n "generate 1000 tables (verify fast)" "$C generate --schema $W/t1000.json -o $W/o"
fi
./backbone-ai daemon stop >/dev/null
