#!/usr/bin/env bash
# test.sh - builds and runs every test suite, then prints one summary line per runner and a final
# "N passed, N failed" line. Called by `make test` (and so by .ci/run).
# What the final line counts: each distinct test once - the native CTest tests, each fuzz target, the
# native/wasm fingerprint and each browser test. The ASan+UBSan and WebAssembly runs repeat the same
# test cases on other builds: each such re-run counts as one test that passes only if all of it passes.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
JOBS=${JOBS:-2}
passed=0; failed=0
summary=()
fail_step() { summary+=("FAILED: $1"); failed=$((failed + 1)); }

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# 1. Native build and doctest suite through CTest.
step "native build"
mkdir -p build
if ! { cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build/native -j"$JOBS" >build/native-build.log 2>&1; }; then
    tail -30 build/native-build.log; fail_step "native build"
fi
grep -E 'warning:' build/native-build.log
step "native tests (CTest)"
ctest_out=$(cd build/native && ctest --output-on-failure 2>&1); ctest_rc=$?
echo "$ctest_out" | tail -n 25
line=$(echo "$ctest_out" | grep -E 'tests passed, [0-9]+ tests failed out of' | tail -1)
summary+=("ctest (native): $line")
n_total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/'); n_fail=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/')
if [ -n "$n_total" ] && [ -n "$n_fail" ]; then passed=$((passed + n_total - n_fail)); failed=$((failed + n_fail)); else fail_step "ctest"; fi
[ $ctest_rc -eq 0 ] || [ "${n_fail:-1}" != 0 ] || fail_step "ctest exit $ctest_rc"

# 1b. The same native suites under AddressSanitizer + UndefinedBehaviorSanitizer (soak left out: slow).
step "native tests under ASan + UBSan"
if cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DND_SANITIZE=ON >/dev/null \
   && cmake --build build/asan -j"$JOBS" --target model_tests app_tests ui_tests neurodrive-cli >build/asan-build.log 2>&1; then
    asan_out=$(cd build/asan && ctest -LE soak --output-on-failure 2>&1); asan_rc=$?
    echo "$asan_out" | tail -n 4
    line=$(echo "$asan_out" | grep -E 'tests passed, [0-9]+ tests failed out of' | tail -1)
    summary+=("ctest (ASan+UBSan): $line")
    n_total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/'); n_fail=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/')
    if [[ "$n_total" =~ ^[0-9]+$ && "$n_fail" =~ ^[0-9]+$ && "$n_fail" == 0 && $asan_rc -eq 0 ]]; then passed=$((passed + 1)); else fail_step "asan ctest ($line)"; fi
else
    tail -30 build/asan-build.log; fail_step "asan build"
fi

# 1c. Short libFuzzer runs of every parser of outside input (longer: make fuzz).
step "fuzzing (libFuzzer, ${FUZZ_SECONDS:=8} s per target)"
if CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DND_FUZZ=ON >/dev/null \
   && cmake --build build/fuzz -j"$JOBS" --target fuzz_url_params fuzz_messages fuzz_assets >build/fuzz-build.log 2>&1; then
    for f in fuzz_url_params fuzz_messages fuzz_assets; do
        mkdir -p "build/fuzz-corpus/$f"
        if build/fuzz/tests/fuzz/$f -max_total_time="$FUZZ_SECONDS" -max_len=8192 -artifact_prefix=build/ \
             "build/fuzz-corpus/$f" "tests/fuzz/corpus/$f" >"build/$f.log" 2>&1; then
            runs=$(grep -E '^Done [0-9]+ runs' "build/$f.log" | awk '{print $2}')
            summary+=("fuzz $f: ${runs:-?} runs, no crash"); passed=$((passed + 1))
        else
            grep -E 'ERROR|SUMMARY|runtime error' "build/$f.log" | head -5
            summary+=("fuzz $f: CRASH (see build/$f.log and build/crash-*)"); failed=$((failed + 1))
        fi
    done
else
    tail -30 build/fuzz-build.log; fail_step "fuzz build"
fi

# 2. The same model tests compiled to WebAssembly, run under Node.
step "wasm build (model tests)"
if [ ! -f build/wasm/CMakeCache.txt ]; then emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null; fi
if ! cmake --build build/wasm -j"$JOBS" --target model_tests model_fingerprint neurodrive neurodrive-single >build/wasm-build.log 2>&1; then
    tail -30 build/wasm-build.log; fail_step "wasm build"
fi
grep -E 'warning:' build/wasm-build.log
step "wasm tests (doctest under Node)"
wasm_out=$(node --no-experimental-fetch build/wasm/tests/model_tests.js --no-colors=true 2>&1); wasm_rc=$?
echo "$wasm_out" | tail -n 6
line=$(echo "$wasm_out" | grep -E '^\[doctest\] test cases:' | tail -1)
summary+=("doctest (wasm): $line")
wp=$(echo "$line" | sed -E 's/.*\| *([0-9]+) passed.*/\1/'); wf=$(echo "$line" | sed -E 's/.*\| *([0-9]+) failed.*/\1/')
if [[ "$wp" =~ ^[0-9]+$ && "$wf" =~ ^[0-9]+$ && "$wf" == 0 && $wasm_rc -eq 0 ]]; then passed=$((passed + 1)); else fail_step "wasm doctest ($line)"; fi

step "native vs wasm: bit-identical model outputs"
build/native/tests/model_fingerprint > build/fingerprint-native.txt
node --no-experimental-fetch build/wasm/tests/model_fingerprint.js > build/fingerprint-wasm.txt
lines=$(wc -l < build/fingerprint-native.txt)
if [ "$lines" -gt 100 ] && cmp -s build/fingerprint-native.txt build/fingerprint-wasm.txt; then
    summary+=("fingerprint: $lines values identical in native and wasm"); passed=$((passed + 1))
else
    diff build/fingerprint-native.txt build/fingerprint-wasm.txt | head -5
    summary+=("fingerprint: native and wasm DIFFER"); failed=$((failed + 1))
fi

# 3. Browser end-to-end tests on the release build in dist/.
step "browser build (dist/)"
node scripts/make_dist.mjs build/wasm dist || fail_step "dist"
node scripts/make_scorm.mjs dist || fail_step "SCORM package"
step "browser end-to-end tests (headless Chromium)"
e2e_out=$(node --test --test-concurrency=1 --test-reporter=tap tests/e2e/*.test.mjs 2>&1); e2e_rc=$?
echo "$e2e_out" | grep -E '^(not )?ok |^# (pass|fail)|Error|error' | head -60
ep=$(echo "$e2e_out" | grep -E '^# pass ' | awk '{print $3}'); ef=$(echo "$e2e_out" | grep -E '^# fail ' | awk '{print $3}')
summary+=("node test runner (e2e): ${ep:-0} passed, ${ef:-?} failed")
if [[ "$ep" =~ ^[0-9]+$ && "$ef" =~ ^[0-9]+$ ]]; then passed=$((passed + ep)); failed=$((failed + ef)); else fail_step "e2e runner"; fi
[ $e2e_rc -eq 0 ] || [ "${ef:-1}" != 0 ] || fail_step "e2e exit $e2e_rc"

printf '\n\033[1m== summary\033[0m\n'
printf '%s\n' "${summary[@]}"
echo "screenshots: build/screenshots/"
echo "(distinct tests; the ASan+UBSan and wasm re-runs of the same suites count once each)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
