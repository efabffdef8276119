// lms.test.mjs - what learning platforms expect from an embedded activity: xAPI 1.0.3 statements for a
// lesson done by real key presses (checked against the Statement type of @xapi/xapi with the TypeScript
// compiler, and against the spec's rules the type cannot express), H5P's resizer handshake with a host
// that behaves as h5p-resizer.js, Canvas's lti.frameResize with the launch token, and the link-preview
// files make dist writes with BASE_URL (Open Graph tags, oembed.json) - and nothing without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { startServer, launch, lessonStepByKeyboard } from './harness.mjs';

let srv, host, browser;
before(async () => {
  srv = await startServer();
  host = await startServer({ root: 'tests/e2e/fixtures/lms' });
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); await host?.close(); });
const appOrigin = () => new URL(srv.url).origin;

async function hostPage(query = '') {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url + 'host.html' + query);
  return { context, page, errors };
}
async function embed(page, query) {
  await page.evaluate((src) => window.embed(src), srv.url + 'index.html' + query);
  const frame = await (await page.waitForSelector('#app')).contentFrame();
  await frame.waitForFunction(() => window.neurodrive && window.neurodrive.ready, null, { timeout: 30000 });
  await frame.evaluate(() => window.neurodrive.ready.then(() => true));
  return frame;
}
const fromApp = (page) => page.evaluate((o) => window.received.filter((m) => m.origin === o), appOrigin());

const doStep = lessonStepByKeyboard;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BASE = 'https://lms.example.edu/courses/7/neurodrive/';

// Type-checks statements (each with the actor an LMS adds) against @xapi/xapi's Statement type;
// returns tsc's output ('' when they conform).
function typeCheck(name, statements) {
  const dir = path.resolve('build/xapi-check');
  fs.mkdirSync(dir, { recursive: true });
  const actor = { objectType: 'Agent', name: 'A student', mbox: 'mailto:student@example.edu' };
  const file = path.join(dir, `${name}.ts`);
  fs.writeFileSync(file, `import type { Statement } from '@xapi/xapi';\nexport const statements: Statement[] = ${JSON.stringify(statements.map((s) => ({ actor, ...s })), null, 1)};\n`);
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '--strict', '--skipLibCheck', '--module', 'commonjs',
    '--moduleResolution', 'node', '--target', 'es2020', file], { encoding: 'utf8' });
  return (r.stdout + r.stderr).trim();
}

test('xAPI: initialized, answered (success, response, choices, parent lesson), completed (score), terminated - conform to @xapi/xapi Statement (tsc) and the 1.0.3 rules', async () => {
  const { context, page, errors } = await hostPage();
  const frame = await embed(page, `?xapi=1&lesson=wanting_vs_liking&persist=0&lang=en&xapi_base=${encodeURIComponent(BASE)}`);
  await page.waitForFunction(() => window.statements().some((s) => s.verb.id.endsWith('/initialized')), null, { timeout: 5000 });
  await doStep(frame, 2, [['a11y-in-nac_depletion', 'End']]);             // right
  await frame.locator('#a11y-lesson-next').press('Enter');
  await doStep(frame, 1, [['a11y-in-nac_depletion', 'Home'], ['a11y-in-dat_block', 'End']]);  // wrong
  await page.waitForFunction(() => window.statements().some((s) => s.verb.id.endsWith('/completed')), null, { timeout: 5000 });
  await page.evaluate(() => document.getElementById('app').remove());   // the student leaves: pagehide
  await page.waitForFunction(() => window.statements().some((s) => s.verb.id.endsWith('/terminated')), null, { timeout: 5000 });
  const all = await page.evaluate(() => window.statements());
  const received = await fromApp(page);
  assert.ok(received.length > 0 && received.every((m) => m.origin === appOrigin()));
  const verbs = all.map((s) => s.verb.id.split('/').pop());
  assert.equal(verbs[0], 'initialized');
  assert.equal(verbs.at(-1), 'terminated');
  const lessonIri = `${BASE}lessons/wanting_vs_liking`;
  const answered = all.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/answered');
  assert.equal(answered.length, 2, 'one answered statement per prediction');
  assert.deepEqual(answered.map((s) => [s.result.success, s.result.response]), [[true, 'option2'], [false, 'option1']]);
  for (const s of answered) {
    assert.equal(s.object.definition.type, 'http://adlnet.gov/expapi/activities/cmi.interaction');
    assert.equal(s.object.definition.interactionType, 'choice');
    assert.deepEqual(s.object.definition.choices.map((c) => c.id), ['option1', 'option2', 'option3']);
    assert.ok(s.object.definition.choices.every((c) => typeof c.description['en-US'] === 'string' && c.description['en-US'].length > 3));
    assert.ok(s.object.id.startsWith(lessonIri + '/steps/'));
    assert.equal(s.context.contextActivities.parent[0].id, lessonIri, 'the answer is linked to its lesson');
  }
  assert.match(answered[0].object.definition.choices[1].description['en-US'], /Wanting falls while Liking stays/);
  assert.deepEqual(answered[0].object.definition.correctResponsesPattern, ['option2']);
  const completed = all.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/completed');
  assert.equal(completed.length, 1);
  assert.equal(completed[0].object.id, lessonIri);
  assert.equal(completed[0].object.definition.type, 'http://adlnet.gov/expapi/activities/lesson');
  assert.deepEqual(completed[0].result, { completion: true, score: { scaled: 0.5, raw: 1, min: 0, max: 2 } });
  // The spec's rules the type cannot express: UUID ids (unique), ISO 8601 timestamps with ms and zone,
  // ADL verb IRIs with a display, absolute activity IRIs under the configured base.
  assert.equal(new Set(all.map((s) => s.id)).size, all.length);
  for (const s of all) {
    assert.match(s.id, UUID);
    assert.match(s.timestamp, ISO);
    assert.ok(Math.abs(Date.parse(s.timestamp) - Date.now()) < 120000);
    assert.match(s.verb.id, /^http:\/\/adlnet\.gov\/expapi\/verbs\/(initialized|interacted|answered|completed|terminated)$/);
    assert.equal(s.verb.display['en-US'], s.verb.id.split('/').pop());
    assert.equal(s.object.objectType, 'Activity');
    assert.ok(s.object.id.startsWith(BASE), s.object.id);
    assert.ok(!('actor' in s), 'the actor is the LMS\'s to add');
  }
  assert.equal(typeCheck('statements', all), '', 'every statement is an @xapi/xapi Statement');
  // The check can fail: a misspelt interaction type and a verb without an id are refused.
  const broken = JSON.parse(JSON.stringify(answered[0]));
  broken.object.definition.interactionType = 'pick-one';
  delete broken.verb.id;
  assert.match(typeCheck('broken', [broken]), /error TS/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('xAPI: interacted for slider changes, and a bad xapi_base is ignored with a notice (the default base is used)', async () => {
  const { context, page } = await hostPage();
  const frame = await embed(page, '?xapi=1&xapi_base=http%3A%2F%2Fevil.example%2F');
  assert.match(await frame.locator('#notice-text').textContent(), /xapi_base/);
  await frame.locator('#a11y-in-thyroid').press('Home');
  await page.waitForFunction(() => window.statements().some((s) => s.verb.id.endsWith('/interacted')), null, { timeout: 5000 });
  const s = (await page.evaluate(() => window.statements())).find((x) => x.verb.id.endsWith('/interacted'));
  assert.equal(s.object.id, 'https://example.org/neurodrive/controls/thyroid');
  assert.equal(s.result.extensions['urn:neurodrive:value'], 0);
  assert.equal(typeCheck('interacted', [s]), '');
  await context.close();
});

test('H5P resizer handshake with a host that behaves as h5p-resizer.js: ready -> hello, hello -> prepareResize -> resizePrepared -> resize (height, scrollHeight, clientHeight)', async () => {
  const { context, page, errors } = await hostPage('?h5p=1');
  const frame = await embed(page, '');
  await page.waitForFunction((o) => window.received.some((m) => m.origin === o && m.data && m.data.action === 'resize'), appOrigin(), { timeout: 10000 });
  const h5p = (await fromApp(page)).map((m) => m.data).filter((d) => d && d.context === 'h5p');
  assert.deepEqual(h5p.map((d) => d.action).slice(0, 3), ['hello', 'prepareResize', 'resize']);
  const [, prep, resize] = h5p;
  assert.ok(prep.scrollHeight >= 480 && prep.clientHeight === prep.scrollHeight, JSON.stringify(prep));
  assert.deepEqual(resize, { context: 'h5p', action: 'resize', height: prep.scrollHeight, scrollHeight: prep.scrollHeight, clientHeight: prep.scrollHeight });
  assert.equal(await page.evaluate(() => document.getElementById('app').style.height), `${resize.height}px`, 'the host sized the frame');
  assert.ok(await frame.evaluate(() => window.neurodrive.get() !== null));
  // The host's window changes: it posts 'resize', the app starts a new exchange.
  await page.setViewportSize({ width: 900, height: 800 });
  await page.waitForFunction((o) => window.received.filter((m) => m.origin === o && m.data && m.data.action === 'prepareResize').length >= 2, appOrigin(), { timeout: 5000 });
  await page.waitForTimeout(500);
  const after = (await fromApp(page)).map((m) => m.data).filter((d) => d && d.context === 'h5p').map((d) => d.action);
  assert.ok(after.length <= 8, `no endless resize loop: ${after.join(',')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('H5P: when the browser masks the parent\'s origin as "null" (ancestorOrigins) and sends no referrer, the handshake still completes', async () => {
  const { context, page, errors } = await hostPage('?h5p=1&noref=1');
  // Chromium 156 does not mask ancestorOrigins yet (the HTML standard does, under no-referrer): the
  // app's own script is served with that one value replaced by the masked list.
  await context.route('**/app.js', async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replaceAll('location.ancestorOrigins', '["null"]');
    await route.fulfill({ response: res, body });
  });
  const frame = await embed(page, '');
  assert.equal(await frame.evaluate(() => document.referrer), '');
  await page.waitForFunction((o) => window.received.some((m) => m.origin === o && m.data && m.data.action === 'resize'), appOrigin(), { timeout: 10000 });
  const h5p = (await fromApp(page)).map((m) => m.data).filter((d) => d && d.context === 'h5p').map((d) => d.action);
  assert.deepEqual(h5p.slice(0, 3), ['hello', 'prepareResize', 'resize']);
  assert.ok((await fromApp(page)).some((m) => m.data && m.data.type === 'neurodrive:ready'), 'ready once the parent\'s origin is known');
  assert.deepEqual(errors, []);
  await context.close();
});

test('H5P and Canvas messages go only to an allowed parent: with origin= naming another site the host hears nothing', async () => {
  const { context, page } = await hostPage('?h5p=1');
  await embed(page, '?origin=https://lms.example.edu&resize=1&lti_token=abc');
  await page.evaluate(() => document.getElementById('app').contentWindow.postMessage({ context: 'h5p', action: 'hello' }, '*'));
  await page.waitForTimeout(1500);
  assert.deepEqual(await fromApp(page), []);
  await context.close();
});

test('Canvas: lti.frameResize carries the launch token from lti_token=; a bad token is ignored with a notice and not sent', async () => {
  const { context, page } = await hostPage();
  await embed(page, '?resize=1&lti_token=eyJ0eXAi.abc-123_x');
  await page.waitForFunction((o) => window.received.some((m) => m.origin === o && typeof m.data === 'string' && m.data.includes('lti.frameResize')), appOrigin(), { timeout: 5000 });
  const lti = (await fromApp(page)).filter((m) => typeof m.data === 'string').map((m) => JSON.parse(m.data));
  assert.equal(lti[0].subject, 'lti.frameResize');
  assert.ok(lti[0].height >= 480);
  assert.equal(lti[0].token, 'eyJ0eXAi.abc-123_x');
  await page.evaluate(() => { document.getElementById('app').remove(); window.received.length = 0; });
  const frame = await embed(page, '?resize=1&lti_token=%3Cscript%3E');
  assert.match(await frame.locator('#notice-text').textContent(), /lti_token/);
  await page.waitForFunction((o) => window.received.some((m) => m.origin === o && typeof m.data === 'string'), appOrigin(), { timeout: 5000 });
  const bad = (await fromApp(page)).filter((m) => typeof m.data === 'string').map((m) => JSON.parse(m.data));
  assert.ok(bad.length > 0 && bad.every((m) => !('token' in m)));
  await context.close();
});

test('link previews: BASE_URL gives Open Graph tags, an oEmbed link and oembed.json (rich, iframe html); none without it; bad BASE_URLs stop make_dist', async () => {
  // Without BASE_URL (the dist/ the other tests use): no tags, no files.
  const plain = fs.readFileSync('dist/index.html', 'utf8');
  assert.ok(!/og:|twitter:|json\+oembed/.test(plain));
  assert.ok(!fs.existsSync('dist/oembed.json') && !fs.existsSync('dist/preview.png'));
  const out = path.resolve('build/dist-og');
  const base = 'https://courses.example.edu/neurodrive';
  execFileSync(process.execPath, ['scripts/make_dist.mjs', 'build/wasm', out], { env: { ...process.env, BASE_URL: base } });
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  const meta = (p) => (html.match(new RegExp(`<meta (?:property|name)="${p}" content="([^"]*)">`)) || [])[1];
  assert.equal(meta('og:url'), `${base}/index.html`);
  assert.equal(meta('og:image'), `${base}/preview.png`);
  assert.match(meta('og:title'), /NeuroDrive/);
  assert.ok(meta('og:description').length > 40);
  assert.equal(meta('twitter:card'), 'summary_large_image');
  assert.match(html, new RegExp(`<link rel="alternate" type="application/json\\+oembed" href="${base}/oembed.json"`));
  const png = fs.readFileSync(path.join(out, 'preview.png'));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.equal(Number(meta('og:image:width')), png.readUInt32BE(16));
  const o = JSON.parse(fs.readFileSync(path.join(out, 'oembed.json'), 'utf8'));
  assert.equal(o.version, '1.0');
  assert.equal(o.type, 'rich');
  assert.ok(Number.isInteger(o.width) && Number.isInteger(o.height));
  assert.match(o.html, new RegExp(`^<iframe src="${base}/index.html" title="[^"]+" width="${o.width}" height="${o.height}"`));
  assert.equal(o.provider_name, 'NeuroDrive');
  assert.equal(o.thumbnail_url, `${base}/preview.png`);
  // The page with its tags still starts under its CSP.
  const ogSrv = await startServer({ root: out, csp: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(ogSrv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal(await page.locator('meta[property="og:image"]').getAttribute('content'), `${base}/preview.png`);
  assert.deepEqual(errors, []);
  await context.close();
  await ogSrv.close();
  for (const bad of ['http://courses.example.edu/', 'https://user:pw@x.org/', 'https://x.org/?a=1', 'not a url', 'https://x.org/"><script>']) {
    const r = spawnSync(process.execPath, ['scripts/make_dist.mjs', 'build/wasm', path.resolve('build/dist-og-bad')], { env: { ...process.env, BASE_URL: bad }, encoding: 'utf8' });
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /make_dist: BASE_URL=.* example: make dist BASE_URL=https:/, bad);
  }
});
