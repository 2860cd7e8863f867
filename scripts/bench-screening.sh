#!/usr/bin/env bash
# Screening benchmark: N synthetic customers (default 1,000,000; ~10 % in a follow-up window) on a real
# PostgreSQL started by the benchmark, one screening run, and the bare engine for comparison.
# Figures: target/bench/screening.json. Heap is capped at 1 GB (the goal: under 1 GB).
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-1000000}"
mvn -B -q -Pbench test-compile exec:exec -Dbench.customers="$customers"
cat target/bench/screening.json
