#!/usr/bin/env bash
# test_docs.sh - the generated parts of the docs match the code:
#   1. docs/MODEL.md's parameter table is exactly `neurodrive-cli params --markdown`;
#   2. docs/VALIDATION.md has a row for every finding of the registry with the model's verdict today
#      (every column but the perturbation share, which only `make validate` recomputes).
# Usage: test_docs.sh PATH/TO/neurodrive-cli REPO_ROOT
set -u
cli=$1; root=$2; fails=0
expected=$("$cli" params --markdown)
actual=$(awk '/<!-- params:end -->/{f=0} f{print} /<!-- params:begin -->/{f=1}' "$root/docs/MODEL.md")
if [ "$expected" = "$actual" ]; then echo "ok   - MODEL.md parameter table matches params.hpp"
else echo "FAIL - MODEL.md parameter table differs from params.hpp (run: make docs)"; diff <(echo "$expected") <(echo "$actual") | head -5; fails=$((fails + 1)); fi
rows=$("$cli" validate --markdown 2>/dev/null | grep '^| `')
count=0
while IFS= read -r row; do
    count=$((count + 1))
    if ! grep -qF -- "$row" "$root/docs/VALIDATION.md"; then
        echo "FAIL - VALIDATION.md lacks or differs for: ${row:0:80}... (run: make validate)"; fails=$((fails + 1))
    fi
done <<< "$rows"
[ "$count" -ge 25 ] && echo "ok   - VALIDATION.md matches all $count findings" || { echo "FAIL - only $count findings"; fails=$((fails + 1)); }
[ $fails -eq 0 ]
