# Shared by scripts/*: announce steps, build folders. Sourced, not run. Installing is
# scripts/install's job.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export NODE_PATH=/usr/share/nodejs   # Emscripten's JS optimiser needs acorn, which Debian installs outside Node's default path
JOBS=$(nproc 2>/dev/null || echo 2)

say() { printf '\n==> %s\n' "$*"; }

build_native() {   # build_native <dir> [cmake args...]
    local dir=$1
    shift
    cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
    cmake --build "$dir" -j "$JOBS"
}

# The WASM engine under emcmake, then dist/. Under emcmake, find_package(Eigen3) is told where
# Debian keeps Eigen (the toolchain file narrows the search), and the emulator is plain node
# (emcmake's default passes a flag that Node 20 rejects).
build_site() {
    say "building the WebAssembly engine (build/wasm)"
    emcmake cmake -S "$ROOT" -B "$ROOT/build/wasm" -DEigen3_DIR=/usr/share/eigen3/cmake \
        -DCMAKE_CROSSCOMPILING_EMULATOR=node >/dev/null
    cmake --build "$ROOT/build/wasm" -j "$JOBS"
    say "assembling dist/"
    rm -rf "$ROOT/dist"
    mkdir -p "$ROOT/dist"
    cp -R "$ROOT/web/." "$ROOT/dist/"
    cp "$ROOT/build/wasm/attention-engine-module.js" "$ROOT/dist/engine/"
    cp "$ROOT/build/wasm/attention-engine-module.wasm" "$ROOT/dist/engine/attention-engine.wasm"
    (cd "$ROOT" && node scripts/lib/prerender.mjs dist && node scripts/lib/single-file.mjs dist && node scripts/lib/bundle.mjs dist)
    echo "dist/ ready: $(du -sh "$ROOT/dist" | cut -f1)"
}
