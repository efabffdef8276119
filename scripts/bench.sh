#!/usr/bin/env bash
# bench.sh - `make bench`: measures NeuroDrive (dist/) against a bare Dear ImGui page built the same way
# (bench/baseline/) in one run, plus the model's own cost, and prints the report (also written to
# build/bench.md; docs/PERFORMANCE.md explains the method). A benchmark, not a test: it exits non-zero
# only when it cannot measure, never because a figure misses its goal.
# BENCH_MINUTES (default 10) sets the memory run's length; JOBS (default 2) the parallel compile jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
# A terminal that hangs up does not stop the run (bench.mjs ignores SIGHUP as well); Ctrl-C and SIGTERM do.
trap '' HUP
export NODE_PATH=/usr/share/nodejs
JOBS=${JOBS:-2}
out=build/bench
mkdir -p "$out"
[ -f dist/index.html ] || { echo "bench.sh: dist/ is missing: run make dist first" >&2; exit 1; }

# The download budget first (seconds, no browser): every file index.html loads, gzip -9, against 450 KB.
node scripts/page_size.mjs dist >&2

# The bare page: SDL2 + Dear ImGui 1.86 + WebGL2 showing ImGui::ShowDemoWindow(), same toolchain and flags.
echo "== building the bare Dear ImGui page (build/baseline)" >&2
if [ ! -f build/baseline/CMakeCache.txt ]; then
    emcmake cmake -S bench/baseline -B build/baseline -DCMAKE_BUILD_TYPE=Release >"$out/baseline-configure.log" 2>&1 \
        || { cat "$out/baseline-configure.log" >&2; exit 1; }
fi
cmake --build build/baseline -j"$JOBS" >"$out/baseline-build.log" 2>&1 || { tail -30 "$out/baseline-build.log" >&2; exit 1; }

# The model alone, natively and in wasm: its own build trees (model library and model_bench only), so
# the bench never races a build of the app in build/native or build/wasm.
echo "== building model_bench (build/bench/model-native, build/bench/model-wasm)" >&2
{ cmake -S . -B "$out/model-native" -DCMAKE_BUILD_TYPE=Release -DND_BUILD_APP=OFF \
    && cmake --build "$out/model-native" -j"$JOBS" --target model_bench; } >"$out/model-build.log" 2>&1 \
    || { tail -30 "$out/model-build.log" >&2; exit 1; }
{ emcmake cmake -S . -B "$out/model-wasm" -DCMAKE_BUILD_TYPE=Release -DND_BUILD_APP=OFF \
    && cmake --build "$out/model-wasm" -j"$JOBS" --target model_bench; } >>"$out/model-build.log" 2>&1 \
    || { tail -30 "$out/model-build.log" >&2; exit 1; }
echo "== model cost" >&2
"$out/model-native/tests/model_bench" >"$out/model-native.txt"
node --no-experimental-fetch "$out/model-wasm/tests/model_bench.js" >"$out/model-wasm.txt"

echo "== browser: NeuroDrive and the bare page (about $(( ${BENCH_MINUTES:-10} + 5 )) min, of which the memory run ${BENCH_MINUTES:-10} min)" >&2
BENCH_BROWSER_LOG="$out/browser.log" node scripts/bench.mjs --app dist --baseline build/baseline/page \
    --baseline-nodemo build/baseline/page-nodemo >"$out/browser.jsonl"
node scripts/bench.mjs --report "$out/model-native.txt" "$out/model-wasm.txt" "$out/browser.jsonl" build/bench.md
