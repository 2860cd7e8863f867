#!/usr/bin/env bash
# KPI benchmark: N survey answers and N feedback items (default 1,000,000 each, over 12 months) bulk-loaded into a
# real PostgreSQL started by the benchmark, quality's read model filled through its bulk path, then GET /api/kpis
# for one month as manager1: p50/p95 of 60 runs after 10 warm-ups, and one plain aggregate over the raw rows
# (fullScanMs). Figures: target/bench/kpis.json.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
mvn -B -q -Pbench test-compile exec:exec -Dbench.main=com.careloop.bench.KpiBenchmark -Dbench.arg="$rows" -Dbench.xmx=2g
cat target/bench/kpis.json
