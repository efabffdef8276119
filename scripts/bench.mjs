#!/usr/bin/env node
// bench.mjs - the browser half of `make bench` (scripts/bench.sh) and its report. Benchmarks, not tests:
// it exits non-zero only when it cannot measure, never because a figure misses its goal.
//
//   node scripts/bench.mjs [--app DIR] [--baseline DIR] [--baseline-nodemo DIR]
//       Measures NeuroDrive (DIR default dist/, copied first so a rebuild cannot change it mid-run) and the
//       bare Dear ImGui page (build/baseline/page, built by bench.sh from bench/baseline/) in ONE browser:
//       transfer size (gzip -9 of every file the page loaded; page-nodemo: the stack without the demo),
//       first drawn frame (cold cache, 10 loads each, interleaved), CPU per frame and frame rate while
//       animating at 1366x768 (plus a control page with the app's vertex count, and an experiment without
//       the GPU round trips), main-thread busy share while idle for 10 s (CDP Performance.getMetrics
//       TaskDuration / wall time), simulated vs wall time at 1x over 60 s, and memory over a long run.
//       Prints one JSON line per measure; progress goes to stderr.
//   node scripts/bench.mjs --report NATIVE.txt WASM.txt BROWSER.jsonl OUT.md
//       Prints the ratio table (NeuroDrive / bare page) with the goals of issue 15 and the other figures,
//       and writes the same Markdown to OUT.md.
//
// Environment: BENCH_MINUTES (default 10) sets the memory run's length; BENCH_BROWSER_LOG names a file
// that receives Chromium's own output (crash reasons); BENCH_SKIP=memory,first,... leaves measures out
// (for trials only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { pageSize } from './page_size.mjs';

const VIEWPORT = { width: 1366, height: 768 };
// Files the page loads only on demand (qrcode.js: when the Share dialog first opens). A cold load never
// fetches them, but they count in the page's transfer size and its 450 KB budget all the same.
const ON_DEMAND = ['qrcode.js'];
const LOADS = 10;               // cold loads per page for the first-frame median
const WARMUP_MS = 3000;         // after ready (and after pausing) before a measurement window opens
const IDLE_MS = 10000;          // idle window
const APP_ANIMATE_MS = 60000;   // the app's animating window, also the simulated-vs-wall window
const BASE_ANIMATE_MS = 30000;  // the bare page's animating window (enough for 600 frames at 20 fps)
const NOSYNC_MS = 20000;        // each page's window in the experiment without GPU round trips
const CALL_TIMEOUT_MS = 60000;  // longest wait for any one answer from the page

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const progress = (...a) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${a.join(' ')}\n`);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const emit = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

// Any promise, but never longer than ms: a renderer that hangs or dies must not hang the bench.
async function guard(what, promise, ms = CALL_TIMEOUT_MS) {
  let timer;
  try {
    return await Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms); })]);
  } finally { clearTimeout(timer); }
}

if (process.argv[2] === '--report') report(process.argv.slice(3));
else await measure(process.argv.slice(2));

// ================================================================================================
// [SECTION] Measuring
// ================================================================================================
async function measure(args) {
  const opt = { app: 'dist', baseline: 'build/baseline/page', nodemo: 'build/baseline/page-nodemo' };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--app') opt.app = args[++i];
    else if (args[i] === '--baseline') opt.baseline = args[++i];
    else if (args[i] === '--baseline-nodemo') opt.nodemo = args[++i];
    else throw new Error(`bench.mjs: unknown argument ${args[i]} (allowed: --app DIR --baseline DIR --baseline-nodemo DIR, or --report ...)`);
  }
  const skip = new Set((process.env.BENCH_SKIP || '').split(',').filter(Boolean));
  const minutes = Number(process.env.BENCH_MINUTES || 10);
  if (!(minutes > 0)) throw new Error('BENCH_MINUTES must be a number above 0');

  // Chromium's own output (why a renderer or the GPU process died) goes to a file through Playwright's
  // debug log; it must be switched on before Playwright loads.
  const logFile = process.env.BENCH_BROWSER_LOG;
  if (logFile) {
    fs.writeFileSync(logFile, '');
    process.env.DEBUG = [process.env.DEBUG, 'pw:browser'].filter(Boolean).join(',');
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk, ...rest) => {
      if (String(chunk).includes('pw:browser')) { fs.appendFileSync(logFile, String(chunk)); return true; }
      return write(chunk, ...rest);
    };
  }
  // Why the memory run once ended with "Target page, context or browser has been closed": Playwright
  // closes its browsers when this process gets SIGHUP, SIGINT or SIGTERM (a terminal that hangs up, a
  // runner that caps a command at 10 minutes), and every pending call then fails with that message; a
  // crashed renderer says "Target crashed" instead. So the harness's launches keep the browser on those
  // signals, a hangup is ignored (bench.sh ignores it too), and SIGINT/SIGTERM stop the bench saying so.
  const { chromium } = await import('playwright-core');
  const launchBrowser = chromium.launch.bind(chromium);
  chromium.launch = (o = {}) => launchBrowser({ ...o, handleSIGHUP: false, handleSIGINT: false, handleSIGTERM: false });
  const started = Date.now();
  let browser = null;
  process.stderr.on('error', () => {});  // a terminal that went away must not end the run
  process.on('SIGHUP', () => progress(`SIGHUP after ${Math.round((Date.now() - started) / 1000)} s: ignored, the run goes on`));
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      progress(`${sig} after ${Math.round((Date.now() - started) / 1000)} s: stopping (the measures printed so far stand; the rest is not measured)`);
      try { await guard('browser close', browser.close(), 10000); } catch { /* not started or gone */ }
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  const { startServer, launch } = await import('../tests/e2e/harness.mjs');

  const appDir = snapshotApp(opt.app, 'build/bench/app');
  for (const [dir, file] of [[opt.baseline, 'baseline.js'], [appDir, 'neurodrive.js']])
    if (!fs.existsSync(path.join(dir, file))) throw new Error(`${path.join(dir, file)} not found (build it first)`);
  const targets = {
    app: { name: 'NeuroDrive', root: appDir, api: 'neurodrive', query: '?persist=0' },
    baseline: { name: 'bare Dear ImGui page', root: opt.baseline, api: 'baseline', query: '' },
  };
  for (const t of Object.values(targets)) { t.server = await startServer({ root: t.root }); t.url = t.server.url; }

  browser = await launch();
  const machine = {
    metric: 'machine', cpu: cpuModel(), cores: os.cpus().length, chromium: browser.version(), node: process.version,
    date: new Date().toISOString(), loadavg_start: os.loadavg().map((x) => +x.toFixed(2)),
  };
  const bcdp = await browser.newBrowserCDPSession();
  // CPU seconds used so far by the renderers, the GPU process and the whole browser (every process).
  const processCpu = async () => {
    const info = (await bcdp.send('SystemInfo.getProcessInfo')).processInfo;
    const sum = (type) => info.filter((p) => !type || p.type === type).reduce((a, p) => a + p.cpuTime, 0);
    return { gpu: sum('GPU'), renderer: sum('renderer'), all: sum(), info };
  };

  // One fresh context (cold cache, own storage) with one page, loaded until `ready`.
  async function open(t, query = t.query, init = null) {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'dark' });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const s = { context, page, files: new Set(), errors: [], crashed: false };
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (r.url().startsWith(t.url) && r.status() === 200) s.files.add(decodeURIComponent(u.pathname).replace(/^\//, '') || 'index.html');
      if (r.status() >= 400) s.errors.push(`HTTP ${r.status()} ${u.pathname}`);
    });
    page.on('pageerror', (e) => s.errors.push(`pageerror: ${e.message}`));
    page.on('crash', () => { s.crashed = true; });
    await guard('page load', page.goto(t.url + query));
    s.readyMs = await guard(`${t.name}: ready`, page.evaluate((api) => window[api].ready.then(() => performance.now()), t.api));
    // Where the start-up time went, from the page's own timeline: HTML parsed, wasm downloaded.
    s.phases = await guard('timeline', page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      // The app's own steps (stats().startup_ms; the bare page has none).
      const own = window.neurodrive && window.neurodrive.stats ? window.neurodrive.stats().startup_ms : null;
      return { dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : null, wasm_downloaded_ms: wasm ? wasm.responseEnd : null, steps: own || null };
    }));
    s.cdp = await context.newCDPSession(page);
    await s.cdp.send('Performance.enable');
    await page.bringToFront();
    return s;
  }
  const close = async (s) => { try { await guard('close', s.context.close(), 10000); } catch { /* already gone */ } };
  const pageMetrics = async (s) => Object.fromEntries((await guard('metrics', s.cdp.send('Performance.getMetrics'))).metrics.map((m) => [m.name, m.value]));
  // Everything a measurement window needs at its start and end, taken as close together as possible.
  async function mark(s, t) {
    const p = await guard('page state', s.page.evaluate((api) => {
      const n = window[api], st = n.stats(), g = n.get ? n.get() : null;
      return { perf_ms: performance.now(), frames: st.frames, time_s: g ? g.time_s : null, stats: st };
    }, t.api));
    const m = await pageMetrics(s);
    const c = await processCpu();
    return { ...p, task_s: m.TaskDuration, ts_s: m.Timestamp, gpu_s: c.gpu, renderer_s: c.renderer, all_s: c.all };
  }
  const windowOf = (a, b) => {
    const wall = b.ts_s - a.ts_s;
    return {
      seconds: +wall.toFixed(3), frames: b.frames - a.frames, fps: +((b.frames - a.frames) / wall).toFixed(2),
      // TaskDuration counts the main thread's tasks in wall time (waits for the GPU process included);
      // the process shares are CPU time (SystemInfo.getProcessInfo), of one core.
      busy_share: (b.task_s - a.task_s) / wall, renderer_share: (b.renderer_s - a.renderer_s) / wall,
      gpu_share: (b.gpu_s - a.gpu_s) / wall, browser_share: (b.all_s - a.all_s) / wall,
    };
  };

  // ---- Transfer size and first drawn frame: cold loads, app and bare page interleaved -----------------
  const single = path.join(appDir, 'neurodrive.html');
  const files = { app: new Set(), baseline: new Set() };
  const loads = { app: [], baseline: [] }, phases = { app: [], baseline: [] };
  const nLoads = skip.has('first') ? 1 : LOADS;
  for (let i = 0; i < nLoads; i++) {
    for (const key of ['app', 'baseline']) {
      const s = await open(targets[key]);
      loads[key].push(s.readyMs);
      phases[key].push(s.phases);
      for (const f of s.files) files[key].add(f);
      if (s.errors.length) progress(`${key} load ${i + 1}: ${s.errors.join('; ')}`);
      await close(s);
    }
    progress(`first frame, load ${i + 1}/${nLoads}: app ${loads.app[i].toFixed(0)} ms, bare page ${loads.baseline[i].toFixed(0)} ms`);
  }
  for (const key of ['app', 'baseline']) {
    let per = Object.fromEntries([...files[key]].sort().filter((f) => fs.existsSync(path.join(targets[key].root, f))).map((f) => [f, gz(path.join(targets[key].root, f))]));
    let extra = {};
    if (key === 'app') {
      // The app's download is every file index.html loads at start, read from the page and its scripts
      // (scripts/page_size.mjs; the files it lists as fetched only on demand are reported apart); a file
      // the browser fetched that the reading missed is reported.
      const page = pageSize(targets.app.root);
      const loaded = Object.keys(per);
      per = Object.fromEntries(page.files.map((f) => [f.file, f.gzip_bytes]));
      extra = { goal_bytes: page.goal_bytes, on_demand: Object.fromEntries(page.on_demand.map((f) => [f.file, f.gzip_bytes])), loaded_not_counted: loaded.filter((f) => !(f in per)),
        ...(fs.existsSync(single) ? { single_file_gzip_bytes: gz(single) } : {}) };
    }
    emit({ metric: 'size', target: key, gzip_bytes: Object.values(per).reduce((a, b) => a + b, 0), files: per, ...extra });
    if (key === 'baseline' && fs.existsSync(path.join(opt.nodemo, 'baseline.wasm'))) {
      // The same page built without the demo window's code: the stack's own download.
      const nd = Object.fromEntries(Object.keys(per).map((f) => [f, gz(fs.existsSync(path.join(opt.nodemo, f)) ? path.join(opt.nodemo, f) : path.join(opt.baseline, f))]));
      emit({ metric: 'size', target: 'nodemo', gzip_bytes: Object.values(nd).reduce((a, b) => a + b, 0), files: nd });
    }
    const l = loads[key];
    emit({ metric: 'first_frame', target: key, median_ms: median(l), min_ms: Math.min(...l), max_ms: Math.max(...l), loads_ms: l.map((x) => +x.toFixed(1)),
      dom_content_loaded_median_ms: median(phases[key].map((p) => p.dom_content_loaded_ms)), wasm_downloaded_median_ms: median(phases[key].map((p) => p.wasm_downloaded_ms)),
      ...(phases[key][0]?.steps ? { steps_median_ms: Object.fromEntries(Object.keys(phases[key][0].steps).map((k) => [k, median(phases[key].map((p) => p.steps[k]))])) } : {}) });
  }

  // ---- Animating: the app at 1x with auto trials (also simulated vs wall time), the demo window -----------
  if (!skip.has('animate')) {
    let appVertices = 0;
    // The control: the same bare page with rows of text added up to the app's vertex count.
    targets.control = { ...targets.baseline, name: 'bare page + text to the app\'s vertex count' };
    for (const key of ['app', 'baseline', 'control']) {
      const t = targets[key];
      const s = await open(t, key === 'control' ? `?text_vertices=${appVertices}` : t.query);
      if (key === 'app') await s.page.evaluate(() => { const n = window.neurodrive; n.play(); n.speed(1); n.autoTrials(true); });
      await sleep(WARMUP_MS);
      const a = await mark(s, t);
      progress(`animating: ${t.name} for ${(key === 'app' ? APP_ANIMATE_MS : BASE_ANIMATE_MS) / 1000} s`);
      await sleep(key === 'app' ? APP_ANIMATE_MS : BASE_ANIMATE_MS);
      const b = await mark(s, t);
      const st = b.stats;
      const out = { metric: 'animate', target: key, ...windowOf(a, b), cpu_ms_median: st.cpu_ms_median, cpu_ms_p99: st.cpu_ms_p99,
        ui_ms_median: st.ui_ms_median, ui_ms_p99: st.ui_ms_p99, samples: st.samples, vertices: st.vertices,
        samples_in_window: Math.min(st.samples, b.frames - a.frames) };
      // Retained drawing (issue 21): the app reports the median over its last 600 frames, the count with
      // every unchanged panel from its texture, the textures shown and whether slow layers were paced.
      if (st.vertices_median !== undefined) {
        Object.assign(out, { vertices: st.vertices_median, vertices_last: st.vertices, vertices_p99: st.vertices_p99,
          vertices_steady: st.vertices_steady, textures_shown: st.textures_shown, pacing: st.pacing, redrawn_share: st.redrawn_share });
      }
      if (key === 'app') {
        appVertices = out.vertices;
        const wall = (b.perf_ms - a.perf_ms) / 1000, sim = b.time_s - a.time_s;
        Object.assign(out, { wall_s: +wall.toFixed(3), sim_s: +sim.toFixed(3), sim_over_wall: sim / wall });
      }
      if (s.errors.length) out.errors = s.errors;
      emit(out);
      await close(s);
    }
  }

  // ---- Experiment: where the frame time goes ------------------------------------------------------------
  // ImGui's OpenGL3 backend reads GL state back at the start of every RenderDrawData (glGetIntegerv:
  // scissor box, blend functions ...). In Chromium each such getParameter is a synchronous round trip to
  // the GPU process, which here is still rasterising the previous frame in SwiftShader: the main thread
  // waits there. This run answers those queries from their first answer (ImGui restores the same state
  // each frame) so that the frame time shows the page's own work. Timing only; both pages alike.
  if (!skip.has('animate') && !skip.has('nosync')) {
    const noSync = () => {
      const P = WebGL2RenderingContext.prototype, get = P.getParameter, cache = new Map();
      const queried = new Set([0x0C10, 0x80C8, 0x80C9, 0x80CA, 0x80CB, 0x8009, 0x883D]);  // SCISSOR_BOX, BLEND_*
      P.getParameter = function (p) {
        if (!queried.has(p)) return get.call(this, p);
        if (!cache.has(p)) cache.set(p, get.call(this, p));
        const v = cache.get(p);
        return v && v.slice ? v.slice() : v;
      };
    };
    for (const key of ['app', 'baseline']) {
      const t = targets[key];
      const s = await open(t, t.query, noSync);
      if (key === 'app') await s.page.evaluate(() => { const n = window.neurodrive; n.play(); n.speed(1); n.autoTrials(true); });
      await sleep(WARMUP_MS);
      const a = await mark(s, t);
      progress(`experiment without GPU round trips: ${t.name} for ${NOSYNC_MS / 1000} s`);
      await sleep(NOSYNC_MS);
      const b = await mark(s, t);
      const st = b.stats;
      emit({ metric: 'animate_nosync', target: key, ...windowOf(a, b), cpu_ms_median: st.cpu_ms_median, cpu_ms_p99: st.cpu_ms_p99,
        ui_ms_median: st.ui_ms_median, samples_in_window: Math.min(st.samples, b.frames - a.frames) });
      await close(s);
    }
  }

  // ---- Idle for 10 s: the app paused with no input, the bare page as it is ---------------------------------
  if (!skip.has('idle')) {
    for (const key of ['app', 'baseline']) {
      const t = targets[key];
      const s = await open(t);
      if (key === 'app') await s.page.evaluate(() => window.neurodrive.pause());
      await sleep(WARMUP_MS);
      const a = await mark(s, t);
      progress(`idle: ${t.name} for ${IDLE_MS / 1000} s`);
      await sleep(IDLE_MS);
      const b = await mark(s, t);
      emit({ metric: 'idle', target: key, ...windowOf(a, b) });
      await close(s);
    }
  }

  // ---- Memory over a long run (the app at 4x with auto trials) -------------------------------------------
  if (!skip.has('memory')) {
    const r = await memoryRun(minutes);
    emit({ metric: 'memory', minutes, ...r });
  }

  machine.loadavg_end = os.loadavg().map((x) => +x.toFixed(2));
  emit(machine);
  await guard('browser close', browser.close(), 30000).catch(() => {});
  for (const t of [targets.app, targets.baseline]) await t.server.close();

  // The memory run survives its full length: a page, renderer or browser that dies is recorded as an
  // incident (with what the browser said), a fresh page continues, and growth is judged per segment.
  async function memoryRun(mins) {
    const t = targets.app;
    const every = Math.min(30000, mins * 6000);
    const start = Date.now(), end = start + mins * 60000;
    const samples = [], incidents = [];
    let s = null, segment = 0;
    const since = () => Math.round((Date.now() - start) / 1000);
    const incident = (what, extra = {}) => { const i = { t_s: since(), segment, what, ...extra }; incidents.push(i); progress('memory run incident:', JSON.stringify(i)); };
    progress(`memory: ${mins} min at 4x with auto trials`);
    for (;;) {
      if (!s) {
        try {
          if (!browser.isConnected()) { incident('browser disconnected: relaunching'); browser = await launch(); }
          s = await open(t, '?persist=0&speed=4');
          await s.page.evaluate(() => window.neurodrive.autoTrials(true));
          segment += 1;
          s.page.on('console', (m) => { if (/context lost|stopped/i.test(m.text())) incident(`console: ${m.text().slice(0, 200)}`); });
        } catch (e) {
          incident(`could not open the page: ${e.message.split('\n')[0]}`);
          s = null;
          if (Date.now() > end) break;
          await sleep(5000);
          continue;
        }
      }
      try {
        const st = await guard('stats()', s.page.evaluate(() => window.neurodrive.stats()));
        if (!st) {
          const why = await s.page.locator('#failure-detail').textContent().catch(() => '');
          throw new Error(`the app stopped: ${why}`);
        }
        const m = await pageMetrics(s);
        const procs = (await processCpu()).info;
        samples.push({ t_s: since(), segment, frames: st.frames, heap_bytes: st.heap_bytes, malloc_in_use_bytes: st.malloc_in_use_bytes,
          js_heap_bytes: m.JSHeapUsedSize, dom_nodes: m.Nodes, js_listeners: m.JSEventListeners,
          renderer_rss_kb: rssKb(procs, 'renderer'), gpu_rss_kb: rssKb(procs, 'GPU') });
      } catch (e) {
        incident(`sample failed: ${e.message.split('\n')[0]}`, { renderer_crashed: s.crashed, page_closed: s.page.isClosed(), browser_connected: browser.isConnected() });
        await close(s);
        s = null;
        continue;
      }
      if (Date.now() >= end) break;
      await sleep(Math.min(every, end - Date.now()));  // Node's timer, not the page's: a dead page cannot break the wait
    }
    if (s) await close(s);
    return { samples, incidents, segments: segment };
  }
}

// Copies the app's files once (waiting until no file changed for 3 s), so that a rebuild of dist/ during
// the run cannot mix two builds.
function snapshotApp(dir, to) {
  const stamp = () => fs.readdirSync(dir).map((f) => `${f}:${fs.statSync(path.join(dir, f)).mtimeMs}:${fs.statSync(path.join(dir, f)).size}`).join('|');
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html not found: run make dist first`);
  for (let tries = 0; ; tries++) {
    const before = stamp();
    execFileSync('sleep', ['3']);
    if (stamp() === before) break;
    if (tries > 100) throw new Error(`${dir} keeps changing: cannot take a consistent copy`);
  }
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, f)).isFile()) fs.copyFileSync(path.join(dir, f), path.join(to, f));
  return to;
}

function cpuModel() {
  try { return (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [])[1] || os.cpus()[0].model; } catch { return os.cpus()[0]?.model || 'unknown'; }
}

function rssKb(procs, type) {
  let kb = 0;
  for (const p of procs.filter((x) => x.type === type)) {
    try { kb += Number((fs.readFileSync(`/proc/${p.id}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m) || [])[1] || 0); } catch { /* exited */ }
  }
  return kb;
}

// ================================================================================================
// [SECTION] Report
// ================================================================================================
function report([nativeFile, wasmFile, browserFile, outFile]) {
  const rows = (t) => Object.fromEntries(t.trim().split('\n').slice(1).map((l) => { const [n, ns, us] = l.split(' '); return [n, { ns: +ns, us: +us }]; }));
  const native = rows(fs.readFileSync(nativeFile, 'utf8')), wasm = rows(fs.readFileSync(wasmFile, 'utf8'));
  const m = {};
  for (const line of fs.readFileSync(browserFile, 'utf8').trim().split('\n')) {
    const o = JSON.parse(line);
    m[o.target ? `${o.metric}.${o.target}` : o.metric] = o;
  }
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  const ms = (x, d = 1) => `${x.toFixed(d)} ms`;
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const ratio = (a, b) => (b > 0 ? a / b : Infinity);
  const rx = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : '-');
  const verdict = (ok) => (ok ? 'met' : '**missed**');
  const out = [];
  const mc = m.machine;
  out.push(`Measured ${mc.date.slice(0, 16).replace('T', ' ')} UTC on ${mc.cpu}, ${mc.cores} cores, Chromium ${mc.chromium} (headless, WebGL2 on SwiftShader), Node ${mc.node}; load average ${mc.loadavg_start[0]} at the start, ${mc.loadavg_end[0]} at the end.`);
  out.push('');
  out.push('| measure | NeuroDrive | bare Dear ImGui page | ratio | goal | verdict |', '|---|---|---|---|---|---|');
  const ff = [m['first_frame.app'], m['first_frame.baseline']];
  if (ff[0] && ff[1]) {
    const r = ratio(ff[0].median_ms, ff[1].median_ms);
    out.push(`| first drawn frame, cold cache (median of ${ff[0].loads_ms.length}; min-max) | ${ms(ff[0].median_ms, 0)} (${ff[0].min_ms.toFixed(0)}-${ff[0].max_ms.toFixed(0)}) | ${ms(ff[1].median_ms, 0)} (${ff[1].min_ms.toFixed(0)}-${ff[1].max_ms.toFixed(0)}) | ${rx(r)} | <= 1.3x | ${verdict(r <= 1.3)} |`);
  }
  if (ff[0]?.wasm_downloaded_median_ms != null && ff[1]?.wasm_downloaded_median_ms != null) {
    const ph = (f) => `HTML parsed ${ms(f.dom_content_loaded_median_ms, 0)}, wasm downloaded ${ms(f.wasm_downloaded_median_ms, 0)}, third frame drawn ${ms(f.median_ms, 0)} (medians; wasm download to third frame ${ms(f.median_ms - f.wasm_downloaded_median_ms, 0)})`;
    m.startPhases = [ph(ff[0]), ph(ff[1])];
    const st = ff[0].steps_median_ms;
    if (st) m.startSteps = `main() entered ${ms(st.main, 0)}, WebGL and ImGui ready ${ms(st.gl, 0)}, data parsed ${ms(st.app, 0)}, page settings applied ${ms(st.bridge, 0)}, first frame ${ms(st.frame1, 0)} (of it the font atlas ${ms(st.fonts, 0)}), third frame ${ms(st.frame3, 0)} (medians; stats().startup_ms)`;
  }
  const an = [m['animate.app'], m['animate.baseline']];
  if (an[0] && an[1]) {
    const r = ratio(an[0].cpu_ms_median, an[1].cpu_ms_median);
    out.push(`| frame CPU while animating, 1366x768, median (app 1x + auto trials; demo window) | ${ms(an[0].cpu_ms_median)} | ${ms(an[1].cpu_ms_median)} | ${rx(r)} | <= 1.5x | ${verdict(r <= 1.5)} |`);
    out.push(`| frame CPU while animating, 99th percentile | ${ms(an[0].cpu_ms_p99)} | ${ms(an[1].cpu_ms_p99)} | ${rx(ratio(an[0].cpu_ms_p99, an[1].cpu_ms_p99))} | - | - |`);
  }
  const id = [m['idle.app'], m['idle.baseline']];
  if (id[0] && id[1]) {
    const r = ratio(id[0].busy_share, id[1].busy_share);
    out.push(`| main-thread busy share while idle, ${id[0].seconds.toFixed(0)} s (app paused, no input) | ${pct(id[0].busy_share)} | ${pct(id[1].busy_share)} | ${rx(r)} | <= 1.5x and < 5% of a core | ${verdict(r <= 1.5 && id[0].busy_share < 0.05)} |`);
  }
  const sz = [m['size.app'], m['size.baseline']];
  if (sz[0] && sz[1])
    out.push(`| transfer size, every file the page loads at start (gzip -9; the app: index.html and every file it or its scripts name, those fetched only on demand listed below) | ${kb(sz[0].gzip_bytes)} | ${kb(sz[1].gzip_bytes)} | ${rx(ratio(sz[0].gzip_bytes, sz[1].gzip_bytes))} | <= 450 KB | ${verdict(sz[0].gzip_bytes <= 450 * 1024)} |`);
  if (an[0] && an[1])
    out.push(`| vertices per frame (NeuroDrive: median of its last 600 frames; 25,528 before retained drawing, run of 2026-11-27) | ${an[0].vertices.toLocaleString('en')} | ${an[1].vertices.toLocaleString('en')} | ${rx(ratio(an[0].vertices, an[1].vertices))} | <= 6,000 | ${verdict(an[0].vertices <= 6000)} |`);
  if (an[0]?.sim_over_wall !== undefined) {
    const d = an[0].sim_over_wall - 1;
    out.push(`| simulated / wall time at 1x over ${an[0].wall_s.toFixed(0)} s | ${an[0].sim_s.toFixed(2)} s / ${an[0].wall_s.toFixed(2)} s = ${an[0].sim_over_wall.toFixed(4)} (${d >= 0 ? '+' : ''}${(d * 100).toFixed(2)}%) | - | - | within 2% | ${verdict(Math.abs(d) <= 0.02)} |`);
  }
  out.push('');
  out.push('| other figures | NeuroDrive | bare Dear ImGui page |', '|---|---|---|');
  if (m.startPhases) out.push(`| start-up timeline after navigation (cold cache) | ${m.startPhases[0]} | ${m.startPhases[1]} |`);
  if (m.startSteps) out.push(`| the app's own start-up steps (cold cache) | ${m.startSteps} | - |`);
  if (an[0] && an[1]) {
    out.push(`| frames drawn per second while animating (window) | ${an[0].fps.toFixed(1)} (${an[0].frames} in ${an[0].seconds.toFixed(0)} s) | ${an[1].fps.toFixed(1)} (${an[1].frames} in ${an[1].seconds.toFixed(0)} s) |`);
    out.push(`| of the frame CPU: UI build alone, median / p99 (NeuroDrive: model + UI) | ${ms(an[0].ui_ms_median)} / ${ms(an[0].ui_ms_p99)} | ${ms(an[1].ui_ms_median)} / ${ms(an[1].ui_ms_p99)} |`);
    const shares = (x) => `${pct(x.busy_share)} / ${pct(x.renderer_share)} / ${pct(x.gpu_share)} / ${pct(x.browser_share)}`;
    out.push(`| while animating: main thread busy (wall) / renderer CPU / GPU process CPU (SwiftShader) / whole browser CPU, share of one core | ${shares(an[0])} | ${shares(an[1])} |`);
    if (an[0].textures_shown !== undefined)
      out.push(`| retained drawing while animating (last frame): share of the screen redrawn / textures shown / vertices, the 99th percentile of 600 frames, without textures rendered in the frame / slow layers paced | ${an[0].redrawn_share !== undefined ? `${(100 * an[0].redrawn_share).toFixed(0)}%` : '-'} / ${an[0].textures_shown} / ${an[0].vertices_last.toLocaleString('en')}, ${Math.round(an[0].vertices_p99).toLocaleString('en')}, ${an[0].vertices_steady.toLocaleString('en')} / ${an[0].pacing ? 'yes' : 'no'} | - |`);
    const ct = m['animate.control'];
    if (ct) out.push(`| control: the bare page with rows of text added up to the app's vertex count (${ct.vertices.toLocaleString('en')}): frame CPU median / p99; frames per second | ratio to the control: ${rx(ratio(an[0].cpu_ms_median, ct.cpu_ms_median))} / ${rx(ratio(an[0].cpu_ms_p99, ct.cpu_ms_p99))} | ${ms(ct.cpu_ms_median)} / ${ms(ct.cpu_ms_p99)}; ${ct.fps.toFixed(1)} |`);
  }
  const ns = [m['animate_nosync.app'], m['animate_nosync.baseline']];
  if (ns[0] && ns[1])
    out.push(`| experiment: frame CPU median / p99 and frames per second with the backend's GL state queries answered in the page (no wait for the GPU process; timing only) | ${ms(ns[0].cpu_ms_median)} / ${ms(ns[0].cpu_ms_p99)}; ${ns[0].fps.toFixed(1)} (ratio ${rx(ratio(ns[0].cpu_ms_median, ns[1].cpu_ms_median))}) | ${ms(ns[1].cpu_ms_median)} / ${ms(ns[1].cpu_ms_p99)}; ${ns[1].fps.toFixed(1)} |`);
  if (id[0] && id[1]) {
    out.push(`| while idle: frames drawn in ${id[0].seconds.toFixed(0)} s | ${id[0].frames} | ${id[1].frames} |`);
    out.push(`| while idle: renderer CPU / GPU process CPU / whole browser CPU, share of one core | ${pct(id[0].renderer_share)} / ${pct(id[0].gpu_share)} / ${pct(id[0].browser_share)} | ${pct(id[1].renderer_share)} / ${pct(id[1].gpu_share)} / ${pct(id[1].browser_share)} |`);
  }
  if (sz[0] && sz[1]) {
    const list = (f) => Object.entries(f).map(([k, v]) => `${k} ${kb(v)}`).join(', ');
    out.push(`| files loaded (gzip -9 each) | ${list(sz[0].files)}${sz[0].loaded_not_counted?.length ? ` (fetched but not found by reading the page: ${sz[0].loaded_not_counted.join(', ')})` : ''} | ${list(sz[1].files)} |`);
    if (sz[0].on_demand && Object.keys(sz[0].on_demand).length) out.push(`| files fetched only on demand, not in the download (gzip -9 each) | ${list(sz[0].on_demand)} | - |`);
    const nd = m['size.nodemo'];
    if (nd) out.push(`| transfer size of the same bare page built without the demo window's code (SDL2 + Dear ImGui + backends alone) | NeuroDrive adds ${kb(sz[0].gzip_bytes - nd.gzip_bytes)} to it | ${kb(nd.gzip_bytes)} |`);
    if (sz[0].single_file_gzip_bytes) out.push(`| single-file build neurodrive.html (gzip -9) | ${kb(sz[0].single_file_gzip_bytes)} (every language and the Chinese font inside: it fetches nothing) | - |`);
  }
  for (const k of Object.keys(native))
    out.push(`| model cost, ${k}: native / wasm, ns per simulated s (wasm/native) | ${native[k].ns} / ${wasm[k]?.ns} (${(wasm[k]?.ns / native[k].ns).toFixed(2)}); ${wasm[k]?.us.toFixed(0)} us per frame at 4x | - |`);
  const mem = m.memory;
  if (mem) {
    const segs = [...new Set(mem.samples.map((s) => s.segment))];
    const seg = mem.samples.filter((s) => s.segment === segs[segs.length - 1]);
    // Growth is judged from the first sample after 30 s (start-up allocations done) to the last.
    const last = seg.filter((s, i) => i === seg.length - 1 || s.t_s >= seg[0].t_s + 30);
    if (last.length >= 2) {
      const a = last[0], b = last[last.length - 1];
      const d = (k) => b[k] - a[k];
      const sign = (x) => (x >= 0 ? '+' : '');
      const range = (k) => [Math.min(...last.map((x) => x[k])), Math.max(...last.map((x) => x[k]))];
      const flat = Math.abs(d('malloc_in_use_bytes')) < 1024 * 1024 && d('heap_bytes') < 1024 * 1024;
      const [j0, j1] = range('js_heap_bytes'), [n0, n1] = range('dom_nodes');
      out.push(`| memory, ${mem.minutes} min at 4x with auto trials (from ${a.t_s} s to ${b.t_s} s${mem.incidents.length ? `; ${mem.incidents.length} incident(s), see below` : '; no incident'}): malloc in use; wasm heap; JS heap and DOM nodes (range: garbage is collected in steps); event listeners; renderer RSS; GPU process RSS | ${sign(d('malloc_in_use_bytes'))}${d('malloc_in_use_bytes')} bytes; ${kb(a.heap_bytes)} -> ${kb(b.heap_bytes)} (budget: flat within 1 MB: ${verdict(flat)}); ${kb(j0)}-${kb(j1)} and ${n0}-${n1}; ${a.js_listeners} -> ${b.js_listeners}; ${sign(d('renderer_rss_kb'))}${(d('renderer_rss_kb') / 1024).toFixed(1)} MB; ${sign(d('gpu_rss_kb'))}${(d('gpu_rss_kb') / 1024).toFixed(1)} MB | - |`);
    }
  }
  if (mem && mem.incidents.length) {
    out.push('', 'Memory run incidents:');
    for (const i of mem.incidents) out.push(`- at ${i.t_s} s (segment ${i.segment}): ${i.what}${i.renderer_crashed ? ' (renderer crashed)' : ''}${i.page_closed ? ' (page closed)' : ''}${i.browser_connected === false ? ' (browser gone)' : ''}`);
  }
  const text = out.join('\n');
  fs.writeFileSync(outFile, text + '\n');
  console.log(text);
}
