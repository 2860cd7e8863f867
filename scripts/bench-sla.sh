#!/usr/bin/env bash
# SLA-timer benchmark: N feedback items (default 10,000) whose response deadlines fall due at one instant, escalated
# by the job executor and notified by the notification worker, against N plain no-op timers fired by the same engine
# in the same run (the baseline), on a PostgreSQL started by the benchmark; nodes = 1 or 2 application JVMs.
# Figures: target/bench/sla.json. BENCH_SLA_ARGS="--name=value ..." passes application properties to every node
# (tuning runs); BENCH_SLA_LABEL names the run in the JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
timers="${1:-10000}"
nodes="${2:-1}"
echo "load average before: $(cat /proc/loadavg)"
BENCH_SLA_NODES="$nodes" mvn -B -q -Pbench test-compile exec:exec -Dbench.main=com.careloop.bench.SlaBenchmark -Dbench.arg="$timers" -Dbench.xmx=1g
echo "load average after: $(cat /proc/loadavg)"
cat target/bench/sla.json
