#!/usr/bin/env bash
# End-to-end timing of `backbone-ai generate` (issue 3, "Measured"), JVM start included, compared
# side by side in the same hyperfine run with the floor: writing the same bytes to disk (cp -r of
# the very files generate wrote) and the bare JVM + CLI start (`backbone-ai version`).
#   bench/e2e.sh            # needs hyperfine (Debian package), builds the jars if needed
# Prints hyperfine's table and writes bench/results/e2e.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench/e2e.sh: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
./backbone-ai version >/dev/null
[ -f backbone-bench/target/benchmarks.jar ] || ./mvnw -q -B -o -pl backbone-bench -am package -DskipTests
W="$(mktemp -d)"; trap 'rm -rf "$W"' EXIT
java -cp backbone-bench/target/benchmarks.jar dev.backbone.bench.WriteSynthetic 1000 "$W/t1000.json"
# Reference copies of the output, for the write-only floor.
./backbone-ai generate --schema examples/blog_schema.json -o "$W/ref-blog" --verify none >/dev/null
./backbone-ai generate --schema "$W/t1000.json" -o "$W/ref-1000" --verify none >/dev/null
echo "blog: $(find "$W/ref-blog" -type f | wc -l) files, $(du -sb "$W/ref-blog" | cut -f1) bytes; 1000 tables: $(find "$W/ref-1000" -type f | wc -l) files, $(du -sb "$W/ref-1000" | cut -f1) bytes" >&2
mkdir -p bench/results
hyperfine --warmup 2 --runs "${RUNS:-10}" --export-markdown bench/results/e2e.md \
  --prepare "rm -rf $W/o" \
  -n "version (JVM + CLI start)" "./backbone-ai version" \
  -n "write blog bytes (cp -r)" "cp -r $W/ref-blog $W/o" \
  -n "generate blog --verify none" "./backbone-ai generate --schema examples/blog_schema.json -o $W/o --verify none" \
  -n "generate blog (verify fast)" "./backbone-ai generate --schema examples/blog_schema.json -o $W/o" \
  -n "write 1000-table bytes (cp -r)" "cp -r $W/ref-1000 $W/o" \
  -n "generate 1000 tables --verify none" "./backbone-ai generate --schema $W/t1000.json -o $W/o --verify none" \
  -n "generate 1000 tables (verify fast)" "./backbone-ai generate --schema $W/t1000.json -o $W/o"
