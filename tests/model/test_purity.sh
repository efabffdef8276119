#!/usr/bin/env bash
# test_purity.sh - the model is pure C++17: every file of include/neurodrive/ (not io/) and src/model/
# includes only standard-library headers and the model's own headers. No JSON library (reading data is
# the io library's job: src/io/), SDL, GL, ImGui, Emscripten, files or clocks can creep in.
# Usage: test_purity.sh REPO_ROOT
set -u
root=$1; bad=0
allowed='^(algorithm|array|cerrno|cmath|cstdarg|cstdint|cstdio|cstdlib|cstring|limits|optional|string|string_view|utility|vector|neurodrive/[a-z_]+\.hpp)$'
for f in "$root"/include/neurodrive/*.hpp "$root"/src/model/*.cpp "$root"/src/model/*.hpp; do
    [ -e "$f" ] || continue
    while IFS= read -r inc; do
        name=$(echo "$inc" | sed -E 's/#include[[:space:]]*[<"]([^>"]+)[>"].*/\1/')
        if ! [[ "$name" =~ $allowed ]]; then echo "FAIL - $(basename "$f") includes <$name>"; bad=$((bad + 1)); fi
    done < <(grep -E '^[[:space:]]*#include' "$f")
done
for word in 'std::chrono' 'fopen' 'ifstream' 'ofstream' 'std::rand' 'time(' 'getenv'; do
    if grep -n -- "$word" "$root"/src/model/*.cpp "$root"/include/neurodrive/*.hpp >/dev/null; then echo "FAIL - the model uses $word"; bad=$((bad + 1)); fi
done
[ $bad -eq 0 ] && echo "ok   - the model includes only the standard library and its own headers"
[ $bad -eq 0 ]
