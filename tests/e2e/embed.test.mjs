// embed.test.mjs - course-site embedding: URL parameters, lock/hide, share links, postMessage from
// another origin, strict CSP, the single-file build from file://, small iframes and persistence.
// The hostile cases (trust model, limits, locks on every path, persistence rules) are in hostile.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launch, openApp, screenshot, get } from './harness.mjs';

let srv, host, cspSrv, browser;
before(async () => {
  srv = await startServer();
  host = await startServer({ root: 'tests/e2e/fixtures' });
  cspSrv = await startServer({ csp: true });
  browser = await launch();
});
after(async () => { await browser?.close(); await srv?.close(); await host?.close(); await cspSrv?.close(); });

test('URL parameters: good values apply, hostile ones are ignored with a warning and a notice', async () => {
  const long = 'x'.repeat(5000);
  const query = '?preset=hypothyroid&dopamine=0.5&serotonin=1e999&norepinephrine=%3Cscript%3Ealert(1)%3C%2Fscript%3E'
    + '&thyroid=0.5abc&cortisol=NaN&bogus=1&speed=3&' + `estradiol=${long}`;
  const warnings = [];
  const { page, context, errors } = await openApp(browser, srv.url, { query });
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const s = await get(page);
  assert.equal(s.inputs.thyroid, 0.3);      // from the preset; thyroid=0.5abc ignored
  assert.equal(s.inputs.dopamine, 0.5);
  assert.equal(s.inputs.serotonin, 1);
  assert.equal(s.inputs.norepinephrine, 1);
  assert.equal(s.inputs.cortisol, 1);
  assert.equal(s.speed, 3);
  const notice = await page.locator('#notice-text').textContent();
  for (const name of ['serotonin', 'norepinephrine', 'thyroid', 'cortisol', 'estradiol']) assert.ok(notice.includes(name), `notice names ${name}`);
  assert.match(notice, /ignored 7 parameters .*the end of an over-long link.*unknown names: 1/, 'bogus is counted, not named (a link cannot write in the notice)');
  assert.ok(!notice.includes('bogus') && !notice.includes('script'), notice);
  assert.equal(await page.locator('#notice script').count(), 0);   // nothing written as HTML
  assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), 3);  // neurodrive.js, audio.js, app.js: none added
  await screenshot(page, 'url-notice');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lock= disables a slider and hide= removes panels', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?lock=dopamine&hide=plots,drive' });
  const layout = await page.evaluate(() => window.neurodrive.layout());
  assert.ok(!layout['panel:drive'] && !layout['panel:plots'], 'drive and plots panels are hidden');
  assert.ok(layout['panel:controls']);
  const r = layout.dopamine;
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.down();
  await page.mouse.move(r.x - 30, r.y + r.h / 2, { steps: 8 });
  await page.mouse.up();
  assert.equal((await get(page)).inputs.dopamine, 1, 'a locked slider does not move');
  await screenshot(page, 'locked-hidden');
  assert.deepEqual(errors, []);
  await context.close();
});

test('share links round-trip random states exactly', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  const presets = (await page.evaluate(() => window.neurodrive.presets())).map((p) => p.id);
  let seed = 12345;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let trial = 0; trial < 6; trial++) {
    await page.evaluate((p) => window.neurodrive.preset(p), presets[Math.floor(rand() * presets.length)]);
    const values = {};
    for (const name of ['dopamine', 'thyroid', 'serotonin', 'cortisol']) if (rand() < 0.6) values[name] = Math.round(rand() * 2e6) / 1e6;
    if (rand() < 0.5) values.dat_block = rand();
    if (Object.keys(values).length) assert.deepEqual(await page.evaluate((v) => window.neurodrive.set(v), values), { ok: true });
    const want = await get(page);
    const link = await page.evaluate(() => window.neurodrive.shareLink());
    const other = await context.newPage();
    await other.goto(link);
    await other.evaluate(() => window.neurodrive.ready.then(() => true));
    const got = await get(other);
    assert.deepEqual(got.inputs, want.inputs, link);
    assert.equal(got.preset, want.preset, link);
    await other.close();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('postMessage from a host page on another origin: commands, malformed messages, subscribe', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 700 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url + 'host.html');
  await page.evaluate((src) => { document.getElementById('app').src = src; }, srv.url + 'index.html');
  await page.waitForFunction(() => window.received.some((m) => m.data && m.data.type === 'neurodrive:ready'), null, { timeout: 30000 });
  const exchange = async (msg, type) => {
    const n = await page.evaluate(() => window.received.length);
    await page.evaluate((m) => window.send(m), msg);
    await page.waitForFunction(([k, t]) => window.received.slice(k).some((m) => m.data && m.data.type === t), [n, type], { timeout: 10000 });
    return page.evaluate(([k, t]) => window.received.slice(k).find((m) => m.data && m.data.type === t), [n, type]);
  };
  const ack = await exchange({ type: 'neurodrive:set', inputs: { thyroid: 0.4 }, id: 7 }, 'neurodrive:ack');
  assert.equal(ack.data.ok, true);
  assert.equal(ack.data.id, 7);
  assert.equal(ack.origin, new URL(srv.url).origin);
  const state = await exchange({ type: 'neurodrive:get' }, 'neurodrive:state');
  assert.equal(state.data.inputs.thyroid, 0.4);
  for (const bad of [
    { type: 'neurodrive:set', inputs: { thyroid: 9 } }, { type: 'neurodrive:set', inputs: 'x' }, { type: 'neurodrive:set' },
    { type: 'neurodrive:event', event: 'party' }, { type: 'neurodrive:preset', preset: '<b>' }, { type: 'neurodrive:subscribe', hz: 1e9 },
  ]) {
    const r = await exchange(bad, 'neurodrive:ack');
    assert.equal(r.data.ok, false, JSON.stringify(bad));
  }
  const unknown = await exchange({ type: 'neurodrive:explode' }, 'neurodrive:error');
  assert.ok(unknown.data.error.includes('unknown'));
  const junk = await exchange('neurodrive please', 'neurodrive:error');
  assert.ok(junk.data.error.length > 0);
  await exchange({ type: 'neurodrive:subscribe', hz: 10 }, 'neurodrive:ack');
  await page.waitForTimeout(1500);  // 10 Hz for 1.5 s: at least 4 even on a loaded machine
  const states = await page.evaluate(() => window.received.filter((m) => m.data && m.data.type === 'neurodrive:state').length);
  assert.ok(states >= 4, `subscribed states: ${states}`);
  await exchange({ type: 'neurodrive:subscribe', hz: 0 }, 'neurodrive:ack');
  assert.equal((await exchange({ type: 'neurodrive:get' }, 'neurodrive:state')).data.inputs.thyroid, 0.4, 'still sane');
  assert.deepEqual(errors, []);
  await context.close();
});

test('origin= allowlist: a host page from another origin cannot control the app', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url + 'host.html');
  await page.evaluate((src) => { document.getElementById('app').src = src; }, srv.url + 'index.html?origin=https://lms.example.edu');
  const frame = await (await page.waitForSelector('#app')).contentFrame();
  await frame.waitForFunction(() => window.neurodrive && window.neurodrive.ready, null, { timeout: 30000 });
  await frame.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal(await page.evaluate(() => window.received.length), 0, 'not even "ready" reaches an origin the list does not name');
  const warned = new Promise((resolve) => page.on('console', (m) => { if (m.type() === 'warning' && /not in the origin= list/.test(m.text())) resolve(true); }));
  await page.evaluate(() => window.send({ type: 'neurodrive:set', inputs: { thyroid: 0.2 } }));
  assert.equal(await warned, true, 'the console says why');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.received.length), 0, 'a refused parent hears nothing, not even an error');
  assert.equal((await frame.evaluate(() => window.neurodrive.get())).inputs.thyroid, 1);
  await context.close();
});

test('works under the strict Content-Security-Policy', async () => {
  const { page, context, errors } = await openApp(browser, cspSrv.url);
  const resp = await page.request.get(cspSrv.url);
  assert.ok(resp.headers()['content-security-policy'].includes("script-src 'self' 'wasm-unsafe-eval'"));
  assert.equal((await page.evaluate(() => window.neurodrive.set({ dopamine: 0.5 }))).ok, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the single-file build opens from file:// with every feature', async () => {
  const file = 'file://' + path.resolve('dist/neurodrive.html');
  const { page, context, errors } = await openApp(browser, file, { query: '?preset=stimulant' });
  const s = await get(page);
  assert.equal(s.preset, 'stimulant');
  assert.equal((await page.evaluate(() => window.neurodrive.event('cue'))).ok, true);
  await screenshot(page, 'single-file');
  assert.deepEqual(errors.filter((e) => !e.includes('favicon')), []);
  await context.close();
});

for (const [w, h] of [[400, 300], [320, 480]]) {
  test(`inside an iframe of ${w}x${h}: no scrollbars, host page not scrolled or focused`, async () => {
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.url + 'host.html');
    await page.evaluate(([src, fw, fh]) => {
      const f = document.getElementById('app');
      f.width = fw; f.height = fh; f.style.display = 'block'; f.style.marginTop = '400px'; f.src = src;
      document.body.insertAdjacentHTML('afterbegin', '<div><input id="host-input" aria-label="host field"></div>');
      document.getElementById('host-input').focus();
    }, [srv.url + 'index.html', w, h]);
    await page.waitForFunction(() => window.received.some((m) => m.data && m.data.type === 'neurodrive:ready'), null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'host page did not scroll');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'host-input', 'focus stayed on the host page');
    const frame = page.frames().find((f) => f.url().startsWith(srv.url));
    const dims = await frame.evaluate(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight,
      cw: document.documentElement.clientWidth, ch: document.documentElement.clientHeight }));
    assert.ok(dims.sw <= dims.cw && dims.sh <= dims.ch, JSON.stringify(dims));
    await page.evaluate(() => document.getElementById('app').scrollIntoView());
    await page.waitForTimeout(300);
    await (await page.$('#app')).screenshot({ path: `build/screenshots/iframe-${w}x${h}.png` });
    await context.close();
  });
}

test('what the user chose is kept in localStorage, Reset all clears it, damaged values are ignored with a notice', async () => {
  const key = 'neurodrive:v1:/';
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.locator('#a11y-in-thyroid').fill('45');    // the user's own change (the mirror's slider)
  await page.waitForTimeout(800);
  await page.reload();
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal((await get(page)).inputs.thyroid, 0.45);
  await page.locator('#canvas').focus();
  await page.keyboard.press('r');                       // Reset all, by the user
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
  // Damage the stored value at the start of the next document, before app.js reads it.
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '{"v":1,"inputs":{"thyroid":"banana","dopamine":0.7}}');
      sessionStorage.setItem('seeded', '1');
    }
  }, key);
  await page.reload();
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  const s = await get(page);
  assert.equal(s.inputs.dopamine, 0.7);
  assert.equal(s.inputs.thyroid, 1);
  assert.ok((await page.locator('#notice-text').textContent()).includes('saved state'));
  await page.goto(srv.url + '?persist=0');
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal((await get(page)).inputs.dopamine, 1, 'persist=0 starts fresh');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed example: host buttons drive the lab, xAPI statements and state reach the host page', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 1400 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.url + 'embed-example.html');
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('lab ready'), null, { timeout: 30000 });
  await page.getByRole('button', { name: 'Thyroid to 30%' }).click();
  const lab = page.frames().find((f) => f.url().includes('xapi=1'));
  await lab.waitForFunction(() => window.neurodrive.get().inputs.thyroid === 0.3, null, { timeout: 10000 });
  await page.waitForFunction(() => document.getElementById('log').textContent.includes('xAPI: interacted thyroid = 0.3'), null, { timeout: 10000 });
  await page.waitForFunction(() => /Motivation: \d+/.test(document.getElementById('readout').textContent), null, { timeout: 10000 });
  const scenario = page.frames().find((f) => f.url().includes('preset=hypothyroid'));
  assert.equal((await scenario.evaluate(() => window.neurodrive.get())).inputs.thyroid, 0.3);
  await page.screenshot({ path: 'build/screenshots/embed-example.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
