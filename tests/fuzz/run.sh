#!/usr/bin/env bash
# run.sh — builds the libFuzzer targets with Debian's clang (ASan + UBSan) and runs each for a
# set time on its seed corpus. Usage: run.sh BUILD_DIR SECONDS. A crash leaves its input in
# BUILD_DIR/fuzz/<target>/ to turn into a regression test.
set -euo pipefail
B=${1:-build}
SECS=${2:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$B/fuzz
mkdir -p "$OUT"
CORE=$(find "$ROOT/core" -name '*.cpp' | sort)
for src in "$ROOT"/tests/fuzz/fuzz_*.cpp; do
  name=$(basename "$src" .cpp)
  case $name in
    fuzz_import) seeds=$ROOT/tests/fuzz/seeds/io ;;
    *) seeds=$ROOT/tests/fuzz/seeds/${name#fuzz_} ;;
  esac
  echo "== $name ($SECS s)"
  clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -I"$ROOT" -isystem "$B/sysinc" \
    $CORE "$src" -o "$OUT/$name"
  mkdir -p "$OUT/$name.corpus" "$OUT/$name.crashes"
  dirs=("$OUT/$name.corpus")
  [ -d "$seeds" ] && dirs+=("$seeds")
  "$OUT/$name" -max_total_time="$SECS" -artifact_prefix="$OUT/$name.crashes/" "${dirs[@]}"
done
