#!/usr/bin/env bash
# run.sh — builds the libFuzzer targets with Debian's clang (ASan + UBSan) and runs each for a
# set time on its seed corpus.
#
#   run.sh BUILD_DIR SECONDS [TARGET...]   e.g. run.sh build 60, run.sh build 10 fuzz_exports
#
# The core is compiled once into a static library shared by all targets (tests/fuzz/CMakeLists.txt,
# Ninja under BUILD_DIR/fuzz/obj), so a later run rebuilds only what changed; the first build takes
# several minutes. FUZZ_JOBS compiles in parallel (default 1). Seeds: tests/fuzz/seeds/<target
# without fuzz_>/ (fuzz_import: seeds/io). New inputs found are kept in BUILD_DIR/fuzz/<target>.corpus
# for the next run; a pass shorter than 60 s starts from the seeds alone, so the test run's
# `run.sh build 10` stays short. A crash, leak, hang or failed check leaves its input in
# BUILD_DIR/fuzz/<target>.crashes/ (log: <target>.log) to become a regression test in
# tests/core/test_fuzz_regressions.cpp; the other targets still run and the script exits non-zero.
set -euo pipefail
B=$(mkdir -p "${1:-build}" && cd "${1:-build}" && pwd)
SECS=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$B/fuzz
OBJ=$OUT/obj
mkdir -p "$OUT"

if [ ! -f "$OBJ/build.ninja" ]; then
  cmake -S "$ROOT/tests/fuzz" -B "$OBJ" -G Ninja -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_COMPILER=clang++ -DYT_ROOT="$ROOT" -DYT_SYSINC="$B/sysinc" -DYT_FUZZ_OUT="$OUT" >/dev/null
fi
targets=("$@")
if [ ${#targets[@]} = 0 ]; then
  for src in "$ROOT"/tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi
start=$(date +%s)
ninja -C "$OBJ" -j"${FUZZ_JOBS:-1}" --quiet "${targets[@]}" || { echo "fuzz build failed" >&2; exit 1; }
echo "== fuzz build: $(( $(date +%s) - start )) s"

export UBSAN_OPTIONS="suppressions=$ROOT/tests/fuzz/ubsan.supp:halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
failed=()
for name in "${targets[@]}"; do
  case $name in
    fuzz_import) seeds=$ROOT/tests/fuzz/seeds/io ;;
    *) seeds=$ROOT/tests/fuzz/seeds/${name#fuzz_} ;;
  esac
  echo "== $name ($SECS s)"
  # A short pass (under a minute, as in the test run) starts from the seeds alone, so its time does
  # not grow with the corpus that long runs keep.
  corpus=$OUT/$name.corpus
  if [ "$SECS" -lt 60 ]; then corpus=$OUT/$name.short; rm -rf "$corpus"; fi
  mkdir -p "$corpus" "$OUT/$name.crashes"
  dirs=("$corpus")
  [ -d "$seeds" ] && dirs+=("$seeds")
  if ! "$OUT/$name" -max_total_time="$SECS" -timeout=10 -print_final_stats=1 \
       -artifact_prefix="$OUT/$name.crashes/" "${dirs[@]}" >"$OUT/$name.log" 2>&1; then
    failed+=("$name")
    tail -n 60 "$OUT/$name.log"
  fi
  grep -E '^(stat::number_of_executed_units|stat::new_units_added)' "$OUT/$name.log" | tr '\n' ' '; echo
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]} (inputs in $OUT/<target>.crashes/, logs in $OUT/<target>.log)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets clean"
