// hostile.test.mjs - NeuroDrive on a page it does not control (issue 12): huge inputs, other windows,
// strict origin= parsing, early messages, leaks, subscriptions, locks on every path, persistence that
// never surprises, exact parsing, the shipped Content-Security-Policy, sandboxed frames, and a seeded
// 60 s fuzz of messages and API calls. The app is served on one origin; host pages, siblings and
// popups on others (another port, and "localhost" instead of "127.0.0.1").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { startServer, launch, openApp, screenshot, get } from './harness.mjs';
import { scriptData } from '../../scripts/inline_script.mjs';

let srv, host, browser, appOrigin, hostOrigin, otherOrigin, otherUrl;
before(async () => {
  srv = await startServer();
  host = await startServer({ root: 'tests/e2e/fixtures' });
  browser = await launch();
  appOrigin = new URL(srv.url).origin;
  hostOrigin = new URL(host.url).origin;
  otherUrl = host.url.replace('127.0.0.1', 'localhost');  // the same fixtures on a third origin
  otherOrigin = new URL(otherUrl).origin;
});
after(async () => { await browser?.close(); await srv?.close(); await host?.close(); });

const HUGE = 1_340_000;
const STORE_KEY = 'neurodrive:v1:/';   // the app served at "/" with no persist= name

// A host page on the host origin; returns {page, context, errors}. Page errors of every frame are kept.
async function hostPage(opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, ...opts });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  await page.goto(host.url + 'hostile.html');
  return { page, context, errors };
}
// Embeds the app as iframe `id` with `query`; waits until its API is ready; returns the Frame.
async function embed(page, query = '', id = 'app', attrs = {}) {
  await page.evaluate(([i, src, a]) => window.addFrame(i, src, a), [id, srv.url + 'index.html' + query, attrs]);
  const handle = await page.waitForSelector(`#${id}`);
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.neurodrive && window.neurodrive.ready, null, { timeout: 30000 });
  await frame.evaluate(() => window.neurodrive.ready.then(() => true));
  return frame;
}
// Posts from the host page to frame `id` and waits for a reply of `type` from it (or gives up after `ms`).
async function exchange(page, id, msg, type, ms = 5000) {
  const n = await page.evaluate(() => window.received.length);
  await page.evaluate(([i, m]) => window.send(i, m), [id, msg]);
  try {
    await page.waitForFunction(([k, t, i]) => window.received.slice(k).some((m) => m.data && m.data.type === t && m.from === i), [n, type, id], { timeout: ms });
  } catch (e) { return null; }
  return page.evaluate(([k, t, i]) => window.received.slice(k).find((m) => m.data && m.data.type === t && m.from === i), [n, type, id]);
}
const frameGet = (frame) => frame.evaluate(() => window.neurodrive.get());

// ---- 1. Size before crossing --------------------------------------------------------------------------

test('a 1.34 M-character message or API argument is refused before wasm; the app keeps running', async () => {
  const { page, context, errors } = await hostPage();
  const frame = await embed(page);
  for (const msg of [
    { type: 'neurodrive:set', inputs: { ['x'.repeat(HUGE)]: 1 } },
    { type: 'neurodrive:preset', preset: 'x'.repeat(HUGE) },
    { type: 'neurodrive:get', id: 'x'.repeat(HUGE) },
    'neurodrive' + 'x'.repeat(HUGE),
  ]) {
    const r = await exchange(page, 'app', msg, 'neurodrive:error');
    assert.ok(r && r.data.error.includes('larger than 16 KB'), JSON.stringify(r && r.data));
  }
  const results = await frame.evaluate((n) => {
    const big = 'x'.repeat(n);
    return [window.neurodrive.set({ [big]: 1 }), window.neurodrive.set({ thyroid: 0.5, [big.slice(0, 70)]: 1 }), window.neurodrive.preset(big),
      window.neurodrive.event(big), window.neurodrive.preset('stimulant'.padEnd(n, ' '))];
  }, HUGE);
  for (const r of results) assert.equal(r.ok, false, JSON.stringify(r));
  // Everything still works: calls, replies, frames.
  const f1 = (await frame.evaluate(() => window.neurodrive.stats())).frames;
  for (let i = 0; i < 200; i++) assert.deepEqual(await frame.evaluate((v) => window.neurodrive.set({ thyroid: v }), 0.3 + (i % 10) / 100), { ok: true });
  const ack = await exchange(page, 'app', { type: 'neurodrive:set', inputs: { thyroid: 0.4 } }, 'neurodrive:ack');
  assert.equal(ack.data.ok, true);
  assert.equal((await frameGet(frame)).inputs.thyroid, 0.4);
  await page.waitForTimeout(300);
  assert.ok((await frame.evaluate(() => window.neurodrive.stats())).frames > f1, 'frames are still drawn');
  assert.equal(await frame.locator('#failure').isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('if wasm ever traps, the failure page says so and the API answers without throwing', async () => {
  const context = await browser.newContext();
  // Keep a handle on the module so the test can break it (as a memory error would).
  await context.addInitScript(() => {
    let factory;
    Object.defineProperty(window, 'createNeuroDrive', {
      configurable: true,
      set(f) { factory = f; },
      get() { return factory && ((opts) => factory(opts).then((m) => { window.__ndModule = m; return m; })); },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  await page.evaluate(() => window.__ndModule.stackRestore(0));  // the next frame's stack use traps
  await page.waitForFunction(() => !document.getElementById('failure').hidden, null, { timeout: 10000 });
  assert.match(await page.locator('#failure-title').textContent(), /NeuroDrive stopped/);
  assert.match(await page.locator('#failure-detail').textContent(), /stopped unexpectedly/);
  const after = await page.evaluate(() => [window.neurodrive.get(), window.neurodrive.set({ thyroid: 0.5 }), window.neurodrive.reset(),
    window.neurodrive.stats(), window.neurodrive.shareLink()]);
  assert.equal(after[0], null);
  assert.equal(after[1].ok, false);
  assert.match(after[1].error, /stopped/);
  assert.equal(after[2].ok, false);
  assert.equal(after[3], null);
  assert.ok(errors.every((e) => /memory access out of bounds|unreachable|RuntimeError/i.test(e)), errors.join('\n'));
  await screenshot(page, 'hostile-stopped');
  await context.close();
});

// ---- 2. Trust model --------------------------------------------------------------------------------------

test('embedded: only the parent controls; a sibling frame and a popup on other origins are ignored', async () => {
  const { page, context, errors } = await hostPage();
  const frame = await embed(page, '?resize=1');
  assert.ok((await page.evaluate(() => window.messagesOf('neurodrive:ready', 'app').map((m) => m.origin)))[0] === appOrigin);
  await page.evaluate((src) => window.addFrame('sibling', src), otherUrl + 'attacker.html');
  const sibling = await (await page.waitForSelector('#sibling')).contentFrame();
  await sibling.waitForFunction(() => typeof window.attack === 'function');
  const popupPromise = context.waitForEvent('page');
  await page.evaluate((src) => { window.popup = window.open(src); return true; }, otherUrl + 'attacker.html');
  const popup = await popupPromise;
  await popup.waitForFunction(() => typeof window.attack === 'function');
  for (const [who, how] of [[sibling, 'sibling'], [popup, 'opener-frame']]) {
    for (const msg of [{ type: 'neurodrive:set', inputs: { dopamine: 0.05 } }, { type: 'neurodrive:preset', preset: 'stimulant' },
      { type: 'neurodrive:pause' }, { type: 'neurodrive:get' }, { type: 'neurodrive:subscribe', hz: 30 }]) {
      await who.evaluate(([h, m]) => window.attack(h, m), [how, msg]);
    }
  }
  await page.waitForTimeout(1000);
  const s = await frameGet(frame);
  assert.equal(s.inputs.dopamine, 1);
  assert.equal(s.preset, 'baseline');
  assert.equal(s.paused, false);
  assert.deepEqual(await sibling.evaluate(() => window.received), [], 'the sibling hears nothing');
  assert.deepEqual(await popup.evaluate(() => window.received), [], 'the popup hears nothing');
  const ack = await exchange(page, 'app', { type: 'neurodrive:set', inputs: { thyroid: 0.4 }, id: 'p' }, 'neurodrive:ack');
  assert.equal(ack.data.ok, true);
  assert.equal(ack.origin, appOrigin);
  assert.equal((await frameGet(frame)).inputs.thyroid, 0.4);
  assert.deepEqual(errors, []);
  await context.close();
});

test('origin= is parsed strictly: *, null, a path or one bad entry deny everyone; upper case, a trailing slash and a list allow', async () => {
  const { page, context } = await hostPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const bad = ['*', 'null', `${hostOrigin}/course/page`, `${hostOrigin},garbage`];
  for (const [i, value] of bad.entries()) {
    const id = `bad${i}`;
    const frame = await embed(page, '?origin=' + encodeURIComponent(value), id);
    assert.equal(await exchange(page, id, { type: 'neurodrive:set', inputs: { thyroid: 0.2 } }, 'neurodrive:error', 800), null, `origin=${value}: no reply, not even an error`);
    assert.equal(await exchange(page, id, { type: 'neurodrive:get' }, 'neurodrive:state', 800), null, `origin=${value}: no state`);
    assert.ok(warnings.some((w) => /origin= in the URL is not valid/.test(w)), 'the console says why');
    assert.equal((await frameGet(frame)).inputs.thyroid, 1, `origin=${value} denies all`);
    assert.match(await frame.locator('#notice-text').textContent(), /origin/);
    await page.evaluate((x) => window.removeFrame(x), id);
  }
  const upper = hostOrigin.replace('http://', 'HTTP://') + '/';
  for (const [i, value] of [upper, `https://lms.example.edu,${hostOrigin}`].entries()) {
    const id = `good${i}`;
    const frame = await embed(page, '?origin=' + encodeURIComponent(value), id);
    const r = await exchange(page, id, { type: 'neurodrive:set', inputs: { thyroid: 0.2 } }, 'neurodrive:ack');
    assert.equal(r && r.data.ok, true, `origin=${value} allows ${hostOrigin}`);
    assert.equal((await frameGet(frame)).inputs.thyroid, 0.2);
    await page.evaluate((x) => window.removeFrame(x), id);
  }
  await context.close();
});

test('nothing is processed before the policy is known; early messages from the parent wait and then apply', async () => {
  const { page, context } = await hostPage();
  // A flood from the moment the frame exists, to an app that only allows another origin.
  await page.evaluate((src) => {
    window.addFrame('app', src);
    const f = document.getElementById('app');
    window.flood = setInterval(() => f.contentWindow.postMessage({ type: 'neurodrive:set', inputs: { thyroid: 0.2 } }, '*'), 1);
    return true;
  }, srv.url + 'index.html?origin=https://lms.example.edu');
  const frame = await (await page.waitForSelector('#app')).contentFrame();
  await frame.waitForFunction(() => window.neurodrive && window.neurodrive.ready, null, { timeout: 30000 });
  await frame.evaluate(() => window.neurodrive.ready.then(() => true));
  await page.waitForTimeout(500);
  await page.evaluate(() => clearInterval(window.flood));
  assert.equal((await frameGet(frame)).inputs.thyroid, 1, 'no message was applied before the allowlist was read');
  assert.equal(await page.evaluate(() => window.messagesOf('neurodrive:ack').length), 0);
  await page.evaluate(() => window.removeFrame('app'));
  // The default policy: the parent's messages sent while NeuroDrive loads wait, then apply in order.
  await page.evaluate((src) => {
    window.addFrame('app', src);
    const f = document.getElementById('app');
    window.sent = 0;
    window.early = setInterval(() => {
      if (window.messagesOf('neurodrive:ready', 'app').length) { clearInterval(window.early); return; }
      f.contentWindow.postMessage({ type: 'neurodrive:set', inputs: { thyroid: 0.4 + (window.sent % 50) / 100 }, id: window.sent++ }, '*');
    }, 20);
    return true;
  }, srv.url + 'index.html');
  await page.waitForFunction(() => window.messagesOf('neurodrive:ready', 'app').length > 0, null, { timeout: 30000 });
  const sentBeforeReady = await page.evaluate(() => window.sent);
  await page.waitForTimeout(500);
  const acks = await page.evaluate(() => window.messagesOf('neurodrive:ack', 'app').map((m) => [m.data.id, m.data.ok]));
  // Messages that reached the app's page before it was ready were held (at most 32) and answered in order.
  assert.ok(acks.length >= 1 && acks.length <= sentBeforeReady, `${acks.length} acks for ${sentBeforeReady} early messages`);
  assert.ok(acks.every(([, ok], i) => ok === true && (i === 0 || acks[i - 1][0] < acks[i][0])), JSON.stringify(acks));
  const lastId = acks.at(-1)[0];
  const frame2 = await (await page.waitForSelector('#app')).contentFrame();
  assert.equal((await frameGet(frame2)).inputs.thyroid, 0.4 + (lastId % 50) / 100);
  await context.close();
});

test('outgoing messages go only to allowed origins: nothing reaches a host that origin= does not name', async () => {
  const { page, context } = await hostPage();
  const frame = await embed(page, '?origin=https://lms.example.edu&resize=1&xapi=1');
  await frame.evaluate(() => window.neurodrive.set({ thyroid: 0.5 }));
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.received.filter((m) => m.from === 'app')), [], 'no ready, resize, xAPI or reply');
  await page.evaluate(() => window.removeFrame('app'));
  // The default policy: the parent (and only its origin) gets ready, resize and xAPI.
  const frame2 = await embed(page, '?resize=1&xapi=1');
  await frame2.locator('#a11y-in-thyroid').fill('50');
  await page.waitForFunction(() => window.messagesOf('neurodrive:xapi', 'app').length > 0, null, { timeout: 5000 });
  const types = await page.evaluate(() => window.received.filter((m) => m.from === 'app').map((m) => (m.data && m.data.type) || m.data.context || 'lti'));
  for (const t of ['neurodrive:ready', 'neurodrive:xapi', 'h5p', 'lti']) assert.ok(types.includes(t), t);
  await context.close();
});

test('a parent with an opaque origin ("null") never controls NeuroDrive or receives its state', async () => {
  const { page, context } = await hostPage();
  const srcdoc = `<script>window.got=[];addEventListener('message',e=>got.push(e.data));</script>`
    + `<iframe id="nd" src="${srv.url}index.html?xapi=1&resize=1" width="800" height="500"></iframe>`
    + `<script>setInterval(()=>{const w=document.getElementById('nd').contentWindow;`
    + `w.postMessage({type:'neurodrive:subscribe',hz:10},'*');w.postMessage({type:'neurodrive:get'},'*');`
    + `w.postMessage({type:'neurodrive:set',inputs:{dopamine:0.05}},'*');},100);</script>`;
  // A data: URL document has an opaque origin and (unlike a sandbox) does not pass it on to its frames.
  await page.evaluate((doc) => window.addFrame('box', 'data:text/html,' + encodeURIComponent(doc), { width: 820, height: 520 }), srcdoc);
  const box = await (await page.waitForSelector('#box')).contentFrame();
  await box.waitForSelector('#nd');
  const frame = await (await box.$('#nd')).contentFrame();
  await frame.waitForFunction(() => window.neurodrive && window.neurodrive.ready, null, { timeout: 30000 });
  await frame.evaluate(() => window.neurodrive.ready.then(() => true));
  await page.waitForTimeout(1500);
  assert.equal((await frameGet(frame)).inputs.dopamine, 1);
  assert.deepEqual(await box.evaluate(() => window.got.filter((d) => d && d.type === 'neurodrive:state')), []);
  await context.close();
});

test('subscribe: rates outside 0.1-30 Hz refused, at most 8 subscribers, a removed one is dropped', async () => {
  const { page, context } = await hostPage();
  await embed(page, '?origin=' + encodeURIComponent(hostOrigin));
  const subs = [];
  for (let i = 0; i < 9; i++) {
    await page.evaluate(([id, src]) => window.addFrame(id, src, { width: 40, height: 40 }), [`sub${i}`, host.url + 'subscriber.html']);
    const f = await (await page.waitForSelector(`#sub${i}`)).contentFrame();
    await f.waitForFunction(() => typeof window.subscribe === 'function');
    subs.push(f);
  }
  for (const hz of [1e-300, 0.05, 31, 1e9]) await subs[0].evaluate((h) => window.subscribe(h, 'bad'), hz);
  await page.waitForTimeout(1200);
  const bad = await subs[0].evaluate(() => window.acks());
  assert.equal(bad.length, 4);
  assert.ok(bad.every((a) => a.ok === false), JSON.stringify(bad));
  assert.equal(await subs[0].evaluate(() => window.count('neurodrive:state')), 0, 'no state for a refused rate');
  for (let i = 0; i < 8; i++) await subs[i].evaluate(() => window.subscribe(30, 'ok'));
  await subs[8].evaluate(() => window.subscribe(1, 'ninth'));
  await page.waitForTimeout(1000);
  for (let i = 0; i < 8; i++) assert.equal((await subs[i].evaluate(() => window.acks())).at(-1).ok, true);
  const ninth = (await subs[8].evaluate(() => window.acks())).at(-1);
  assert.equal(ninth.ok, false);
  assert.match(ninth.error, /too many subscribers/);
  // The rate is capped at 30 Hz (a timer per subscriber; a busy machine gives fewer).
  for (let i = 2; i < 8; i++) await subs[i].evaluate(() => window.subscribe(0, 'stop'));
  const before = await subs[1].evaluate(() => window.count('neurodrive:state'));
  await page.waitForTimeout(2000);
  const inTwoSeconds = (await subs[1].evaluate(() => window.count('neurodrive:state'))) - before;
  assert.ok(inTwoSeconds >= 2 && inTwoSeconds <= 64, `${inTwoSeconds} states in 2 s at 30 Hz`);
  for (let i = 2; i < 8; i++) await subs[i].evaluate(() => window.subscribe(30, 'refill'));  // full again
  await page.evaluate(() => window.removeFrame('sub0'));
  await page.waitForTimeout(500);
  await subs[8].evaluate(() => window.subscribe(1, 'again'));
  await subs[8].waitForFunction(() => window.acks().some((a) => a.id === 'again'), null, { timeout: 5000 });
  assert.equal((await subs[8].evaluate(() => window.acks())).find((a) => a.id === 'again').ok, true, 'room again once a subscriber is gone');
  await context.close();
});

// ---- 3. Locks hold on every path --------------------------------------------------------------------------

test('locks hold on every path: postMessage, JS API, keyboard and the accessible mirror', async () => {
  const { page, context, errors } = await hostPage();
  const frame = await embed(page, '?preset=hypothyroid&lock=thyroid,presets,events,time,experiments');
  const start = await frameGet(frame);
  for (const [msg, lock] of [
    [{ type: 'neurodrive:set', inputs: { thyroid: 1 } }, 'lock=thyroid'], [{ type: 'neurodrive:set', inputs: { dat_block: 0.5 } }, 'lock=experiments'],
    [{ type: 'neurodrive:preset', preset: 'baseline' }, 'lock=presets'], [{ type: 'neurodrive:event', event: 'cue' }, 'lock=events'],
    [{ type: 'neurodrive:pause' }, 'lock=time'], [{ type: 'neurodrive:reset' }, 'lock=presets'],
  ]) {
    const r = await exchange(page, 'app', msg, 'neurodrive:ack');
    assert.equal(r.data.ok, false, JSON.stringify(msg));
    assert.ok(r.data.error.includes('locked by the page that embeds NeuroDrive') && r.data.error.includes(lock), r.data.error);
  }
  const api = await frame.evaluate(() => [window.neurodrive.set({ thyroid: 1 }), window.neurodrive.preset('stimulant'), window.neurodrive.event('reward'),
    window.neurodrive.pause(), window.neurodrive.reset(), window.neurodrive.speed(2), window.neurodrive.autoTrials(true), window.neurodrive.set({ net_block: 0.2 })]);
  for (const r of api) assert.ok(r.ok === false && /lock=/.test(r.error), JSON.stringify(r));
  // Keyboard shortcuts on the canvas: presets (1, 2), Reset (R), events (C), pause (Space).
  await frame.locator('#canvas').focus();
  await page.keyboard.press('Shift+Slash');  // keys do reach the app: ? opens the shortcuts dialog
  await frame.waitForFunction(() => window.neurodrive.layout()['dialog:shortcuts'], null, { timeout: 5000 });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  for (const key of ['1', '2', 'r', 'R', 'c', 'w', 'Space']) { await page.keyboard.press(key); await page.waitForTimeout(60); }
  await page.waitForTimeout(300);
  const s = await frameGet(frame);
  assert.deepEqual(s.inputs, start.inputs);
  assert.equal(s.preset, 'hypothyroid');
  assert.equal(s.paused, false);
  assert.equal(s.speed, 1);
  // The mirror disables every locked control and leaves the others usable.
  await frame.waitForFunction(() => document.getElementById('a11y-reset') && document.getElementById('a11y-reset').disabled);
  for (const sel of ['#a11y-reset', '#a11y-preset', '#a11y-play', '#a11y-event-cue', '#a11y-event-reward', '#a11y-event-omit', '#a11y-in-thyroid', '#a11y-in-dat_block'])
    assert.equal(await frame.locator(sel).isDisabled(), true, `${sel} is disabled`);
  assert.equal(await frame.locator('#a11y-in-dopamine').isDisabled(), false);
  assert.match(await frame.locator('#a11y-reset').getAttribute('title'), /lock=presets/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an input lock holds against presets and Reset on the canvas keyboard', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?preset=hypothyroid&lock=thyroid' });
  await page.locator('#canvas').focus();
  await page.keyboard.press('Space');      // keys do reach the app: Space pauses
  await page.waitForFunction(() => window.neurodrive.get().paused, null, { timeout: 5000 });
  for (const key of ['1', '3', 'r']) { await page.keyboard.press(key); await page.waitForTimeout(80); }
  await page.waitForTimeout(200);
  const s = await get(page);
  assert.equal(s.inputs.thyroid, 0.3, 'thyroid stays locked at 0.3');
  assert.equal(s.inputs.dopamine, 1);
  const r = await page.evaluate(() => window.neurodrive.preset('baseline'));
  assert.match(r.error, /thyroid is locked by the page that embeds NeuroDrive \(lock=thyroid\); preset baseline would change it/);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- 4. Persistence that never surprises -----------------------------------------------------------------

const stored = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const reload = async (page) => { await page.reload(); await page.evaluate(() => window.neurodrive.ready.then(() => true)); };

test('a host never changes what is stored: API calls and a popup attack leave the next visit untouched', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.evaluate(() => window.neurodrive.set({ dopamine: 0.05 }));
  await page.evaluate(() => window.neurodrive.preset('stimulant'));
  await page.waitForTimeout(1200);
  assert.deepEqual(await stored(page), {}, 'nothing stored for API changes');
  // A page on another origin opens NeuroDrive and posts to it: a top-level page has no one to trust.
  const attacker = await context.newPage();
  await attacker.goto(otherUrl + 'attacker.html');
  const popupPromise = context.waitForEvent('page');
  await attacker.evaluate((u) => window.openApp(u), srv.url);
  const victim = await popupPromise;
  await victim.waitForFunction(() => window.neurodrive && window.neurodrive.ready);
  await victim.evaluate(() => window.neurodrive.ready.then(() => true));
  for (let i = 0; i < 20; i++) await attacker.evaluate(() => window.attack('popup', { type: 'neurodrive:set', inputs: { dopamine: 0.05 } }));
  await victim.waitForTimeout(1200);
  assert.equal((await get(victim)).inputs.dopamine, 1);
  assert.deepEqual(await attacker.evaluate(() => window.received), []);
  await victim.close();
  await reload(page);
  assert.equal((await get(page)).inputs.dopamine, 1, 'the next visit opens at the baseline');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what the user chooses is kept: a preset key, a slider, and English/Dark over a Spanish, light browser', async () => {
  const errors = [];
  const ctx = await browser.newContext({ locale: 'es-ES', colorScheme: 'light', viewport: { width: 1366, height: 768 } });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(srv.url);
  await p.evaluate(() => window.neurodrive.ready.then(() => true));
  let s = await get(p);
  assert.equal(s.lang, 'es');
  assert.equal(s.theme, 'projector');
  await p.locator('#canvas').focus();
  await p.keyboard.press('2');                             // the second preset, by the user
  await p.waitForFunction(() => window.neurodrive.get().preset !== 'baseline', null, { timeout: 5000 });
  const preset = (await get(p)).preset;
  const presetInputs = (await get(p)).inputs;
  await p.locator('#a11y-in-dopamine').fill('50');         // the mirror's slider
  await p.locator('#a11y-theme').selectOption('dark');     // the mirror's settings
  await p.locator('#a11y-lang').selectOption('en');
  await p.waitForTimeout(1200);
  await reload(p);
  s = await get(p);
  assert.equal(s.lang, 'en');
  assert.equal(s.theme, 'dark');
  assert.equal(s.inputs.dopamine, 0.5);
  assert.notEqual(preset, 'baseline');
  for (const [k, v] of Object.entries(presetInputs)) if (k !== 'dopamine') assert.equal(s.inputs[k], v, `${k} from the preset key`);
  const rec = JSON.parse((await stored(p))[STORE_KEY]);
  assert.equal(rec.v, 1);
  assert.equal(rec.inputs.dopamine, 0.5);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('locks, hidden panels, pause and speed are never stored; a link with state neither reads nor writes', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?lock=thyroid&hide=plots&paused=1&speed=2' });
  await page.locator('#a11y-in-dopamine').fill('40');
  await page.waitForTimeout(1200);
  assert.deepEqual(await stored(page), {}, 'a link with state writes nothing');
  await page.goto(srv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  let s = await get(page);
  assert.equal(s.paused, false);
  assert.equal(s.speed, 1);
  assert.equal(s.inputs.dopamine, 1);
  assert.equal((await page.evaluate(() => window.neurodrive.set({ thyroid: 0.6 }))).ok, true, 'no lock survives');
  assert.ok((await page.evaluate(() => window.neurodrive.layout()))['panel:plots'], 'no hidden panel survives');
  await page.locator('#a11y-in-dopamine').fill('70');
  await page.waitForTimeout(1200);
  await page.goto(srv.url + '?lesson=learning_to_predict');
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  s = await get(page);
  assert.equal(s.inputs.dopamine, 1, 'a lesson link does not merge stored inputs');
  assert.equal(s.lesson, 'learning_to_predict');
  await page.goto(srv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal((await get(page)).inputs.dopamine, 0.7, 'the plain page still has what the user chose there');
  assert.deepEqual(errors, []);
  await context.close();
});

test('persist=0 writes nothing at all', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  await page.locator('#a11y-in-dopamine').fill('30');
  await page.waitForTimeout(1200);
  assert.deepEqual(await stored(page), {}, 'nothing after a slider change');
  await page.locator('#a11y-theme').selectOption('projector');
  await page.waitForTimeout(1200);
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await stored(page), {}, 'nothing after a settings change or when the page hides');
  assert.equal(await page.locator('#start-fresh').isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('one key per embedding: persist names keep two embeds apart; two persist=1 embeds do not overwrite each other', async () => {
  const { page, context, errors } = await hostPage();
  const a = await embed(page, '?persist=unit4-a', 'a');
  const b = await embed(page, '?persist=unit4-b', 'b');
  await a.locator('#a11y-in-dopamine').fill('30');
  await b.locator('#a11y-in-dopamine').fill('60');
  await page.waitForTimeout(1200);
  const keys = await a.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  assert.equal(JSON.parse(keys['neurodrive:v1:/index.html#unit4-a']).inputs.dopamine, 0.3);
  assert.equal(JSON.parse(keys['neurodrive:v1:/index.html#unit4-b']).inputs.dopamine, 0.6);
  await page.evaluate(() => { window.removeFrame('a'); window.removeFrame('b'); });
  const c = await embed(page, '?persist=1', 'c');
  await page.waitForTimeout(300);
  const d = await embed(page, '?persist=1', 'd');
  await d.waitForFunction(() => !document.getElementById('notice').hidden, null, { timeout: 5000 });
  assert.match(await d.locator('#notice-text').textContent(), /same place/);
  await c.locator('#a11y-in-dopamine').fill('20');
  await d.locator('#a11y-in-dopamine').fill('90');
  await page.waitForTimeout(1200);
  const after = await c.evaluate(() => localStorage.getItem('neurodrive:v1:/index.html'));
  assert.equal(JSON.parse(after).inputs.dopamine, 0.2, 'the first embed keeps its key');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged or over-long stored value shows the notice; Start fresh clears it (English and Spanish)', async () => {
  for (const [value, check] of [
    ['x'.repeat(5000), async (s) => assert.equal(s.inputs.dopamine, 1)],
    ['{"v":1,"inputs":{"thyroid":"banana","dopamine":0.7}}', async (s) => { assert.equal(s.inputs.dopamine, 0.7); assert.equal(s.inputs.thyroid, 1); }],
    ['thyroid=0.5', async (s) => assert.equal(s.inputs.thyroid, 1)],
    ['{"v":1,"inputs":{"dopamine":0.7,"dopamine":0.2},"compare":"ssri_weeks","compare":"ssri_weeks"}', async (s) => { assert.equal(s.inputs.dopamine, 1); assert.equal(s.compare, null); }],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(([k, v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, [STORE_KEY, value]);
    const page = await context.newPage();
    await page.goto(srv.url);
    await page.evaluate(() => window.neurodrive.ready.then(() => true));
    await check(await get(page));
    assert.match(await page.locator('#notice-text').textContent(), /saved state/, value.slice(0, 40));
    assert.equal((await stored(page))[STORE_KEY], value, 'kept until the user changes something or starts fresh');
    await context.close();
  }
  const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(srv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  await page.locator('#a11y-in-dopamine').fill('55');
  await page.waitForTimeout(1200);
  assert.ok((await stored(page))[STORE_KEY]);
  assert.equal(await page.locator('#start-fresh').getAttribute('aria-label'), 'Empezar de nuevo');
  assert.equal(await page.locator('#start-fresh').isVisible(), true, 'shown once something is saved');
  assert.equal(await page.locator('#a11y-start-fresh').textContent(), 'Empezar de nuevo');
  await screenshot(page, 'start-fresh-es');
  await Promise.all([page.waitForNavigation(), page.locator('#start-fresh').click()]);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal((await get(page)).inputs.dopamine, 1);
  assert.deepEqual(await stored(page), {});
  assert.match(await page.locator('#notice-text').textContent(), /Empezaste de nuevo/);
  // English, through the mirror's button.
  await page.evaluate(() => window.neurodrive.ready);
  await page.locator('#a11y-lang').selectOption('en');
  await page.waitForTimeout(700);
  assert.equal(await page.locator('#a11y-start-fresh').textContent(), 'Start fresh');
  await page.locator('#a11y-start-fresh').focus();   // as a keyboard user reaches it in the mirror
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.deepEqual(await stored(page), {});
  assert.equal((await get(page)).lang, 'es');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an older NeuroDrive\'s stored link (with locks and hidden panels) is never applied', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(() => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('neurodrive:state', 'lock=thyroid,presets&hide=plots&dopamine=0.05'); sessionStorage.setItem('seeded', '1'); } });
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  const s = await get(page);
  assert.equal(s.inputs.dopamine, 1);
  assert.equal((await page.evaluate(() => window.neurodrive.set({ thyroid: 0.5 }))).ok, true);
  assert.ok((await page.evaluate(() => window.neurodrive.layout()))['panel:plots']);
  assert.equal(await page.evaluate(() => localStorage.getItem('neurodrive:state')), null, 'the old key is removed');
  await context.close();
});

// ---- 5. Exact parsing --------------------------------------------------------------------------------------

test('a NUL inside a key is refused on every path', async () => {
  const { page, context } = await hostPage();
  const frame = await embed(page);
  const r = await exchange(page, 'app', { type: 'neurodrive:set', inputs: { 'thyroid\u0000junk': 0.5 } }, 'neurodrive:ack');
  assert.equal(r.data.ok, false);
  assert.match(r.data.error, /NUL/);
  const api = await frame.evaluate(() => [window.neurodrive.set({ 'thyroid\u0000junk': 0.5 }), window.neurodrive.event('cue\u0000x'), window.neurodrive.preset('stimulant\u0000')]);
  for (const x of api) assert.equal(x.ok, false, JSON.stringify(x));
  const t = await exchange(page, 'app', { type: 'neurodrive:get\u0000x' }, 'neurodrive:error');
  assert.match(t.data.error, /unknown message type/);
  assert.equal((await frameGet(frame)).inputs.thyroid, 1);
  await context.close();
});

test('set() then get() returns the same doubles: 2000 random values', async () => {
  const { page, context } = await openApp(browser, srv.url);
  const changed = await page.evaluate(() => {
    let seed = 99;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const bad = [];
    for (let i = 0; i < 1000; i++) {
      const a = rand() * 2 + rand() * 1e-9, b = rand() * 0.999999 + rand() * 1e-12;
      window.neurodrive.set({ thyroid: a, dat_block: b });
      const s = window.neurodrive.get().inputs;
      if (!Object.is(s.thyroid, a)) bad.push([a, s.thyroid]);
      if (!Object.is(s.dat_block, b)) bad.push([b, s.dat_block]);
    }
    return bad;
  });
  assert.deepEqual(changed, []);
  await context.close();
});

// ---- 6. Content-Security-Policy and sandboxed frames ---------------------------------------------------

test('index.html declares the strict policy: the page runs with no violation and injected inline script is blocked', async () => {
  const html = fs.readFileSync('dist/index.html', 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(policy, /style-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  assert.doesNotMatch(html, /<script>|<style>| style="/);
  const context = await browser.newContext();
  await context.addInitScript(() => { window.violations = []; document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`)); });
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  await page.locator('#a11y-lesson-start-learning_to_predict').focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.append(s); });
  assert.equal(await page.evaluate(() => window.inlineRan), undefined, 'an injected inline script does not run');
  await context.close();
});

test('the single file carries a hash-based policy (documented in neurodrive-csp.txt) and runs under it', async () => {
  const html = fs.readFileSync('dist/neurodrive.html', 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  const header = fs.readFileSync('dist/neurodrive-csp.txt', 'utf8').match(/^Content-Security-Policy: (.*)$/m)[1];
  assert.equal(header, policy);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`);
  assert.equal(scripts.length, 4);  // neurodrive.js, audio.js, qrcode.js (the Share dialog's QR library), app.js
  for (const h of scripts) assert.ok(policy.includes(h), `policy allows ${h}`);
  assert.doesNotMatch(policy, /unsafe-inline|'self'/);
  // Served over http with the documented header, and from file://.
  const dir = fs.mkdtempSync(path.join('build', 'single-'));
  fs.copyFileSync('dist/neurodrive.html', path.join(dir, 'index.html'));
  const single = await startServer({ root: dir, headers: { 'Content-Security-Policy': header } });
  for (const url of [single.url, 'file://' + path.resolve('dist/neurodrive.html')]) {
    const context = await browser.newContext();
    await context.addInitScript(() => { window.violations = []; document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`)); });
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => window.neurodrive.ready.then(() => true));
    assert.equal((await page.evaluate(() => window.neurodrive.set({ dopamine: 0.5 }))).ok, true, url);
    assert.deepEqual(await page.evaluate(() => window.violations), [], url);
    await context.close();
  }
  await single.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('inlined scripts cannot end or derail their script element: "</script" and "<!--<script" in code are escaped (the single file)', async () => {
  // Code as a minifier leaves it: the sequences only inside strings, templates, regular expressions and comments.
  const code = 'window.got = ["<!--<script>", `</script>`, /<!--/.test("<!--") && /<\\/script/i.test("</SCRIPT"), "<!--"].join("|"); /* <!-- </script> */';
  const page = await (await browser.newContext()).newPage();
  await page.setContent(`<!doctype html><script>${scriptData(code)}</script><script>window.second = 1;</script><p id="after">after</p>`);
  assert.equal(await page.evaluate(() => window.got), '<!--<script>|</script>|true|<!--', 'the code reads exactly as written');
  assert.equal(await page.evaluate(() => window.second), 1, 'the next script element still runs');
  assert.equal(await page.locator('#after').count(), 1);
  const single = fs.readFileSync('dist/neurodrive.html', 'utf8');
  for (const [, body] of single.matchAll(/<script>([\s\S]*?)<\/script>/g)) assert.ok(!body.includes('<!--') && !/<\/script/i.test(body));
  await page.context().close();
});

test('sandboxed iframes: allow-scripts alone shows a clear failure; with allow-same-origin it runs', async () => {
  const { page, context } = await hostPage();
  await page.evaluate((src) => window.addFrame('strict', src, { sandbox: 'allow-scripts' }), srv.url + 'index.html');
  const strict = await (await page.waitForSelector('#strict')).contentFrame();
  await strict.waitForFunction(() => !document.getElementById('failure').hidden, null, { timeout: 20000 });
  assert.match(await strict.locator('#failure-title').textContent(), /sandboxed/);
  assert.match(await strict.locator('#failure-hint').textContent(), /allow-scripts allow-same-origin/);
  await (await page.$('#strict')).screenshot({ path: 'build/screenshots/hostile-sandboxed.png' });
  const ok = await embed(page, '', 'relaxed', { sandbox: 'allow-scripts allow-same-origin' });
  assert.equal((await ok.evaluate(() => window.neurodrive.set({ dopamine: 0.5 }))).ok, true);
  await context.close();
});

// ---- 7. A seeded fuzz: 60 s of random messages and API calls ---------------------------------------------

test('fuzz: 60 s of seeded random messages, API calls and keys; no error, bounded memory, locks and storage intact', async (t) => {
  const { page, context, errors } = await hostPage();
  // Something the user stored earlier on the app's origin; a link with state must leave it alone.
  const seeded = '{"v":1,"inputs":{"dopamine":0.7}}';
  const frame = await embed(page, '?preset=hypothyroid&lock=thyroid,time');
  await frame.evaluate(([k, v]) => localStorage.setItem(k, v), [STORE_KEY + 'index.html', seeded]);
  await page.evaluate((src) => window.addFrame('sibling', src, { width: 40, height: 40 }), otherUrl + 'attacker.html');
  const sibling = await (await page.waitForSelector('#sibling')).contentFrame();
  await sibling.waitForFunction(() => typeof window.attack === 'function');
  const stats0 = await frame.evaluate(() => window.neurodrive.stats());
  let seed = 424242;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const names = ['thyroid', 'dopamine', 'serotonin', 'cortisol', 'dat_block', 'mojo', 'thyroid\u0000x', '__proto__', 'constructor', ''];
  const values = () => pick([rand() * 2, -1, 3, 1e308, 5e-324, 0, 2, NaN, Infinity, '0.5', null, [], {}, true]);
  const strings = () => pick(['cue', 'reward', 'omit', 'party', '', 'baseline', 'stimulant', 'hypothyroid', 'x'.repeat(Math.floor(rand() * 40000)), '\u0000', '<b>', '\ud800']);
  const message = () => {
    const k = rand();
    if (k < 0.05) return 'neurodrive' + 'x'.repeat(Math.floor(rand() * 30000));
    if (k < 0.08) return { type: 'neurodrive:set', inputs: { ['k'.repeat(Math.floor(rand() * 300000))]: 1 } };
    const type = pick(['neurodrive:get', 'neurodrive:set', 'neurodrive:event', 'neurodrive:preset', 'neurodrive:compare', 'neurodrive:reset', 'neurodrive:pause',
      'neurodrive:play', 'neurodrive:subscribe', 'neurodrive:explode', 'neurodrive:ack', 'neurodrive:error', 'neurodrive:state']);
    const m = { type };
    if (rand() < 0.7) m.inputs = Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [pick(names), values()]));
    if (rand() < 0.5) m.event = strings();
    if (rand() < 0.5) m.preset = strings();
    if (rand() < 0.3) m.compare = pick([strings(), 'off', 'hypothyroid,dopamine:0.5', 'dopamine:9', 'thyroid:0.4,thyroid:0.5']);
    if (rand() < 0.5) m.hz = pick([0, 0.1, 1, 30, 31, 1e-300, -1, 2]);
    if (rand() < 0.3) m.id = pick([1, 'a', {}, 'x'.repeat(100)]);
    return m;
  };
  const end = Date.now() + 60000;
  let steps = 0;
  while (Date.now() < end) {
    const k = rand();
    if (k < 0.35) await page.evaluate((m) => window.send('app', m), message());
    else if (k < 0.45) await sibling.evaluate((m) => window.attack('sibling', m), message());
    else if (k < 0.8) {
      const call = pick(['set', 'event', 'preset', 'speed', 'autoTrials', 'reset', 'pause', 'play', 'get', 'shareLink', 'presets', 'layout', 'scenario']);
      const arg = call === 'set' ? Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [pick(names), values()]))
        : call === 'speed' ? pick([0.25, 1, 4, 9, NaN]) : call === 'autoTrials' ? pick([true, false, 1]) : strings();
      const r = await frame.evaluate(async ([c, a]) => { try { const x = await window.neurodrive[c](a); return x === null || typeof x === 'object' ? 'ok' : typeof x; } catch (e) { return 'threw: ' + e.message; } }, [call, arg]);
      assert.ok(r === 'ok' || r === 'string', `${call} answered ${r}`);
    } else if (k < 0.95) {
      await frame.locator('#canvas').focus();
      await page.keyboard.press(pick(['1', '2', '5', 'r', 'c', 'w', 'o', 'Space', 'ArrowUp', 'Enter', 'Escape']));
    } else {
      await page.evaluate(() => { for (let i = 0; i < 50; i++) window.send('app', { type: 'neurodrive:get' }); });
    }
    steps++;
    if (steps % 100 === 0) {
      const s = await frameGet(frame);
      assert.equal(s.inputs.thyroid, 0.3, 'the thyroid lock holds');
      assert.equal(s.speed, 1, 'the time lock holds');
    }
  }
  await page.evaluate(() => { for (let i = 0; i < 20; i++) window.send('app', { type: 'neurodrive:subscribe', hz: 0 }); });
  await page.waitForTimeout(500);
  const s = await frameGet(frame);
  assert.equal(s.inputs.thyroid, 0.3);
  assert.equal(s.paused, false);
  assert.equal(s.speed, 1);
  for (const [k, v] of Object.entries(s.outputs)) assert.ok(v === null || Number.isFinite(v), `output ${k}`);
  const ping = await exchange(page, 'app', { type: 'neurodrive:get', id: 'still-there' }, 'neurodrive:state');
  assert.equal(ping.data.id, 'still-there', 'the app still answers');
  const stats1 = await frame.evaluate(() => window.neurodrive.stats());
  assert.ok(stats1.frames > stats0.frames + 100, 'frames kept coming');
  assert.ok(stats1.heap_bytes <= stats0.heap_bytes + 16 * 1024 * 1024, `wasm memory ${stats0.heap_bytes} -> ${stats1.heap_bytes}`);
  assert.ok(stats1.malloc_in_use_bytes <= stats0.malloc_in_use_bytes + 4 * 1024 * 1024, `malloc ${stats0.malloc_in_use_bytes} -> ${stats1.malloc_in_use_bytes}`);
  assert.deepEqual(await frame.evaluate(() => Object.fromEntries(Object.entries(localStorage))), { [STORE_KEY + 'index.html']: seeded }, 'stored state untouched');
  assert.equal(await frame.locator('#failure').isHidden(), true);
  assert.ok(steps > 300, `${steps} steps`);
  const answered = await page.evaluate(() => ({ ok: window.received.filter((m) => m.from === 'app' && m.data && m.data.ok === true).length,
    refused: window.received.filter((m) => m.from === 'app' && m.data && (m.data.ok === false || m.data.type === 'neurodrive:error')).length }));
  assert.ok(answered.ok > 10 && answered.refused > 10, `the parent's messages were answered: ${JSON.stringify(answered)}`);
  assert.deepEqual(await sibling.evaluate(() => window.received), [], 'the sibling heard nothing');
  t.diagnostic(`${steps} steps; answers ${JSON.stringify(answered)}; wasm heap ${stats0.heap_bytes} -> ${stats1.heap_bytes}, malloc ${stats0.malloc_in_use_bytes} -> ${stats1.malloc_in_use_bytes}`);
  assert.deepEqual(errors, []);
  await screenshot(page, 'hostile-after-fuzz');
  await context.close();
});

// ---- 7. Second pass (issue 23): the note never hidden, no stored state through a link, a start-up
//         queue no stranger can fill, no talk between two copies, a notice no link can write in --------

test('hide=drive hides neither the not-medical-advice note nor About, at every layout size (the About button opens it)', async () => {
  for (const [width, height, query, layout] of [[1366, 768, '?preset=ssri_weeks&hide=drive', 'wide'], [1366, 768, '?preset=ssri_weeks&hide=drive,narration,controls', 'wide'],
    [1024, 768, '?preset=ssri_weeks&hide=drive,controls&scale=1.5', 'medium'], [390, 844, '?preset=ssri_weeks&hide=drive&lang=es', 'phone'], [400, 300, '?preset=ssri_weeks&hide=drive', 'compact']]) {
    const { page, context, errors } = await openApp(browser, srv.url, { query, width, height });
    const l = await page.evaluate(() => window.neurodrive.layout());
    assert.ok(l['layout:' + layout], `${query} at ${width}x${height} is the ${layout} layout`);
    for (const name of ['text:note.short', 'button:about']) {
      const r = l[name];
      assert.ok(r && !r.clipped && r.y >= 0 && r.y + r.h <= height + 0.5 && r.x + r.w <= width + 0.5, `${name} on screen in ${layout} (${query}): ${JSON.stringify(r)}`);
    }
    await screenshot(page, `hide-drive-note-${layout}-${width}x${height}`);
    await page.locator('#canvas').focus();
    const about = l['button:about'];
    await page.mouse.click(about.x + about.w / 2, about.y + about.h / 2);
    await page.waitForFunction(() => window.neurodrive.layout()['dialog:about'], null, { timeout: 5000 });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('origin= at top level turns the stored state off: a page that opens NeuroDrive with its own origin reads nothing the user saved', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const saved = '{"v":1,"preset":"hypothyroid","inputs":{"dopamine":0.42},"lang":"es","compare":"stimulant","hint":"done"}';
  await context.addInitScript(([k, v]) => { if (location.port && !sessionStorage.getItem('seeded') && location.pathname === '/') { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, [STORE_KEY, saved]);
  const attacker = await context.newPage();
  await attacker.goto(otherUrl + 'attacker.html');
  const popupPromise = context.waitForEvent('page');
  await attacker.evaluate((u) => window.openApp(u), srv.url + '?origin=' + encodeURIComponent(otherOrigin));
  const victim = await popupPromise;
  await victim.waitForFunction(() => window.neurodrive && window.neurodrive.ready);
  await victim.evaluate(() => window.neurodrive.ready.then(() => true));
  await attacker.evaluate(() => window.attack('popup', { type: 'neurodrive:get', id: 'peek' }));
  await attacker.waitForFunction(() => window.received.some((m) => m.data && m.data.id === 'peek'), null, { timeout: 5000 });
  const state = (await attacker.evaluate(() => window.received.find((m) => m.data.id === 'peek'))).data;
  assert.equal(state.type, 'neurodrive:state', 'the listed origin still controls the window it opened');
  assert.equal(state.preset, 'baseline', 'the stored preset is not read');
  assert.equal(state.inputs.dopamine, 1);
  assert.equal(state.compare, null);
  assert.equal(state.lang, 'en');
  // Nothing the user does here is written either, and the user is told why.
  await victim.locator('#a11y-in-thyroid').fill('30');
  await victim.waitForTimeout(1200);
  assert.equal(await victim.evaluate((k) => localStorage.getItem(k), STORE_KEY), saved, 'the saved record is untouched');
  assert.match(await victim.locator('#notice-text').textContent(), /origin=/);
  await context.close();
});

test('a stranger cannot fill the start-up queue: a sibling flooding while NeuroDrive loads leaves the parent\'s early messages answered', async () => {
  const { page, context } = await hostPage();
  // The program file arrives 1.5 s late: everything below is posted before the policy is known.
  await context.route('**/neurodrive.wasm', async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
  await page.evaluate((src) => window.addFrame('app', src), srv.url + 'index.html');
  const frame = await (await page.waitForSelector('#app')).contentFrame();
  await page.evaluate((src) => window.addFrame('sibling', src, { width: 40, height: 40 }), otherUrl + 'attacker.html');
  const sibling = await (await page.waitForSelector('#sibling')).contentFrame();
  await sibling.waitForFunction(() => typeof window.attack === 'function');
  await frame.waitForFunction(() => window.neurodrive, null, { timeout: 30000 });   // app.js listens
  await sibling.evaluate(() => { for (let i = 0; i < 500; i++) window.attack('sibling', { type: 'neurodrive:get', id: i }); });
  const values = [0.41, 0.42, 0.43, 0.44, 0.45];
  for (let i = 0; i < 5; i++) await page.evaluate(([k, v]) => window.send('app', { type: 'neurodrive:set', inputs: { thyroid: v }, id: 'early' + k }), [i, values[i]]);
  await page.evaluate(() => window.send('app', { type: 'neurodrive:subscribe', hz: 2, id: 'sub' }));
  assert.equal(await frame.evaluate(() => document.getElementById('loading').hidden), false, 'still loading when they were sent');
  await frame.evaluate(() => window.neurodrive.ready.then(() => true));
  await page.waitForFunction(() => window.messagesOf('neurodrive:state', 'app').length > 0, null, { timeout: 10000 });
  const acks = await page.evaluate(() => window.messagesOf('neurodrive:ack', 'app').map((m) => [m.data.id, m.data.ok]));
  assert.deepEqual(acks, [['early0', true], ['early1', true], ['early2', true], ['early3', true], ['early4', true], ['sub', true]]);
  assert.equal((await frameGet(frame)).inputs.thyroid, 0.45);
  assert.deepEqual(await sibling.evaluate(() => window.received), [], 'the sibling heard nothing');
  await context.close();
});

test('after start-up a refused window\'s message is never serialised: allowed() comes first', async () => {
  const { page, context } = await hostPage();
  // Count JSON.stringify calls on marked objects inside NeuroDrive's own window.
  await context.addInitScript((o) => {
    if (location.origin !== o) return;
    const stringify = JSON.stringify;
    window.__marked = 0;
    JSON.stringify = function (v, ...rest) { if (v && typeof v === 'object' && v.marker === 'x') window.__marked++; return stringify.call(this, v, ...rest); };
  }, appOrigin);
  const frame = await embed(page);
  await page.evaluate((src) => window.addFrame('sibling', src, { width: 40, height: 40 }), otherUrl + 'attacker.html');
  const sibling = await (await page.waitForSelector('#sibling')).contentFrame();
  await sibling.waitForFunction(() => typeof window.attack === 'function');
  for (let i = 0; i < 5; i++) await sibling.evaluate(() => window.attack('sibling', { type: 'neurodrive:get', marker: 'x' }));
  await page.evaluate(() => window.send('app', { type: 'neurodrive:get', marker: 'x', id: 'mine' }));
  await page.waitForFunction(() => window.received.some((m) => m.data && m.data.id === 'mine'), null, { timeout: 5000 });
  assert.equal(await frame.evaluate(() => window.__marked), 1, 'only the parent\'s message was serialised');
  await context.close();
});

test('the app never answers the message types it sends: two copies (a page and its Share preview) do not talk forever', async () => {
  const { page, context } = await hostPage();
  await embed(page);
  for (const type of ['neurodrive:error', 'neurodrive:ack', 'neurodrive:state', 'neurodrive:ready', 'neurodrive:xapi']) await page.evaluate((t) => window.send('app', { type: t, error: 'x' }), type);
  await page.evaluate(() => window.send('app', { type: 'neurodrive:get', id: 'marker' }));
  await page.waitForFunction(() => window.received.some((m) => m.data && m.data.id === 'marker'), null, { timeout: 5000 });
  await page.waitForTimeout(300);
  const replies = await page.evaluate(() => window.received.filter((m) => m.from === 'app' && m.data && m.data.type !== 'neurodrive:ready').map((m) => m.data.type));
  assert.deepEqual(replies, ['neurodrive:state'], 'only the get was answered');
  await context.close();
  // A page on the app's own host that lists its own origin, with the Share dialog's live preview open.
  const ctx2 = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  await ctx2.addInitScript(() => { window.__heard = 0; window.addEventListener('message', (e) => { if (e.data && typeof e.data.type === 'string') window.__heard++; }); });
  const top = await ctx2.newPage();
  await top.goto(srv.url + '?origin=' + encodeURIComponent(appOrigin));
  await top.evaluate(() => window.neurodrive.ready.then(() => true));
  await top.locator('#share').click();
  await top.locator('#builder-preview-toggle').click();
  const preview = await (await top.waitForSelector('#builder-preview')).contentFrame();
  await preview.waitForFunction(() => window.neurodrive && window.neurodrive.ready, null, { timeout: 30000 });
  await preview.evaluate(() => window.neurodrive.ready.then(() => true));
  await top.waitForTimeout(1500);
  const a = await top.evaluate(() => window.__heard), b = await preview.evaluate(() => window.__heard);
  await top.waitForTimeout(1500);
  const a2 = await top.evaluate(() => window.__heard), b2 = await preview.evaluate(() => window.__heard);
  assert.ok(a2 === a && b2 === b && a + b <= 4, `messages heard: top ${a} then ${a2}, preview ${b} then ${b2}`);
  await ctx2.close();
});

test('the notice counts ignored parameters and names only parameters NeuroDrive knows: a link cannot write in it (English and Spanish)', async () => {
  const query = '?Your+session+expired.=1&Sign%20in%20at%20evil.example=1&lock=thyroid,Call+555-0100&hide=Visit+evil.example&thyroid=9&compare=Sign+in+now';
  for (const [lang, word] of [['en', /ignored 6 parameters/], ['es', /ignoró 6 parámetros/]]) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang === 'es' ? 'es-ES' : 'en-US' });
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(srv.url + query);
    await page.evaluate(() => window.neurodrive.ready.then(() => true));
    const notice = await page.locator('#notice-text').textContent();
    assert.match(notice, word);
    for (const name of ['lock', 'hide', 'thyroid', 'compare']) assert.ok(notice.includes(name), `${name} named`);
    for (const bad of ['session', 'expired', 'Sign', 'evil', 'Call', '555', 'Visit']) assert.ok(!notice.includes(bad), `"${bad}" must not reach the notice: ${notice}`);
    assert.ok(warnings.some((w) => w.includes('Your session expired.')) && warnings.some((w) => w.includes('Sign in now')), 'the console has the details');
    await screenshot(page, `url-notice-vocabulary-${lang}`);
    await context.close();
  }
});

test('JSON nested beyond 16 levels is refused on every reader path: a message, the stored state, a lesson record', async () => {
  const { page, context, errors } = await hostPage();
  const frame = await embed(page, '?persist=1');
  const deep = (n) => '['.repeat(n) + ']'.repeat(n);
  // A message nested 3000 levels (6 KB of JSON text; posting 8000 levels overflows the host's own stack).
  await page.evaluate((t) => window.send('app', { type: 'neurodrive:set', inputs: { thyroid: JSON.parse(t) } }), deep(3000));
  await page.waitForFunction(() => window.received.some((m) => m.from === 'app' && m.data && (m.data.type === 'neurodrive:error' || m.data.type === 'neurodrive:ack')), null, { timeout: 5000 });
  const r = await page.evaluate(() => window.received.find((m) => m.from === 'app' && m.data && (m.data.type === 'neurodrive:error' || m.data.type === 'neurodrive:ack')));
  assert.ok(r.data.type === 'neurodrive:error' && /nested deeper than 16 levels/.test(r.data.error), JSON.stringify(r.data));
  const lesson = await frame.evaluate((t) => window.neurodrive.restoreLesson(t), `{"v":1,"lesson":"wanting_vs_liking","step":0,"done":0,"answers":${deep(2000)}}`);
  assert.equal(lesson.ok, false);
  assert.match(lesson.error, /nested deeper than 16 levels/);
  assert.equal((await frameGet(frame)).inputs.thyroid, 1);
  await context.close();
  // A stored record nested 2000 levels: the page starts, says the saved state was damaged, Start fresh is reachable.
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await ctx.addInitScript(([k, v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, [STORE_KEY, `{"v":1,"inputs":${deep(2000)}}`]);
  const p = await ctx.newPage();
  await p.goto(srv.url);
  await p.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.match(await p.locator('#notice-text').textContent(), /saved state/);
  assert.equal(await p.locator('#start-fresh').isVisible(), true);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('compare mode obeys the locks on every path: presets and time (it restarts the clock), experiments and locked inputs', async () => {
  const { page, context, errors } = await hostPage();
  const frame = await embed(page, '?preset=hypothyroid&lock=presets');
  const r = await exchange(page, 'app', { type: 'neurodrive:compare', compare: 'stimulant' }, 'neurodrive:ack');
  assert.equal(r.data.ok, false);
  assert.match(r.data.error, /lock=presets/);
  assert.match((await frame.evaluate(() => window.neurodrive.compare('chronic_stress'))).error, /lock=presets/);
  await frame.waitForFunction(() => document.getElementById('a11y-compare') && document.getElementById('a11y-compare').disabled);
  assert.match(await frame.locator('#a11y-compare').getAttribute('title'), /lock=presets/);
  assert.equal((await frameGet(frame)).compare, null);
  await page.evaluate(() => window.removeFrame('app'));
  const f2 = await embed(page, '?lock=experiments');
  for (const spec of ['stimulant', 'dat_block:0.5', 'baseline,d2_antagonist:1']) {
    const x = await f2.evaluate((s) => window.neurodrive.compare(s), spec);
    assert.ok(x.ok === false && /lock=experiments/.test(x.error), `${spec}: ${JSON.stringify(x)}`);
  }
  assert.equal((await f2.evaluate(() => window.neurodrive.compare('hypothyroid'))).ok, true, 'a scenario without manipulations is allowed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the parent of a frame whose origin= list leaves it out hears nothing, errors included; the console says why', async () => {
  const { page, context } = await hostPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const frame = await embed(page, '?origin=https://lms.example.edu');
  for (const msg of [{ type: 'neurodrive:get' }, { type: 'neurodrive:set', inputs: { thyroid: 0.2 } }, { type: 'neurodrive:nonsense' }]) await page.evaluate((m) => window.send('app', m), msg);
  await page.waitForTimeout(1000);
  assert.deepEqual(await page.evaluate(() => window.received.filter((m) => m.from === 'app')), []);
  assert.ok(warnings.some((w) => /not in the origin= list/.test(w)), warnings.join('\n'));
  assert.equal((await frameGet(frame)).inputs.thyroid, 1);
  await context.close();
});

test('Full view opens the same scenario in a new tab (no address notice when the tab opens), also from the single file under file://', async () => {
  for (const [url, prefix] of [[srv.url + 'index.html?preset=hypothyroid', srv.url + 'index.html?'], ['file://' + path.resolve('dist/neurodrive.html') + '?preset=hypothyroid', 'file://' + path.resolve('dist/neurodrive.html') + '?']]) {
    const context = await browser.newContext({ viewport: { width: 400, height: 300 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => window.neurodrive.ready.then(() => true));
    const popupPromise = context.waitForEvent('page');
    const r = await page.evaluate(() => window.neurodrive.layout()['button:open_full']);
    await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    const popup = await popupPromise;
    assert.ok(popup.url().startsWith(prefix) && popup.url().includes('preset=hypothyroid'), popup.url());
    assert.equal(await popup.evaluate(() => window.opener), null, 'the new tab cannot reach this one');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#notice').isHidden(), true, 'no notice when the tab opened');
    await context.close();
  }
});
