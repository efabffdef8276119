// size.test.mjs - the download budget (issues 13 and 22): scripts/page_size.mjs finds every file
// index.html loads by reading the page and its scripts (so a library app.js loads lazily is found when it
// lands), and the multi-file page in dist/ stays within 450 KB gzip -9; the files it lists as fetched only
// on demand are checked not to be fetched while the page starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageFiles, pageSize, GOAL_BYTES, ON_DEMAND } from '../../scripts/page_size.mjs';
import { startServer, launch } from './harness.mjs';

const DIST = 'dist';
const HAS_DIST = fs.existsSync(path.join(DIST, 'index.html')) && fs.existsSync(path.join(DIST, 'neurodrive.wasm'));

test('page_size follows the page: tags, files named in scripts (also lazy loads), a service worker but not its lists, nothing outside the folder or the page', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-size-'));
  const write = (f, text) => { fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true }); fs.writeFileSync(path.join(dir, f), text); };
  write('index.html', '<link rel="stylesheet" href="style.css"><link rel="icon" href="data:image/svg+xml;base64,AA">'
    + '<script src="core.js"></script><script src=\'app.js?v=2\'></script><script src="https://elsewhere.example/x.js"></script>'
    + '<a href="worksheets/one.html">worksheet</a>');
  write('style.css', 'body{}');
  write('core.js', 'var a="x",wasmBinaryFile="core.wasm";');
  write('core.wasm', '\0asm');
  // app.js loads a library on a click, and that library a data file of its own (in a sub-folder).
  write('app.js', "button.onclick=()=>{const s=document.createElement('script');s.src='lib/qr.min.js';document.head.append(s)};const help=`missing.js`;"
    + "navigator.serviceWorker.register(\"sw.js\");");
  // The service worker counts; the files it keeps when the page asks for them (strings/fr.json) do not.
  write('sw.js', 'const ON_DEMAND=["strings/fr.json"];');
  write('strings/fr.json', '{}');
  write('lib/qr.min.js', 'fetch("./tables.json")');
  write('lib/tables.json', '{}');
  write('worksheets/one.html', '<p>not loaded by the page</p>');
  write('unused.js', 'not named anywhere');
  const files = pageFiles(dir).map((f) => f.file).sort();
  assert.deepEqual(files, ['app.js', 'core.js', 'core.wasm', 'index.html', 'lib/qr.min.js', 'lib/tables.json', 'style.css', 'sw.js']);
  const r = pageSize(dir);
  assert.equal(r.gzip_bytes, r.files.reduce((a, f) => a + f.gzip_bytes, 0));
  assert.ok(r.files.every((f) => f.gzip_bytes > 0));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('dist/: the multi-file page and everything it loads at start stay within 450 KB (gzip -9)', () => {
  assert.ok(HAS_DIST, 'dist/ is not built: make dist (make test builds it before the browser tests)');
  const r = pageSize(DIST);
  const files = r.files.map((f) => f.file);
  for (const f of ['index.html', 'neurodrive.js', 'neurodrive.wasm', 'app.js', 'audio.js', 'languages.js', 'style.css', 'favicon.svg'])
    assert.ok(files.includes(f), `${f} is counted`);
  const list = r.files.map((f) => `${f.file} ${f.gzip_bytes}`).join(', ');
  assert.ok(r.gzip_bytes <= GOAL_BYTES, `${r.gzip_bytes} bytes gzip -9 in total (${list}); goal ${GOAL_BYTES}`);
});

test('dist/: every file the page fetches while starting is counted, and none it counts as on demand is fetched', async () => {
  assert.ok(HAS_DIST, 'dist/ is not built: make dist (make test builds it before the browser tests)');
  const counted = new Set(pageFiles(DIST).map((f) => f.file));
  const srv = await startServer({ root: DIST });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const fetched = new Set();
    page.on('response', (r) => { if (r.url().startsWith(srv.url)) fetched.add(decodeURIComponent(new URL(r.url()).pathname).slice(1) || 'index.html'); });
    await page.goto(srv.url + '?persist=0');
    await page.evaluate(() => window.neurodrive.ready.then(() => true));
    assert.ok(fetched.has('neurodrive.wasm'), 'the page fetched the wasm');
    for (const f of fetched) assert.ok(counted.has(f), `${f} was fetched but page_size does not count it`);
    // What page_size leaves out of the download as fetched only on demand is not fetched while starting.
    for (const f of Object.keys(ON_DEMAND)) assert.ok(!fetched.has(f), `${f} was fetched while starting, but page_size counts it as on demand (${ON_DEMAND[f]})`);
    assert.ok(Object.keys(ON_DEMAND).every((f) => counted.has(f)), 'every on-demand file is in dist/ and named by a script');
  } finally { await browser.close(); await srv.close(); }
});
