#!/usr/bin/env bash
# Validate + plan before and after, in one run (docs/performance.md, issue 10): the thread CPU
# of the whole workflow and its per-stage split (StageSplit), the per-phase CPU and allocation
# (PhaseSplit), then JMH's ValidatePlanBenchmark, each jar in turn, A B then B A, with the load
# average before each step. Fixed, pre-touched 4 GB heap throughout, as the benchmark's @Fork.
#
#   bench/validate-plan.sh BEFORE.jar AFTER.jar [rounds] [--no-jmh]
#
# Build a jar of another commit from a throwaway worktree:
#   git worktree add /tmp/before <commit> && (cd /tmp/before && ./mvnw -q -o -B -pl backbone-bench -am package -DskipTests)
#   cp /tmp/before/backbone-bench/target/benchmarks.jar /tmp/before.jar
set -euo pipefail
before=${1:?usage: bench/validate-plan.sh BEFORE.jar AFTER.jar [rounds] [--no-jmh]}
after=${2:?usage: bench/validate-plan.sh BEFORE.jar AFTER.jar [rounds] [--no-jmh]}
rounds=${3:-2}
jmh=${4:-}
heap=(-Xms4g -Xmx4g -XX:+AlwaysPreTouch)

load() { echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"; }

step() { # name jar
    echo "### $1 ($2)"
    load
    java "${heap[@]}" -cp "$2" dev.backbone.bench.StageSplit 100 1000 10000
    java "${heap[@]}" -cp "$2" dev.backbone.bench.PhaseSplit 100 1000 10000
}

for ((r = 1; r <= rounds; r++)); do
    if ((r % 2)); then order=(before after); else order=(after before); fi
    for v in "${order[@]}"; do
        step "round $r, $v" "${!v}"
    done
done

if [[ "$jmh" != "--no-jmh" ]]; then
    for ((r = 1; r <= rounds; r++)); do
        if ((r % 2)); then order=(before after); else order=(after before); fi
        for v in "${order[@]}"; do
            echo "### JMH round $r, $v"
            load
            java -jar "${!v}" ValidatePlanBenchmark -f 1 -wi 6 -i 5 -w 2s -r 2s -prof gc 2>&1 \
                | grep -E '^ValidatePlanBenchmark\.validateAndPlan(:gc\.alloc\.rate\.norm)? '
        done
    done
fi
load
