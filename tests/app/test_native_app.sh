#!/usr/bin/env bash
# test_native_app.sh - the native app (SDL2 + OpenGL 3) starts under a virtual X server, draws 60
# frames and its last frame is a real picture (many colours, not a blank window).
# Usage: test_native_app.sh PATH/TO/neurodrive
set -u
app=$1
out=$(mktemp --suffix=.ppm)
trap 'rm -f "$out"' EXIT
if ! command -v xvfb-run >/dev/null; then echo "xvfb-run missing: run make setup"; exit 1; fi
xvfb-run -a -s "-screen 0 1366x768x24" "$app" --frames 60 --screenshot "$out" || { echo "the native app failed"; exit 1; }
python3 - "$out" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
head, w_h, depth, pixels = data.split(b'\n', 3)
w, h = map(int, w_h.split())
assert head == b'P6' and len(pixels) == w * h * 3, 'bad image'
colours = {pixels[i:i + 3] for i in range(0, len(pixels), 3 * 97)}
print(f'native app: {w}x{h}, {len(colours)} distinct colours sampled')
assert len(colours) > 50, 'the window looks blank'
PY
