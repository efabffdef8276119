// offline.test.mjs - the page works offline (issue 22, item 6; web/sw.js): after one visit online its service
// worker holds every file the page started from, so a reload with the network down (Playwright's offline
// mode) starts the app and draws, the wasm still compiled as application/wasm; a language chosen once is
// kept too; a new deployment replaces the old cache; persist=0, a frame without persist=1 and the single
// file register no worker; the manifest is read without errors. The one test file whose contexts allow
// service workers (harness.mjs blocks them everywhere else).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, screenshot } from './harness.mjs';
import { until, untilResolved, LONG } from './wait.mjs';

const STRINGS = (code) => JSON.parse(fs.readFileSync(`assets/strings/${code}.json`, 'utf8'));
// What make_dist wrote into a dist's sw.js: its build and its lists.
function workerOf(dir) {
  const code = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const value = (name) => JSON.parse(code.match(new RegExp(`\\b${name}=(\\[[^\\]]*\\]|"[^"]*")`))[1]);
  return { code, build: value('BUILD'), precache: value('PRECACHE'), onDemand: value('ON_DEMAND') };
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A context that allows service workers; every register() call is recorded (window.__registered) so a
// test can see that none was made. Page errors, console errors and warnings and failed responses are kept.
async function newContext() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: 'dark', serviceWorkers: 'allow' });
  await context.addInitScript(() => {
    window.__registered = [];
    if (!window.ServiceWorkerContainer) return;
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) { window.__registered.push(String(args[0])); return register.apply(this, args); };
  });
  return context;
}
function watch(page) {
  const log = { errors: [], warnings: [], responses: [] };
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console.error: ${m.text()}`); if (m.type() === 'warning') log.warnings.push(m.text()); });
  page.on('response', (r) => log.responses.push(r.url()));
  return log;
}
const ready = (target) => target.evaluate(() => window.neurodrive.ready.then(() => true));
// Waits until the page is controlled by a worker whose cache holds `names` (the worker activated and claimed it).
async function controlled(page) {
  assert.ok(await page.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 30000))])),
    'a service worker became ready within 30 s');
  await until(page, () => !!navigator.serviceWorker.controller);
}
// This origin's NeuroDrive caches: {name: [file, ...]}.
const caches = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of (await self.caches.keys()).filter((n) => n.startsWith('neurodrive:')))
    out[name] = (await (await self.caches.open(name)).keys()).map((r) => decodeURIComponent(new URL(r.url).pathname).replace(/^\//, '')).sort();
  return out;
});
// Waits until the caches are exactly {name: files that include `files`}.
async function cachesBecome(page, name, files, ms = LONG.timeout) {
  await untilResolved(page, async ([n, want]) => {
    const names = (await self.caches.keys()).filter((k) => k.startsWith('neurodrive:'));
    if (names.length !== 1 || names[0] !== n) return false;
    const have = (await (await self.caches.open(n)).keys()).map((r) => decodeURIComponent(new URL(r.url).pathname).replace(/^\//, ''));
    return want.every((f) => have.includes(f));
  }, [name, files], ms);
}
const framesAdvance = async (page) => {
  const f0 = await page.evaluate(() => window.neurodrive.stats().frames);
  await until(page, (f) => window.neurodrive.stats().frames >= f + 3, f0);
};
const mirrorLabel = (page, input) => page.locator(`label[for=a11y-in-${input}]`).textContent();

test('after one visit the page reloads with the network down: the app starts, draws, and speaks a language chosen once', async () => {
  const srv = await startServer({ csp: true });   // the strict policy as a header as well as the page's meta
  const sw = workerOf('dist');
  const cacheName = `neurodrive:${srv.url}:${sw.build}`;
  const context = await newContext();
  const page = await context.newPage();
  let log = watch(page);
  try {
    await page.goto(srv.url);
    await ready(page);
    assert.deepEqual(await page.evaluate(() => window.__registered), ['sw.js']);
    await controlled(page);
    await cachesBecome(page, cacheName, sw.precache);
    // Every file the page fetched to start is kept; the languages are not, until chosen.
    const kept = (await caches(page))[cacheName];
    const fetched = [...new Set(log.responses.filter((u) => u.startsWith(srv.url)).map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html'))];
    for (const f of fetched) assert.ok(kept.includes(f), `${f} was fetched on the first visit but is not kept (kept: ${kept.join(', ')})`);
    for (const f of ['index.html', 'style.css', 'app.js', 'languages.js', 'audio.js', 'neurodrive.js', 'neurodrive.wasm', 'favicon.svg', 'manifest.webmanifest'])
      assert.ok(kept.includes(f), `${f} is kept`);
    assert.ok(!kept.some((f) => f.startsWith('strings/') || f === 'qrcode.js' || f === 'sw.js'), kept.join(', '));
    assert.equal(await page.evaluate(async () => (await self.caches.match('neurodrive.wasm')).headers.get('content-type')), 'application/wasm');
    // The manifest as Chrome reads it (what it says about installing is printed, not asserted: headless differs).
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], JSON.stringify(manifest.errors));
    assert.match(manifest.url, /manifest\.webmanifest$/);
    const installability = await cdp.send('Page.getInstallabilityErrors');
    console.log(`# Chrome's installability errors: ${JSON.stringify(installability.installabilityErrors)}`);

    // Offline: a file the worker does not keep cannot be fetched, and the page reloads all the same.
    await context.setOffline(true);
    assert.equal(await page.evaluate(() => fetch('embed-example.html').then(() => 'fetched', () => 'offline')), 'offline');
    log = watch(page);
    await page.reload();
    await ready(page);
    await framesAdvance(page);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.warnings.filter((w) => /wasm|falling back/i.test(w)), [], 'the wasm compiled as it streamed (application/wasm), no fallback');
    await page.waitForSelector('#a11y-in-thyroid', { state: 'attached' });
    await screenshot(page, 'offline-reload-1366x768');

    // A language chosen online (its strings, and for Chinese its font, kept when fetched) loads offline.
    for (const code of ['fr', 'zh-CN']) {
      await context.setOffline(false);
      await page.goto(srv.url + '?persist=0');
      await ready(page);
      await page.waitForSelector('#a11y-lang', { state: 'attached' });
      await page.selectOption('#a11y-lang', code);
      await until(page, (c) => window.neurodrive.get().lang === c && document.documentElement.lang === c, code);
      assert.ok((await caches(page))[cacheName].includes(`strings/${code}.json`), `strings/${code}.json is kept once chosen`);
      await context.setOffline(true);
      log = watch(page);
      await page.goto(srv.url + `?lang=${code}`);
      await ready(page);
      assert.equal(await page.evaluate(() => window.neurodrive.get().lang), code);
      await page.waitForSelector('#a11y-in-thyroid', { state: 'attached' });
      assert.equal(await mirrorLabel(page, 'thyroid'), STRINGS(code)['input.thyroid']);
      await framesAdvance(page);
      assert.ok(await page.locator('#notice').isHidden(), 'no notice (a language that failed to load would say so)');
      assert.deepEqual(log.errors, []);
      await screenshot(page, `offline-${code}-1366x768`);
    }
  } finally {
    await context.close();
    await srv.close();
  }
});

test('a new deployment replaces the old cache: its files are served, the old cache is deleted', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-offline-'));
  fs.cpSync('dist', root, { recursive: true });
  const srv = await startServer({ root });
  const context = await newContext();
  const page = await context.newPage();
  try {
    const first = workerOf(root);
    await page.goto(srv.url);
    await ready(page);
    await controlled(page);
    await cachesBecome(page, `neurodrive:${srv.url}:${first.build}`, first.precache);

    // Deploy: app.js changes, and sw.js with it (make_dist would write a new build from the new bytes).
    const marker = '\n// deployment 2\n';
    fs.appendFileSync(path.join(root, 'app.js'), marker);
    const next = `${first.build.split('-')[0]}-${'0'.repeat(12)}`;
    fs.writeFileSync(path.join(root, 'sw.js'), first.code.replace(JSON.stringify(first.build), JSON.stringify(next)));
    // The browser checks sw.js (on a visit, or when asked as here), finds it changed, and the new worker
    // installs, takes over and deletes the old cache: 5-12 s here, up to a minute under load, hence 2 minutes.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await cachesBecome(page, `neurodrive:${srv.url}:${next}`, first.precache, 120000);
    // The new worker has finished taking over (its cache is made before it is activated).
    await untilResolved(page, async () => { const r = await navigator.serviceWorker.getRegistration(); return !!r && !r.installing && !r.waiting && !!r.active && r.active.state === 'activated'; });
    // Offline, a reload gets the new deployment's files.
    await context.setOffline(true);
    const log = watch(page);
    await page.reload();
    await ready(page);
    await framesAdvance(page);
    assert.ok((await page.evaluate(() => fetch('app.js').then((r) => r.text()))).endsWith(marker), 'app.js of the new deployment');
    // Only the new deployment's cache is left (a worker still activating deletes what an older one left).
    await cachesBecome(page, `neurodrive:${srv.url}:${next}`, first.precache);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
    await srv.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('no worker with persist=0, in a frame without persist=1, or in the single file (a frame with persist=1 has one)', async () => {
  const srv = await startServer();
  const host = (src) => `<!doctype html><title>host</title><iframe src="${src}" width="900" height="560"></iframe>`;
  // Each case in a fresh context (nothing registered before): [what, url, frame src or null, registers?]
  const cases = [
    ['persist=0 at top level', '?persist=0', null, false],
    ['a frame without persist=', 'host.html', 'index.html?preset=hypothyroid', false],
    ['a frame with persist=0', 'host.html', 'index.html?persist=0', false],
    ['the single file over http', 'neurodrive.html', null, false],
    ['a frame whose host allows it (persist=1)', 'host.html', 'index.html?persist=1', true],
  ];
  try {
    for (const [what, url, frameSrc, registers] of cases) {
      const context = await newContext();
      const page = await context.newPage();
      const log = watch(page);
      if (frameSrc) await page.route(srv.url + 'host.html', (r) => r.fulfill({ contentType: 'text/html', body: host(frameSrc) }));
      await page.goto(srv.url + url);
      const app = frameSrc ? await (await page.waitForSelector('iframe')).contentFrame() : page;
      await ready(app);
      // app.js decides before ready resolves: a register() call would be recorded by now.
      assert.deepEqual(await app.evaluate(() => window.__registered), registers ? ['sw.js'] : [], what);
      if (registers) await untilResolved(app, () => navigator.serviceWorker.getRegistrations().then((r) => r.length === 1));
      else assert.deepEqual(await app.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0, what);
      assert.deepEqual(log.errors, [], what);
      await context.close();
    }
    // The single file links no manifest and its policy allows no worker.
    const single = fs.readFileSync('dist/neurodrive.html', 'utf8');
    assert.ok(!single.includes('rel="manifest"'));
    assert.doesNotMatch(single.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1], /worker-src|'self'/);
  } finally {
    await srv.close();
  }
});
