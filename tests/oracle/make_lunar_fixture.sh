#!/bin/sh
# make_lunar_fixture.sh — regenerates tests/core/data/lunar_fixture.csv, the test oracle for the
# lunar festivals and 清明 of 1950–2100, from an implementation independent of ours:
#   1. npm lunar-javascript 1.7.7 (MIT; 寿星-style astronomical code) gives every row;
#   2. Debian's `lunar` (table-based, to 2048) cross-checks the lunar rows it covers.
# The package is installed in a temporary folder (not in the project's package.json).
#   3. npm lunar-calendar 0.1.4 (MIT; a 1891–2100 lookup table) cross-checks the lunar rows too.
# It also writes lunar_leap_fixture.csv (year,leap_month,start) beside the fixture.
# Usage: sh tests/oracle/make_lunar_fixture.sh [OUT.csv]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../core/data/lunar_fixture.csv}
leap_out=$(dirname "$out")/lunar_leap_fixture.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
npm install --prefix "$tmp" --no-audit --no-fund --silent lunar-javascript@1.7.7 lunar-calendar@0.1.4 >/dev/null
NODE_PATH="$tmp/node_modules" node "$here/lunar_fixture.js" > "$tmp/fixture.csv"
NODE_PATH="$tmp/node_modules" node "$here/lunar_fixture.js" leap > "$tmp/leap.csv"
if command -v lunar >/dev/null 2>&1; then
    python3 "$here/cross_check_lunar.py" "$tmp/fixture.csv" || echo "note: the oracles disagree on the rows above"
fi
NODE_PATH="$tmp/node_modules" node "$here/lunar_table_check.js" "$tmp/fixture.csv"
cp "$tmp/fixture.csv" "$out"
cp "$tmp/leap.csv" "$leap_out"
echo "wrote $(($(wc -l < "$out") - 1)) rows to $out and $(($(wc -l < "$leap_out") - 1)) to $leap_out"
