#!/usr/bin/env bash
# bench.sh - `make bench`: measures NeuroDrive against its budgets and prints a report (also written to
# build/bench.md). Benchmarks, not tests: numbers vary with the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
cmake -S . -B build/native >/dev/null && cmake --build build/native --target model_bench >/dev/null
emcmake cmake -S . -B build/wasm >/dev/null && cmake --build build/wasm --target model_bench >/dev/null
native=$(build/native/tests/model_bench)
wasm=$(node --no-experimental-fetch build/wasm/tests/model_bench.js)
browser=$(node scripts/bench.mjs)
node - "$native" "$wasm" "$browser" <<'JS' | tee build/bench.md
const [native, wasm, browser] = process.argv.slice(2);
const rows = (t) => Object.fromEntries(t.trim().split('\n').slice(1).map((l) => { const [n, ns, us] = l.split(' '); return [n, { ns: +ns, us: +us }]; }));
const n = rows(native), w = rows(wasm);
const m = Object.fromEntries(browser.trim().split('\n').map((l) => JSON.parse(l)).map((o) => [o.metric, o]));
const kb = (b) => (b / 1024).toFixed(0) + ' KB';
const ok = (good) => (good ? 'within budget' : '**over budget**');
const heap = m.memory.samples, h0 = heap[0], h1 = heap[heap.length - 1];
const growth = h1.malloc_in_use_bytes - h0.malloc_in_use_bytes;
const out = [
  '| measure | result | budget | verdict |', '|---|---|---|---|',
  `| transfer size, multi-file build (gzip -9, all files incl. font) | ${kb(m.size.multi_gzip_bytes)} | <= 450 KB | ${ok(m.size.multi_gzip_bytes <= 450 * 1024)} |`,
  `| transfer size, single-file build (gzip -9) | ${kb(m.size.single_gzip_bytes)} | <= 700 KB | ${ok(m.size.single_gzip_bytes <= 700 * 1024)} |`,
  `| navigation to first fully drawn frame (median of 10) | ${m.first_frame_ms.median.toFixed(0)} ms (min ${m.first_frame_ms.min.toFixed(0)}, max ${m.first_frame_ms.max.toFixed(0)}) | <= 1000 ms | ${ok(m.first_frame_ms.median <= 1000)} |`,
  `| CPU per frame, 1366x768, 4x, auto trials (median) | ${m.cpu_per_frame.cpu_ms_median.toFixed(2)} ms | <= 4 ms | ${ok(m.cpu_per_frame.cpu_ms_median <= 4)} |`,
  `| CPU per frame (99th percentile) | ${m.cpu_per_frame.cpu_ms_p99.toFixed(2)} ms | <= 8 ms | ${ok(m.cpu_per_frame.cpu_ms_p99 <= 8)} |`,
  `| of which model + UI build (median / 99th pct) | ${m.cpu_per_frame.ui_ms_median.toFixed(2)} / ${m.cpu_per_frame.ui_ms_p99.toFixed(2)} ms | (part of the above) | ${ok(m.cpu_per_frame.ui_ms_median <= 4 && m.cpu_per_frame.ui_ms_p99 <= 8)} |`,
  `| frames drawn in 12 s; vertices per frame | ${m.cpu_per_frame.frames}; ${m.cpu_per_frame.vertices} | 60 fps | - |`,
  ...Object.keys(n).map((k) => `| model cost, ${k}: native / wasm (ns per simulated s) | ${n[k].ns} / ${w[k].ns} (wasm/native ${(w[k].ns / n[k].ns).toFixed(2)}) | < 1 ms per frame at 4x: ${w[k].us.toFixed(0)} us | ${ok(w[k].us < 1000)} |`),
  `| memory over ${m.memory.minutes} min at 4x (malloc in use; heap size) | ${growth >= 0 ? '+' : ''}${growth} bytes; heap ${kb(h0.heap_bytes)} -> ${kb(h1.heap_bytes)} | flat within 1 MB | ${ok(Math.abs(growth) < 1024 * 1024 && h1.heap_bytes - h0.heap_bytes < 1024 * 1024)} |`,
];
console.log(out.join('\n'));
JS
