#!/usr/bin/env bash
# build.sh — the one entry point: installs what Yutang needs, builds, serves and tests.
#
#   ./build.sh            install + build (native CLI/app/tests in build/native, site in build/web)
#   ./build.sh serve [P]  build, then serve build/web at http://127.0.0.1:${P:-${PORT:-8080}}
#   ./build.sh test       build, then run every test (core native + wasm, CLI, app headless, browser)
#   ./build.sh bench      build, then run the benchmarks quoted in the README
#   ./build.sh deps       only install and prepare third-party parts (cached under build/deps)
#   ./build.sh fuzz [S]   build the libFuzzer targets and run each for S seconds (default 60)
#
# Everything comes from Debian's archive (binary and source packages) and npm. Slow third-party
# builds are cached under build/deps, keyed by version.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")" && pwd)
B=$ROOT/build
DEPS=$B/deps
JOBS=${JOBS:-$(nproc)}
IMGUI_VER=1.86
SDL2_VER=2.26.5
ZLIB_VER=1.2.13   # the versions of Debian 12's zlib1g-dev and libexpat1-dev, built for wasm too
EXPAT_VER=2.5.0
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's acorn
log() { printf '\033[1m== %s\033[0m\n' "$*"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

APT_PACKAGES=(emscripten cmake ninja-build g++ pkg-config libsdl2-dev libgl-dev libegl-dev libgl1-mesa-dri
  libcereal-dev rapidjson-dev catch2 fonts-wqy-microhei python3-fonttools python3-icalendar dpkg-dev
  chromium clang libclang-rt-14-dev lunar zlib1g-dev libexpat1-dev python3-openpyxl libssl-dev time)

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Debian source packages, fetched with a private apt configuration (deb-src lines for the
# system's own mirror) into $DEPS/src; nothing under /etc changes.
apt_source() {
  local A=$DEPS/apt
  mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$DEPS/src"
  local uri
  uri=$(grep -h -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' || true)
  [ -n "$uri" ] || uri=$(grep -h -m1 -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' || true)
  [ -n "$uri" ] || uri=http://deb.debian.org/debian
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri bookworm main" > "$A/sources.list"
  local opts=(-o Dir::Etc::SourceList="$A/sources.list" -o Dir::Etc::SourceParts=/nonexistent
              -o Dir::State::Lists="$A/lists" -o Dir::Cache="$A/cache")
  apt-get "${opts[@]}" update -qq
  (cd "$DEPS/src" && apt-get "${opts[@]}" source --download-only -qq "$@")
}

fetch_sources() {
  if [ -f "$DEPS/imgui-$IMGUI_VER/imgui.h" ] && [ -f "$DEPS/sdl2-$SDL2_VER/CMakeLists.txt" ]; then return; fi
  log "apt-get source imgui libsdl2"
  apt_source imgui libsdl2
  rm -rf "$DEPS/imgui-$IMGUI_VER" "$DEPS/sdl2-$SDL2_VER"
  dpkg-source -x "$(ls "$DEPS"/src/imgui_${IMGUI_VER}*.dsc | head -1)" "$DEPS/imgui-$IMGUI_VER" >/dev/null
  dpkg-source -x "$(ls "$DEPS"/src/libsdl2_${SDL2_VER}*.dsc | head -1)" "$DEPS/sdl2-$SDL2_VER" >/dev/null
}

# SDL2 for Emscripten, built with SDL's own CMake (the -sUSE_SDL port needs the network).
build_sdl2_wasm() {
  local prefix=$DEPS/sdl2-wasm-$SDL2_VER
  if [ -f "$prefix/lib/libSDL2.a" ]; then return; fi
  log "SDL2 $SDL2_VER for wasm (one time, ~4 min)"
  rm -rf "$DEPS/sdl2-wasm-build"
  emcmake cmake -S "$DEPS/sdl2-$SDL2_VER" -B "$DEPS/sdl2-wasm-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
  cmake --build "$DEPS/sdl2-wasm-build" -j"$JOBS" >/dev/null
  cmake --install "$DEPS/sdl2-wasm-build" >/dev/null
}

# zlib (inflate for the .xlsx zip container) and expat (its XML) for Emscripten, from Debian's
# source packages; natively the -dev packages are linked. Expat is built without DTD support: the
# reader refuses any DOCTYPE anyway (OOXML has none), and Debian's patched 2.5.0 does not compile
# its DTD code under CMake.
build_zip_xml_wasm() {
  local zp=$DEPS/zlib-wasm-$ZLIB_VER ep=$DEPS/expat-wasm-$EXPAT_VER
  if [ -f "$zp/lib/libz.a" ] && [ -f "$ep/lib/libexpat.a" ]; then return; fi
  log "zlib $ZLIB_VER and expat $EXPAT_VER for wasm (one time)"
  [ -n "$(ls "$DEPS"/src/zlib_${ZLIB_VER}*.dsc 2>/dev/null)" ] && [ -n "$(ls "$DEPS"/src/expat_${EXPAT_VER}*.dsc 2>/dev/null)" ] ||
    apt_source zlib expat
  rm -rf "$DEPS/zlib-$ZLIB_VER" "$DEPS/expat-$EXPAT_VER" "$DEPS/zlib-wasm-build" "$DEPS/expat-wasm-build"
  dpkg-source -x "$(ls "$DEPS"/src/zlib_${ZLIB_VER}*.dsc | head -1)" "$DEPS/zlib-$ZLIB_VER" >/dev/null
  dpkg-source -x "$(ls "$DEPS"/src/expat_${EXPAT_VER}*.dsc | head -1)" "$DEPS/expat-$EXPAT_VER" >/dev/null
  cp -r "$DEPS/zlib-$ZLIB_VER" "$DEPS/zlib-wasm-build"
  (cd "$DEPS/zlib-wasm-build" && emconfigure ./configure --static --prefix="$zp" >/dev/null &&
   emmake make -j"$JOBS" libz.a >/dev/null && emmake make install >/dev/null)
  local es=$DEPS/expat-$EXPAT_VER
  [ -f "$es/CMakeLists.txt" ] || es=$es/expat
  emcmake cmake -S "$es" -B "$DEPS/expat-wasm-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF \
    -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_PKGCONFIG=OFF -DEXPAT_DTD=OFF -DCMAKE_INSTALL_PREFIX="$ep" -DCMAKE_INSTALL_LIBDIR=lib >/dev/null
  cmake --build "$DEPS/expat-wasm-build" -j"$JOBS" >/dev/null
  cmake --install "$DEPS/expat-wasm-build" >/dev/null
}

# cereal, rapidjson and Catch2 headers through symlinks, so Emscripten never sees /usr/include.
make_sysinc() {
  mkdir -p "$B/sysinc"
  ln -sfn /usr/include/cereal "$B/sysinc/cereal"
  ln -sfn /usr/include/rapidjson "$B/sysinc/rapidjson"
  ln -sfn /usr/include/catch2 "$B/sysinc/catch2"
}

make_font() {
  local out=$B/assets/zh.ttf stamp
  stamp=$(cat "$ROOT/assets/make_font.py" $(find "$ROOT/core" "$ROOT/wasm" -name '*.cpp' | sort) | sha1sum | cut -c1-16)
  if [ -f "$out" ] && [ "$(cat "$B/assets/zh.stamp" 2>/dev/null)" = "$stamp" ]; then return; fi
  log "font subset"
  mkdir -p "$B/assets"
  /usr/bin/python3 "$ROOT/assets/make_font.py" --out "$out" --scan "$ROOT/core" "$ROOT/wasm"
  echo "$stamp" > "$B/assets/zh.stamp"
}

npm_install() {
  if [ -d "$ROOT/node_modules/playwright-core" ]; then return; fi
  log "npm install"
  (cd "$ROOT" && npm install --no-audit --no-fund --silent)
}

build_native() {
  log "native build"
  cmake -S "$ROOT" -B "$B/native" -G Ninja -DCMAKE_BUILD_TYPE=Release -DYT_SYSINC="$B/sysinc" \
    -DIMGUI_DIR="$DEPS/imgui-$IMGUI_VER" -DYT_FONT="$B/assets/zh.ttf" >/dev/null
  cmake --build "$B/native" -j"$JOBS"
}

build_wasm() {
  log "wasm build"
  emcmake cmake -S "$ROOT" -B "$B/wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release -DYT_SYSINC="$B/sysinc" \
    -DIMGUI_DIR="$DEPS/imgui-$IMGUI_VER" -DYT_FONT="$B/assets/zh.ttf" -DYT_WEB_OUT="$B/web" \
    -DSDL2_DIR="$DEPS/sdl2-wasm-$SDL2_VER/lib/cmake/SDL2" \
    -DYT_ZLIB_WASM="$DEPS/zlib-wasm-$ZLIB_VER" -DYT_EXPAT_WASM="$DEPS/expat-wasm-$EXPAT_VER" >/dev/null
  cmake --build "$B/wasm" -j"$JOBS"
  # The page around the app: shell, bridges, service worker, manifest (versioned by content).
  cp "$ROOT"/web/*.html "$ROOT"/web/*.js "$ROOT"/web/*.webmanifest "$ROOT"/web/*.svg "$B/web/"
  /usr/bin/python3 "$ROOT/web/stamp_version.py" "$B/web"
}

build_all() {
  install_packages
  fetch_sources
  make_sysinc
  build_sdl2_wasm
  build_zip_xml_wasm
  make_font
  npm_install
  build_native
  build_wasm
}

run_tests() {
  local failed=0 passed=0
  log "core, CLI and app tests (native)"
  if (cd "$B/native" && ctest --output-on-failure); then passed=$((passed+1)); else failed=$((failed+1)); fi
  log "core tests (wasm under Node)"
  if (cd "$B/wasm" && ctest --output-on-failure); then passed=$((passed+1)); else failed=$((failed+1)); fi
  log "browser tests (Playwright + Chromium)"
  if node "$ROOT/tests/e2e/run.mjs" --web "$B/web"; then passed=$((passed+1)); else failed=$((failed+1)); fi
  log "fuzz targets (short pass, 10 s each)"
  if FUZZ_JOBS=$JOBS "$ROOT/tests/fuzz/run.sh" "$B" 10; then passed=$((passed+1)); else failed=$((failed+1)); fi
  echo "suites: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}

cmd=${1:-build}
case "$cmd" in
  build) build_all ;;
  deps) install_packages; fetch_sources; make_sysinc; build_sdl2_wasm; build_zip_xml_wasm; npm_install ;;
  serve) build_all; port=${2:-${PORT:-8080}}; log "serving http://127.0.0.1:$port"
         exec node "$ROOT/web/serve.mjs" --root "$B/web" --port "$port" ;;
  test) build_all; run_tests ;;
  bench) build_all; "$ROOT/tests/bench/run.sh" "$B" ;;
  fuzz) install_packages; make_sysinc; FUZZ_JOBS=$JOBS "$ROOT/tests/fuzz/run.sh" "$B" "${2:-60}" ;;
  *) echo "usage: ./build.sh [build|serve [PORT]|test|bench|fuzz [SECONDS]]" >&2; exit 2 ;;
esac
