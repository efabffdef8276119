#!/usr/bin/env bash
# fuzz.sh - builds the libFuzzer targets (CMake preset "fuzz") and runs each for SECONDS, with its
# corpus in tests/fuzz/corpus/<target> and build/fuzz-corpus/<target>; crashes land in build/crash-*.
# The targets are the one list in tests/fuzz/CMakeLists.txt. Writes build/fuzz-results.tsv: one line
# per target, "<target>\t<runs>\tok|crash". Exits 1 if a target crashed or did not build.
# Usage: scripts/fuzz.sh SECONDS [JOBS]   (make fuzz; make test runs it for a few seconds per target)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: fuzz.sh SECONDS [JOBS]}
jobs=${2:-2}
results=build/fuzz-results.tsv
mkdir -p build
: > "$results"
if ! { cmake --preset fuzz >/dev/null && cmake --build build/fuzz -j"$jobs" --target fuzz_all >build/fuzz-build.log 2>&1; }; then
    tail -30 build/fuzz-build.log
    echo "fuzz build failed (build/fuzz-build.log)" >&2
    exit 1
fi
status=0
while read -r f; do
    [ -n "$f" ] || continue
    mkdir -p "build/fuzz-corpus/$f"
    if build/fuzz/tests/fuzz/"$f" -max_total_time="$seconds" -max_len=8192 -artifact_prefix=build/ \
         "build/fuzz-corpus/$f" "tests/fuzz/corpus/$f" >"build/$f.log" 2>&1; then
        runs=$(grep -E '^Done [0-9]+ runs' "build/$f.log" | awk '{print $2}')
        printf '%s\t%s\tok\n' "$f" "${runs:-0}" >> "$results"
        echo "fuzz $f: ${runs:-?} runs, no crash"
    else
        grep -E 'ERROR|SUMMARY|runtime error' "build/$f.log" | head -5
        printf '%s\t0\tcrash\n' "$f" >> "$results"
        echo "fuzz $f: CRASH (see build/$f.log and build/crash-*)"
        status=1
    fi
done < build/fuzz/tests/fuzz/fuzz_targets.txt
exit $status
