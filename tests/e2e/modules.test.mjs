// modules.test.mjs - the page's ES modules (web/js/) run as they are, unbundled, in the browser, and
// give the page the bundle in dist/app.js gives it: they are real modules (the browser's own loader,
// not only scripts/bundle_js.mjs, accepts their imports and exports), and joining them in one scope
// changes nothing the API shows. dist/ supplies the rest of the page (make dist).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openApp } from './harness.mjs';

const DIST = 'dist';
let root, bundled, unbundled, browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'app.js')), 'dist/ is not built: make dist');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-modules-'));
  fs.cpSync(DIST, root, { recursive: true });
  fs.cpSync('web/js', path.join(root, 'js'), { recursive: true });
  fs.rmSync(path.join(root, 'app.js'));
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  assert.ok(html.includes('<script src="app.js"></script>'));
  fs.writeFileSync(path.join(root, 'index.html'), html.replace('<script src="app.js"></script>', '<script type="module" src="js/main.js"></script>'));
  [bundled, unbundled] = await Promise.all([startServer(), startServer({ root })]);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await bundled?.close(); await unbundled?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

// What the API says of a page: its names, a refused call, a command, the presets, the link after it.
const apiSummary = (page) => page.evaluate(async () => {
  const nd = window.neurodrive;
  const refused = nd.set({ thyroid: '0.5' });
  const done = nd.set({ thyroid: 0.4 });
  return {
    names: Object.keys(nd).sort(), frozen: Object.isFrozen(nd), refused, done, thyroid: nd.get().inputs.thyroid,
    presets: nd.presets().map((p) => p.id), link: new URL(nd.shareLink()).search, csv: nd.exportCsv('nope'),
    mirror: document.querySelectorAll('#a11y-mirror input[type=range]').length, exportMenu: document.querySelectorAll('#export-menu button').length,
  };
});

test('the modules unbundled start the page, and its API answers as the bundle does', async () => {
  const a = await openApp(browser, bundled.url, { query: '?persist=0' });
  const b = await openApp(browser, unbundled.url, { query: '?persist=0' });
  assert.ok(await b.page.evaluate(() => !!document.querySelector('script[type=module][src="js/main.js"]')), 'the page ran the modules');
  const [sa, sb] = [await apiSummary(a.page), await apiSummary(b.page)];
  assert.equal(sb.refused.ok, false);
  assert.equal(sb.thyroid, 0.4);
  assert.ok(sb.mirror > 5 && sb.exportMenu > 0, 'the mirror and the Export menu were built');
  assert.deepEqual(sb, sa);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});
