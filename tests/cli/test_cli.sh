#!/usr/bin/env bash
# test_cli.sh - neurodrive-cli: good runs print JSON; bad arguments print one line on stderr, nothing
# on stdout, and exit with status 2. Usage: test_cli.sh PATH/TO/neurodrive-cli
set -u
cli=$1
fails=0
ok()  { echo "ok   - $*"; }
bad() { echo "FAIL - $*"; fails=$((fails + 1)); }

out=$("$cli" run --duration 5 2>/dev/null); rc=$?
[ $rc -eq 0 ] && echo "$out" | grep -q '"motivation":' && ok "run prints outputs" || bad "run (rc=$rc)"
out=$("$cli" run --preset hypothyroid --set dopamine=0.8 --duration 20 --seed 3 2>/dev/null)
echo "$out" | grep -q '"thyroid":0.3' && echo "$out" | grep -q '"dopamine":0.8' && ok "preset then --set" || bad "preset + set"
tmp=$(mktemp); "$cli" run --duration 2 --csv "$tmp" >/dev/null 2>&1
[ "$(head -1 "$tmp" | cut -d, -f1-2)" = "time_s,motivation" ] && [ "$(wc -l < "$tmp")" -gt 15 ] && ok "--csv writes a time series" || bad "--csv"
rm -f "$tmp"
"$cli" list | grep -q "effort_choice" && ok "list" || bad "list"
"$cli" experiment waiting --param serotonin_stim=1 | grep -q '"giving_up_time_s":17' && ok "experiment waiting" || bad "experiment waiting"

errfile=$(mktemp)
trap 'rm -f "$errfile"' EXIT
check_bad() {  # args... : must exit 2 with one stderr line and empty stdout
    local out err rc
    out=$("$cli" "$@" 2>"$errfile"); rc=$?; err=$(cat "$errfile")
    if [ $rc -eq 2 ] && [ -z "$out" ] && [ "$(echo "$err" | wc -l)" -eq 1 ] && [ -n "$err" ]; then ok "rejects: $* -> $err"
    else bad "should reject: $* (rc=$rc, stdout='${out:0:60}', stderr='$err')"; fi
}
check_bad
check_bad fly
check_bad run --set happiness=1
check_bad run --set thyroid=2.5
check_bad run --set thyroid=nan
check_bad run --set thyroid=1e999
check_bad run --set thyroid=0.5abc
check_bad run --set thyroid=
check_bad run --set thyroid
check_bad run --preset nope
check_bad run --duration -1
check_bad run --seed 1.5
check_bad run --bogus
check_bad experiment
check_bad experiment nope
check_bad experiment conditioning --param trials=0
check_bad experiment conditioning --param trials=2.5
check_bad experiment pfc_dose --param x=1
check_bad experiment waiting --param reward_probability=abc
check_bad list extra
echo "cli: $fails failed"
[ $fails -eq 0 ]
