// builder.test.mjs - the teachers' scenario builder (the Share dialog, docs/TEACHERS.md): opened by a
// real click, by the keyboard and from the accessible mirror; choices made with real clicks and keys
// give a link that reopens exactly those settings, an iframe snippet that parses with its title and
// allow="fullscreen", and a QR code that a maintained decoder (npm jsqr) reads back as the link. The
// dialog keeps focus inside, closes with Escape back to its opener, and fits (scrolling) in every frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { startServer, launch, openApp, screenshot, get, clickAt } from './harness.mjs';
import { until, LONG } from './wait.mjs';

const require = createRequire(import.meta.url);
let srv, browser;
before(async () => { srv = await startServer({ csp: true }); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const boxOf = async (page, selector) => {
  const b = await page.locator(selector).boundingBox();
  assert.ok(b, `${selector} is on screen`);
  return { x: b.x, y: b.y, w: b.width, h: b.height };
};
// A real click on an element of the dialog, scrolled into view first (small frames scroll it).
async function click(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await clickAt(page, await boxOf(page, selector));
}
const focused = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);
const linkOf = (page) => page.locator('#builder-link').inputValue();
// Chooses an option of a <select> with the keyboard, as a person does: focus it, then arrow keys.
async function choose(page, selector, value) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.focus(selector);
  const options = await page.$$eval(`${selector} option`, (o) => o.map((x) => x.value));
  const from = options.indexOf(await page.locator(selector).inputValue()), to = options.indexOf(value);
  assert.ok(to >= 0, `${value} is offered`);
  for (let i = from; i !== to; i += to > from ? 1 : -1) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  assert.equal(await page.locator(selector).inputValue(), value);
}
// Decodes the QR code drawn on screen from a screenshot of it (what a phone camera sees).
async function decodeQr(page, selector = '#builder-qr') {
  await page.waitForFunction((s) => !!document.querySelector(`${s} svg`), selector, { timeout: 10000 });
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return { text: code && code.data, width: png.width };
}

test('Share opens by a click; choices by real clicks and keys give a link that reopens exactly those settings', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0&preset=hypothyroid' });
  assert.deepEqual(await page.evaluate(() => window.neurodrive.set({ dopamine: 0.7 })), { ok: true });
  await clickAt(page, await boxOf(page, '#share'));
  assert.equal(await page.locator('#builder').evaluate((d) => d.open), true, 'the dialog opened');
  assert.equal(await page.locator('#share').getAttribute('aria-expanded'), 'true');
  assert.ok((await focused(page)).startsWith('builder-'), 'focus moved into the dialog');
  const before = new URL(await linkOf(page));
  assert.equal(before.searchParams.get('dopamine'), '0.7', 'the current state is in the link');
  assert.equal(before.searchParams.get('thyroid'), String((await get(page)).inputs.thyroid), 'hypothyroid: thyroid is low');
  const state = await get(page);
  for (const id of ['#builder-lock-thyroid', '#builder-lock-events', '#builder-hide-plots', '#builder-hide-legend', '#builder-minimal']) await click(page, id);
  await choose(page, '#builder-lesson', 'tonic_vs_phasic');
  await choose(page, '#builder-lang', 'es');
  await choose(page, '#builder-theme', 'projector');
  // The link and its QR code follow the last choice.
  await until(page, () => { const l = document.getElementById('builder-link').value; return l.includes('theme=projector') && document.getElementById('builder-qr').dataset.link === l; }).catch(() => {});
  const link = await linkOf(page);
  const u = new URL(link);
  assert.equal(u.origin + u.pathname, srv.url, 'the link opens this page');
  const p = Object.fromEntries([...u.searchParams].filter(([k]) => !(k in state.inputs)));
  assert.deepEqual(p, { hide: 'plots,legend', lock: 'thyroid,events', theme: 'projector', lang: 'es', ui: 'minimal', lesson: 'tonic_vs_phasic' });
  assert.equal(await page.locator('#builder-qr').evaluate((e) => e.dataset.link), link, 'the QR code follows the choices');
  await screenshot(page, 'builder-chosen');
  // Open the link: the app applies exactly those settings.
  const other = await context.newPage();
  const otherErrors = [];
  other.on('pageerror', (e) => otherErrors.push(e.message));
  await other.goto(link);
  await other.evaluate(() => window.neurodrive.ready.then(() => true));
  // The accessible mirror has been built in the link's language, with its locks.
  await until(other, () => document.documentElement.lang === 'es' && document.getElementById('a11y-in-thyroid') && document.getElementById('a11y-in-thyroid').disabled).catch(() => {});
  const s = await get(other);
  assert.deepEqual(s.inputs, state.inputs, 'the same inputs, exactly');
  assert.equal(s.lesson, 'tonic_vs_phasic');
  assert.equal(s.lang, 'es');
  assert.equal(s.theme, 'projector');
  assert.equal(s.minimal, true);
  const layout = await other.evaluate(() => window.neurodrive.layout());
  assert.ok(!layout['panel:plots'], 'plots hidden');
  assert.match((await other.evaluate(() => window.neurodrive.set({ thyroid: 1 }))).error, /lock=thyroid/, 'thyroid locked');
  assert.match((await other.evaluate(() => window.neurodrive.event('cue'))).error, /events are locked/, 'events locked');
  assert.equal(await other.locator('#a11y-in-thyroid').isDisabled(), true);
  assert.equal(await other.evaluate(() => document.documentElement.lang), 'es');
  await screenshot(other, 'builder-link-opened');
  assert.deepEqual(otherErrors, []);
  // The dialog's Close button closes it and gives focus back to Share.
  await click(page, '#builder-close');
  assert.equal(await page.locator('#builder').evaluate((d) => d.open), false);
  assert.equal(await focused(page), 'share');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: Enter opens Share, Tab and Shift+Tab stay inside the dialog, Space ticks a box, Escape closes back to the opener; the accessible mirror opens it too; every control is labelled and axe-core finds no violation', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  await page.focus('#share');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#builder').evaluate((d) => d.open), true);
  // Focus trap: as many Tabs as there are controls, plus some, never leave the dialog.
  const count = await page.locator('#builder').evaluate((d) => d.querySelectorAll('button, input, select, textarea').length);
  const seen = new Set();
  for (let i = 0; i < count + 5; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.getElementById('builder').contains(document.activeElement));
    assert.ok(inside, `Tab ${i + 1} keeps focus in the dialog`);
    seen.add(await focused(page));
  }
  assert.ok(seen.has('builder-close') && seen.has('builder-copy-link') && seen.has('builder-lock-thyroid'), 'Tab reaches every part');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.ok(await page.evaluate(() => document.getElementById('builder').contains(document.activeElement)), 'Shift+Tab too');
  }
  await page.focus('#builder-hide-drive');
  await page.keyboard.press('Space');
  await until(page, () => new URL(document.getElementById('builder-link').value).searchParams.get('hide') === 'drive', null, 5000).catch(() => {});
  assert.equal(new URL(await linkOf(page)).searchParams.get('hide'), 'drive', 'Space on a checkbox changes the link at once');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#builder').evaluate((d) => d.open), false, 'Escape closes');
  // The dialog's close event (which returns focus to the opener) is a task after the key: wait for it.
  await until(page, () => document.activeElement && document.activeElement.id === 'share', null, 5000).catch(() => {});
  assert.equal(await focused(page), 'share', 'focus back on Share');
  assert.equal((await get(page)).paused, false, 'keys in the dialog never reached the simulation (Space did not pause)');
  // From the accessible mirror.
  await page.focus('#a11y-share');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#builder').evaluate((d) => d.open), true, 'the mirror button opens it');
  const names = await page.evaluate(() => [...document.querySelectorAll('#builder input, #builder select, #builder textarea')]
    .filter((e) => !(e.labels && e.labels.length && e.labels[0].textContent.trim())).map((e) => e.id));
  assert.deepEqual(names, [], 'every control has a label');
  assert.equal(await page.locator('#builder').getAttribute('aria-labelledby'), 'builder-title');
  await page.waitForFunction(() => !!document.querySelector('#builder-qr svg'));
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const axe = await page.evaluate(() => window.axe.run('#builder', { resultTypes: ['violations'] }));
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'axe-core: no violations in the open dialog');
  await page.keyboard.press('Escape');
  await until(page, () => document.activeElement && document.activeElement.id === 'a11y-share', null, 5000).catch(() => {});
  assert.equal(await focused(page), 'a11y-share', 'focus back on the mirror button');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe snippet parses with title and allow=fullscreen; the QR code decodes to the link, also shown large', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0&preset=chronic_stress' });
  await clickAt(page, await boxOf(page, '#share'));
  await click(page, '#builder-lock-presets');
  await choose(page, '#builder-lesson', 'learning_to_predict');
  const link = await linkOf(page);
  assert.match(link, /lock=presets/);
  const snippet = await page.locator('#builder-embed').inputValue();
  const frame = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const f = doc.body.firstElementChild;
    return f && { tag: f.tagName, count: doc.body.children.length, src: f.getAttribute('src'), title: f.getAttribute('title'), allow: f.getAttribute('allow'),
      width: f.getAttribute('width'), height: f.getAttribute('height'), loading: f.getAttribute('loading') };
  }, snippet);
  assert.equal(frame.tag, 'IFRAME');
  assert.equal(frame.count, 1);
  assert.equal(frame.src, link, 'the snippet embeds the link');
  assert.match(frame.title, /NeuroDrive/);
  assert.equal(frame.allow, 'fullscreen');
  assert.ok(Number(frame.width) >= 320 && Number(frame.height) >= 480);
  assert.equal(frame.loading, 'lazy');
  const small = await decodeQr(page);
  assert.equal(small.text, link, 'the QR code on screen decodes to the link');
  assert.ok(small.width >= 200, `the QR code is at least 200 px on screen (${small.width})`);
  await click(page, '#builder-qr-large');
  const large = await decodeQr(page);
  assert.equal(large.text, link, 'the large QR code decodes too');
  assert.ok(large.width >= 600, `large: ${large.width} px of a 768 px high window`);
  await screenshot(page, 'builder-qr-large');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#builder').evaluate((d) => d.open && !d.classList.contains('qr-large')), true, 'Escape leaves the large view first');
  // Copy link puts the link on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(srv.url).origin });
  await click(page, '#builder-copy-link');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.ok((await page.locator('#builder-status').textContent()).length > 0, 'copying is confirmed');
  // The live preview shows the link in a small frame.
  await click(page, '#builder-preview-toggle');
  await page.waitForFunction(() => document.getElementById('builder-preview').src.includes('lock=presets'));
  const previewFrame = page.frames().find((f) => f.url().includes('lock=presets'))
    || await page.waitForEvent('framenavigated', { predicate: (f) => f.url().includes('lock=presets'), ...LONG }).catch(() => undefined);
  assert.ok(previewFrame, 'the preview frame loads the link');
  await previewFrame.waitForFunction(() => !!window.neurodrive, null, { timeout: 20000 });
  const lesson = await previewFrame.evaluate(() => window.neurodrive.ready.then(() => window.neurodrive.get().lesson));
  assert.equal(lesson, 'learning_to_predict', 'the preview runs the link');
  assert.deepEqual(errors, []);
  await context.close();
});

test('window.neurodrive.scenario() returns the link, the iframe snippet and a QR SVG that decodes; bad options get a clear error', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0' });
  const r = await page.evaluate(() => window.neurodrive.scenario({ lock: ['thyroid', 'time'], hide: ['experiments'], lesson: 'ssri_weeks', lang: 'es', minimal: true }));
  assert.equal(r.ok, true, JSON.stringify(r));
  const p = Object.fromEntries(new URL(r.link).searchParams);
  assert.deepEqual(p, { hide: 'experiments', lock: 'thyroid,time', lang: 'es', ui: 'minimal', lesson: 'ssri_weeks' });
  assert.match(r.iframe, /^<iframe src="[^"]+" title="[^"]+" width="900" height="560" allow="fullscreen" loading="lazy"><\/iframe>$/);
  assert.match(r.iframe, / title="NeuroDrive: la neuroquímica de la motivación" /, 'the title in the language the link opens in');
  assert.ok(r.iframe.includes(r.link.replace(/&/g, '&amp;')));
  assert.match(r.qrSvg, /^<svg /);
  // Draw the SVG on a canvas (in a blank page: the app's strict CSP forbids data: images) and decode its pixels.
  const blank = await context.newPage();
  const img = await blank.evaluate(async (svg) => {
    const image = new Image();
    image.src = 'data:image/svg+xml;base64,' + btoa(svg);
    await image.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 400;
    const g = c.getContext('2d');
    g.imageSmoothingEnabled = false;
    g.drawImage(image, 0, 0, 400, 400);
    return Array.from(g.getImageData(0, 0, 400, 400).data);
  }, r.qrSvg);
  await blank.close();
  assert.equal(jsQR(new Uint8ClampedArray(img), 400, 400).data, r.link, 'qrSvg decodes to the link');
  assert.equal((await page.evaluate(() => window.neurodrive.scenario())).link, await page.evaluate(() => window.neurodrive.shareLink()), 'no options: the share link');
  for (const [bad, part] of [[{ lock: ['mojo'] }, 'unknown control "mojo"'], [{ hide: 'plots' }, 'hide must be an array'], [{ lesson: 'nope' }, 'unknown lesson'],
    [{ lang: 'xx' }, 'lang must be'], [{ scale: Infinity }, 'scale must be'], [{ extra: 1 }, 'unknown option'], ['lock=thyroid', 'takes an object'],
    [null, 'takes an object'], [{ lock: ['x'.repeat(20000)] }, 'larger than 16 KB']]) {
    const e = await page.evaluate((o) => window.neurodrive.scenario(o), bad);
    assert.equal(e.ok, false, JSON.stringify(bad).slice(0, 60));
    assert.ok(e.error.includes(part), `${e.error} names ${part}`);
  }
  // A getter that throws never escapes.
  const thrown = await page.evaluate(() => window.neurodrive.scenario({ get lock() { throw new Error('boom'); } }));
  assert.equal(thrown.ok, false);
  assert.equal(typeof (await get(page)).time_s, 'number', 'the app still runs');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when qrcode.js cannot load, the dialog says so and the link and embed code still work; a later try draws the code', async () => {
  const { page, context, errors } = await openApp(browser, srv.url, { query: '?persist=0&preset=stimulant' });
  await page.route('**/qrcode.js', (route) => route.abort());
  await clickAt(page, await boxOf(page, '#share'));
  await page.waitForFunction(() => /qrcode\.js/.test(document.getElementById('builder-qr').textContent), null, { timeout: 10000 });
  assert.match(await page.locator('#builder-qr').textContent(), /could not be drawn/);
  assert.match(await linkOf(page), /preset=stimulant/, 'the link is there');
  assert.match(await page.locator('#builder-embed').inputValue(), /^<iframe src=".*preset=stimulant"/);
  const failed = await page.evaluate(() => window.neurodrive.scenario({ hide: ['plots'] }));
  assert.equal(failed.ok, true);
  assert.equal(failed.qrSvg, null);
  assert.match(failed.qrError, /did not load/);
  await page.unroute('**/qrcode.js');
  await click(page, '#builder-hide-plots');
  const { text } = await decodeQr(page);
  assert.equal(text, await linkOf(page), 'drawn once the library loads');
  assert.deepEqual(errors.filter((e) => !/qrcode\.js|ERR_FAILED/.test(e)), []);
  await context.close();
});

test('the single file (file://, hash-based CSP) carries the QR library inline: the dialog draws a code that decodes to its file:// link', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: 'dark' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + path.resolve('dist/neurodrive.html') + '?persist=0&preset=hypothyroid');
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  await clickAt(page, await boxOf(page, '#share'));
  const link = await linkOf(page);
  assert.match(link, /^file:\/\/.*neurodrive\.html\?preset=hypothyroid$/);
  assert.equal((await decodeQr(page)).text, link);
  assert.equal(await page.locator('#builder-preview-toggle').count(), 0, 'no preview where the policy allows no frames');
  assert.ok(!requests.some((u) => u.endsWith('qrcode.js')), 'nothing fetched');
  assert.deepEqual(errors, []);
  await context.close();
});

const sizes = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x768-scale150', width: 1024, height: 768, query: '&scale=1.5' },
  { name: '390x844', width: 390, height: 844, dpr: 2, touch: true },
  { name: '400x300', width: 400, height: 300 },
];
for (const c of sizes) {
  for (const lang of ['en', 'es']) {
    test(`${c.name} ${lang}: the Share button fits in the page tools, the dialog fits the window and scrolls to its last control`, async () => {
      const { page, context, errors } = await openApp(browser, srv.url, { ...c, query: `?persist=0&lang=${lang}${c.query || ''}` });
      const tools = await boxOf(page, '#page-tools');
      assert.ok(tools.w <= 290, `page tools ${tools.w} px wide (the canvas keeps 290 px free for them)`);
      assert.ok(tools.x >= 0 && tools.x + tools.w <= c.width);
      const share = await page.locator('#share').evaluate((b) => ({ text: b.textContent, clipped: b.scrollWidth > b.clientWidth }));
      assert.equal(share.text, lang === 'es' ? 'Compartir\u2026' : 'Share\u2026');
      assert.equal(share.clipped, false);
      if (c.touch) await page.locator('#share').tap(); else await clickAt(page, await boxOf(page, '#share'));
      await page.waitForFunction(() => !!document.querySelector('#builder-qr svg'), null, { timeout: 10000 });
      const d = await boxOf(page, '#builder');
      assert.ok(d.x >= 0 && d.y >= 0 && d.x + d.w <= c.width + 0.5 && d.y + d.h <= c.height + 0.5, `dialog inside the window: ${JSON.stringify(d)}`);
      assert.equal(await page.locator('#builder-title').textContent(), lang === 'es' ? 'Compartir este escenario' : 'Share this scenario');
      // No control is cut off sideways; the dialog scrolls (not the page) to reach its last control.
      const wide = await page.evaluate(() => [...document.querySelectorAll('#builder label, #builder button, #builder select, #builder textarea')]
        .filter((e) => e.getClientRects().length && (e.getBoundingClientRect().right > document.getElementById('builder').getBoundingClientRect().right + 1 || e.scrollWidth > e.clientWidth + 1) && e.tagName !== 'TEXTAREA')
        .map((e) => e.id || e.textContent));
      assert.deepEqual(wide, [], 'nothing sticks out or is cut off sideways');
      await screenshot(page, `builder-${c.name}-${lang}`);
      await page.locator('#builder-status').scrollIntoViewIfNeeded();
      const last = await boxOf(page, '#builder-preview-toggle');
      assert.ok(last.y >= 0 && last.y + last.h <= c.height, 'the last button scrolls into view');
      const close = await boxOf(page, '#builder-close');
      assert.ok(close.y >= 0 && close.y + close.h <= c.height, 'Close stays in view while the dialog scrolls');
      await screenshot(page, `builder-${c.name}-${lang}-scrolled`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
