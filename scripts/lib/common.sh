# Shared by scripts/*: announce steps, install what is missing (idempotently), build folders.
# Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export NODE_PATH=/usr/share/nodejs   # Emscripten's JS optimiser needs acorn, which Debian installs outside Node's default path
JOBS=$(nproc 2>/dev/null || echo 2)

say() { printf '\n==> %s\n' "$*"; }

# Debian packages every build and test needs; installed only when one is missing.
APT_PACKAGES=(cmake g++ make libeigen3-dev doctest-dev nlohmann-json3-dev emscripten nodejs npm
              chromium clang libclang-rt-14-dev)

ensure_apt_packages() {
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    # A machine that ships its own node (not Debian's) needs neither nodejs nor npm from apt.
    if command -v node >/dev/null && command -v npm >/dev/null; then
        local kept=()
        for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || kept+=("$p"); done
        missing=("${kept[@]}")
    fi
    if ((${#missing[@]} == 0)); then
        echo "apt packages: all present"
        return
    fi
    say "installing apt packages: ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        echo "error: need root to apt-get install ${missing[*]}" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm packages pinned by package-lock.json; reinstalled only when the lockfile changed.
ensure_npm_packages() {
    local stamp="$ROOT/node_modules/.package-lock.json"
    if [[ -f $stamp && ! $ROOT/package-lock.json -nt $stamp ]]; then
        echo "npm packages: up to date"
        return
    fi
    say "installing npm packages from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

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
    # KaTeX from npm (package-lock.json), vendored: the page loads nothing from the network. It
    # typesets to MathML, so neither its stylesheet nor its fonts are needed.
    mkdir -p "$ROOT/dist/vendor/katex"
    cp "$ROOT/node_modules/katex/dist/katex.min.js" "$ROOT/dist/vendor/katex/"
    cp "$ROOT/node_modules/katex/LICENSE" "$ROOT/dist/vendor/katex/LICENSE.txt"
    (cd "$ROOT" && node scripts/lib/single-file.mjs dist && node scripts/lib/bundle.mjs dist)
    echo "dist/ ready: $(du -sh "$ROOT/dist" | cut -f1)"
}
