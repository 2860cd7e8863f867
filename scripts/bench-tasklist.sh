#!/usr/bin/env bash
# Tasklist benchmark: N open follow-up calls (default 100,000) and 1,000 open feedback items on a real PostgreSQL
# started by the benchmark; the requests Tasklist 7.24 makes, timed as agent1, supervisor1 and demo (admin, the
# baseline of the same run): p50/p95 of 30 runs after 3 warm-ups. Figures: target/bench/tasklist.json —
# {openTasks, filterCountsP95Ms (Tasklist's first screen), firstPageP95Ms, perFilter:{name:{countP95Ms, firstPageP95Ms}}}
# for agent1, the same for demo under "baseline", every user's timings under "millis" and agent/admin ratios.
# Target: p95 < 300 ms.
#   BENCH_REAL_CALLS=n  only n calls through the public paths, the rest copied in SQL (a machine too busy to start
#                       N processes in time; the JSON says how many were copied)
#   BENCH_FEEDBACK=n    open feedback items (default 1,000)
#   BENCH_HOLD=1        stop after the set-up until target/bench/hold-release exists (EXPLAIN ANALYZE by hand)
set -euo pipefail
cd "$(dirname "$0")/.."
calls="${1:-100000}"
echo "load average before: $(cat /proc/loadavg)"
mvn -B -q -Pbench test-compile exec:exec -Dbench.main=com.careloop.bench.TasklistBenchmark -Dbench.arg="$calls" -Dbench.xmx=2g
echo "load average after: $(cat /proc/loadavg)"
cat target/bench/tasklist.json
