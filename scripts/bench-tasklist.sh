#!/usr/bin/env bash
# Tasklist benchmark: N open follow-up calls (default 100,000) and 1,000 open feedback items on a real PostgreSQL
# started by the benchmark; the requests Tasklist makes, timed as agent1, supervisor1 and demo (admin, the
# baseline of the same run): p50/p95 of 30 runs after 3 warm-ups. Figures: target/bench/tasklist.json —
# {openTasks, filterCountsP95Ms, firstPageP95Ms, perFilter:{name:{countP95Ms, firstPageP95Ms}}} for agent1, the same
# for demo under "baseline", every user's timings under "millis" and agent/admin ratios. Target: p95 < 300 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
calls="${1:-100000}"
mvn -B -q -Pbench test-compile exec:exec -Dbench.main=com.careloop.bench.TasklistBenchmark -Dbench.arg="$calls" -Dbench.xmx=2g
cat target/bench/tasklist.json
