#!/usr/bin/env bash
# run.sh — the benchmarks quoted in the README: the tiering pipeline for 1M customers natively
# and as wasm under Node, the app's frame times with 1M customers loaded, and a year of calendar generation + checks. Usage: run.sh BUILD_DIR
set -euo pipefail
B=${1:-build}
echo "== tiering pipeline, native (1M customers, best of 3)"
"$B/native/yutang" bench --customers 1000000 --repeat 3
echo "== tiering pipeline, wasm under Node (1M customers)"
node --no-experimental-fetch "$B/wasm/yutang.js" bench --customers 1000000
echo "== the app with 1M customers: restore, then Tiers tab frame times (headless, CPU)"
"$B/native/yutang_viewbench" --customers 1000000
echo "== calendar: a year for 50 groups x 5 channels x 10 personas"
"$B/native/yutang" calbench
