#!/usr/bin/env bash
# test.sh - builds (CMakePresets.json: native, asan, fuzz, wasm) and runs every test suite. Each runner
# writes its results to a file in build/results/ (JUnit XML from CTest, doctest and node's test runner;
# fuzz-results.tsv from scripts/fuzz.sh) and scripts/test_results.mjs reads them: one summary line per
# runner and a final "N passed, N failed" line. Called by `make test` (and so by .ci/run).
# What the final line counts: each distinct test once - the native CTest tests, each fuzz target, the
# native/wasm fingerprint and each browser test. The ASan+UBSan and WebAssembly runs repeat the same
# test cases on other builds: each such re-run counts as one test that passes only if all of it passes.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
JOBS=${JOBS:-2}
results=build/results
rm -rf "$results"; mkdir -p "$results"
results_abs="$PWD/$results"   # CTest writes JUnit files relative to its build directory otherwise
runners=()   # arguments for test_results.mjs

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# 1. Native build and doctest suite through CTest.
step "native build"
if { cmake --preset native >/dev/null && cmake --build build/native -j"$JOBS" >build/native-build.log 2>&1; }; then
    grep -E 'warning:' build/native-build.log
    step "native tests (CTest)"
    (cd build/native && ctest --output-on-failure --output-junit "$results_abs/ctest-native.xml" 2>&1) | tail -n 25
    runners+=("each:ctest (native):$results/ctest-native.xml")
else
    tail -30 build/native-build.log; runners+=("fail:native build")
fi

# 1a. Every language's strings against English (make check-strings; docs/TRANSLATING.md).
step "strings of every language (check-strings)"
if build/native/check-strings . >build/check-strings.log 2>&1; then
    tail -n 1 build/check-strings.log; runners+=("pass:check-strings (every language complete)")
else
    tail -n 30 build/check-strings.log; runners+=("fail:check-strings (see build/check-strings.log)")
fi

# 1b. The same native suites under AddressSanitizer + UndefinedBehaviorSanitizer (soak left out: slow).
step "native tests under ASan + UBSan"
if cmake --preset asan >/dev/null \
   && cmake --build build/asan -j"$JOBS" --target model_tests app_tests ui_tests drawing_tests neurodrive-cli >build/asan-build.log 2>&1; then
    (cd build/asan && ctest -LE soak --output-on-failure --output-junit "$results_abs/ctest-asan.xml" 2>&1) | tail -n 4
    runners+=("one:ctest (ASan+UBSan):$results/ctest-asan.xml")
else
    tail -30 build/asan-build.log; runners+=("fail:asan build")
fi

# 1c. Short libFuzzer runs of every parser of outside input (longer: make fuzz).
step "fuzzing (libFuzzer, ${FUZZ_SECONDS:=8} s per target)"
bash scripts/fuzz.sh "$FUZZ_SECONDS" "$JOBS"
if [ -s build/fuzz-results.tsv ]; then cp build/fuzz-results.tsv "$results/"; fi
runners+=("each:fuzz:$results/fuzz-results.tsv")

# 2. The same model tests compiled to WebAssembly, run under Node.
step "wasm build (model tests)"
if [ ! -f build/wasm/CMakeCache.txt ]; then cmake --preset wasm >/dev/null; fi
if cmake --build build/wasm -j"$JOBS" --target model_tests model_fingerprint neurodrive neurodrive-single >build/wasm-build.log 2>&1; then
    grep -E 'warning:' build/wasm-build.log
    step "wasm tests (doctest under Node)"
    # JUnit on stdout: a file doctest wrote would land in Emscripten's in-memory file system.
    node --no-experimental-fetch build/wasm/tests/model_tests.js --no-colors=true -r=junit > "$results/doctest-wasm.xml"
    grep -q '</testsuites>' "$results/doctest-wasm.xml" || runners+=("fail:doctest (wasm) stopped before writing all its results")
    node scripts/test_results.mjs "one:doctest (wasm):$results/doctest-wasm.xml" | head -1
    runners+=("one:doctest (wasm):$results/doctest-wasm.xml")

    step "native vs wasm: bit-identical model outputs"
    build/native/tests/model_fingerprint > build/fingerprint-native.txt
    node --no-experimental-fetch build/wasm/tests/model_fingerprint.js > build/fingerprint-wasm.txt
    lines=$(wc -l < build/fingerprint-native.txt)
    if [ "$lines" -gt 100 ] && cmp -s build/fingerprint-native.txt build/fingerprint-wasm.txt; then
        runners+=("pass:fingerprint ($lines values identical in native and wasm)")
    else
        diff build/fingerprint-native.txt build/fingerprint-wasm.txt | head -5
        runners+=("fail:fingerprint (native and wasm differ)")
    fi
else
    tail -30 build/wasm-build.log; runners+=("fail:wasm build")
fi

# 2a. The build scripts' own tests under Node (no build needed): the bundler of the page's modules.
step "build scripts (node tests)"
node --test --test-reporter=junit --test-reporter-destination="$results/scripts.xml" \
     --test-reporter=tap --test-reporter-destination=stdout tests/scripts/*.test.mjs 2>&1 \
    | grep -E '^(not )?ok |^# (pass|fail)'
runners+=("each:node test runner (scripts):$results/scripts.xml")

# 3. Browser end-to-end tests on the release build in dist/.
step "browser build (dist/)"
if node scripts/make_dist.mjs build/wasm dist && node scripts/make_scorm.mjs dist; then
    step "browser end-to-end tests (headless Chromium)"
    node --test --test-concurrency=1 --test-reporter=junit --test-reporter-destination="$results/e2e.xml" \
         --test-reporter=tap --test-reporter-destination=stdout tests/e2e/*.test.mjs 2>&1 \
        | grep -E '^(not )?ok |^# (pass|fail)'   # every result line: nothing may close the pipe early (node stops)
    runners+=("each:node test runner (e2e):$results/e2e.xml")
else
    runners+=("fail:browser build (dist/ or the SCORM package)")
fi

printf '\n\033[1m== summary\033[0m\n'
echo "screenshots: build/screenshots/; result files: $results/"
node scripts/test_results.mjs "${runners[@]}"
