// harness.mjs - shared helpers for the browser end-to-end tests: serves dist/ on a free local port,
// launches Debian's Chromium (WebGL2 on SwiftShader) through playwright-core, opens the app, waits
// for its first drawn frames and records every page error and console error.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from '../../scripts/serve.mjs';

export const SCREENSHOTS = path.resolve('build/screenshots');
fs.mkdirSync(SCREENSHOTS, { recursive: true });

export async function startServer(options = {}) {
  const server = createServer({ root: options.root || 'dist', csp: !!options.csp, headers: options.headers || {} });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

// bfcache: keep the browser's back/forward cache, which Playwright turns off by default.
// Every context of this browser blocks service workers unless it asks for them (serviceWorkers: 'allow',
// as offline.test.mjs does): a worker would answer requests from its cache, where page.route never sees
// them (fault injection) and where a test could meet an older build. Playwright's block replaces
// register() with one that only warns ("Service Worker registration blocked by Playwright").
export async function launch({ bfcache = false } = {}) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: bfcache ? ['--disable-back-forward-cache'] : [],
    args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--no-sandbox', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--ignore-gpu-blocklist'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  const newPage = browser.newPage.bind(browser);
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

// Opens the app and waits until window.neurodrive.ready resolves. Returns {page, errors}.
export async function openApp(browser, url, { width = 1366, height = 768, dpr = 1, touch = false, query = '', colorScheme = 'dark' } = {}) {
  // Dark is the designed default; the light preference (and the projector theme it selects) is tested on its own.
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: touch, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url + query);
  await page.evaluate(() => window.neurodrive.ready.then(() => true));
  return { page, context, errors };
}

export async function screenshot(page, name) {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Two display frames: what was asked for last is drawn and on screen.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: file });
  return file;
}

export const get = (page) => page.evaluate(() => window.neurodrive.get());

// Advance simulated time quickly: raise speed and wait real time.
export async function waitSim(page, seconds, speed = 4) {
  await page.evaluate((s) => window.neurodrive.speed(s), speed);
  const start = (await get(page)).time_s;
  await page.waitForFunction((t) => window.neurodrive.get().time_s >= t, start + seconds, { timeout: 120000 })
    .catch(() => { throw new Error(`simulation did not advance ${seconds} s within 120 s`); });
  await page.evaluate(() => window.neurodrive.speed(1));
}

// Display frames of the page (requestAnimationFrame callbacks): the app's main loop runs on them.
const displayFrames = (page, n) => page.evaluate((k) => new Promise((resolve) => {
  let left = k;
  const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
}), n);

// A click as a person makes it: move onto the target, press, release - each in its own frames, as the
// app sees a hand (a press held back one frame after a move; the click's action applied by the next update).
export async function clickAt(page, r) {
  const x = r.x + r.w / 2, y = r.y + r.h / 2;
  await page.mouse.move(x, y, { steps: 2 });
  await displayFrames(page, 3);
  await page.mouse.down();
  await displayFrames(page, 3);
  await page.mouse.up();
  await displayFrames(page, 4);
}

// The rectangle of a named item of the last frame (window.neurodrive.layout()), or undefined.
export const rectOf = async (page, name) => (await page.evaluate(() => window.neurodrive.layout()))[name];

// Waits up to 3 s for a drawn item (layout() name) and clicks its centre with the mouse.
export async function clickItem(page, name) {
  const r = await waitForRect(page, name, { ms: 3000 });
  if (!r) throw new Error(`${name} is not on screen`);
  await clickAt(page, r);
}

// Waits (up to `ms`) until the named item is drawn, or - with gone - until it is not; returns its rectangle.
export async function waitForRect(page, name, { ms = 5000, gone = false } = {}) {
  await page.waitForFunction(([n, g]) => { const l = window.neurodrive.layout(); return g ? !l[n] : !!l[n]; }, [name, gone], { timeout: ms }).catch(() => {});
  return rectOf(page, name);
}

// Every pair of text rectangles that overlap by more than a pixel, and every clipped one.
export function textProblems(layout) {
  const items = Object.entries(layout).filter(([k]) => k.startsWith('label:') || k.startsWith('text:'));
  const problems = [];
  for (const [k, r] of items) if (r.clipped) problems.push(`${k} is cut off`);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [ka, a] = items[i], [kb, b] = items[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x), dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      // The "start here" card floats over the schematic on a first visit (dismissable): its texts may
      // cover what is beneath, never each other.
      const overlay = (k) => /^(text|label):start\./.test(k);
      if (overlay(ka) !== overlay(kb)) continue;
      if (dx > 1 && dy > 1) problems.push(`${ka} overlaps ${kb}`);
    }
  }
  return problems;
}

// textProblems of the page's last frame, less what lasted only that frame: a block sized to its text
// (the narration, the lesson card) follows a new text one frame later, so what is cut off is looked at
// again two frames on (or after 3 s when the page has gone still) and only what stays cut off counts.
export async function stableTextProblems(page) {
  const first = textProblems(await page.evaluate(() => window.neurodrive.layout()));
  if (!first.some((p) => p.endsWith('is cut off'))) return first;
  const f0 = (await page.evaluate(() => window.neurodrive.stats())).frames;
  await page.waitForFunction((f) => window.neurodrive.stats().frames >= f + 2, f0, { timeout: 3000 }).catch(() => {});
  const again = new Set(textProblems(await page.evaluate(() => window.neurodrive.layout())));
  return first.filter((p) => !p.endsWith('is cut off') || again.has(p));
}

// The schematic's labels (issue 21): each one names something (its anchor in layout()), sits no farther
// from it than the height of its name and nearer to it than to any other region, and covers no region,
// gland or page button; the legend covers no region either. `pageTools` is the page's buttons'
// rectangle in canvas pixels (or null). Returns the problems found.
export function schematicLabelProblems(layout, pageTools) {
  const problems = [];
  const gap = (a, b) => Math.hypot(Math.max(0, b.x - (a.x + a.w), a.x - (b.x + b.w)), Math.max(0, b.y - (a.y + a.h), a.y - (b.y + b.h)));
  const overlap = (a, b) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
  const inside = (a, b) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.w <= b.x + b.w + 1 && a.y + a.h <= b.y + b.h + 1;
  const union = (a, b) => { const x = Math.min(a.x, b.x), y = Math.min(a.y, b.y); return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y }; };
  const centre = (a) => ({ x: a.x + a.w / 2, y: a.y + a.h / 2, w: 0, h: 0 });
  // As label_layout.cpp: nearer to its own anchor, or as near (within half a pixel) with its centre nearer.
  const nearerOwn = (l, own, other) => {
    const a = gap(l, own), b = gap(l, other);
    return Math.abs(a - b) > 0.5 ? a < b : gap(centre(l), own) < gap(centre(l), other);
  };
  const regions = Object.entries(layout).filter(([k]) => k.startsWith('region:'));
  const named = Object.entries(layout).filter(([k, r]) => k.startsWith('label:') && r.anchor && !k.startsWith('label:region_value.'));
  for (const [k, r] of named) {
    if (inside(r, r.anchor)) continue;  // a title inside its box, the band's caption inside the band
    const value = layout[k.replace('label:region.', 'label:region_value.')];
    const whole = k.startsWith('label:region.') && value ? union(r, value) : r;
    const d = gap(whole, r.anchor);
    if (d > r.h + 1) problems.push(`${k} is ${d.toFixed(1)} px from what it names (at most its height, ${r.h.toFixed(1)})`);
    for (const [rk, rr] of regions) {
      const own = Math.abs(rr.x - r.anchor.x) < 0.5 && Math.abs(rr.y - r.anchor.y) < 0.5 && Math.abs(rr.w - r.anchor.w) < 0.5;
      if (!own && !nearerOwn(whole, r.anchor, rr)) problems.push(`${k} is as near to ${rk} as to what it names`);
    }
  }
  const drawn = Object.entries(layout).filter(([k, r]) => k.startsWith('label:') && (r.anchor || /^label:legend\.[a-z]+$/.test(k)));
  for (const [k, r] of drawn) {
    if (r.anchor && inside(r, r.anchor)) continue;
    for (const [rk, rr] of regions) if (overlap(r, rr)) problems.push(`${k} covers ${rk}`);
    if (pageTools && overlap(r, pageTools)) problems.push(`${k} is under the page's buttons`);
  }
  return problems;
}

// The page's buttons over the canvas, in canvas pixels (null when hidden).
export const pageToolsRect = (page) => page.evaluate(() => {
  const t = document.getElementById('page-tools'), c = document.getElementById('canvas');
  if (!t || t.hidden) return null;
  const a = t.getBoundingClientRect(), b = c.getBoundingClientRect();
  return a.width ? { x: a.left - b.left, y: a.top - b.top, w: a.width, h: a.height } : null;
});

// One lesson step by keyboard on the accessible lesson controls (a page or a frame): pick an option,
// lock it in, act with native controls (key presses on [id, key] pairs), wait for the verdict and
// return its text.
export async function lessonStepByKeyboard(app, option, actions) {
  await app.waitForSelector(`#a11y-lesson-option-${option}`, { state: 'attached' });
  await app.locator(`#a11y-lesson-option-${option}`).press('Space');
  await app.waitForFunction(() => { const b = document.getElementById('a11y-lesson-lock'); return b && !b.disabled; });
  await app.locator('#a11y-lesson-lock').press('Enter');
  await app.waitForSelector('#a11y-lesson-do', { state: 'attached' });
  for (const [id, key] of actions) await app.locator(`#${id}`).press(key);
  await app.waitForSelector('#a11y-lesson-verdict', { state: 'attached', timeout: 30000 });
  return app.locator('#a11y-lesson-verdict').textContent();
}
