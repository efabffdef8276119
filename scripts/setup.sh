#!/usr/bin/env bash
# setup.sh - installs and builds every dependency NeuroDrive needs, idempotently.
# Debian packages come from Debian's archive, npm packages from the npm registry (versions pinned in
# package-lock.json); third-party sources (SDL2, Dear ImGui) come from Debian source packages and are
# built into the git-ignored cache folder .deps/. A second run only checks and finishes in seconds.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEPS="$ROOT/.deps"
mkdir -p "$DEPS"
export NODE_PATH=/usr/share/nodejs
export DEBIAN_FRONTEND=noninteractive

say()  { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
fail() { printf '\n[setup] FAILED: %s\n[setup] What to do: %s\n' "$1" "$2" >&2; exit 1; }

# --- 1. Debian packages -------------------------------------------------------------------------
APT_PACKAGES=(
    build-essential cmake make pkg-config xz-utils ca-certificates
    emscripten              # em++ 3.1.6 (with clang-14, lld-14, binaryen)
    libsdl2-dev             # SDL2 for the native app
    libgl-dev               # OpenGL headers for the native app
    libglm-dev doctest-dev rapidjson-dev
    libclang-rt-14-dev      # sanitizer and libFuzzer runtimes for clang-14
    chromium                # headless browser for end-to-end tests
    xvfb xauth libgl1-mesa-dri  # virtual X server + software OpenGL: the native app's smoke test
    fonts-roboto-unhinted   # TrueType font embedded in the app (cut to the strings' characters at build time)
    fonts-noto-cjk          # Noto Sans CJK SC: the Chinese (zh-CN) font, cut and converted at build time
    fonttools               # fontTools (python3-fonttools): scripts/make_fonts.py
    unzip                   # unzip and zipinfo: the SCORM package test opens the zip
    nodejs npm
)
[ "$(id -u)" = 0 ] || SUDO=sudo
missing=()
for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm from Debian conflicts with NodeSource's nodejs (which bundles npm): skip it when npm exists.
if command -v npm >/dev/null 2>&1; then
    tmp=(); for p in "${missing[@]}"; do [ "$p" = npm ] || [ "$p" = nodejs ] || tmp+=("$p"); done; missing=("${tmp[@]+"${tmp[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    ${SUDO:-} apt-get update -q >"$DEPS/apt-update.log" 2>&1 \
        || fail "apt-get update could not reach Debian's archive (see $DEPS/apt-update.log)" \
                "check the network connection to the Debian mirror, then run 'make setup' again"
    ${SUDO:-} apt-get install -y -q --no-install-recommends "${missing[@]}" >"$DEPS/apt-install.log" 2>&1 \
        || { tail -20 "$DEPS/apt-install.log" >&2; fail "apt-get install ${missing[*]} failed (log: $DEPS/apt-install.log)" \
                "check the network connection to the Debian mirror and free disk space, then run 'make setup' again"; }
else
    say "Debian packages: all present"
fi

# --- 2. Debian source packages: SDL2 2.26.5 and Dear ImGui 1.86 ------------------------------------
fetch_source() {  # $1 = source package, $2 = orig tarball glob, $3 = unpacked dir name
    local pkg=$1 glob=$2 dir=$3
    if [ -d "$DEPS/src/$dir" ]; then return 0; fi
    mkdir -p "$DEPS/src"
    if ! ls "$DEPS/src"/$glob >/dev/null 2>&1; then
        if ! ls /etc/apt/sources.list.d/neurodrive-src.sources >/dev/null 2>&1; then
            say "enabling Debian source packages (deb-src)"
            local base=/etc/apt/sources.list.d/debian.sources
            [ -f "$base" ] || fail "$base not found" "add a deb-src entry for Debian bookworm by hand"
            sed 's/^Types: deb$/Types: deb-src/' "$base" | ${SUDO:-} tee /etc/apt/sources.list.d/neurodrive-src.sources >/dev/null
            ${SUDO:-} apt-get update -q >"$DEPS/apt-update.log" 2>&1 \
                || fail "apt-get update (deb-src) failed (see $DEPS/apt-update.log)" "check the network, then run 'make setup' again"
        fi
        say "downloading Debian source package $pkg"
        (cd "$DEPS/src" && apt-get source --download-only -q "$pkg" >"$DEPS/src/$pkg.log" 2>&1) \
            || fail "apt-get source $pkg failed (log: $DEPS/src/$pkg.log)" "check the network connection to the Debian mirror"
    fi
    say "unpacking $glob"
    (cd "$DEPS/src" && tar xf $glob)
    [ -d "$DEPS/src/$dir" ] || fail "unpacking $pkg did not give $dir" "delete $DEPS/src and run 'make setup' again"
}
fetch_source libsdl2 'libsdl2_2.26.5+dfsg.orig.tar.gz' SDL2-2.26.5
fetch_source imgui 'imgui_1.86+ds.orig.tar.xz' imgui-1.86
[ -d "$DEPS/src/imgui-1.86" ] || { d=$(ls -d "$DEPS"/src/imgui-*/ | head -1); mv "$d" "$DEPS/src/imgui-1.86"; }

# --- 3. SDL2 built for WebAssembly (about 4 minutes once; cached) ----------------------------------
# Lean: the page draws with WebGL2 and plays sound from audio.js, so SDL's software blitters
# (SDL_LEAN_AND_MEAN) and its audio subsystem are left out: 34 KB gzip less wasm (docs/PERFORMANCE.md);
# so are the dummy and offscreen video drivers (only the Emscripten one runs in a browser; the dummy
# one's frame dumps kept SDL's BMP writer and surface converter in the page).
# The stamp names the build options; a cache built with other options is rebuilt.
SDL2_WASM_OPTIONS="lean-and-mean audio-off no-dummy-offscreen-video v2"
if [ ! -f "$DEPS/sdl2-wasm/lib/libSDL2.a" ] || [ "$(cat "$DEPS/sdl2-wasm/options" 2>/dev/null)" != "$SDL2_WASM_OPTIONS" ]; then
    say "building SDL2 for WebAssembly (once, about 4 minutes on 2 cores)"
    rm -rf "$DEPS/build-sdl2-wasm" "$DEPS/sdl2-wasm"
    emcmake cmake -S "$DEPS/src/SDL2-2.26.5" -B "$DEPS/build-sdl2-wasm" -DCMAKE_BUILD_TYPE=Release \
        -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_AUDIO=OFF -DSDL_DUMMYVIDEO=OFF -DSDL_OFFSCREEN=OFF \
        -DCMAKE_C_FLAGS="-DSDL_LEAN_AND_MEAN=1" \
        -DCMAKE_INSTALL_PREFIX="$DEPS/sdl2-wasm" \
        >"$DEPS/sdl2-wasm-build.log" 2>&1 \
        && cmake --build "$DEPS/build-sdl2-wasm" -j2 >>"$DEPS/sdl2-wasm-build.log" 2>&1 \
        && cmake --install "$DEPS/build-sdl2-wasm" >>"$DEPS/sdl2-wasm-build.log" 2>&1 \
        || { tail -20 "$DEPS/sdl2-wasm-build.log" >&2; fail "building SDL2 for wasm failed (log: $DEPS/sdl2-wasm-build.log)" "read the log; delete .deps/build-sdl2-wasm and retry"; }
    rm -rf "$DEPS/build-sdl2-wasm"
    echo "$SDL2_WASM_OPTIONS" >"$DEPS/sdl2-wasm/options"
else
    say "SDL2 for WebAssembly: cached"
fi

# --- 4. Header-only libraries through a folder that holds only them (never -I/usr/include for em++)
mkdir -p "$DEPS/include"
for h in glm doctest rapidjson; do ln -sfn "/usr/include/$h" "$DEPS/include/$h"; done

# --- 5. npm packages for the browser tests (pinned by package-lock.json) --------------------------
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm packages (package-lock.json)"
    if ! (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >"$DEPS/npm.log" 2>&1); then
        # A dependency deep inside lighthouse asks for the "latest" tag of a package, so a new upstream
        # release can make the lock file look out of date; npm install then keeps every other pin.
        if grep -q "can only install packages when your package.json and package-lock.json" "$DEPS/npm.log"; then
            say "package-lock.json is behind a 'latest' tag upstream: npm install (other versions stay pinned)"
            (cd "$ROOT" && npm install --no-audit --no-fund --no-save --loglevel=error >>"$DEPS/npm.log" 2>&1) \
                || { tail -20 "$DEPS/npm.log" >&2; fail "npm install failed (log: $DEPS/npm.log)" "check the connection to the npm registry, then run 'make setup' again"; }
        else
            tail -20 "$DEPS/npm.log" >&2
            fail "npm ci failed (log: $DEPS/npm.log)" "check the connection to the npm registry, then run 'make setup' again"
        fi
    fi
else
    say "npm packages: present"
fi
say "done"
