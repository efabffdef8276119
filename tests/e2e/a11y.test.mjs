// a11y.test.mjs - keyboard, screen reader mirror, live region, touch, themes and automated audits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, launch, openApp, screenshot, get, waitSim } from './harness.mjs';
import { until, frames } from './wait.mjs';

const require = createRequire(import.meta.url);
let srv, host, browser;
before(async () => { srv = await startServer(); host = await startServer({ root: 'tests/e2e/fixtures' }); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); await host?.close(); });

test('the HTML mirror drives the canvas controls, and the canvas drives the mirror', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.waitForSelector('#a11y-in-thyroid', { state: 'attached' });
  const clip = async () => { const r = (await page.evaluate(() => window.neurodrive.layout())).thyroid; return { x: r.x, y: r.y, width: r.w, height: r.h }; };
  const before = await page.screenshot({ clip: await clip() });
  // As a screen reader user would: focus the native slider and press arrow keys.
  await page.focus('#a11y-in-thyroid');
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
  assert.equal((await get(page)).inputs.thyroid, 0.6);
  await frames(page, 3);   // the canvas redraws the moved slider
  const after = await page.screenshot({ clip: await clip() });
  assert.ok(!before.equals(after), 'the canvas slider moved');
  await screenshot(page, 'mirror-focused');
  // The reverse: drag the canvas slider with the mouse; the mirror follows with a spoken value.
  await page.locator('#canvas').focus();
  const r = (await page.evaluate(() => window.neurodrive.layout())).dopamine;
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.down();
  await page.mouse.move(r.x + r.w + 50, r.y + r.h / 2, { steps: 8 });
  await page.mouse.up();
  await until(page, () => document.getElementById('a11y-in-dopamine').value === '200');  // the mirror is refreshed on a timer
  assert.equal(await page.locator('#a11y-in-dopamine').inputValue(), '200');
  assert.match(await page.locator('#a11y-in-dopamine').getAttribute('aria-valuetext'), /Dopamine tone \(VTA\): 200% of typical, very high/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a live region announces meaningful changes in plain words', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  // The mirror has been refreshed once (the announcer then knows the starting motivation).
  await until(page, () => document.querySelectorAll('#a11y-narration li').length > 0);
  await page.evaluate(() => window.neurodrive.set({ thyroid: 0.3 }));
  await waitSim(page, 25);
  await page.waitForFunction(() => document.getElementById('announcer').textContent.includes('Motivation fell'), null, { timeout: 10000 });
  const text = await page.locator('#announcer').textContent();
  assert.match(text, /Motivation fell from \d+ to \d+\..*thyroid/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard shortcuts work when the app has focus, and never when the host page has it', async () => {
  const { page, context, errors } = await openApp(browser, srv.url);
  await page.locator('#canvas').focus();
  await page.keyboard.press('c');
  await until(page, () => window.neurodrive.get().outputs.trial_time_s >= 0).catch(() => {});
  assert.ok((await get(page)).outputs.trial_time_s >= 0, 'C started a cue trial');
  const t0 = (await get(page)).trials;
  await waitSim(page, 2);
  assert.equal((await get(page)).trials, t0 + 1, 'C gave a cue trial');
  await page.keyboard.press('4');
  await until(page, () => window.neurodrive.get().preset === 'low_estradiol').catch(() => {});
  assert.equal((await get(page)).preset, 'low_estradiol');
  await page.keyboard.press('Shift+Slash');
  await until(page, () => window.neurodrive.layout()['dialog:shortcuts']).catch(() => {});
  assert.ok((await page.evaluate(() => window.neurodrive.layout()))['dialog:shortcuts'], '? opens the shortcuts dialog');
  await screenshot(page, 'shortcuts-dialog');
  await page.keyboard.press('Escape');
  await until(page, () => !window.neurodrive.layout()['dialog:shortcuts']);
  await page.keyboard.press('r');
  await until(page, () => window.neurodrive.get().preset === 'baseline').catch(() => {});
  assert.equal((await get(page)).preset, 'baseline');
  await context.close();

  // In an iframe: typing on the host page does nothing to the app.
  const ctx2 = await browser.newContext();
  const host_page = await ctx2.newPage();
  await host_page.goto(host.url + 'host.html');
  await host_page.evaluate((src) => {
    document.getElementById('app').src = src;
    document.body.insertAdjacentHTML('afterbegin', '<div><input id="host-input" aria-label="host field"></div>');
  }, srv.url + 'index.html');
  await host_page.waitForFunction(() => window.received.some((m) => m.data && m.data.type === 'neurodrive:ready'), null, { timeout: 30000 });
  await host_page.focus('#host-input');
  await host_page.keyboard.type('4r c');
  const frame = host_page.frames().find((f) => f.url().startsWith(srv.url));
  assert.equal((await frame.evaluate(() => window.neurodrive.get())).preset, 'baseline');
  assert.equal(await host_page.inputValue('#host-input'), '4r c');
  assert.deepEqual(errors, []);
  await ctx2.close();
});

test('touch: one finger scrolls the controls by their text and drags a slider on a 390x844 phone', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { width: 390, height: 844, dpr: 2, touch: true });
  const tab = (await page.evaluate(() => window.neurodrive.layout()))['tab:tab.short.controls'];
  assert.ok(tab && tab.h >= 44, 'the Inputs tab is a large touch target');
  await page.touchscreen.tap(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await until(page, () => window.neurodrive.layout()['text:title.presets']).catch(() => {});
  // The sliders are below the scenario: one finger swipes the list up by its text (not a control).
  const cdp = await context.newCDPSession(page);
  // A finger moves over several frames: each touch event is followed by two display frames, so the app
  // has drawn a frame after it (on a slow machine a whole swipe could otherwise land in one frame).
  const swipe = async (x, y0, dy) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
    await frames(page, 2);
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + (dy * i) / 8 }] });
      await frames(page, 2);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  const before = (await page.evaluate(() => window.neurodrive.layout()))['text:title.presets'];
  assert.ok(before, 'the Scenario title is on screen');
  await swipe(before.x + 10, before.y + before.h / 2, -200);
  await until(page, (y) => { const m = window.neurodrive.layout()['text:title.presets']; return !m || m.y < y - 100; }, before.y).catch(() => {});
  const moved = (await page.evaluate(() => window.neurodrive.layout()))['text:title.presets'];
  assert.ok(!moved || moved.y < before.y - 100, `the list scrolled up with the finger (${before.y} -> ${moved && moved.y})`);
  const r = (await page.evaluate(() => window.neurodrive.layout())).dopamine;
  assert.ok(r && r.h >= 44, `touch target ${r && r.h}px tall`);
  const y = r.y + r.h / 2;
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', r.x + r.w / 2);
  await frames(page, 2);
  for (let i = 1; i <= 10; i++) {
    await touch('touchMove', r.x + r.w / 2 - (i * r.w) / 16);
    await frames(page, 2);
  }
  await touch('touchEnd');
  await until(page, () => window.neurodrive.get().inputs.dopamine < 0.6).catch(() => {});
  const v = (await get(page)).inputs.dopamine;
  assert.ok(v < 0.6, `dopamine ${v} after a leftward drag`);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await screenshot(page, 'touch-drag-390x844');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const theme of ['dark', 'projector']) {
  test(`${theme} theme at 1920x1080: screenshot and zero axe-core violations`, async () => {
    const { page, context, errors } = await openApp(browser, srv.url, { width: 1920, height: 1080, query: `?theme=${theme}&persist=0` });
    await waitSim(page, 2);
    await page.evaluate(() => window.neurodrive.event('reward'));
    await frames(page, 3);   // the reward is drawn
    await screenshot(page, `theme-${theme}-1920x1080`);
    // Evaluated through DevTools: the page's own Content-Security-Policy forbids inline scripts.
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), []);
    assert.equal((await get(page)).theme, theme);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('Spanish: chosen by ?lang=es or the browser language, with every control labelled', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?lang=es&preset=hypothyroid' });
  await page.waitForSelector('#a11y-in-thyroid', { state: 'attached' });
  assert.equal(await page.locator('label[for=a11y-in-thyroid]').textContent(), 'Hormona tiroidea');
  await frames(page, 5);
  await screenshot(page, 'spanish-1366x768');
  await context.close();
  const es = await browser.newContext({ locale: 'es-ES', viewport: { width: 390, height: 844 } });
  const p2 = await es.newPage();
  await p2.goto(srv.url);
  await p2.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal((await p2.evaluate(() => window.neurodrive.get())).lang, 'es');
  await es.close();
  assert.deepEqual(errors, []);
});

test('follows prefers-color-scheme and prefers-reduced-motion, and remembers the text size', async () => {
  const context = await browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(srv.url);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  const s = await page.evaluate(() => window.neurodrive.get());
  assert.equal(s.theme, 'projector');
  assert.equal(s.reduced_motion, true);
  await page.evaluate(() => localStorage.setItem('neurodrive:scale', '1.5'));
  await page.reload();
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  assert.equal((await page.evaluate(() => window.neurodrive.get())).ui_scale, 1.5);
  await screenshot(page, 'light-scheme-reduced-motion-scale150');
  await context.close();
});

test('multitouch: two fingers on two sliders at once leave a sane state', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { width: 1366, height: 768, touch: true });
  const layout = await page.evaluate(() => window.neurodrive.layout());
  const a = layout.dopamine, b = layout.thyroid;
  const cdp = await context.newCDPSession(page);
  const pts = (dx) => [{ x: a.x + a.w / 2 + dx, y: a.y + a.h / 2, id: 1 }, { x: b.x + b.w / 2 - dx, y: b.y + b.h / 2, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pts(0) });
  for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pts(i * 10) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 6);   // the app has handled every touch (it reads input once per frame)
  const s = await get(page);
  for (const v of Object.values(s.inputs)) assert.ok(v >= 0 && v <= 2);
  for (const v of Object.values(s.outputs)) assert.ok(Number.isFinite(v));
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
