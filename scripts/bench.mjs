#!/usr/bin/env node
// bench.mjs - the browser half of `make bench`: transfer sizes (gzip), time to the first fully drawn
// frame (median of 10 loads), CPU time per frame at 1366x768 with every animation on at 4x speed, and
// the wasm heap over a long run. Prints JSON lines; scripts/bench.sh formats the report.
// BENCH_MINUTES (default 10) sets the length of the memory run.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launch } from '../tests/e2e/harness.mjs';

const dist = 'dist';
const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
const multi = ['index.html', 'style.css', 'app.js', 'favicon.svg', 'neurodrive.js', 'neurodrive.wasm'];
const sizes = Object.fromEntries(multi.map((f) => [f, gz(f)]));
console.log(JSON.stringify({ metric: 'size', multi_gzip_bytes: Object.values(sizes).reduce((a, b) => a + b, 0),
  single_gzip_bytes: gz('neurodrive.html'), files: sizes }));

const srv = await startServer();
const browser = await launch();
const loads = [];
for (let i = 0; i < 10; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(srv.url + '?persist=0');
  loads.push(await page.evaluate(() => window.neurodrive.ready.then(() => performance.now())));
  await context.close();
}
loads.sort((a, b) => a - b);
console.log(JSON.stringify({ metric: 'first_frame_ms', median: (loads[4] + loads[5]) / 2, min: loads[0], max: loads[9], loads }));

const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
await page.goto(srv.url + '?persist=0&speed=4');
await page.evaluate(() => window.neurodrive.ready);
await page.evaluate(() => { window.neurodrive.autoTrials(true); });
await page.waitForTimeout(12000);
const frame = await page.evaluate(() => window.neurodrive.stats());
console.log(JSON.stringify({ metric: 'cpu_per_frame', ...frame }));

const minutes = Number(process.env.BENCH_MINUTES || 10);
const heap = [];
const start = Date.now();
while (Date.now() - start < minutes * 60000) {
  const s = await page.evaluate(() => window.neurodrive.stats());
  heap.push({ t_s: Math.round((Date.now() - start) / 1000), heap_bytes: s.heap_bytes, malloc_in_use_bytes: s.malloc_in_use_bytes });
  await page.waitForTimeout(Math.min(30000, minutes * 6000));
}
const end = await page.evaluate(() => window.neurodrive.stats());
heap.push({ t_s: Math.round((Date.now() - start) / 1000), heap_bytes: end.heap_bytes, malloc_in_use_bytes: end.malloc_in_use_bytes });
console.log(JSON.stringify({ metric: 'memory', minutes, samples: heap }));
await browser.close();
await srv.close();
