#!/usr/bin/env bash
# run.sh — the benchmarks quoted in the README: importing and modelling a 1M-customer file (whole
# process and per step; native on all cores and on one, and wasm under Node), the tiering
# pipeline for 1M customers natively and as wasm under Node, the app's frame times with 1M customers
# loaded and what an edit costs (assess() on the demo plan; an edit with 1M customers up to the
# frame showing it), a year of calendar generation + checks, the memory undo holds after 1,000
# edits, the warehouse path (a DuckDB summary read by `clv --summary`), and the browser: a million
# customers' GB18030 export picked in Chromium, restored after a reload, the longest main-thread
# block and the tab's memory (browser.mjs). Usage: run.sh BUILD_DIR
set -euo pipefail
B=${1:-build}
# The 1M-customer order file as a user has it: written once (comma form by `yutang gen`, and the
# whitespace form of CDNOW-style logs from it), then read from the page cache.
mkdir -p "$B/bench"
CSV=$B/bench/orders-1m.csv TXT=$B/bench/orders-1m.txt COLS="--columns customer=1,date=2,amount=4"
[ -f "$CSV" ] || "$B/native/yutang" gen --customers 1000000 --out "$CSV" >/dev/null
[ -f "$TXT" ] || awk -F, 'NR>1{gsub("-","",$2); printf " %s %s  %d %8s\r\n", $1, $2, 1+NR%3, $3}' "$CSV" > "$TXT"
T="%e s wall, %U s user, %S s system, peak RSS %M KB"
echo "== clv on the 1M whitespace file, whole process"
/usr/bin/time -f "native, all cores:  $T" "$B/native/yutang" clv "$TXT" $COLS --json >/dev/null
/usr/bin/time -f "native, one thread: $T" "$B/native/yutang" clv "$TXT" $COLS --json --threads 1 >/dev/null
/usr/bin/time -f "wasm under Node:    $T" node --no-experimental-fetch "$B/wasm/yutang.js" clv "$TXT" $COLS --json >/dev/null
echo "== the warehouse path: DuckDB summarises the 1M orders, then clv --summary (and clv on the orders, to compare)"
SUM=$B/bench/summary-1m.csv
node "$(dirname "$0")/summary.mjs" "$CSV" "$SUM"
/usr/bin/time -f "clv --summary:      $T" "$B/native/yutang" clv --summary "$SUM" --json >/dev/null
/usr/bin/time -f "clv on the orders:  $T" "$B/native/yutang" clv "$CSV" --json >/dev/null
echo "== bench --file on the 1M files (read_file counted): native all cores, native one thread, wasm"
for f in "$CSV" "$TXT"; do
  c=""; [ "$f" = "$TXT" ] && c=$COLS
  "$B/native/yutang" bench --file "$f" $c
  "$B/native/yutang" bench --file "$f" $c --threads 1
  node --no-experimental-fetch "$B/wasm/yutang.js" bench --file "$f" $c
done
echo "== tiering pipeline, native (1M customers, best of 3)"
"$B/native/yutang" bench --customers 1000000 --repeat 3
echo "== tiering pipeline, wasm under Node (1M customers)"
node --no-experimental-fetch "$B/wasm/yutang.js" bench --customers 1000000
echo "== the app with 1M customers: restore, Tiers tab frame times, what an edit costs (headless, CPU)"
"$B/native/yutang_viewbench" --customers 1000000
echo "== calendar: a year for 50 groups x 5 channels x 10 personas"
"$B/native/yutang" calbench
echo "== undo history after 1,000 edits on the demo plan (inverse edits vs snapshots)"
"$B/native/yutang" editbench --edits 1000
echo "== the browser: 1M customers from a GB18030 shop export through the picker, then three reloads in a row (Chromium, headless)"
node "$(dirname "$0")/browser.mjs" "$B" --repeat=2 --reloads=3
