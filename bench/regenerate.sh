#!/usr/bin/env bash
# Regeneration of a 200-table project, side by side with JHipster's re-import of an equivalent
# 200-entity JDL: a no-change run (target: 0 files written) and, for BackBone, a one-column
# change. Usage: bench/regenerate.sh [TABLES] (default 200). Prints one line per measurement.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-200}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bb-regen.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
JAR="$ROOT/backbone-cli/target/backbone-ai.jar"
JHIPSTER="${JHIPSTER:-/work/jhipster/node_modules/.bin/jhipster}"

python3 - "$N" "$WORK" <<'PY'
import json, sys
n, work = int(sys.argv[1]), sys.argv[2]
def schema(extra):
    tables = []
    for i in range(n):
        cols = [{"name": "id", "type": "Integer", "primary_key": True},
                {"name": "name", "type": "String", "length": 50, "nullable": False},
                {"name": "amount", "type": "Numeric", "precision": 10, "scale": 2}]
        if i > 0:
            cols.append({"name": "prev_id", "type": "ForeignKey", "target": "t%03d.id" % (i - 1)})
        if extra and i == n // 2:
            cols.append({"name": "note", "type": "String", "length": 80})
        tables.append({"table_name": "t%03d" % i, "class_name": "T%03d" % i, "columns": cols})
    return {"project_name": "Synthetic", "db_type": "postgresql", "schema": tables}
json.dump(schema(False), open(work + "/v1.json", "w"))
json.dump(schema(True), open(work + "/v2.json", "w"))
with open(work + "/model.jdl", "w") as f:
    f.write("application { config { baseName synthetic, applicationType monolith, databaseType sql, prodDatabaseType postgresql, buildTool maven, skipClient true } entities * }\n")
    for i in range(n):
        f.write("entity T%03d { name String required maxlength(50), amount BigDecimal }\n" % i)
    f.write("relationship ManyToOne {\n")
    for i in range(1, n):
        f.write("  T%03d{prev} to T%03d\n" % (i, i - 1))
    f.write("}\n")
PY

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
changed_files() { find "$1" -type f -newer "$2" -not -path '*/.git/*' | wc -l; }

echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load: $(cut -d' ' -f1-3 /proc/loadavg); tables: $N"
java -jar "$JAR" generate "$WORK/v1.json" -o "$WORK/bb" --verify none > /dev/null
echo "backbone: first generate: $(find "$WORK/bb" -type f -not -path '*/.backbone/*' | wc -l) files (+ .backbone/)"
for run in 1 2 3; do
  touch "$WORK/mark"; sleep 1; t=$(date +%s%N)
  out="$(java -jar "$JAR" generate "$WORK/v1.json" -o "$WORK/bb" --verify none)"
  echo "backbone: no-change regenerate #$run: $(ms "$t") ms, files written: $(changed_files "$WORK/bb" "$WORK/mark") ($(echo "$out" | tail -1))"
done
cp -a "$WORK/bb" "$WORK/bb2"
touch "$WORK/mark"; sleep 1; t=$(date +%s%N)
out="$(java -jar "$JAR" generate "$WORK/v2.json" -o "$WORK/bb2" --verify none)"
echo "backbone: one-column change: $(ms "$t") ms, files changed: $(changed_files "$WORK/bb2" "$WORK/mark") ($(echo "$out" | tail -1))"

if [ -x "$JHIPSTER" ]; then
  mkdir -p "$WORK/jh" && cp "$WORK/model.jdl" "$WORK/jh/"
  t=$(date +%s%N)
  (cd "$WORK/jh" && "$JHIPSTER" jdl model.jdl --skip-install --skip-git --force --no-insight > "$WORK/jh1.log" 2>&1) || { echo "jhipster failed"; tail -20 "$WORK/jh1.log"; }
  echo "jhipster: first import: $(ms "$t") ms, $(find "$WORK/jh" -type f -not -path '*/node_modules/*' | wc -l) files"
  touch "$WORK/mark"; sleep 1; t=$(date +%s%N)
  (cd "$WORK/jh" && "$JHIPSTER" jdl model.jdl --skip-install --skip-git --force --no-insight > "$WORK/jh2.log" 2>&1) || { echo "jhipster failed"; tail -20 "$WORK/jh2.log"; }
  echo "jhipster: no-change re-import: $(ms "$t") ms, files written: $(changed_files "$WORK/jh" "$WORK/mark")"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
